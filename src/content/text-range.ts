import { lowerBound } from '../corpus/text';

/**
 * Offsets in the joined text of a run of text nodes, mapped back to the nodes, as hypothesis/client's
 * `anchoring/text-range.ts` does for its anchors: the highlighter matches a run's text as one string and wraps in
 * its nodes, and everything between those two offset systems is here.
 */

/** One text node of a run, with where its text lies in the run's text. */
export interface NodeSpan {
  node: Text;
  start: number;
  end: number;
  /** The node's text when the run was read: the page may change it later. */
  text: string;
}

/** Text nodes that flow together, read once: their joined text and each node's place in it. */
export interface TextRun {
  text: string;
  spans: NodeSpan[];
}

/** A stretch of a run's text that lies inside one of its nodes, in run offsets, and the index of that node. */
export interface NodePiece {
  start: number;
  end: number;
  node: number;
}

const WHITESPACE = /\s/u;

/** Reads the text of `nodes` as one run. */
export function readTextRun(nodes: readonly Text[]): TextRun {
  const spans: NodeSpan[] = [];
  let text = '';
  for (const node of nodes) {
    const data = node.data;
    spans.push({ node, start: text.length, end: text.length + data.length, text: data });
    text += data;
  }
  return { text, spans };
}

/** The index of the run's node that an offset lies in: the last one starting at or before it. */
function nodeIndexAt(run: TextRun, offset: number): number {
  return Math.max(0, lowerBound(run.spans, offset + 1) - 1);
}

/**
 * The run's text from `start` to `end`, cut at node edges, each piece without the whitespace at either end (a mark
 * around a space shows); a piece that is only whitespace is left out.
 */
export function piecesBetween(run: TextRun, start: number, end: number): NodePiece[] {
  const pieces: NodePiece[] = [];
  const { text, spans } = run;
  for (let k = nodeIndexAt(run, start); k < spans.length && (spans[k]?.start ?? 0) < end; k++) {
    let from = Math.max(start, spans[k]?.start ?? 0);
    let to = Math.min(end, spans[k]?.end ?? 0);
    while (from < to && WHITESPACE.test(text.charAt(from))) from++;
    while (to > from && WHITESPACE.test(text.charAt(to - 1))) to--;
    if (from < to) pieces.push({ start: from, end: to, node: k });
  }
  return pieces;
}

/**
 * Whether the nodes from index `first` to `last` are still in the page and still hold the text read, up to run
 * offset `end` in the last one. Wrapping from the end of a run backwards cuts a node's tail off into marks, so a
 * node that now holds less than it did, but no less than `end` needs, is still good.
 */
export function stillHolds(run: Pick<TextRun, 'spans'>, first: number, last: number, end: number): boolean {
  for (let k = first; k <= last; k++) {
    const span = run.spans[k];
    if (span === undefined) return false;
    const { node, text } = span;
    const needed = k === last ? end - span.start : text.length;
    if (node.parentNode === null || node.data.length < needed || !text.startsWith(node.data)) return false;
  }
  return true;
}

/** A stretch of one text node in the node's own offsets, with the text it held when read. */
export interface TextPiece {
  node: Text;
  start: number;
  end: number;
  text: string;
}

/** A piece of a run in its node's own offsets: what the overlay draws from, without a live Range to keep up to date. */
export function textPieceOf(run: TextRun, piece: NodePiece): TextPiece | undefined {
  const span = run.spans[piece.node];
  if (span === undefined) return undefined;
  return {
    node: span.node,
    start: piece.start - span.start,
    end: piece.end - span.start,
    text: run.text.slice(piece.start, piece.end),
  };
}

/** Whether the piece's node is still in the page and still holds the text read there. */
export function pieceHolds(piece: TextPiece): boolean {
  return piece.node.isConnected && piece.node.data.slice(piece.start, piece.end) === piece.text;
}
