import type Mark from 'mark.js';
// @ts-expect-error -- mark.js ships types for its UMD wrapper only; this is the class that wrapper hides.
import MarkSource from 'mark.js/src/lib/mark.js';
import type { EntityKind } from '../corpus/pack';
import { findMatches, type CompiledMatcher } from './matcher';

/**
 * Wraps dictionary matches on a page in `<mark class="sourcelight" data-sl-id="ENTITY_ID" data-sl-kind="KIND">`,
 * and unwraps them again exactly.
 *
 * The page is read as runs of text: the text nodes that flow together inside one block (a paragraph, a list
 * item, a cell) with only inline elements between them, so "<b>Maryam</b> Rajavi" is one run. Each run is
 * matched in one pass and handed to mark.js on its own, as the list of its text nodes: mark.js then re-reads a
 * few hundred characters, not the page, and its offsets are ours by construction (handing it the block element
 * would also feed it nested blocks and skipped descendants, whose text we did not match).
 *
 * Keyboard reach: marks get no tabindex, so a page with three thousand names keeps its own tab order; the
 * content script binds a shortcut to `focusAdjacentHighlight`, which makes one mark focusable when it is reached.
 */

export const HIGHLIGHT_CLASS = 'sourcelight';
/** The fixed contract other parts of the extension and the tests select highlights by. */
export const HIGHLIGHT_SELECTOR = `mark.${HIGHLIGHT_CLASS}`;
/** Marks after the first of one match split across elements ("<b>Maryam</b> Rajavi" gives two marks). */
const CONTINUED_ATTRIBUTE = 'data-sl-continued';

/** Where nothing may be wrapped: form fields, code and media, the extension's own UI, and earlier marks. */
const SKIPPED_TAGS = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);
const SKIPPED_SELECTOR = `svg, math, [contenteditable]:not([contenteditable="false"]), sourcelight-card, [data-sourcelight-ui], ${HIGHLIGHT_SELECTOR}`;

/** Elements that text flows through; any other element (a block, a line break, an image) ends a run of text. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
]);

export interface HighlightOptions {
  /** Stops the pass between two runs of text; marks already made stay (use `removeHighlights`). */
  signal?: AbortSignal;
  /** Ids of people named in full so far on this page; share one set across passes so later surnames resolve. */
  namedSoFar?: Set<string>;
  /** Longest stretch of work before yielding to the page, in milliseconds. */
  chunkBudgetMs?: number;
}

export interface HighlightResult {
  /** Matches wrapped (one match split across elements counts once). */
  matches: number;
  aborted: boolean;
  /** The longest stretch of work between two yields, in milliseconds: a bound on the long tasks we caused. */
  longestChunkMs: number;
}

/** Text nodes that splitting created: removal merges them back, and the observer knows them as ours. */
const splitOffText = new WeakSet<Text>();

/** Whether a node is one that highlighting created: a mark, its text, or the remainder of a split text node. */
export function isOwnNode(node: Node): boolean {
  if (node instanceof Text) return splitOffText.has(node) || node.parentElement?.matches(HIGHLIGHT_SELECTOR) === true;
  return node instanceof Element && node.matches(HIGHLIGHT_SELECTOR);
}

function isSkipped(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName.toUpperCase()) || element.matches(SKIPPED_SELECTOR);
}

function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName.toUpperCase());
}

/** The nearest ancestor that is not inline: two text nodes flow together only inside the same one. */
function blockOf(node: Node, root: Node): Node {
  let parent = node.parentNode;
  while (parent !== null && parent !== root && parent instanceof Element && isInline(parent)) parent = parent.parentNode;
  return parent ?? root;
}

/** Whether an element or one of its ancestors up to the root is somewhere we never wrap. */
function isInsideSkipped(node: Node, root: Node): boolean {
  for (let parent = node.parentElement; parent !== null; parent = parent.parentElement) {
    if (isSkipped(parent)) return true;
    if (parent === root) break;
  }
  return false;
}

