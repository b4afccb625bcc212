import type { CheckedClaim, PageName } from '../shared/claim-check';
import { checkPageClaims, claimPieces, inClaimMark, type ClaimLink } from './claim-marks';
import {
  deferredMatches,
  inNameMark,
  passOverRuns,
  type HighlightResult,
  type MarkLink,
  type RunWork,
} from './highlighter';
import { findMatches, type CompiledMatcher } from './matcher';
import { outermost } from './outermost';
import type { OverlayHighlight } from './overlay';
import { piecesBetween, readTextRun, textPieceOf, type TextPiece, type TextRun } from './text-range';

/**
 * The reader's own corpora on the page: their names and the quotations and figures they hold, found by reading the
 * page's text alone and handed to the overlay (overlay.ts) to draw. Nothing here writes to the page: no mark, no
 * attribute, no split text node, no range the page could list. What the built-in corpus marks is left to its marks:
 * a highlight of the reader's own that overlaps one is not drawn, so the page's DOM is exactly what it would be
 * without the reader's own corpora.
 */

/** What a highlight of the reader's own corpora opens: an entity's card, or a claim's. */
export type OwnLink = { name: MarkLink } | { claim: ClaimLink };
export type OwnHighlight = OverlayHighlight<OwnLink>;

/** Claim cards' labels, for a screen reader, cut to a sentence's length. */
const MAX_LABEL = 200;

const labelOf = (text: string): string => {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length <= MAX_LABEL ? words : `${words.slice(0, MAX_LABEL - 1)}…`;
};

/** The stretch of a run from `start` to `end`, as pieces of its text nodes in their own offsets. */
function piecesOf(run: TextRun, start: number, end: number): TextPiece[] {
  return piecesBetween(run, start, end).flatMap((piece) => textPieceOf(run, piece) ?? []);
}

/** A run's work done in one step, for a pass that only reads: nothing to pace but its own time. */
function readOnce(read: () => number): RunWork {
  let done = false;
  return {
    get done() {
      return done;
    },
    layoutUnits: 0,
    step: () => {
      done = true;
      return read();
    },
  };
}

/**
 * Finds the names of the reader's own corpora under `roots`, in one paced pass that reads text through the marks
 * already made, and draws each that no mark of the built-in corpus covers.
 */
export function findOwnNames(
  roots: readonly Element[],
  matcher: CompiledMatcher,
  options: { signal: AbortSignal; namedSoFar: Set<string> },
  draw: (highlight: OwnHighlight) => void,
): Promise<HighlightResult> {
  const { signal, namedSoFar } = options;
  return passOverRuns(
    roots,
    {
      readsMarks: true,
      workFor: (nodes) =>
        readOnce(() => {
          const run = readTextRun(nodes);
          let drawn = 0;
          for (const { start, end, entityId, reason } of findMatches(run.text, matcher, namedSoFar)) {
            const pieces = piecesOf(run, start, end);
            if (pieces.length === 0 || pieces.some((piece) => inNameMark(piece.node))) continue;
            draw({
              pieces,
              look: 'name',
              label: labelOf(run.text.slice(start, end)),
              link: { name: { entityId, reason } },
            });
            drawn++;
          }
          return drawn;
        }),
    },
    { signal },
  );
}

/** A name of the reader's own corpora in a block far from the reader: counted now, drawn once the block comes near. */
export interface OwnNameAhead {
  entityId: string;
  node: Text;
  offset: number;
}

/**
 * Finds the names of the reader's own corpora in blocks whose own highlights wait until they come near the reader
 * (far below), reading only, so the popup can count and list them with the rest; `findOwnNames` draws them when their
 * block comes near. A name that overlaps one of the built-in corpus's matches there is left out, as it is not drawn.
 */
export function findOwnNamesAhead(
  blocks: readonly Element[],
  matcher: CompiledMatcher,
  options: { signal: AbortSignal; namedSoFar: Set<string> },
  found: (name: OwnNameAhead) => void,
): Promise<HighlightResult> {
  const { signal, namedSoFar } = options;
  const builtIn = new Map<Text, { start: number; end: number }[]>();
  for (const { node, offset, piece } of deferredMatches()) {
    const stretch = { start: offset, end: offset + piece.end - piece.start };
    const inNode = builtIn.get(node);
    if (inNode) inNode.push(stretch);
    else builtIn.set(node, [stretch]);
  }
  const overlapsBuiltIn = ({ node, start, end }: TextPiece): boolean =>
    builtIn.get(node)?.some((other) => other.start < end && start < other.end) === true;
  // A block inside another is read with it.
  return passOverRuns(
    outermost(new Set(blocks)),
    {
      workFor: (nodes) =>
        readOnce(() => {
          const run = readTextRun(nodes);
          let counted = 0;
          for (const { start, end, entityId } of findMatches(run.text, matcher, namedSoFar)) {
            const pieces = piecesOf(run, start, end);
            const first = pieces[0];
            if (first === undefined || pieces.some(overlapsBuiltIn)) continue;
            found({ entityId, node: first.node, offset: first.start });
            counted++;
          }
          return counted;
        }),
    },
    { signal },
  );
}

/**
 * Claim check against the reader's own corpora: the page's text and the names both sides' matchers link in it go to
 * the background, which answers what the reader's own sources hold; each claim no claim mark covers is drawn.
 * `firstIndex` numbers them after the built-in corpus's claims, for the popup. Returns how many were drawn.
 */
export async function findOwnClaims(
  root: Element,
  matchers: readonly CompiledMatcher[],
  check: (text: string, names: PageName[], cut: boolean) => Promise<CheckedClaim[]>,
  signal: AbortSignal,
  firstIndex: number,
  draw: (highlight: OwnHighlight) => void,
): Promise<number> {
  const found = await checkPageClaims(root, matchers, check, signal);
  if (found === undefined) return 0;
  let drawn = 0;
  found.checked.forEach((checked, i) => {
    const pieces = claimPieces(found.runs, checked).flatMap(({ run, pieces: inRun }) =>
      inRun.flatMap((piece) => textPieceOf(run, piece) ?? []),
    );
    if (pieces.length === 0 || pieces.some((piece) => inClaimMark(piece.node))) return;
    const link: ClaimLink = { claim: checked.claim, verdict: checked.verdict, index: firstIndex + i };
    draw({ pieces, look: 'claim', label: labelOf(checked.claim.text), link: { claim: link } });
    drawn++;
  });
  return drawn;
}
