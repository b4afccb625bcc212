import type Mark from 'mark.js';
import { findPageClaims, MAX_PAGE_CLAIMS, type PageClaim } from '../corpus/claims/page-claims';
import type { ClaimVerdict, PageClaimToCheck } from '../shared/claim-check';
import { CONTINUED_ATTRIBUTE, noteSplitOff, readTextRuns, unwrapMarks } from './highlighter';
import { markerOver } from './markjs-adapter';
import { findMatches, type CompiledMatcher } from './matcher';
import { CLAIM_CLASS, CLAIM_SELECTOR } from './own-ui';
import { nextTask } from './pacer';
import { piecesBetween, readTextRun, stillHolds, type TextRun } from './text-range';

/**
 * Claim check on the page: after the names pass, reads the page's text as runs, finds its quotations and figures
 * (corpus/claims/page-claims.ts, with the names the highlighter links as the speakers), asks the background which
 * of them the sources hold, and wraps those in `<mark class="sourcelight-claim" data-sl-claim="quote|figure">`.
 * A claim the sources do not hold gets no mark: the corpus is not the world.
 */

export interface ClaimLink {
  claim: PageClaimToCheck;
  verdict: NonNullable<ClaimVerdict>;
  /** Its place among the page's checked claims, for the popup. */
  index: number;
}

/** The claim marks Sourcelight made; a page's own `<mark class="sourcelight-claim">` is no claim. */
const madeClaimMarks = new WeakMap<Element, ClaimLink>();

export const FIRST_CLAIM_MARKS = `${CLAIM_SELECTOR}:not([${CONTINUED_ATTRIBUTE}])`;

export function claimOf(mark: Element): ClaimLink | undefined {
  return madeClaimMarks.get(mark);
}

/** The first mark of each claim under `root` that Sourcelight made, in document order. */
export function claimMarksUnder(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FIRST_CLAIM_MARKS)).filter((mark) => madeClaimMarks.has(mark));
}

/** Unwraps every claim mark under `root`, the exact inverse of wrapping them. */
export function removeClaimMarks(root: ParentNode): void {
  unwrapMarks(Array.from(root.querySelectorAll(CLAIM_SELECTOR)).filter((mark) => madeClaimMarks.has(mark)));
}

/** Characters of page text read in one task: attribution over a long page would otherwise be one long task. */
const CHUNK_LENGTH = 20_000;

interface FoundClaim {
  claim: PageClaim;
  /** The runs the chunk joined, and where each starts in the chunk's text. */
  runs: TextRun[];
  starts: number[];
}

const toCheck = (claim: PageClaim): PageClaimToCheck =>
  claim.kind === 'quote'
    ? { kind: 'quote', text: claim.text, speakerId: claim.speakerId }
    : {
        kind: 'figure',
        text: claim.text.slice(0, 300),
        value: claim.figure.value,
        ...(claim.figure.upper !== undefined ? { upper: claim.figure.upper } : {}),
        noun: claim.figure.noun,
      };

/** The page's claims, read a chunk of paragraphs per task; paragraphs are joined by line breaks, as in a document. */
async function findClaims(root: Element, matcher: CompiledMatcher, signal: AbortSignal): Promise<FoundClaim[]> {
  const found: FoundClaim[] = [];
  const namedSoFar = new Set<string>();
  const all = readTextRuns(root).map(readTextRun);
  for (let from = 0; from < all.length && found.length < MAX_PAGE_CLAIMS;) {
    const runs: TextRun[] = [];
    const starts: number[] = [];
    let text = '';
    while (from < all.length && (runs.length === 0 || text.length < CHUNK_LENGTH)) {
      const run = all[from++];
      if (run === undefined) continue;
      if (text !== '') text += '\n';
      starts.push(text.length);
      runs.push(run);
      text += run.text.replace(/\n/g, ' ');
    }
    const names = findMatches(text, matcher, namedSoFar);
    for (const claim of findPageClaims(text, names)) found.push({ claim, runs, starts });
    await nextTask();
    if (signal.aborted) return [];
  }
  return found.slice(0, MAX_PAGE_CLAIMS);
}

const claimMarkOptions = (link: ClaimLink, first: { done: boolean }): Mark.MarkRangesOptions => ({
  element: 'mark',
  className: CLAIM_CLASS,
  each: (mark) => {
    mark.setAttribute('data-sl-claim', link.claim.kind);
    if (first.done) mark.setAttribute(CONTINUED_ATTRIBUTE, '');
    first.done = true;
    madeClaimMarks.set(mark, link);
    noteSplitOff(mark);
  },
});

/** Wraps one claim in the runs it lies in, one mark per text node it crosses; false if the page changed them. */
function wrapClaim(found: FoundClaim, link: ClaimLink): boolean {
  const { claim, runs, starts } = found;
  const first = { done: false };
  // The last run first, so the earlier runs' nodes keep their offsets.
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = runs[k];
    const runStart = starts[k] ?? 0;
    if (run === undefined || runStart >= claim.end || runStart + run.text.length <= claim.start) continue;
    const pieces = piecesBetween(
      run,
      Math.max(0, claim.start - runStart),
      Math.min(run.text.length, claim.end - runStart),
    );
    const firstPiece = pieces[0];
    const lastPiece = pieces[pieces.length - 1];
    if (firstPiece === undefined || lastPiece === undefined) continue;
    if (!stillHolds(run, firstPiece.node, lastPiece.node, lastPiece.end)) return false;
    const spans = run.spans.slice(firstPiece.node, lastPiece.node + 1);
    const base = spans[0]?.start ?? 0;
    const ranges = pieces.map((piece) => ({ start: piece.start - base, length: piece.end - piece.start }));
    markerOver(spans.map((span) => span.node)).markRanges(ranges, claimMarkOptions(link, first));
  }
  return first.done;
}

/**
 * Finds the page's claims under `root`, asks `check` what the sources hold about them, and marks those they
 * hold. Returns how many it marked.
 */
export async function markPageClaims(
  root: Element,
  matcher: CompiledMatcher,
  check: (claims: PageClaimToCheck[]) => Promise<ClaimVerdict[]>,
  signal: AbortSignal,
): Promise<number> {
  const found = await findClaims(root, matcher, signal);
  if (found.length === 0 || signal.aborted) return 0;
  const claims = found.map((f) => toCheck(f.claim));
  const verdicts = await check(claims);
  if (signal.aborted) return 0;
  let marked = 0;
  // The last claim first: wrapping splits text nodes, and the earlier claims' offsets stay true in what is left.
  for (let i = found.length - 1; i >= 0; i--) {
    const verdict = verdicts[i];
    const claim = claims[i];
    const where = found[i];
    if (verdict === null || verdict === undefined || claim === undefined || where === undefined) continue;
    if (wrapClaim(where, { claim, verdict, index: i })) marked++;
  }
  return marked;
}
