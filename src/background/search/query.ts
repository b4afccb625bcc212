/** Reading what the reader typed: loose words, adjacent words run together, and quoted phrases. */
import { MAX_QUERY_LENGTH } from '../../shared/search-results';
import { foldedWords } from '../../shared/text-fold';
import { encodeWord, type EncodedWord } from './encoding';

const MAX_QUERY_TERMS = 8;

export interface QueryTerm extends EncodedWord {
  folded: string;
  squeezed: string;
}

export interface ParsedQuery {
  /** Loose words: matched exactly, as a prefix, or phonetically. */
  terms: QueryTerm[];
  /** joins[i] is terms[i] and terms[i + 1] run together, so "pour mohammadi" also finds "Pourmohammadi". */
  joins: QueryTerm[];
  /** Quoted phrases as folded words: matched exactly and in order. */
  phrases: QueryTerm[][];
  /**
   * The loose words that fetch candidates. A one-letter word typed after others would pull in every word with that
   * initial: it only ranks.
   */
  asked: QueryTerm[];
  /** Every loose word, then every phrase's, run together: a name or alias spelling exactly this is a whole match. */
  compact: string;
}

const QUOTED = /["“”„«»]([^"“”„«»]*)(?:["“”„«»]|$)/gu;

/** The first `max` code points, without splitting a pasted page into an array of characters. */
function cutToCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  let end = 0;
  for (const char of text) {
    if (count++ === max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** "pourmohammadi" → "pourmohamadi", as the precise encoder dedupes letters. */
export function squeezeRepeats(word: string): string {
  let squeezed = '';
  for (const char of word) if (char !== squeezed.at(-1)) squeezed += char;
  return squeezed;
}

function queryTermOf(folded: string): QueryTerm {
  return { folded, squeezed: squeezeRepeats(folded), ...encodeWord(folded) };
}

export function parseQuery(raw: string): ParsedQuery {
  const query = cutToCodePoints(raw, MAX_QUERY_LENGTH);
  const phrases: QueryTerm[][] = [];
  const loose = query.replace(QUOTED, (_match, inner: string) => {
    const words = foldedWords(inner).map((w) => queryTermOf(w.word));
    if (words.length) phrases.push(words);
    return ' ';
  });
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const { word } of foldedWords(loose)) {
    if (seen.has(word) || terms.length >= MAX_QUERY_TERMS) continue;
    seen.add(word);
    terms.push(queryTermOf(word));
  }
  const joins = terms.slice(1).map((next, i) => queryTermOf((terms[i]?.folded ?? '') + next.folded));
  const longer = terms.filter((t) => t.folded.length > 1);
  const compact = [...terms, ...phrases.flat()].map((t) => t.folded).join('');
  return { terms, joins, phrases, asked: longer.length ? longer : terms, compact };
}
