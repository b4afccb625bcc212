/**
 * Folding for the popup's search (highlighting folds in `content/matcher.ts`, a unit at a time and keeping case for
 * its capitals rule): case and diacritics are dropped ("Pourmohammadi" = "pourmohammadi",
 * "Ḥusayn" = "husayn") while every folded character remembers where it came from, so a match found in the
 * folded text maps back to a range of the original that the UI can emphasise.
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

function foldCodePoint(char: string): string {
  const code = char.charCodeAt(0);
  // ASCII needs no normalisation: this keeps folding long documents cheap.
  if (char.length === 1 && code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  return char.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
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
