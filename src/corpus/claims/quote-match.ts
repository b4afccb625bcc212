// Sets a page's quotation beside a corpus statement, word by word: a semi-global alignment (the quote whole, any
// stretch of the statement), where the page's cuts (an ellipsis, a bracketed insertion) pass over statement words
// for free. From it: whether the page gives the same words, a part of a longer statement, or close words, and
// the differences word by word. Words are compared as codes (a vocabulary's ids), so the index compares integers.
import { GAP, type ClaimWord, type QuoteToken } from './claim-words';

/** A quote's cut, as a code. */
const GAP_CODE = -2;
/** A word the statements never use: it equals nothing. */
const UNKNOWN_CODE = -1;

/**
 * The tolerances. A quote of fewer words is too short to tell apart from common phrases; a close quote has at
 * least this share of its words in the statement, in order, and at most this share of changed, added or missing
 * words (at least one allowed), so "we must hold the regime to account" is not "to hold the regime in Tehran to
 * account".
 */
const MIN_QUOTE_WORDS = 4;
export const MIN_MATCHED_SHARE = 0.8;
export const MAX_DIFFERENCE_SHARE = 0.2;

export type AlignStep =
  { op: 'same' | 'changed'; q: number; s: number } | { op: 'page'; q: number } | { op: 'source' | 'cut'; s: number };

export interface Alignment {
  /** Changed, page-only and source-only words; the words a cut passes over are not differences. */
  differences: number;
  matched: number;
  /** Statement words from `from` to `to` (exclusive) are the stretch the quote covers. */
  from: number;
  to: number;
  /** Whether a cut passed over at least one statement word. */
  cut: boolean;
  steps: AlignStep[];
}

const START = 0;
const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;

/** Aligns the quote's codes with the statement's codes between `from` and `to`. */
export function alignQuote(
  quote: ArrayLike<number>,
  statement: ArrayLike<number>,
  from = 0,
  to = statement.length,
): Alignment {
  const m = quote.length;
  const n = to - from;
  const width = n + 1;
  const cost = new Int32Array((m + 1) * width);
  const back = new Uint8Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    const code = quote[i - 1] ?? UNKNOWN_CODE;
    const row = i * width;
    const above = row - width;
    if (code === GAP_CODE) {
      // A cut: the statement words it passes over cost nothing.
      cost[row] = cost[above] ?? 0;
      back[row] = UP;
      for (let j = 1; j <= n; j++) {
        const up = cost[above + j] ?? 0;
        const left = cost[row + j - 1] ?? 0;
        cost[row + j] = Math.min(up, left);
        back[row + j] = up <= left ? UP : LEFT;
      }
      continue;
    }
    cost[row] = (cost[above] ?? 0) + 1;
    back[row] = UP;
    for (let j = 1; j <= n; j++) {
      const diagonal = (cost[above + j - 1] ?? 0) + (statement[from + j - 1] === code ? 0 : 1);
      const up = (cost[above + j] ?? 0) + 1;
      const left = (cost[row + j - 1] ?? 0) + 1;
      let best = diagonal;
      let step = DIAGONAL;
      if (up < best) {
        best = up;
        step = UP;
      }
      if (left < best) {
        best = left;
        step = LEFT;
      }
      cost[row + j] = best;
      back[row + j] = step;
    }
  }
  // The quote's end may fall anywhere in the statement: the cheapest, earliest.
  let end = 0;
  for (let j = 1; j <= n; j++) if ((cost[m * width + j] ?? 0) < (cost[m * width + end] ?? 0)) end = j;
  const steps: AlignStep[] = [];
  let differences = 0;
  let matched = 0;
  let cut = false;
  let i = m;
  let j = end;
  while (i > 0) {
    const step = back[i * width + j] ?? START;
    const isGap = quote[i - 1] === GAP_CODE;
    if (step === DIAGONAL) {
      const same = statement[from + j - 1] === quote[i - 1];
      steps.push({ op: same ? 'same' : 'changed', q: i - 1, s: from + j - 1 });
      if (same) matched++;
      else differences++;
      i--;
      j--;
    } else if (step === UP) {
      if (!isGap) {
        steps.push({ op: 'page', q: i - 1 });
        differences++;
      }
      i--;
    } else {
      steps.push({ op: isGap ? 'cut' : 'source', s: from + j - 1 });
      if (isGap) cut = true;
      else differences++;
      j--;
    }
  }
  steps.reverse();
  return { differences, matched, from: from + j, to: from + end, cut, steps };
}

