// Finds which statements a page's quotation comes from, among hundreds of thousands, without reading them all: an
// inverted index of folded words. A quote is looked up by its rarest words, the few statements that hold most of
// them are aligned with it word by word (quote-match.ts), and those within the tolerances are its matches.
import { cachedFold, claimWords, GAP, quoteTokens } from './claim-words';
import {
  alignQuote,
  classifyAlignment,
  describeMatch,
  quoteCodes,
  type Alignment,
  type QuoteMatch,
  type QuoteMatchKind,
} from './quote-match';

export interface StatementIndex {
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Each statement's words as vocabulary codes. */
  readonly codes: readonly Int32Array[];
  /** For each code, the statements that use the word, in order. */
  readonly postings: readonly number[][];
  /** Per statement, how many of a quote's anchors it holds: one buffer for every lookup, cleared after each. */
  readonly hitCounts: Uint8Array;
}

/** The rarest words of a quote it is looked up by. */
const ANCHORS = 8;
/** A word in more statements than this is too common to find a quote by, unless the quote has nothing rarer. */
const MAX_POSTINGS = 5_000;
/** Statements aligned with a quote: those that hold most of its anchors. */
const CANDIDATES = 8;
/** A quote's anchors a statement must hold to be aligned with it: most, as a close quote may change a few words. */
const ANCHOR_SHARE = 0.6;

/** `fold`: a cache of folded words to share with other indexes of the same texts' words (see `cachedFold`). */
export function buildStatementIndex(texts: readonly string[], fold = cachedFold()): StatementIndex {
  const vocabulary = new Map<string, number>();
  const postings: number[][] = [];
  const codes = texts.map((text, statement) => {
    const words = claimWords(text, 0, text.length, fold);
    const row = new Int32Array(words.length);
    words.forEach(({ word }, i) => {
      let code = vocabulary.get(word);
      if (code === undefined) {
        code = vocabulary.size;
        vocabulary.set(word, code);
        postings.push([]);
      }
      row[i] = code;
      const list = postings[code];
      // Statements are added in order, so a repeat of the word in this statement is the list's last entry.
      if (list !== undefined && list[list.length - 1] !== statement) list.push(statement);
    });
    return row;
  });
  return { vocabulary, codes, postings, hitCounts: new Uint8Array(texts.length) };
}

export interface StatementMatch extends QuoteMatch {
  /** The statement's index in the texts the index was built from. */
  statement: number;
}

/** Statements aligned from where the rarest anchor they hold stands, when they are much longer than the quote. */
function windowFor(row: Int32Array, quote: readonly number[], anchors: readonly number[]): [number, number] {
  const m = quote.length;
  if (row.length <= 4 * m + 50) return [0, row.length];
  for (const anchor of anchors) {
    const at = row.indexOf(anchor);
    if (at === -1) continue;
    const inQuote = quote.indexOf(anchor);
    return [Math.max(0, at - inQuote - m), Math.min(row.length, at - inQuote + 2 * m)];
  }
  return [0, row.length];
}

/** A statement whose words hold a quote's, within the tolerances, and how. */
export interface AlignedStatement {
  statement: number;
  kind: QuoteMatchKind;
  alignment: Alignment;
}

const KIND_RANK: Record<QuoteMatchKind, number> = { same: 0, part: 1, close: 2 };

/**
 * The statements that hold a quote given as codes (GAP_CODE where it leaves words out), best first: fewest
 * differences, then the same words before a part. Only the few statements holding most of its rarest words are
 * aligned with it.
 */
export function alignedStatements(
  index: StatementIndex,
  quote: readonly number[],
  quoteWords: number,
): AlignedStatement[] {
  const postingsOf = (code: number): number[] => index.postings[code] ?? [];
  const known = [...new Set(quote.filter((code) => code >= 0))].sort(
    (a, b) => postingsOf(a).length - postingsOf(b).length,
  );
  const anchors = known.filter((code, i) => i === 0 || postingsOf(code).length <= MAX_POSTINGS).slice(0, ANCHORS);
  if (anchors.length === 0) return [];
  // Counting in a typed array, not a Map: a lookup touches thousands of statements, and this is most of its time.
  const { hitCounts } = index;
  const touched: number[] = [];
  for (const anchor of anchors) {
    for (const statement of postingsOf(anchor)) {
      const count = hitCounts[statement] ?? 0;
      if (count === 0) touched.push(statement);
      hitCounts[statement] = count + 1;
    }
  }
  const needed = Math.max(1, Math.floor(anchors.length * ANCHOR_SHARE));
  const held: [number, number][] = [];
  for (const statement of touched) {
    const count = hitCounts[statement] ?? 0;
    if (count >= needed) held.push([statement, count]);
    hitCounts[statement] = 0;
  }
  const candidates = held.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES);
  const aligned: AlignedStatement[] = [];
  for (const [statement] of candidates) {
    const row = index.codes[statement];
    if (row === undefined) continue;
    const [from, to] = windowFor(row, quote, anchors);
    const alignment = alignQuote(quote, row, from, to);
    const kind = classifyAlignment(alignment, quoteWords, row.length);
    if (kind !== undefined) aligned.push({ statement, kind, alignment });
  }
  return aligned.sort(
    (a, b) =>
      a.alignment.differences - b.alignment.differences ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      a.statement - b.statement,
  );
}

/** The statements a quote comes from, best first: fewest differences, then the same words before a part. */
export function findQuoteInStatements(
  index: StatementIndex,
  texts: readonly string[],
  quoteText: string,
  limit = 5,
): StatementMatch[] {
  const tokens = quoteTokens(quoteText);
  const quoteWords = tokens.filter((token) => token !== GAP).length;
  const quote = quoteCodes(tokens, (word) => index.vocabulary.get(word));
  const matches: StatementMatch[] = [];
  for (const { statement, alignment } of alignedStatements(index, quote, quoteWords)) {
    if (matches.length === limit) break;
    const text = texts[statement];
    if (text === undefined) continue;
    const match = describeMatch(alignment, { text: quoteText, tokens }, { text, words: claimWords(text) });
    if (match !== undefined) matches.push({ ...match, statement });
  }
  return matches;
}