interface Piece extends Mark.Range {
  entityId: string;
  kind: EntityKind;
  continued: boolean;
}

const WHITESPACE = /\s/u;

/** One match cut at text node edges, without the whitespace at either end (a mark around a space shows). */
function piecesOf(start: number, end: number, text: string, nodeStarts: number[]): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  for (let k = 0; k < nodeStarts.length - 1; k++) {
    let from = Math.max(start, nodeStarts[k] ?? 0);
    let to = Math.min(end, nodeStarts[k + 1] ?? 0);
    while (from < to && WHITESPACE.test(text.charAt(from))) from++;
    while (to > from && WHITESPACE.test(text.charAt(to - 1))) to--;
    if (from < to) pieces.push({ start: from, end: to });
  }
  return pieces;
}

interface TextMarker {
  markRanges(ranges: readonly Mark.Range[], options: Mark.MarkRangesOptions): void;
}
/** mark.js's own class, not its UMD wrapper, which keeps the instance (and so its text walk) out of reach. */
const MarkClass = MarkSource as new (context: readonly Node[]) => TextMarker;

/**
 * A mark.js instance over exactly these text nodes. mark.js finds text with a new live NodeIterator per context
 * node, and Chromium updates every live iterator on each node removal until garbage collection reclaims them:
 * wrapping a 1 MB page went from 0.1 ms to 4 ms per mark as they piled up. We already hold the run's nodes, so
 * mark.js gets them directly; its range checks and wrapping are unchanged.
 */
function markerFor(nodes: Text[]): TextMarker {
  const marker = new MarkClass(nodes);
  const iterator = {
    forEachNode(_whatToShow: number, each: (node: Text) => void, _filter: unknown, done: () => void): void {
      nodes.forEach(each);
      done();
    },
  };
  Object.defineProperty(marker, 'iterator', { value: iterator });
  return marker;
}

/** Matches one run of text nodes and wraps the matches; returns how many it wrapped. */
function highlightRun(nodes: Text[], matcher: CompiledMatcher, namedSoFar: Set<string>): number {
  const nodeStarts = [0];
  let text = '';
  for (const node of nodes) {
    text += node.data;
    nodeStarts.push(text.length);
  }
  if (text.trim() === '') return 0;
  const matches = findMatches(text, matcher, namedSoFar);
  if (matches.length === 0) return 0;

  const pieces: Piece[] = [];
  for (const match of matches) {
    piecesOf(match.start, match.end, text, nodeStarts).forEach((piece, index) =>
      pieces.push({
        start: piece.start,
        length: piece.end - piece.start,
        entityId: match.entityId,
        kind: match.kind,
        continued: index > 0,
      }),
    );
  }
  const pieceOf = new Map<Mark.Range, Piece>(pieces.map((piece) => [piece, piece]));
  markerFor(nodes).markRanges(pieces, {
    element: 'mark',
    className: HIGHLIGHT_CLASS,
    each: (mark, range) => {
      const piece = pieceOf.get(range);
      if (piece === undefined) return;
      mark.setAttribute('data-sl-id', piece.entityId);
      mark.setAttribute('data-sl-kind', piece.kind);
      if (piece.continued) mark.setAttribute(CONTINUED_ATTRIBUTE, '');
      if (mark.nextSibling instanceof Text) splitOffText.add(mark.nextSibling);
    },
  });
  return matches.length;
}

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Moves the walker past an element's descendants; false at the end of the root. */
function skipChildren(walker: TreeWalker): boolean {
  while (walker.nextSibling() === null) {
    if (walker.parentNode() === null) return false;
  }
  return true;
}

/**
 * Highlights every match under `root`, a run of text at a time, yielding to the page whenever a chunk of work
 * has taken `chunkBudgetMs`. Text already inside a mark is left alone, so running it twice marks nothing twice.
 */
