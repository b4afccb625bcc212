import type Mark from 'mark.js';
import type { EntityKind } from '../shared/entity-kind';
import type { LinkReason } from '../shared/link-reason';
import { markerOver } from './markjs-adapter';
import type { NearbyWatch } from './nearby';
import { styleMark } from './mark-style';
import { findMatches, type CompiledMatcher } from './matcher';
import { CARD_TAG, CLAIM_SELECTOR, OWN_UI_ATTRIBUTE } from './own-ui';
import { nextTask, Pacer } from './pacer';
import { hasRendered } from './rendering';
import { piecesBetween, readTextRun, stillHolds, type NodePiece, type TextRun } from './text-range';

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
 * Text offsets live in `text-range.ts`, mark.js's internals in `markjs-adapter.ts`, pacing in `pacer.ts` and
 * keyboard focus in `mark-focus.ts`; this module walks the page and puts them together.
 */

export const HIGHLIGHT_CLASS = 'sourcelight';
/** The fixed contract other parts of the extension and the tests select highlights by. */
export const HIGHLIGHT_SELECTOR = `mark.${HIGHLIGHT_CLASS}`;
/** Marks after the first of one match split across elements ("<b>Maryam</b> Rajavi" gives two marks). */
export const CONTINUED_ATTRIBUTE = 'data-sl-continued';
/** Every mark Sourcelight makes: names, and claim check's quotations and figures. */
const OWN_MARKS = `${HIGHLIGHT_SELECTOR}, ${CLAIM_SELECTOR}`;

/** Elements that text flows through; any other element (a block, a line break, an image) ends a run of text. */
const INLINE_TAGS = new Set(
  'A ABBR B BDI BDO BIG CITE CODE DATA DEL DFN EM FONT I INS KBD LABEL MARK NOBR Q S SAMP SMALL SPAN STRIKE STRONG SUB SUP TIME TT U VAR'.split(
    ' ',
  ),
);

export interface HighlightOptions {
  /** Stops the pass between two runs of text; marks already made stay (use `removeHighlights`). */
  signal?: AbortSignal;
  /** Ids of people named in full so far on this page; share one set across passes so later surnames resolve. */
  namedSoFar?: Set<string>;
  /** Longest stretch of work before yielding to the page, in milliseconds. */
  chunkBudgetMs?: number;
  /** Runs each change the pass makes to the page: an observer of the page passes one that keeps them out of its sight. */
  unobserved?: (change: () => void) => void;
  /**
   * Wraps only the blocks near the reader, once the page has rendered: the others' matches are kept unwrapped
   * (`isDeferred`) for `wrapDeferred` when they come near. Without it, every match is wrapped.
   */
  nearby?: NearbyWatch;
}

export interface HighlightResult {
  /** Matches wrapped (one match split across elements counts once). */
  matches: number;
  aborted: boolean;
  /** The longest stretch of work between two yields, in milliseconds: a bound on the long tasks we caused. */
  longestChunkMs: number;
  /** Our script's time in all, in milliseconds, without the time left to the page between chunks. */
  busyMs?: number;
  /** How many times the pass waited for the page to render what it had wrapped. */
  frames?: number;
  /** The blocks whose matches wait until they come near (see `HighlightOptions.nearby`). */
  deferred?: Element[];
}

/** Text nodes that splitting created: removal merges them back, and the observer knows them as ours. */
const splitOffText = new WeakSet<Text>();

/** Whether a node is one that highlighting created: a mark, its text, or the remainder of a split text node. */
export function isOwnNode(node: Node): boolean {
  if (node instanceof Text) return splitOffText.has(node) || node.parentElement?.matches(OWN_MARKS) === true;
  return node instanceof Element && node.matches(OWN_MARKS);
}

/** Records the remainder of a text node that wrapping split: removal merges it back, and the observer ignores it. */
export function noteSplitOff(mark: Element): void {
  if (mark.nextSibling instanceof Text) splitOffText.add(mark.nextSibling);
}

/**
 * Where nothing may be wrapped, by the tag's name alone (form fields, code and media, svg and math, the card), upper-
 * cased as `tagName` gives them in HTML (SVG and MathML keep their case).
 */
