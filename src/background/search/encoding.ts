/**
 * How words become index tokens. Each distinct folded word is encoded once (precise: case, diacritics and doubled
 * letters folded; phonetic: LatinBalance) and cached, so neither building nor querying runs FlexSearch's encoder
 * over whole texts: the indexes receive tokens already encoded and only split them on spaces.
 */
import { Charset, Encoder } from 'flexsearch';
import { foldedWords, type FoldedWord } from '../../shared/text-fold';

const preciseEncoder = new Encoder(Charset.Default);
const phoneticEncoder = new Encoder(Charset.LatinBalance);

/** The indexes' own encoding: tokens arrive encoded and space-separated, and are stored as they are. */
export function splitTokens(tokens: string): string[] {
  return tokens ? tokens.split(' ') : [];
}

/** A word as each tier's encoder sees it, e.g. "Pourmohammadi" → precise "pourmohamadi", phonetic "pormohamate". */
export interface EncodedWord {
  precise: string;
  phonetic: string;
}

const encodedWords = new Map<string, EncodedWord>();
const ENCODED_WORDS_CAP = 200_000;

export function encodeWord(folded: string): EncodedWord {
  let encoded = encodedWords.get(folded);
  if (!encoded) {
    encoded = { precise: preciseEncoder.encode(folded).join(''), phonetic: phoneticEncoder.encode(folded).join('') };
    if (encodedWords.size >= ENCODED_WORDS_CAP) encodedWords.clear();
    encodedWords.set(folded, encoded);
  }
  return encoded;
}

const HYPHEN_ONLY = /^[-\u2010\u2011]$/u;
const SPACE_ONLY = /^[ \t\u00a0]+$/u;
const CAPITALISED = /^\p{Lu}/u;

function isCapitalised(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code >= 65 && code <= 90;
  return CAPITALISED.test(text.slice(at, at + 2));
}

/**
 * "Pour-Mohammadi" and "Pour Mohammadi" run together, so that "pourmohammadi" and its prefixes find them. Only
 * hyphenated pairs and pairs of capitalised words (names) are joined: joining every pair would double the index.
 */
export function joinedNamePairs(text: string, words: FoldedWord[]): string[] {
  const joined: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const previous = words[i - 1] as FoldedWord;
    const word = words[i] as FoldedWord;
    const gap = text.slice(previous.end, word.start);
    const names = SPACE_ONLY.test(gap) && isCapitalised(text, previous.start) && isCapitalised(text, word.start);
    if (HYPHEN_ONLY.test(gap) || names) joined.push(previous.word + word.word);
  }
  return joined;
}

/** One record's distinct precise tokens, and each one's phonetic code for the vocabulary. */
export interface RecordTokens {
  /** Space-separated, in order of first appearance, as the index takes them. */
  precise: string;
  phoneticOf: Map<string, string>;
}

/**
 * Encodes a record's fields (and the names run together in them) into its distinct precise tokens. Repeats are
 * dropped here: the index keeps a word's first position only, and long documents repeat most of their words.
 */
export function recordTokens(texts: string[]): RecordTokens {
  const phoneticOf = new Map<string, string>();
  const add = (folded: string): void => {
    const encoded = encodeWord(folded);
    if (encoded.precise && !phoneticOf.has(encoded.precise)) phoneticOf.set(encoded.precise, encoded.phonetic);
  };
  const joins: string[] = [];
  for (const text of texts) {
    const words = foldedWords(text);
    for (const w of words) add(w.word);
    joins.push(...joinedNamePairs(text, words));
  }
  // Joins go last, as whole-text indexing put them, so they do not push real words down FlexSearch's ranking.
  for (const join of joins) add(join);
  return { precise: [...phoneticOf.keys()].join(' '), phoneticOf };
}