export async function highlight(
  root: Element,
  matcher: CompiledMatcher,
  options: HighlightOptions = {},
): Promise<HighlightResult> {
  const { signal, namedSoFar = new Set<string>(), chunkBudgetMs = 10 } = options;
  const result: HighlightResult = { matches: 0, aborted: false, longestChunkMs: 0 };
  if (isSkipped(root) || isInsideSkipped(root, root.ownerDocument.documentElement)) return result;

  const doc = root.ownerDocument;
  let walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let run: Text[] = [];
  let runBlock: Node | undefined;
  let chunkStart = performance.now();

  const finishRun = (): void => {
    if (run.length > 0) result.matches += highlightRun(run, matcher, namedSoFar);
    run = [];
    runBlock = undefined;
  };

  let more = walker.nextNode() !== null;
  while (more) {
    if (signal?.aborted === true) {
      result.aborted = true;
      return result;
    }
    const node = walker.currentNode;
    if (node instanceof Text) {
      const block = blockOf(node, root);
      if (block !== runBlock) finishRun();
      runBlock = block;
      if (node.data.length > 0) run.push(node);
      more = walker.nextNode() !== null;
      continue;
    }
    if (node instanceof Element && !isInline(node)) finishRun();
    if (node instanceof Element && isSkipped(node)) {
      finishRun();
      more = skipChildren(walker);
    } else {
      more = walker.nextNode() !== null;
    }
    // Yield only between runs, so that a run never spans a moment the page could change it.
    if (run.length === 0 && performance.now() - chunkStart > chunkBudgetMs) {
      result.longestChunkMs = Math.max(result.longestChunkMs, performance.now() - chunkStart);
      await yieldToPage();
      chunkStart = performance.now();
      // The page may have removed where we were: start again; marked text is skipped, so nothing doubles.
      if (more && !root.contains(walker.currentNode)) {
        walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        more = walker.nextNode() !== null;
      }
    }
  }
  finishRun();
  result.longestChunkMs = Math.max(result.longestChunkMs, performance.now() - chunkStart);
  return result;
}

/**
 * Unwraps every mark under `root`, the exact inverse of `highlight`: each mark's text goes back into the text
 * node it was split from, and only the remainders that splitting created are merged away, so the page's own
 * nodes are the same objects with the same text, and text nodes the page kept apart stay apart.
 */
export function removeHighlights(root: ParentNode): void {
  const marks = Array.from(root.querySelectorAll(HIGHLIGHT_SELECTOR));
  // Last first: a mark's left neighbour may be the remainder of the mark before it, merged in its turn.
  for (let k = marks.length - 1; k >= 0; k--) {
    const mark = marks[k];
    const parent = mark?.parentNode;
    if (mark === undefined || parent === null || parent === undefined) continue;
    let text = mark.textContent ?? '';
    const next = mark.nextSibling;
    if (next instanceof Text && splitOffText.has(next)) {
      text += next.data;
      next.remove();
    }
    const previous = mark.previousSibling;
    if (previous instanceof Text) {
      previous.appendData(text);
      mark.remove();
    } else {
      const restored = mark.ownerDocument.createTextNode(text);
      splitOffText.add(restored);
      parent.replaceChild(restored, mark);
    }
  }
}

/**
 * Focuses the next (or previous) highlight after the focused element, for the content script's keyboard
 * shortcut; the mark becomes focusable only now, so marks never crowd the page's tab order. Returns the mark.
 */
export function focusAdjacentHighlight(root: ParentNode, direction: 'next' | 'previous'): HTMLElement | undefined {
  const marks = Array.from(root.querySelectorAll<HTMLElement>(`${HIGHLIGHT_SELECTOR}:not([${CONTINUED_ATTRIBUTE}])`));
  if (marks.length === 0) return undefined;
  const active = document.activeElement;
  const after = (mark: HTMLElement): boolean =>
    active !== null && (active.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target =
    direction === 'next'
      ? (marks.find(after) ?? marks[0])
      : (marks.findLast((mark) => mark !== active && !after(mark) && !mark.contains(active)) ?? marks[marks.length - 1]);
  if (target === undefined) return undefined;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return target;
}
