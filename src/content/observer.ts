import { highlight, highlightAll, isDeferred, isOwnNode, wrapDeferred, type HighlightResult } from './highlighter';
import type { CompiledMatcher } from './matcher';
import { nearTheViewport, type NearbyWatch } from './nearby';
import { outermost } from './outermost';
import { learnRuns } from './page-dictionary';
import { nextFrame } from './pacer';

/**
 * Highlights content that arrives after the first pass: infinite scroll, single-page apps swapping articles,
 * history navigation, and whatever the page's scripts add while the first pass is still under way (the content
 * script starts at DOMContentLoaded). Mutations come in bursts, so they are collected and handled after a quiet
 * moment (or a longest wait, so a page that never stops changing still gets its highlights). Our own marks, and the
 * text nodes that wrapping splits off, are not content: our passes wrap out of the observer's sight, and what it
 * sees of them anyway is ignored, or every pass would trigger the next.
 *
 * Only added nodes are watched (childList), not edits to existing text (characterData): our own wrapping
 * rewrites text nodes, and news pages add articles rather than retype them. Added content is highlighted when it is
 * near the viewport (`nearby.ts`), so a feed that appends 20,000 items costs the page what the reader scrolls to; and
 * so are the blocks of the page itself that the first pass matched but left unwrapped, far from the reader.
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
  /**
   * When added content, or a block the first pass put off, counts as near the reader; near the viewport unless a test
   * says otherwise.
   */
  nearby?: NearbyWatch;
  /**
   * Runs after the first pass, before any pass over added content: what reads the page as the first pass left it
   * (claim check, the reader's own corpora).
   */
  afterFirstPass?: () => Promise<void>;
  /** Runs after each pass over added content, on the roots it covered, before the next pass. */
  afterPass?: (roots: readonly Element[]) => Promise<unknown>;
}

/** The element to highlight for an added node, or nothing if the node is ours or already gone. */
function rootFor(node: Node): Element | undefined {
  if (!node.isConnected || isOwnNode(node)) return undefined;
  if (node instanceof Element) return node;
  if (node instanceof Text && node.data.trim() !== '') return node.parentElement ?? undefined;
  return undefined;
}

/** Watches `root` for added content and highlights it with `matcher` until `options.signal` aborts. */
export function observeAddedContent(root: Element, matcher: CompiledMatcher, options: ObserveOptions): void {
  watch(root, matcher, options);
}

/**
 * Highlights `root`, and then what is added to it until `options.signal` aborts. Watching starts before the first
 * pass, so what the page adds meanwhile, even where the pass has already been, is highlighted after it.
 */
export async function highlightAndObserve(
  root: Element,
  matcher: CompiledMatcher,
  options: ObserveOptions,
): Promise<HighlightResult> {
  const { signal, namedSoFar = new Set<string>() } = options;
  let firstPassOver = (): void => undefined;
  const firstPass = new Promise<void>((resolve) => {
    firstPassOver = resolve;
  });
  const watcher = watch(root, matcher, { ...options, namedSoFar }, firstPass);
  try {
    await learnRuns([root], matcher, signal);
    const { nearby = nearTheViewport } = options;
    const result = await highlight(root, matcher, { signal, namedSoFar, unobserved: watcher.unobserved, nearby });
    void watcher.watchNear(result.deferred ?? []);
    if (!signal.aborted) await options.afterFirstPass?.();
    return result;
  } finally {
    firstPassOver();
  }
}

const passFailed = (error: unknown): void => console.error('Sourcelight: a pass over added content', error);

const WATCHED: MutationObserverInit = { childList: true, subtree: true };
/** Added roots handed to `Nearby` per task. */
const WATCH_SLICE = 2_000;

interface Watcher {
  /** Makes a change to the page that the observer does not see: our own wrapping. */
  unobserved(change: () => void): void;
  /** Highlights these elements when they come near the reader. */
  watchNear(elements: readonly Element[]): Promise<void>;
}

/** The observer; with `firstPass`, what is added waits until that pass is over, so two never wrap one text at once. */
function watch(root: Element, matcher: CompiledMatcher, options: ObserveOptions, firstPass?: Promise<void>): Watcher {
  const {
    signal,
    namedSoFar = new Set<string>(),
    debounceMs = 150,
    maxWaitMs = 1000,
    onHighlighted,
    nearby = nearTheViewport,
    afterPass,
  } = options;
  /** Added, not yet looked at: collected until the page is quiet. */
  const pending = new Set<Element>();
  /** Added and near the reader: highlighted in the next pass. */
  const near = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | undefined;
  // Until the first pass is over, no other pass runs: what is near waits for it.
  let running = firstPass !== undefined;

  const schedule = (): void => {
    const now = performance.now();
    firstPendingAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now)));
  };

  const collect = (records: MutationRecord[]): void => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const added = rootFor(node);
        if (added !== undefined) pending.add(added);
      }
    }
    if (pending.size > 0) schedule();
  };
  const observer = new MutationObserver(collect);

  const unobserved = (change: () => void): void => {
    if (signal.aborted) {
      change();
      return;
    }
    // What the page changed so far is collected first; then nothing but our change can run until we watch again.
    collect(observer.takeRecords());
    observer.disconnect();
    try {
      change();
    } finally {
      observer.observe(root, WATCHED);
    }
  };

  const highlightNear = async (): Promise<void> => {
    // One pass at a time: what comes near meanwhile waits in `near` for the next.
    if (running || signal.aborted || near.size === 0) return;
    running = true;
    const roots = outermost(near);
    // The first pass's blocks are matched already: their matches are wrapped as they were found.
    const blocks = [...near].filter(isDeferred);
    const added = outermost(new Set([...near].filter((element) => !isDeferred(element))));
    near.clear();
    // One paced pass over them all: a page that appends 20,000 paragraphs gets one pass, not 20,000.
    // If the background cannot be asked (restarting, say), the pass goes on with the names the page holds.
    await learnRuns(added, matcher, signal).catch(passFailed);
    const result = await highlightAll(added, matcher, { signal, namedSoFar, unobserved });
    result.matches += (await wrapDeferred(blocks, { signal })).matches;
    if (!signal.aborted) await afterPass?.(roots).catch(passFailed);
    running = false;
    onHighlighted?.(result);
    void highlightNear();
  };

  const reader = nearby((elements) => {
    for (const element of elements) if (element.isConnected) near.add(element);
    void highlightNear();
  });

  const watchNear = async (elements: readonly Element[]): Promise<void> => {
    // In slices, a frame apart: the browser works out where each watched element lies in the frame after it is
    // watched, and 20,000 at once made that frame a task of 100 ms.
    for (let start = 0; start < elements.length && !signal.aborted; start += WATCH_SLICE) {
      if (start > 0) await nextFrame(root.ownerDocument);
      reader.watch(elements.slice(start, start + WATCH_SLICE));
    }
  };

  const flush = async (): Promise<void> => {
    timer = undefined;
    firstPendingAt = undefined;
    if (signal.aborted) return;
    const roots = outermost(pending);
    pending.clear();
    await watchNear(roots);
  };

  if (signal.aborted) return { unobserved, watchNear };
  observer.observe(root, WATCHED);
  void firstPass?.then(() => {
    running = false;
    void highlightNear();
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      reader.stop();
      clearTimeout(timer);
      pending.clear();
      near.clear();
    },
    { once: true },
  );
  return { unobserved, watchNear };
}
