import type Mark from 'mark.js';
import { lowerBound } from '../corpus/text';
import {
  MAX_PAGE_TEXT,
  type CheckedClaim,
  type ClaimVerdict,
  type PageClaimToCheck,
  type PageName,
} from '../shared/claim-check';
import {
  afterNamesWrapped,
  blocksWithDeferredMatches,
  CONTINUED_ATTRIBUTE,
  noteSplitOff,
  readTextRuns,
  unwrapMarks,
  wrapDeferredAt,
} from './highlighter';
import { markerOver } from './markjs-adapter';
import { findMatches, type CompiledMatcher } from './matcher';
import { CLAIM_CLASS, CLAIM_SELECTOR } from './own-ui';
import { nextTask, Pacer } from './pacer';
import { styleMark } from './mark-style';
import type { PagePosition } from './page-position';
import { piecesBetween, readTextRun, stillHolds, type NodePiece, type TextRun } from './text-range';

/**
 * Claim check on the page: after the names pass, reads the page's text as runs, finds the names in it as the
 * highlighter does, a chunk per task, and sends both to the background, which finds the quotations and figures
 * (corpus/claims/page-claims.ts: the compiler's quote finder and attribution, too heavy for one of the page's
 * tasks) and answers those the sources hold. They are wrapped in
 * `<mark class="sourcelight-claim" data-sl-claim="quote|figure">`; a claim the sources do not hold gets no mark:
 * the corpus is not the world.
 */

export interface ClaimLink {
  claim: PageClaimToCheck;
  verdict: NonNullable<ClaimVerdict>;
  /** Its place among the page's checked claims, for the popup. */
  index: number;
}

/** The claim marks Sourcelight made; a page's own `<mark class="sourcelight-claim">` is no claim. */
const madeClaimMarks = new WeakMap<Element, ClaimLink>();

const FIRST_CLAIM_MARKS = `${CLAIM_SELECTOR}:not([${CONTINUED_ATTRIBUTE}])`;

export function claimOf(mark: Element): ClaimLink | undefined {
  return madeClaimMarks.get(mark);
}

/** The first mark of each claim under `root` that Sourcelight made, in document order. */
export function claimMarksUnder(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FIRST_CLAIM_MARKS)).filter((mark) => madeClaimMarks.has(mark));
}

/** Whether a node lies inside a claim mark Sourcelight made. */
export function inClaimMark(node: Node): boolean {
  const mark = node.parentElement?.closest(CLAIM_SELECTOR);
  return mark !== null && mark !== undefined && madeClaimMarks.has(mark);
}

/** Unwraps every claim mark under `root`, the exact inverse of wrapping them, and forgets the claims still waiting. */
export function removeClaimMarks(root: ParentNode): void {
  waiting.clear();
  unwrapMarks(Array.from(root.querySelectorAll(CLAIM_SELECTOR)).filter((mark) => madeClaimMarks.has(mark)));
}

/** Characters of page text whose names are found in one task. */
const NAMES_CHUNK = 20_000;

/** A run of the page's text and where it starts in the text sent to the background. */
export interface PlacedRun {
  start: number;
  run: TextRun;
}

/**
 * The page's runs joined by line breaks (a document's paragraphs), up to `MAX_PAGE_TEXT` characters; `cut` when the
 * page holds more.
 */
function readPageText(root: Element): { text: string; runs: PlacedRun[]; cut: boolean } {
  const runs: PlacedRun[] = [];
  let text = '';
  for (const nodes of readTextRuns(root, MAX_PAGE_TEXT)) {
    const run = readTextRun(nodes);
    const separator = text === '' ? '' : '\n';
    if (text.length + separator.length + run.text.length > MAX_PAGE_TEXT) return { text, runs, cut: true };
    text += separator;
    runs.push({ start: text.length, run });
    // A line break inside a paragraph's markup is a space: the quote finder reads lines as paragraphs.
    text += run.text.replace(/\n/g, ' ');
  }
  return { text, runs, cut: false };
}