const SKIPPED_BY_NAME = new Set([
  ...'INPUT TEXTAREA SELECT OPTION SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME OBJECT CANVAS VIDEO AUDIO HEAD TITLE SVG MATH'.split(
    ' ',
  ),
  CARD_TAG.toUpperCase(),
]);

/**
 * Whether an element is somewhere we never wrap: the tags above, svg, math, editable areas, the extension's UI and
 * our own marks. Checked without the selector engine because
 * the walk asks it of every element on the page (Element.matches was a tenth of the pass on a 1 MB article).
 */
function isSkipped(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_BY_NAME.has(tag)) return true;
  if (tag === 'MARK' && element.classList.contains(HIGHLIGHT_CLASS)) return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName.toUpperCase());
}

/** The nearest ancestor that is not inline: two text nodes flow together only inside the same one. */
function blockOf(node: Node, root: Node): Node {
  let parent = node.parentNode;
  while (parent !== null && parent !== root && parent instanceof Element && isInline(parent))
    parent = parent.parentNode;
  return parent ?? root;
}

/** The block a node's run lies in, as the first pass files what it puts off. */
const pageBlockOf = (node: Node): Element => blockOf(node, node.ownerDocument?.body ?? node) as Element;

/** Whether an element or one of its ancestors up to the root is somewhere we never wrap. */
function isInsideSkipped(node: Node, root: Node): boolean {
  for (let parent = node.parentElement; parent !== null; parent = parent.parentElement) {
    if (isSkipped(parent)) return true;
    if (parent === root) break;
  }
  return false;
}

interface Piece extends Mark.Range {
  source: RunPiece;
}

/** A piece of a match, in run text offsets, and the index of the text node it lies in. */
interface RunPiece extends NodePiece {
  entityId: string;
  kind: EntityKind;
  reason: LinkReason;
  continued: boolean;
  /** The mark made of it, once wrapped. */
  mark?: Element;
}

/** What a mark links to, as Sourcelight made it; never read back from the page's attributes. */
export interface MarkLink {
  entityId: string;
  reason: LinkReason;
}

/**
 * The marks Sourcelight made, with their links. A page can write `<mark class="sourcelight" data-sl-id="…">` itself
 * and click it; only marks in here open cards or are counted, so a page cannot probe the reader's corpus that way.
 */
const madeMarks = new WeakMap<Element, MarkLink>();

/** Marks that start a match: a name split across elements ("<b>Maryam</b> Rajavi") continues in a second mark. */
export const FIRST_MARKS = `${HIGHLIGHT_SELECTOR}:not([${CONTINUED_ATTRIBUTE}])`;

/** The marks under `root` that Sourcelight made and that match `selector`, in document order. */
export function madeMarksUnder(root: ParentNode, selector: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((mark) => madeMarks.has(mark));
}

/** The link of a mark Sourcelight made; undefined for anything a page made to look like one. */
export function linkOf(mark: Element): MarkLink | undefined {
  return madeMarks.get(mark);
}

/** Whether a node lies inside a name mark Sourcelight made. */
export function inNameMark(node: Node): boolean {
  const mark = node.parentElement?.closest(HIGHLIGHT_SELECTOR);
  return mark !== null && mark !== undefined && madeMarks.has(mark);
}

const MARK_OPTIONS: Mark.MarkRangesOptions = {
  element: 'mark',
  className: HIGHLIGHT_CLASS,
  each: (mark, range) => {
    const piece = (range as Piece).source;
    piece.mark = mark;
    mark.setAttribute('data-sl-id', piece.entityId);
    mark.setAttribute('data-sl-kind', piece.kind);
    madeMarks.set(mark, { entityId: piece.entityId, reason: piece.reason });
    styleMark(mark);
    if (piece.continued) mark.setAttribute(CONTINUED_ATTRIBUTE, '');
    noteSplitOff(mark);
  },
};

/**
 * Most pieces handed to mark.js at once. mark.js re-joins its context's text for every mark it makes, so one call
 * over a long paragraph with hundreds of names is quadratic; bounded batches also let a huge run yield between them.
 */
