/**
 * Text folding, the one set of rules for what counts as the same letters: case, diacritics and compatibility forms
 * (NFKD: the "ﬁ" ligature, full-width and mathematical letters) are dropped. Two users:
 *
 * - the page matcher (`content/matcher.ts`, through `foldUnit`, `foldTerm` and `casedForm`), which folds a code point
 *   at a time as it walks page text, and also keeps word structure: whitespace is one space, curly apostrophes and
 *   Unicode hyphens are the ASCII ones, soft hyphens and zero-width joiners vanish inside words; and a cased form
 *   (diacritics dropped, case kept) for its capitals rule. The background folds dictionary terms with the same
 *   functions, so what it sorts and what a page's walk reads agree;
 * - the popup's search (`foldText`, `foldedWords`, `compactFold`), which keeps only words, and where every folded
 *   character remembers where it came from, so a match found in the folded text maps back to a range of the
 *   original that the UI can emphasise.
 */

export interface FoldedText {
  /** Lowercase text without diacritics. */
  folded: string;
  /** origin[i] is the index in the source of folded character i; origin[folded.length] is the source length. */
  origin: number[];
}

export interface FoldedWord {
  /** The folded letters and digits of one word. */
  word: string;
  /** Range in the source text. */
  start: number;
  end: number;
}

const COMBINING_MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** One character without diacritics or compatibility forms, case kept. */
function stripMarks(char: string): string {
  return char.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** One character lowercase, without diacritics or compatibility forms (lowercasing "İ" adds a mark, dropped too). */
function foldChar(char: string): string {
  return stripMarks(stripMarks(char).toLowerCase());
}

function foldCodePoint(char: string): string {
  const code = char.charCodeAt(0);
  // ASCII needs no normalisation: this keeps folding long documents cheap.
  if (char.length === 1 && code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  return foldChar(char);
}

/** Folds case and diacritics, keeping a map back to the source offsets. */
export function foldText(source: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of source) {
    const replacement = foldCodePoint(char);
    folded += replacement;
    for (let i = 0; i < replacement.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(source.length);
  return { folded, origin };
}

/** Where the source character behind folded character `last` ends (one source character may fold to several). */
function sourceEnd(origin: number[], last: number): number {
  const from = origin[last] ?? 0;
  let next = last + 1;
  while (next < origin.length - 1 && (origin[next] ?? 0) === from) next++;
  return origin[next] ?? from + 1;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Runs of letters and digits in lowercase ASCII text, found with a plain loop: it runs over whole documents. */
function asciiWords(lower: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && isAsciiWordCode(lower.charCodeAt(i));
    if (inWord && start === -1) start = i;
    else if (!inWord && start !== -1) {
      words.push({ word: lower.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return words;
}

/** The words of a text, folded, with their ranges in the source. Hyphens, apostrophes and spaces separate words. */
export function foldedWords(source: string): FoldedWord[] {
  // Plain ASCII folds to its lowercase with unchanged offsets: the common case, and far cheaper on long documents.
  if (ASCII.test(source)) return asciiWords(source.toLowerCase());
  const { folded, origin } = foldText(source);
  const words: FoldedWord[] = [];
  for (const match of folded.matchAll(WORD)) {
    const start = origin[match.index] ?? 0;
    words.push({ word: match[0], start, end: sourceEnd(origin, match.index + match[0].length - 1) });
  }
  return words;
}

/** Letters and digits only, folded: "Pour-Mohammadi" and "Pour Mohammadi" both give "pourmohammadi". */
export function compactFold(source: string): string {
  return foldedWords(source)
    .map((w) => w.word)
    .join('');
}

// Folding for the page matcher: a UTF-16 unit at a time, with tables for ASCII, which is most of most pages.

export interface CharFold {
  /** Lowercase, without diacritics; ' ' for any whitespace; '' for a combining mark or invisible character. */
  units: string;
  /** Letters of any script, digits, and marks and invisibles that sit inside words. */
  word: boolean;
  space: boolean;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;
const WHITESPACE = /^\s$/u;
/** Characters pages put inside words (soft hyphen, zero-width joiners): invisible, so matching skips them. */
const INSIDE_WORD_INVISIBLE = /^[\u00AD\u200C\u200D]$/u;
/** Zero-width spaces break words without showing a space: they count as one. */
const ZERO_WIDTH_BREAK = /^[\u200B\u2060\uFEFF]$/u;
const APOSTROPHES = /[\u2018\u2019\u02BC]/gu;
const HYPHENS = /[\u2010\u2011]/gu;

/** Lowercase, ' ' for whitespace, by ASCII code. */
export const ASCII_FOLD = new Int32Array(128);
/** 1 for an ASCII letter or digit. */
export const ASCII_WORD = new Uint8Array(128);
/** 1 for ASCII whitespace. */
export const ASCII_SPACE = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const upper = code >= 65 && code <= 90;
  const space = code === 32 || (code >= 9 && code <= 13);
  ASCII_FOLD[code] = upper ? code + 32 : space ? 32 : code;
  ASCII_WORD[code] = Number(upper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57));
  ASCII_SPACE[code] = Number(space);
}

const foldCache = new Map<number, CharFold>();

const plainPunctuation = (char: string): string => char.replace(APOSTROPHES, "'").replace(HYPHENS, '-');

/** Folds one non-ASCII code point for matching. Cached: a page repeats a small alphabet. */
export function foldUnit(codePoint: number): CharFold {
  let fold = foldCache.get(codePoint);
  if (fold === undefined) {
    const char = String.fromCodePoint(codePoint);
    const space = WHITESPACE.test(char) || ZERO_WIDTH_BREAK.test(char);
    const invisible = INSIDE_WORD_INVISIBLE.test(char);
    const units = space ? ' ' : invisible ? '' : foldChar(plainPunctuation(char));
    fold = { units, word: invisible || WORD_CHAR.test(char), space };
    foldCache.set(codePoint, fold);
  }
  return fold;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;

/** The folded units of a dictionary term, the way the matcher folds page text: its key in the dictionary. */
export function foldTerm(text: string): string {
  let units = '';
  let lastSpace = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const folded =
      codePoint < 0x80 ? String.fromCharCode(ASCII_FOLD[codePoint] ?? codePoint) : foldUnit(codePoint).units;
    for (let k = 0; k < folded.length; k++) {
      const space = folded.charCodeAt(k) === 32;
      if (!(space && lastSpace)) units += folded.charAt(k);
      lastSpace = space;
    }
  }
  return units;
}

/** Diacritics and odd spacing removed, case kept: the form the matcher checks capitals on. */
export function casedForm(text: string): string {
  if (ASCII_ONLY.test(text)) return text.replace(/\s+/gu, ' ').trim();
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const fold = codePoint < 0x80 ? undefined : foldUnit(codePoint);
    if (fold === undefined) out += char;
    else if (fold.space || fold.units === '') out += fold.units;
    else out += stripMarks(plainPunctuation(char));
  }
  return out.replace(/\s+/gu, ' ').trim();
}