/**
 * The names the matchers link in the page's text, a chunk of runs per task; undefined if aborted meanwhile. With
 * several matchers (the built-in corpus's, then the reader's own), a later one's name that overlaps an earlier one's
 * is left out, as a page's highlight shows only the first.
 */
async function namesIn(
  text: string,
  runs: readonly PlacedRun[],
  matchers: readonly CompiledMatcher[],
  signal: AbortSignal,
): Promise<PageName[] | undefined> {
  const names: PageName[] = [];
  const namedSoFar = matchers.map(() => new Set<string>());
  for (let k = 0; k < runs.length;) {
    const from = runs[k]?.start ?? 0;
    let to = from;
    for (; k < runs.length && to - from < NAMES_CHUNK; k++)
      to = (runs[k]?.start ?? 0) + (runs[k]?.run.text.length ?? 0);
    const chunk: PageName[] = [];
    matchers.forEach((matcher, m) => {
      // The earlier matchers' names, in order and apart: the one before a name's end is the only one it may overlap.
      const earlier = m === 0 ? [] : [...chunk].sort((a, b) => a.start - b.start);
      for (const { entityId, kind, start, end } of findMatches(text.slice(from, to), matcher, namedSoFar[m])) {
        const name = { entityId, kind, start: start + from, end: end + from };
        const before = earlier[lowerBound(earlier, name.end) - 1];
        if (before === undefined || before.end <= name.start) chunk.push(name);
      }
    });
    names.push(...chunk.sort((a, b) => a.start - b.start));
    await nextTask();
    if (signal.aborted) return undefined;
  }
  return names;
}

const claimMarkOptions = (link: ClaimLink, first: { done: boolean }): Mark.MarkRangesOptions => ({
  element: 'mark',
  className: CLAIM_CLASS,
  each: (mark) => {
    mark.setAttribute('data-sl-claim', link.claim.kind);
    styleMark(mark);
    if (first.done) mark.setAttribute(CONTINUED_ATTRIBUTE, '');
    first.done = true;
    madeClaimMarks.set(mark, link);
    noteSplitOff(mark);
  },
});

/** The runs a claim lies in, in page order, each with the pieces of it in that run (one per text node it crosses). */
export function claimPieces(
  runs: readonly PlacedRun[],
  checked: CheckedClaim,
): { run: TextRun; pieces: NodePiece[] }[] {
  const within: { run: TextRun; pieces: NodePiece[] }[] = [];
  for (let k = Math.max(0, lowerBound(runs, checked.start + 1) - 1); k < runs.length; k++) {
    const placed = runs[k];
    if (placed === undefined || placed.start >= checked.end) break;
    const { start, run } = placed;
    const pieces = piecesBetween(
      run,
      Math.max(0, checked.start - start),
      Math.min(run.text.length, checked.end - start),
    );
    if (pieces.length > 0) within.push({ run, pieces });
  }
  return within;
}

/** Wraps a claim's pieces in one run, one mark per text node; false if the page changed those nodes. */
function wrapPieces(run: TextRun, pieces: readonly NodePiece[], link: ClaimLink, first: { done: boolean }): boolean {
  const firstPiece = pieces[0];
  const lastPiece = pieces[pieces.length - 1];
  if (firstPiece === undefined || lastPiece === undefined) return true;
  if (!stillHolds(run, firstPiece.node, lastPiece.node, lastPiece.end)) return false;
  const spans = run.spans.slice(firstPiece.node, lastPiece.node + 1);
  const base = spans[0]?.start ?? 0;
  const ranges = pieces.map((piece) => ({ start: piece.start - base, length: piece.end - piece.start }));
  markerOver(spans.map((span) => span.node)).markRanges(ranges, claimMarkOptions(link, first));
  return true;
}

/** Wraps one claim in the runs it lies in, one mark per text node it crosses; false if the page changed them. */
function wrapClaim(runs: readonly PlacedRun[], checked: CheckedClaim, link: ClaimLink): boolean {
  const first = { done: false };
  // In page order, so the first mark made is the claim's first; runs hold no node in common.
  for (const { run, pieces } of claimPieces(runs, checked)) if (!wrapPieces(run, pieces, link, first)) return false;
  return first.done;
}

