// The words a quotation is compared by, folded so that typography does not count: case, diacritics, curly or
// straight apostrophes, hyphens ("well-documented" is "well documented") and thousands separators ("30.000" is
// "30,000") all read the same. A page's quote also keeps where it leaves words out: an ellipsis, or an editor's
// bracketed insertion, which stands in for words of the original ("[They] are", "[the regime]").
import { squash } from '../text';

export interface ClaimWord {
  /** The folded word. */
  word: string;
  /** Its range in the text it was read from. */
  start: number;
  end: number;
}

/** A place where the page's quote leaves out words of the original, any number of them. */
export const GAP = null;
export type QuoteToken = ClaimWord | typeof GAP;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A number with thousands separators (either "," or "."), a plain number, or a word. */
  token: /\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+(?:[.,]\d+)?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu,
  /** An ellipsis, or a bracketed insertion on one line. */
  cut: /…|\.{3}|\[[^\]\n]{0,80}\]/gu,
  digitFirst: /^\d/,
  thousandsSeparator: /[.,](?=\d{3}(?!\d))/g,
} as const;

const foldWord = (raw: string): string =>
  REGEXPS.digitFirst.test(raw) ? raw.replace(REGEXPS.thousandsSeparator, '') : squash(raw);

/**
 * Folds through a cache, for reading many texts: they use far fewer distinct words than they hold, and folding a word
 * (Unicode normalisation) was most of reading 100,000 statements.
 */
export function cachedFold(): (raw: string) => string {
  const folded = new Map<string, string>();
  return (raw) => {
    let word = folded.get(raw);
    if (word === undefined) folded.set(raw, (word = foldWord(raw)));
    return word;
  };
}

/** The folded words of a text, in order, with their ranges. */
export function claimWords(text: string, from = 0, to = text.length, fold = foldWord): ClaimWord[] {
  const words: ClaimWord[] = [];
  // A shared global regex: each call sets where it starts, since a search that stops early leaves it anywhere.
  REGEXPS.token.lastIndex = from;
  for (let m = REGEXPS.token.exec(text); m !== null && m.index < to; m = REGEXPS.token.exec(text)) {
    const word = fold(m[0]);
    if (word !== '') words.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** A page's quote as words and gaps; two cuts in a row are one gap. */
export function quoteTokens(text: string): QuoteToken[] {
  const tokens: QuoteToken[] = [];
  let at = 0;
  const cut = (): void => {
    if (tokens.length > 0 && tokens[tokens.length - 1] !== GAP) tokens.push(GAP);
  };
  for (const m of text.matchAll(REGEXPS.cut)) {
    tokens.push(...claimWords(text, at, m.index));
    cut();
    at = m.index + m[0].length;
  }
  tokens.push(...claimWords(text, at));
  // A cut at either end leaves out words the free ends of the alignment already allow for.
  while (tokens[0] === GAP) tokens.shift();
  while (tokens[tokens.length - 1] === GAP) tokens.pop();
  return tokens;
}