const BATCH_PIECES = 24;
/** Layout units (see the pacer) a wrapped piece costs besides its paragraph's text: a new inline box. */
const PIECE_LAYOUT_UNITS = 40;

/** The work a pass does on one run of text, a step at a time, so that the pass can yield between steps. */
export interface RunWork {
  readonly done: boolean;
  /** Layout the run's work causes in all (see `Pacer`): nothing, for a pass that only reads. */
  readonly layoutUnits: number;
  /** Takes the next step, and returns how many matches it made. */
  step(): number;
  /** Where the matches not yet wrapped start, for work that wraps. */
  starts?(): DeferredMatch[];
}

/** What a pass over the page's runs of text does with each run. */
export interface RunPass {
  /** The work one run of text nodes asks for, or none. */
  workFor(nodes: Text[]): RunWork | undefined;
  /**
   * Whether text inside Sourcelight's own marks is read as part of its run, as the page shows it: a pass that only
   * reads sees the page's whole text; one that wraps leaves what is marked alone, so it never marks twice. A pass
   * that only reads also keeps the page's order, as it matches as it goes (see `passOverRuns`).
   */
  readsMarks?: boolean;
}

/** A run of text nodes matched, its pieces ready to wrap; wrapping goes from the last piece to the first. */
class RunWrap implements RunWork {
  /**
   * The run's nodes as matched: a node the page changes meanwhile is left alone. Not its joined text, which a block
   * far from the reader would keep a copy of until the reader comes near (a megabyte on a dense page).
   */
  readonly #run: Pick<TextRun, 'spans'>;
  /** Layout work the whole run causes: its paragraph is laid out again, and each mark adds a box. */
  readonly layoutUnits: number;
  readonly #pieces: RunPiece[];
  readonly #unobserved: (change: () => void) => void;
  /** Pieces not yet wrapped are those before this index. */
  #next: number;

  constructor(run: TextRun, pieces: RunPiece[], unobserved: (change: () => void) => void) {
    this.#run = { spans: run.spans };
    this.layoutUnits = run.text.length + PIECE_LAYOUT_UNITS * pieces.length;
    this.#pieces = pieces;
    this.#unobserved = unobserved;
    this.#next = pieces.length;
  }

  get done(): boolean {
    return this.#next === 0;
  }

  /** The first piece of each match not yet wrapped, and the text node it starts in. */
  starts(): DeferredMatch[] {
    return this.#pieces.slice(0, this.#next).flatMap((piece) => {
      const span = this.#run.spans[piece.node];
      return span && !piece.continued ? [{ piece, node: span.node, offset: piece.start - span.start }] : [];
    });
  }

  /**
   * Wraps the last batch of pieces not yet wrapped, and returns how many matches it started. Going backwards keeps
   * every node's text before the wrapped part as it was, so the earlier pieces' offsets stay true across batches.
   */
  step(): number {
    const end = this.#next;
    const start = Math.max(0, end - BATCH_PIECES);
    this.#next = start;
    const first = this.#pieces[start];
    const last = this.#pieces[end - 1];
    if (first === undefined || last === undefined) return 0;
    // The page may have changed these nodes while we yielded: wrap only if their text is still what we matched.
    if (!stillHolds(this.#run, first.node, last.node, last.end)) {
      this.#next = 0;
      return 0;
    }
    const spans = this.#run.spans.slice(first.node, last.node + 1);
    const base = spans[0]?.start ?? 0;
    const ranges: Piece[] = [];
    let matches = 0;
    for (let k = start; k < end; k++) {
      const piece = this.#pieces[k];
      if (piece === undefined) continue;
      ranges.push({ start: piece.start - base, length: piece.end - piece.start, source: piece });
      if (!piece.continued) matches++;
    }
    const nodes = spans.map((span) => span.node);
    this.#unobserved(() => markerOver(nodes).markRanges(ranges, MARK_OPTIONS));
    return matches;
  }
}