/**
 * A stretch of a claim in one text node as the page had it when the claim was found. Wrapping the names around it
 * later splits that node, but the text from the node onwards, read through the marks, stays the same.
 */
interface AnchoredPiece {
  node: Text;
  start: number;
  end: number;
  text: string;
}

/** A checked claim in a block whose names are not wrapped yet, far from the reader: marked once they are. */
interface WaitingClaim {
  link: ClaimLink;
  pieces: AnchoredPiece[];
  /** Wraps the names of its blocks, if not yet, and then the claim, once. */
  mark(): void;
}

/** The claims waiting for their blocks' names, in page order. */
const waiting = new Set<WaitingClaim>();

/** `NodeFilter.SHOW_TEXT`, as a number: the name would ship in every page's script. */
const TEXT_NODES = 4;

/**
 * The run of text nodes a piece lies in now, from its node onwards, with the piece in that run's offsets; nothing if
 * the page changed that text meanwhile.
 */
function runNow(piece: AnchoredPiece): TextRun | undefined {
  const { node, end, text } = piece;
  if (!node.isConnected) return undefined;
  const walker = node.ownerDocument.createTreeWalker(node.ownerDocument, TEXT_NODES);
  walker.currentNode = node;
  const nodes: Text[] = [];
  let length = 0;
  for (let current: Node | null = node; current instanceof Text && length < end; current = walker.nextNode()) {
    nodes.push(current);
    length += current.data.length;
  }
  const run = readTextRun(nodes);
  return run.text.slice(piece.start, end) === text ? run : undefined;
}

/** Wraps a waiting claim where its text lies now, unless the page changed it. */
function wrapWaiting(link: ClaimLink, pieces: readonly AnchoredPiece[]): void {
  const runs = pieces.map(runNow);
  if (runs.includes(undefined)) return;
  const first = { done: false };
  pieces.forEach((piece, k) => {
    const run = runs[k] as TextRun;
    wrapPieces(run, piecesBetween(run, piece.start, piece.end), link, first);
  });
}

/**
 * Keeps a claim that lies in blocks whose names wait until they come near (`blocks`), and marks it once they are
 * wrapped: marking it now would split the text those names were matched in, and wrap what the reader may never reach.
 */
function waitForNames(
  link: ClaimLink,
  within: readonly { run: TextRun; pieces: NodePiece[] }[],
  blocks: readonly Element[],
  signal: AbortSignal,
): void {
  const pieces = within.flatMap(({ run, pieces: inRun }) =>
    inRun.flatMap(({ node, start, end }) => {
      const span = run.spans[node];
      return span
        ? [{ node: span.node, start: start - span.start, end: end - span.start, text: run.text.slice(start, end) }]
        : [];
    }),
  );
  const claim: WaitingClaim = {
    link,
    pieces,
    mark: () => {
      if (!waiting.delete(claim) || signal.aborted) return;
      // A claim across two blocks needs the names of both.
      wrapDeferredAt(pieces.map((piece) => piece.node));
      wrapWaiting(link, pieces);
    },
  };
  waiting.add(claim);
  for (const block of blocks) afterNamesWrapped(block, claim.mark);
}

/**
 * The checked claims still waiting for their blocks to come near, each with where it starts and a way to mark it now
 * (the reader chose it in the popup), which gives its first mark.
 */
export function waitingClaims(): { link: ClaimLink; position: PagePosition; markNow(): HTMLElement | undefined }[] {
  return [...waiting].flatMap((claim) => {
    const first = claim.pieces[0];
    if (first === undefined) return [];
    const markNow = (): HTMLElement | undefined => {
      claim.mark();
      return claimMarksUnder(document).find((mark) => claimOf(mark) === claim.link);
    };
    return [{ link: claim.link, position: { node: first.node, offset: first.start }, markNow }];
  });
}

/** What a side's sources hold of the page's claims, and the runs of text they were found in. */
export interface PageClaimsChecked {
  runs: PlacedRun[];
  /** In page order. */
  checked: CheckedClaim[];
}

