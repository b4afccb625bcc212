import {
  DICTIONARY_VERSION,
  LINE_END,
  TERM_START,
  VARIANT_FULL_NAME,
  VARIANT_SURNAME,
  VARIANT_WRITTEN,
  writtenForm,
  type Dictionary,
} from '../shared/dictionary';
import { MAX_NAME_WORDS, nameRuns } from '../shared/name-runs';
import { nameSkeleton } from '../shared/name-skeleton';
import { ASCII_FOLD, ASCII_SPACE, ASCII_WORD, foldUnit } from '../shared/text-fold';

/**
 * A page's share of a dictionary: the lines its text can match, and nothing else. Every tab used to be sent the whole
 * dictionary and keep it (at 200,000 entities a 26 MB reply, and as much again of each tab's memory); now the page
 * sends the text it is about to match, and the background, which keeps the whole dictionary once, answers with the
 * lines a walk over that text could reach. A subset of sorted lines is still sorted: the page's matcher reads the
 * share exactly as it read the whole, and finds the same names (`dictionary-share.test.ts` holds the two side by side).
 */

/** A dictionary with where each of its lines starts, made once per dictionary: shares are found by binary search. */
export interface SharedDictionary {
  readonly whole: Dictionary;
  /** The start of each line of `whole.lines`, and the string's length after the last. */
  readonly lineStarts: Int32Array;
  readonly variantStarts: Int32Array;
}

const KEY_END = TERM_START.charCodeAt(0);

function lineStartsOf(lines: string): Int32Array {
  let count = 0;
  for (let at = lines.indexOf(LINE_END); at !== -1; at = lines.indexOf(LINE_END, at + 1)) count++;
  const starts = new Int32Array(count + 1);
  for (let k = 1, at = lines.indexOf(LINE_END); at !== -1; at = lines.indexOf(LINE_END, at + 1), k++)
    starts[k] = at + 1;
  return starts;
}

export const shareable = (whole: Dictionary): SharedDictionary => ({
  whole,
  lineStarts: lineStartsOf(whole.lines),
  variantStarts: lineStartsOf(whole.variants),
});

/** The key at `at` against `wanted`: below zero if it sorts before, zero if equal, above if after. */
function compareKey(lines: string, at: number, wanted: string): number {
  for (let k = 0; ; k++) {
    const unit = lines.charCodeAt(at + k);
    if (k === wanted.length) return unit === KEY_END ? 0 : 1;
    if (unit === KEY_END) return -1;
    const difference = unit - wanted.charCodeAt(k);
    if (difference !== 0) return difference;
  }
}

/** The first line whose key is not before `wanted`. */
function firstLineFrom(lines: string, starts: Int32Array, wanted: string): number {
  let from = 0;
  let to = starts.length - 1;
  while (from < to) {
    const middle = (from + to) >>> 1;
    if (compareKey(lines, starts[middle] ?? 0, wanted) < 0) from = middle + 1;
    else to = middle;
  }
  return from;
}

/**
 * The page's text as the matcher's walks read it (`content/matcher.ts`): each character folded (case, diacritics,
 * compatibility forms), a run of whitespace one space, combining marks and soft hyphens dropped; where each word
 * starts and ends in it; and the first unit of every other character, at which a walk may start too.
 */
export function foldForWalks(text: string): { folded: string; words: number[]; others: Set<string> } {
  let folded = '';
  const words: number[] = [];
  const others = new Set<string>();
  let wordStart = -1;
  let lastSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    let units: string;
    let isWord: boolean;
    let space: boolean;
    if (code < 0x80) {
      units = String.fromCharCode(ASCII_FOLD[code] ?? code);
      isWord = ASCII_WORD[code] === 1;
      space = ASCII_SPACE[code] === 1;
      i += 1;
    } else {
      const codePoint = text.codePointAt(i) ?? code;
      const fold = foldUnit(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
      // Inside a word, as the walk passes over it.
      if (fold.units === '') continue;
      units = fold.units;
      isWord = fold.word;
      space = fold.space;
    }
    if (isWord && wordStart === -1) wordStart = folded.length;
    if (!isWord) {
      if (wordStart !== -1) words.push(wordStart, folded.length);
      wordStart = -1;
      others.add(units.charAt(0));
    }
    if (space && lastSpace) continue;
    lastSpace = space;
    folded += units;
  }
  if (wordStart !== -1) words.push(wordStart, folded.length);
  return { folded, words, others };
}

/** Lines of a sorted dictionary, narrowed a unit at a time as a walk reads on: the matcher's own states. */
class Narrowing {
  constructor(
    private readonly lines: string,
    private readonly starts: Int32Array,
  ) {}

  /** The key's unit at `depth` of line `index`, or -1 where the key has ended. */
  unitAt(index: number, depth: number): number {
    const unit = this.lines.charCodeAt((this.starts[index] ?? 0) + depth);
    return unit === KEY_END ? -1 : unit;
  }