/** Matches one run of text nodes; the wrapping still to do, or nothing if it holds no match. */
function matchRun(
  nodes: Text[],
  matcher: CompiledMatcher,
  namedSoFar: Set<string>,
  unobserved: (change: () => void) => void,
): RunWrap | undefined {
  const run = readTextRun(nodes);
  const matches = findMatches(run.text, matcher, namedSoFar);
  if (matches.length === 0) return undefined;
  const pieces: RunPiece[] = [];
  for (const { start, end, entityId, kind, reason } of matches) {
    // One mark per node a match crosses; only the first counts as the match, and the others say they continue it.
    piecesBetween(run, start, end).forEach((piece, index) =>
      pieces.push({ ...piece, entityId, kind, reason, continued: index > 0 }),
    );
  }
  return pieces.length === 0 ? undefined : new RunWrap(run, pieces, unobserved);
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
 * has taken `chunkBudgetMs` or caused as much layout as one frame can take (see `Pacer`); a long run yields between
 * batches of its matches. With `options.nearby`, only what is near the reader is wrapped, what is in view first;
 * the page is matched in its own order all the same, so a surname still needs its full name before it. Text already
 * inside a mark is left alone, so running it twice marks nothing twice.
 */
export function highlight(
  root: Element,
  matcher: CompiledMatcher,
  options: HighlightOptions = {},
): Promise<HighlightResult> {
  return highlightAll([root], matcher, options);
}

/**
 * Highlights under each of `roots` in turn, as `highlight` does, in one paced pass: the observer hands it what a
 * page added, which can be 20,000 paragraphs, and one pass per root would cost a task (and a pacer) each. Roots
 * inside other roots are the caller's to drop; a root the page has removed by the time it is reached is skipped.
 */
export function highlightAll(
  roots: readonly Element[],
  matcher: CompiledMatcher,
  options: HighlightOptions = {},
): Promise<HighlightResult> {
  const { namedSoFar = new Set<string>(), unobserved = (change) => change() } = options;
  return passOverRuns(roots, { workFor: (nodes) => matchRun(nodes, matcher, namedSoFar, unobserved) }, options);
}

/**
 * Reads the runs of text under each of `roots`, in one paced pass, and does `pass`'s work on each: the walk, the
 * pacing and the page's changes between chunks are the same whether a pass wraps what it finds (`highlightAll`) or
 * only reads (the reader's own corpora, own-highlights.ts).
 */
export async function passOverRuns(
  roots: readonly Element[],
  pass: RunPass,
  options: Pick<HighlightOptions, 'signal' | 'chunkBudgetMs' | 'nearby'> & { near?: readonly Element[] } = {},
): Promise<HighlightResult> {
  const { signal, chunkBudgetMs = 10, nearby } = options;
  const reads = pass.readsMarks === true;
  // A pass that reads leaves alone the blocks whose names are not wrapped yet: wrapping them would split its text.
  const skipped = (element: Element): boolean =>
    reads ? deferred.has(element) || (isSkipped(element) && !madeMarks.has(element)) : isSkipped(element);
  const result: HighlightResult = { matches: 0, aborted: false, longestChunkMs: 0 };
  const wanted = roots.filter((root) => !skipped(root) && !isInsideSkipped(root, root.ownerDocument.documentElement));
  const near = [...(options.near ?? [])];
  const doc = (wanted[0] ?? near[0])?.ownerDocument;
  if (doc === undefined) return result;

  // Start in a task of our own: the caller has just compiled the matcher or handled a mutation in this one.
  await nextTask();
  if (signal?.aborted === true) return { ...result, aborted: true };
  const pacer = new Pacer(doc, { budgetMs: chunkBudgetMs });
  const watcher = nearby?.((elements) => near.push(...elements));
  const settle = (): void => {
    watcher?.stop();
    pacer.finish();
    result.longestChunkMs = pacer.longestChunkMs;
    result.busyMs = pacer.busyMs;
    result.frames = pacer.frames;
  };
  const aborted = (): boolean => {
    if (signal?.aborted !== true) return false;
    result.aborted = true;
    settle();
    return true;
  };

  /** Does one run's work; false if the pass was aborted meanwhile. */
  const doWork = async (work: RunWork): Promise<boolean> => {
    pacer.addLayoutWork(work.layoutUnits);
    for (;;) {
      result.matches += work.step();
      if (work.done) return true;
      if (pacer.shouldYield()) {
        await pacer.yield();
        if (aborted()) return false;
      }
    }
  };

  /** Wraps what was put off in the blocks reported near so far; false if aborted meanwhile. */
  const wrapNear = async (): Promise<boolean> => {
    for (let block = near.shift(); block; block = near.shift()) {
      const works = deferred.get(block) ?? [];
      deferred.delete(block);
      for (const work of works) if (!(await doWork(work))) return false;
      namesWrapped(block);
    }
    return true;
  };
  /**
   * Does the pass's work on one run, or, once the page has rendered and has a viewport to be near, puts it off
   * until its block is near; false if aborted meanwhile. (Before the first frame, what is wrapped is laid out with the
   * rest of the page: see `Pacer`.)
   */
  const finishRun = (nodes: Text[], root: Element): Promise<boolean> | boolean => {
    const work = pass.workFor(nodes);
    if (work === undefined) return true;
    if (!watcher || !hasRendered(doc)) return doWork(work);
    const block = blockOf(nodes[0] as Text, root) as Element;
    const works = deferred.get(block);
    if (works) works.push(work);
    else {
      deferred.set(block, [work]);
      watcher.watch([block]);
    }
    return true;
  };
  /** Yields between runs only, so that a run is read in one moment the page cannot change it. */
  const pause = async (): Promise<boolean> => {
    if (!(await wrapNear())) return false;
    if (pacer.shouldYield()) await pacer.yield();
    return !aborted();
  };

  const connected = wanted.map((root) => root.isConnected);
  for (const [index, root] of wanted.entries()) {
    // The page may have taken it out again while earlier roots were highlighted.
    if (connected[index] === true && !root.isConnected) continue;
    // A run never reaches across two roots; and a root is a place to yield, as thousands may hold one line each.
    for (const nodes of textRuns(root, skipped)) if (!(await finishRun(nodes, root)) || !(await pause())) return result;
  }
  if (watcher) {
    // Every block put off has been looked at once, unless the page renders no frame meanwhile (a hidden tab): what is
    // near is wrapped before the pass ends, and the rest is the caller's to watch.
    await Promise.race([watcher.reported(), new Promise((resolve) => setTimeout(resolve, REPORT_WAIT_MS))]);
    result.deferred = [...deferred.keys()];
  }
  // What was put off, matched already; a run the page changed meanwhile is left alone (`stillHolds`).
  if (await wrapNear()) settle();
  return result;
}

/** How long the first pass waits to hear which of the blocks it put off are near the reader. */
const REPORT_WAIT_MS = 500;

/**
 * The first pass's matches not yet wrapped, by the block they lie in: wrapped when it comes near the reader
 * (`wrapDeferred`), or sooner when claim check needs their marks (`wrapDeferredAt`). A block stays here, with
 * nothing left to wrap, until it comes near: the reader's own corpora are read there only then.
 */
const deferred = new Map<Element, RunWork[]>();

/** Whether a block's matches, or the reading of it that follows them, wait until it comes near the reader. */
export const isDeferred = (element: Element): boolean => deferred.has(element);

/** Whether the block a text node lies in waits until it comes near the reader. */
export const isDeferredAt = (node: Node): boolean => deferred.has(pageBlockOf(node));

/** Wraps the deferred matches of blocks that came near, in one paced pass, and forgets those blocks. */
export const wrapDeferred = (
  blocks: readonly Element[],
  options: Pick<HighlightOptions, 'signal'>,
): Promise<HighlightResult> => passOverRuns([], { workFor: () => undefined }, { ...options, near: blocks });

/** Wraps now, in one go, the deferred matches in the blocks that hold these nodes; true if any were wrapped. */
export function wrapDeferredAt(nodes: Iterable<Node>): boolean {
  let wrapped = false;
  for (const node of nodes) {
    const block = pageBlockOf(node);
    for (const work of deferred.get(block)?.splice(0) ?? []) {
      while (!work.done) work.step();
      wrapped = true;
    }
    namesWrapped(block);
  }
  return wrapped;
}

/** The blocks holding these nodes whose matches still wait to be wrapped, each once. */
export function blocksWithDeferredMatches(nodes: Iterable<Node>): Element[] {
  const blocks = new Set<Element>();
  for (const node of nodes) {
    const block = pageBlockOf(node);
    if ((deferred.get(block)?.length ?? 0) > 0) blocks.add(block);
  }
  return [...blocks];
}

/**
 * What waits for a block's deferred matches to be wrapped, by block: claim marks, which lie inside the names'
 * marks and so must come after them.
 */
const waitingForNames = new Map<Element, (() => void)[]>();

/** Calls `then` once the deferred matches of `block` are wrapped: when it comes near, or sooner if asked. */
export function afterNamesWrapped(block: Element, then: () => void): void {
  const waiting = waitingForNames.get(block);
  if (waiting) waiting.push(then);
  else waitingForNames.set(block, [then]);
}

function namesWrapped(block: Element): void {
  const waiting = waitingForNames.get(block);
  waitingForNames.delete(block);
  for (const then of waiting ?? []) then();
}

/** The blocks whose matches, or the reading of them that follows, still wait until they come near the reader. */
export const deferredBlocks = (): Element[] => [...deferred.keys()];

/** A match not yet wrapped, where it starts, and the mark it makes once wrapped. */
export interface DeferredMatch {
  /** Its first piece, in run offsets: `end - start` characters of its node from `offset`. */
  piece: { entityId: string; start: number; end: number; mark?: Element };
  node: Text;
  offset: number;
}

/** The matches not yet wrapped, in page order: the popup counts them with the marks. */
export const deferredMatches = (): DeferredMatch[] =>
  [...deferred.values()].flatMap((works) => works.flatMap((work) => work.starts?.() ?? []));

/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, as a number: the names would ship in every page's script. */
const ELEMENTS_AND_TEXT = 5;

/**
 * The runs of text under `root`, in document order, leaving out what `skipped` says. The caller may let the page run
 * between two runs: if the page has removed where the walk was meanwhile, it starts again from the root, and what
 * was marked since is skipped, so nothing doubles.
 */
function* textRuns(root: Element, skipped: (element: Element) => boolean): Generator<Text[], void, undefined> {
  const walk = (): TreeWalker => root.ownerDocument.createTreeWalker(root, ELEMENTS_AND_TEXT);
  let walker = walk();
  let run: Text[] = [];
  let runBlock: Node | undefined;
  let more = walker.nextNode() !== null;
  while (more) {
    const node = walker.currentNode;
    const text = node instanceof Text ? node : undefined;
    const block = text && blockOf(text, root);
    // Text in another block ends the run, and so does any element that text does not flow through.
    if (run.length > 0 && (text ? block !== runBlock : !isInline(node as Element))) {
      yield run;
      run = [];
      if (!root.contains(node)) {
        walker = walk();
        more = walker.nextNode() !== null;
        continue;
      }
    }
    runBlock = block ?? runBlock;
    if (text !== undefined && text.data.length > 0) run.push(text);
    more = text === undefined && skipped(node as Element) ? skipChildren(walker) : walker.nextNode() !== null;
  }
  if (run.length > 0) yield run;
}

/**
 * The runs of text under `root` as highlighting reads them, in document order, with the text inside marks: claim
 * check reads the page's article text this way after the names are marked, and wraps in the same nodes. The walk
 * stops once the runs hold `maxLength` characters, so a long page is not read to its end in one task.
 */
export function readTextRuns(root: Element, maxLength: number): Text[][] {
  const runs: Text[][] = [];
  let length = 0;
  for (const run of textRuns(root, (element) => isSkipped(element) && !madeMarks.has(element))) {
    if (length > maxLength) break;
    runs.push(run);
    for (const node of run) length += node.data.length;
  }
  return runs;
}

/**
 * Unwraps every mark under `root`, the exact inverse of `highlight`: each mark's text goes back into the text
 * node it was split from, and only the remainders that splitting created are merged away, so the page's own
 * nodes are the same objects with the same text, and text nodes the page kept apart stay apart.
 */
export function removeHighlights(root: ParentNode): void {
  deferred.clear();
  waitingForNames.clear();
  unwrapMarks(madeMarksUnder(root, HIGHLIGHT_SELECTOR));
}

/** Unwraps marks Sourcelight made, given in document order, as `removeHighlights` says. */
export function unwrapMarks(marks: readonly Element[]): void {
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