/**
 * Reads the page's text under `root`, finds the names the matchers link in it, and asks `check` which of its claims
 * the sources hold; undefined if aborted meanwhile. Reading only: nothing on the page changes.
 */
async function findCheckedClaims(
  root: Element,
  matchers: readonly CompiledMatcher[],
  /** `cut`: the page holds more text than was read, so its check covers only the first part. */
  check: (text: string, names: PageName[], cut: boolean) => Promise<CheckedClaim[]>,
  signal: AbortSignal,
): Promise<(PageClaimsChecked & { text: string }) | undefined> {
  const { text, runs, cut } = readPageText(root);
  // A page's share of a dictionary covers what its passes read; this text may hold more (added far from the reader).
  await Promise.all(matchers.map((matcher) => matcher.learn?.(text)));
  const names = await namesIn(text, runs, matchers, signal);
  if (names === undefined || text === '') return undefined;
  const checked = await check(text, names, cut);
  if (signal.aborted) return undefined;
  return { text, runs, checked: [...checked].sort((a, b) => a.start - b.start) };
}

/**
 * Reads the page's text under `root`, finds the names the matchers link in it, and asks `check` which of its claims
 * the sources hold; undefined if aborted meanwhile. The names of the blocks those claims lie in are wrapped first,
 * even far from the reader, since what is drawn on the claims' text must not be split by wrapping later.
 */
export async function checkPageClaims(
  root: Element,
  matchers: readonly CompiledMatcher[],
  check: (text: string, names: PageName[], cut: boolean) => Promise<CheckedClaim[]>,
  signal: AbortSignal,
): Promise<PageClaimsChecked | undefined> {
  const found = await findCheckedClaims(root, matchers, check, signal);
  if (found === undefined) return undefined;
  const { text, runs, checked } = found;
  // The text is the same, read again in the nodes that wrapping left.
  const nodes = checked.flatMap((claim) => claimPieces(runs, claim).flatMap(({ run }) => run.spans[0]?.node ?? []));
  const again = wrapDeferredAt(nodes) ? readPageText(root) : { text, runs };
  if (again.text !== text) return undefined;
  return { runs: again.runs, checked };
}

/**
 * Reads the page's text under `root`, asks `check` which of its claims the sources hold, and marks those near the
 * reader; those in blocks whose names wait until they come near wait with them (`waitingClaims`). Returns how many
 * it marked now.
 */
export async function markPageClaims(
  root: Element,
  matcher: CompiledMatcher,
  check: (text: string, names: PageName[], cut: boolean) => Promise<CheckedClaim[]>,
  signal: AbortSignal,
): Promise<number> {
  const found = await findCheckedClaims(root, [matcher], check, signal);
  if (found === undefined) return 0;
  const { runs, checked } = found;
  const links = checked.map((claim, index): ClaimLink => ({ claim: claim.claim, verdict: claim.verdict, index }));
  const now = new Set<number>();
  checked.forEach((claim, index) => {
    const within = claimPieces(runs, claim);
    const blocks = blocksWithDeferredMatches(within.flatMap(({ run }) => run.spans.map((span) => span.node)));
    if (blocks.length === 0) now.add(index);
    else waitForNames(links[index] as ClaimLink, within, blocks, signal);
  });
  let marked = 0;
  // Paced as the names are: up to 200 claims wrapped in one task, and their paragraphs laid out in one frame, were a
  // long task of their own. A claim whose text the page changed meanwhile is left unmarked (`wrapClaim`).
  const pacer = new Pacer(document, { budgetMs: 10 });
  // The last claim first: wrapping splits text nodes, and the earlier claims' offsets stay true in what is left.
  for (let i = checked.length - 1; i >= 0; i--) {
    const claim = checked[i];
    if (claim === undefined || !now.has(i)) continue;
    if (wrapClaim(runs, claim, links[i] as ClaimLink)) marked++;
    // What its paragraph lays out again, at least the claim's own text.
    pacer.addLayoutWork(claim.end - claim.start);
    if (pacer.shouldYield()) {
      await pacer.yield();
      if (signal.aborted) break;
    }
  }
  return marked;
}