  /** The first line in [from, to) whose key has at least `unit` at `depth` (all of them agree before it), or `to`. */
  firstFrom(from: number, to: number, depth: number, unit: number): number {
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (this.unitAt(middle, depth) < unit) from = middle + 1;
      else to = middle;
    }
    return from;
  }

  /** The end of the run of lines from `from` whose keys begin with `prefix`. */
  endOfPrefix(from: number, prefix: string): number {
    let to = this.starts.length - 1;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (this.lines.startsWith(prefix, this.starts[middle])) from = middle + 1;
      else to = middle;
    }
    return from;
  }

  /** The lines of [from, to) whose key has `unit` at `depth`. */
  step(from: number, to: number, depth: number, unit: number): [number, number] {
    const first = this.firstFrom(from, to, depth, unit);
    return [first, this.firstFrom(first, to, depth, unit + 1)];
  }
}

/**
 * The lines whose keys a walk over `text` could find: at each word start, every key that is the word, or that
 * begins with the word and the character after it (a word cannot run into another) and goes on as the text does;
 * at any other character, every key that begins with it. A subset of what the page reads, but never of what it
 * matches: `dictionary-share.test.ts` holds the two side by side.
 */
function linesFor(text: string, lines: string, starts: Int32Array): number[] {
  const keys = new Narrowing(lines, starts);
  const { folded, words, others } = foldForWalks(text);
  const found: number[] = [];
  /** For each word with the unit after it, the lines that begin so, found once. */
  const afterWord = new Map<string, [number, number]>();
  for (let k = 0; k < words.length; k += 2) {
    const start = words[k] ?? 0;
    const end = words[k + 1] ?? 0;
    const word = folded.slice(start, end + 1);
    let run = afterWord.get(word);
    if (run === undefined) {
      // The keys that begin with the word: none for most words, found by one binary search.
      const from = firstLineFrom(lines, starts, word.slice(0, end - start));
      const to = keys.endOfPrefix(from, word.slice(0, end - start));
      if (from < to && keys.unitAt(from, end - start) === -1) found.push(from);
      run = end < folded.length && from < to ? keys.step(from, to, end - start, folded.charCodeAt(end)) : [0, 0];
      afterWord.set(word, run);
    }
    // On as this place's text goes: the shortest key of a run comes first.
    let [from, to] = run;
    for (let depth = end - start + 1; from < to; depth++) {
      if (keys.unitAt(from, depth) === -1) found.push(from++);
      if (from >= to || start + depth >= folded.length) break;
      [from, to] = keys.step(from, to, depth, folded.charCodeAt(start + depth));
    }
  }
  for (const unit of others) {
    for (let k = firstLineFrom(lines, starts, unit); k < starts.length - 1; k++) {
      if (!lines.startsWith(unit, starts[k])) break;
      found.push(k);
    }
  }
  return found;
}

/**
 * A name's form as written and its skeleton, kept across requests: pages repeat names, and a page asks again for the
 * text claim check reads. Most of a share's time went into skeletons (six replacements a word).
 */
const nameForms = new Map<string, [string, string]>();
const MAX_NAME_FORMS = 100_000;

function formsOf(name: string): [string, string] {
  let forms = nameForms.get(name);
  if (forms === undefined) {
    if (nameForms.size >= MAX_NAME_FORMS) nameForms.clear();
    forms = [writtenForm(name), nameSkeleton(name).join('')];
    nameForms.set(name, forms);
  }
  return forms;
}

/** The keys of the variants lines the page's matcher may look up in `text` (`content/spelling-variants.ts`). */
export function variantKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const words of nameRuns(text)) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= Math.min(words.length, i + MAX_NAME_WORDS); j++) {
        const [written, skeleton] = formsOf(text.slice(words[i]?.start ?? 0, words[j - 1]?.end ?? 0));
        keys.add(VARIANT_WRITTEN + written);
        keys.add((j - i >= 2 ? VARIANT_FULL_NAME : VARIANT_SURNAME) + skeleton);
      }
    }
  }
  return keys;
}

/** The lines of `lines` at these indices, in order, each once. */
function linesAt(lines: string, starts: Int32Array, indices: number[]): string {
  let share = '';
  let last = -1;
  for (const index of indices.sort((a, b) => a - b)) {
    if (index !== last) share += lines.slice(starts[index], starts[index + 1]);
    last = index;
  }
  return share;
}

/**
 * The share of the dictionary that the page's matcher can use on `text`: every line whose key a walk over the text
 * could find (`linesFor`), and every variants line it could look up. Bounded by the whole dictionary however
 * long the text; the work is linear in the text and logarithmic in the dictionary.
 */
export function dictionaryShare(shared: SharedDictionary, text: string): Dictionary {
  const { whole, lineStarts, variantStarts } = shared;
  const { lines, variants } = whole;
  const found = linesFor(text, lines, lineStarts);
  const foundVariants: number[] = [];
  if (variants !== '') {
    for (const key of variantKeys(text)) {
      const k = firstLineFrom(variants, variantStarts, key);
      if (k < variantStarts.length - 1 && compareKey(variants, variantStarts[k] ?? 0, key) === 0) foundVariants.push(k);
    }
  }
  return {
    version: DICTIONARY_VERSION,
    lines: linesAt(lines, lineStarts, found),
    terms: whole.terms,
    variants: linesAt(variants, variantStarts, foundVariants),
  };
}
