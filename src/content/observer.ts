import { highlight, isOwnNode, type HighlightResult } from './highlighter';
import type { CompiledMatcher } from './matcher';

/**
 * Highlights content that arrives after the first pass: infinite scroll, single-page apps swapping articles,
 * history navigation. Mutations come in bursts, so they are collected and handled after a quiet moment (or a
 * longest wait, so a page that never stops changing still gets its highlights). Our own marks, and the text
 * nodes that wrapping splits off, are not content: they are ignored, or every pass would trigger the next.
 *
 * Only added nodes are watched (childList), not edits to existing text (characterData): our own wrapping
 * rewrites text nodes, and news pages add articles rather than retype them.
 */

export interface ObserveOptions {
  /** Aborting disconnects the observer and stops any pass under way. */
  signal: AbortSignal;
  /** Ids of people named in full so far on the page: share the set the first pass used. */
  namedSoFar?: Set<string>;
  /** Quiet time after the last mutation before highlighting, in milliseconds. */
  debounceMs?: number;
  /** Longest time a mutation waits for highlighting while the page keeps changing, in milliseconds. */
  maxWaitMs?: number;
  /** Called after each pass over added content, e.g. to update a highlight count. */
  onHighlighted?: (result: HighlightResult) => void;
}

/** The element to highlight for an added node, or nothing if the node is ours or already gone. */
function rootFor(node: Node): Element | undefined {
  if (!node.isConnected || isOwnNode(node)) return undefined;
  if (node instanceof Element) return node;
  if (node instanceof Text && node.data.trim() !== '') return node.parentElement ?? undefined;
  return undefined;
}

/** Drops roots inside other roots: highlighting the outer one covers them. */
function outermost(roots: Set<Element>): Element[] {
  return [...roots].filter((candidate) => {
    if (!candidate.isConnected) return false;
    for (const other of roots) if (other !== candidate && other.contains(candidate)) return false;
    return true;
  });
}

/** Watches `root` for added content and highlights it with `matcher` until `options.signal` aborts. */
export function observeAddedContent(root: Element, matcher: CompiledMatcher, options: ObserveOptions): void {
  const { signal, namedSoFar = new Set<string>(), debounceMs = 150, maxWaitMs = 1000, onHighlighted } = options;
  if (signal.aborted) return;
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | undefined;
  let running = false;

  const schedule = (): void => {
    const now = performance.now();
    firstPendingAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now)));
  };

  const flush = async (): Promise<void> => {
    timer = undefined;
    // One pass at a time: what arrives meanwhile waits in `pending` for the next.
    if (running || signal.aborted) return;
    running = true;
    firstPendingAt = undefined;
    const roots = outermost(pending);
    pending.clear();
    let matches = 0;
    let longestChunkMs = 0;
    let aborted = false;
    for (const added of roots) {
      const result = await highlight(added, matcher, { signal, namedSoFar });
      matches += result.matches;
      longestChunkMs = Math.max(longestChunkMs, result.longestChunkMs);
      aborted ||= result.aborted;
      if (aborted) break;
    }
    running = false;
    onHighlighted?.({ matches, aborted, longestChunkMs });
    if (pending.size > 0 && !signal.aborted) schedule();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const added = rootFor(node);
        if (added !== undefined) pending.add(added);
      }
    }
    if (pending.size > 0) schedule();
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      pending.clear();
    },
    { once: true },
  );
}