export type QuoteMatchKind = 'same' | 'close' | 'part';

/** What an alignment says, by the tolerances above; undefined when the quote is not the statement's. */
export function classifyAlignment(
  alignment: Alignment,
  quoteWords: number,
  statementWords: number,
): QuoteMatchKind | undefined {
  if (quoteWords < MIN_QUOTE_WORDS) return undefined;
  if (alignment.matched < MIN_MATCHED_SHARE * quoteWords) return undefined;
  if (alignment.differences > Math.max(1, Math.floor(MAX_DIFFERENCE_SHARE * quoteWords))) return undefined;
  if (alignment.differences > 0) return 'close';
  const whole = alignment.from === 0 && alignment.to === statementWords && !alignment.cut;
  return whole ? 'same' : 'part';
}

/** One stretch of a word-by-word comparison: in both, only on the page, only in the source, or cut by the page. */
export interface DiffPart {
  op: 'same' | 'page' | 'source' | 'cut';
  text: string;
}

/** The comparison as runs of words, each in its own spelling: the page's words from the quote, the others from the statement. */
function quoteDiff(
  alignment: Alignment,
  quote: { text: string; tokens: readonly QuoteToken[] },
  statement: { text: string; words: readonly ClaimWord[] },
): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], word: ClaimWord | null | undefined, text: string): void => {
    if (!word) return;
    const piece = text.slice(word.start, word.end);
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += ` ${piece}`;
    else parts.push({ op, text: piece });
  };
  for (const step of alignment.steps) {
    switch (step.op) {
      case 'same':
        push('same', statement.words[step.s], statement.text);
        break;
      case 'changed':
        push('source', statement.words[step.s], statement.text);
        push('page', quote.tokens[step.q], quote.text);
        break;
      case 'page':
        push('page', quote.tokens[step.q], quote.text);
        break;
      case 'source':
      case 'cut':
        push(step.op, statement.words[step.s], statement.text);
        break;
    }
  }
  return parts;
}

export interface QuoteMatch {
  kind: QuoteMatchKind;
  differences: number;
  /** The stretch of the statement's text the quote covers. */
  start: number;
  end: number;
  diff: DiffPart[];
}

/** Codes for a quote's tokens from a vocabulary of statement words. */
export function quoteCodes(tokens: readonly QuoteToken[], codeOf: (word: string) => number | undefined): number[] {
  return tokens.map((token) => (token === GAP ? GAP_CODE : (codeOf(token.word) ?? UNKNOWN_CODE)));
}

/** How one quote stands to one statement's text, with the alignment's results in the statement's characters. */
export function describeMatch(
  alignment: Alignment,
  quote: { text: string; tokens: readonly QuoteToken[] },
  statement: { text: string; words: readonly ClaimWord[] },
): QuoteMatch | undefined {
  const quoteWords = quote.tokens.filter((token) => token !== GAP).length;
  const kind = classifyAlignment(alignment, quoteWords, statement.words.length);
  if (kind === undefined) return undefined;
  return {
    kind,
    differences: alignment.differences,
    start: statement.words[alignment.from]?.start ?? 0,
    end: statement.words[alignment.to - 1]?.end ?? 0,
    diff: quoteDiff(alignment, quote, statement),
  };
}
