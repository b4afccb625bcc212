import type { EntityKind } from '../shared/entity-kind';
import { LINE_END, TERM_START, unpackTerms, type Dictionary } from '../shared/dictionary';
import type { LinkReason } from '../shared/link-reason';
import { ASCII_FOLD, ASCII_SPACE, ASCII_WORD, casedForm, foldUnit } from '../shared/text-fold';
import { linkOnEvidence, type PageLink, type TermEvidence } from './page-evidence';
import { withVariants } from './spelling-variants';

/**
 * Finds dictionary terms in plain text in one pass, however many terms there are.
 *
 * Why a trie walked from word starts and not Aho–Corasick: matches must begin and end on word boundaries, so
 * a walk only ever starts at a word start and stops as soon as the text leaves the trie, which on prose is
 * after one or two characters. Each character is thus read a bounded number of times (at most the longest
 * term's length), independent of the number of terms. Aho–Corasick's failure links only pay off for matches
 * that may start inside a word, which the whole-word rule forbids; no trie library is installed.
 *
 * The page builds no trie: the background sends the dictionary as sorted folded keys (`shared/dictionary.ts`), in
 * which the keys that go on with the units read so far are one run of lines. A state of the walk is such a run;
 * its next step is found by binary search the first time the page takes it, then kept (`children`), so a page
 * opens only the few thousand states its own words lead to, and setting up costs nothing however large the corpus.
 *
 * Rules:
 * - Topics match in any case and without diacritics ("Human Rights" = "human rights").
 * - Names (people, organisations, places) match without diacritics (English copy often drops them) but only as
 *   capitalised: each word as the corpus writes it or in capitals ("Rajavi", "RAJAVI", "Maryam RAJAVI"), never
 *   "rajavi" in lowercase prose.
 * - Whole words only, words being letters of any script and digits: "Iran" is not found in "Iranian", but is
 *   in "Iran's", "Iran’s", "(Iran)", "Iran?". Whitespace runs (spaces, NBSP, newlines) equal one space.
 * - The longest match wins and matches never overlap: "Maryam Rajavi" is one match, not two.
 * - A term found links only on the page's own evidence (`page-evidence.ts`: a surname after the full name, a generic
 *   body with its qualifier, a common word not at a sentence start), and people's names in other spellings are found
 *   after the walk (`spelling-variants.ts`).
 */

export interface TextMatch {
  /** UTF-16 offsets into the text given to `findMatches`, end exclusive. */
  start: number;
  end: number;
  entityId: string;
  kind: EntityKind;
  /** The page's evidence for the link, which the card states. */
  reason: LinkReason;
}

interface CompiledTerm extends TermEvidence {
  anyCase: boolean;
  /** The term's words with diacritics removed but case kept, to check capitalisation. */
  casedWords: string[];
}

/**
 * The states of the walk the page has opened so far. State 0 is the root (every line); a later state is the run of
 * lines whose keys start with the units read to reach it. State 0 as a step's result means "no such key".
 */
export interface CompiledMatcher {
  /** The dictionary, or the page's share of it so far (`page-dictionary.ts`). */
  source: Dictionary;
  lines: string;
  readonly kinds: ReadonlySet<EntityKind> | undefined;
  /** Entities this page must not link: the reader hid them everywhere, or said they are not the one meant on this site. */
  readonly hidden: ReadonlySet<string>;
  /** The root's steps by folded UTF-16 unit, a table because it is looked up at every word start; -1 not yet looked up. */
  root: Int32Array;
  /** Each state's run of lines: the start of its first line, and the end of its last. */
  from: number[];
  to: number[];
  /** How many units were read to reach each state. */
  depth: number[];
  /** Later steps by folded unit, as they are taken. */
  children: (Map<number, number> | undefined)[];
  /** Terms whose key ends at each state, most trusted first, read when first needed: null for none. */
  accepts: (CompiledTerm[] | null | undefined)[];
  /** Widens a share of the dictionary with the lines `text` can match (`page-dictionary.ts`); none for a whole one. */
  learn?: (text: string) => Promise<void>;
}

const NOT_LOOKED_UP = -1;
const NO_STATE = 0;
const KEY_END = TERM_START.charCodeAt(0);

/**
 * Opens a dictionary for `findMatches`, only for the kinds the reader highlights (all when `kinds` is left out) and
 * without the entities the reader hid here. Nothing is built here: states are opened as the page's words lead to them.
 */
export function openMatcher(
  dictionary: Dictionary,
  kinds?: ReadonlySet<EntityKind>,
  hidden: ReadonlySet<string> = new Set(),
): CompiledMatcher {
  return {
    source: dictionary,
    hidden,
    lines: dictionary.lines,
    kinds,
    root: new Int32Array(0x10000).fill(NOT_LOOKED_UP),
    from: [0],
    to: [dictionary.lines.length],
    depth: [0],
    children: [undefined],
    accepts: [null],
  };
}

/** Both sorted lists of lines as one, each line once: "\0" for the key's end sorts a key before its longer keys. */
const merged = (a: string, b: string): string =>
  [...new Set((a + b).replaceAll(TERM_START, '\0').match(/[^\u00A8]*\u00A8/gu))]
    .sort()
    .join('')
    .replaceAll('\0', TERM_START);

/**
 * Adds a share of the dictionary to the one the matcher holds; the states opened so far are dropped, as their runs of
 * lines moved. Lines already held are kept once.
 */
export function widenMatcher(matcher: CompiledMatcher, share: Dictionary): void {
  const { source, kinds, hidden } = matcher;
  Object.assign(
    matcher,
    openMatcher(
      {
        ...share,
        lines: merged(source.lines, share.lines),
        variants: merged(source.variants, share.variants),
      },
      kinds,
      hidden,
    ),
  );
}

/** The key's unit at `depth` of the line starting at `line`, or -1 where the key has ended. */
function unitAt(lines: string, line: number, depth: number): number {
  const unit = lines.charCodeAt(line + depth);
  return unit === KEY_END ? -1 : unit;
}

/** The first line in [from, to) whose key has at least `unit` at `depth` (all of them agree before it), or `to`. */
function firstLineFrom(lines: string, from: number, to: number, depth: number, unit: number): number {
  while (from < to) {
    const middle = lines.lastIndexOf(LINE_END, ((from + to) >>> 1) - 1) + 1;
    if (unitAt(lines, middle, depth) >= unit) to = middle;
    else from = lines.indexOf(LINE_END, middle) + 1;
  }
  return from;
}

/** Opens the state one unit on from `state`: the run of its lines whose key has `unit` next. */
function open(matcher: CompiledMatcher, state: number, unit: number): number {
  const { lines, from, to, depth } = matcher;
  const start = from[state] ?? 0;
  const end = to[state] ?? 0;
  const read = depth[state] ?? 0;
  const first = firstLineFrom(lines, start, end, read, unit);
  if (first === end || unitAt(lines, first, read) !== unit) return NO_STATE;
  const next = from.length;
  from.push(first);
  to.push(firstLineFrom(lines, first, end, read, unit + 1));
  depth.push(read + 1);
  matcher.children.push(undefined);
  // The shortest key of a run comes first: the state ends a key if its first line's key ends here.
  matcher.accepts.push(lines.charCodeAt(first + read + 1) === KEY_END ? undefined : null);
  return next;
}

function step(matcher: CompiledMatcher, state: number, unit: number): number {
  if (state === 0) {
    let next = matcher.root[unit] ?? NO_STATE;
    if (next === NOT_LOOKED_UP) next = matcher.root[unit] = open(matcher, 0, unit);
    return next;
  }
  let edges = matcher.children[state];
  let next = edges?.get(unit);
  if (next === undefined) {
    next = open(matcher, state, unit);
    if (edges === undefined) matcher.children[state] = edges = new Map<number, number>();
    edges.set(unit, next);
  }
  return next;
}

function readTerms(matcher: CompiledMatcher, state: number): CompiledTerm[] | null {
  const { lines } = matcher;
  const line = matcher.from[state] ?? 0;
  const keyEnd = line + (matcher.depth[state] ?? 0);
  const terms = unpackTerms(lines.slice(line, keyEnd), lines.slice(keyEnd + 1, lines.indexOf(LINE_END, keyEnd)))
    .filter((term) => matcher.kinds === undefined || matcher.kinds.has(term.kind))
    .map((term): CompiledTerm => ({ ...term, anyCase: term.kind === 'topic', casedWords: term.casedText.split(' ') }));
  return terms.length === 0 ? null : terms;
}

/** The terms whose key ends at `state`, of the kinds highlighted, or undefined. */
function termsAt(matcher: CompiledMatcher, state: number): CompiledTerm[] | undefined {
  let found = matcher.accepts[state];
  if (found === undefined) found = matcher.accepts[state] = readTerms(matcher, state);
  return found ?? undefined;
}

/** Whether the character at `index` is a letter, digit or in-word mark. */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0x80 ? ASCII_WORD[code] === 1 : foldUnit(text.codePointAt(index) ?? code).word;
}

/** Skips combining marks and invisibles, which belong to the character before them. */
function skipTransparent(text: string, index: number): number {
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 0x80) return index;
    const codePoint = text.codePointAt(index) ?? code;
    const fold = foldUnit(codePoint);
    if (fold.units !== '') return index;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return index;
}

function isCapitalisedAs(source: string, term: CompiledTerm): boolean {
  const words = casedForm(source).split(' ');
  const { casedWords } = term;
  if (words.length !== casedWords.length) return false;
  return words.every((word, i) => {
    const expected = casedWords[i] ?? '';
    return word === expected || word === expected.toUpperCase();
  });
}

/** The link of the most trusted term written at [start, end) in its own capitals whose evidence the page gives. */
function accept(
  terms: CompiledTerm[],
  text: string,
  start: number,
  end: number,
  namedSoFar: ReadonlySet<string>,
): PageLink | undefined {
  for (const term of terms) {
    if (!term.anyCase && !isCapitalisedAs(text.slice(start, end), term)) continue;
    const accepted = linkOnEvidence(term, text, start, end, namedSoFar);
    if (accepted !== undefined) return accepted;
  }
  return undefined;
}

interface Walked {
  end: number;
  /** Undefined when the longest term written here lacks the page's evidence. */
  accepted: PageLink | undefined;
}

/**
 * Follows the trie from `start` as far as the text allows: the longest term written there, and its link if the page
 * supports one. A longer term that fails ("Mrs Rajavi" before Maryam Rajavi is named) hides the shorter ones in it,
 * so that its surname cannot link to someone else.
 */
function walk(
  text: string,
  start: number,
  matcher: CompiledMatcher,
  namedSoFar: ReadonlySet<string>,
): Walked | undefined {
  let best: Walked | undefined;
  let state = 0;
  let lastSpace = false;
  for (let j = start; j < text.length;) {
    const code = text.charCodeAt(j);
    let units: string | undefined;
    let unit: number;
    let space: boolean;
    let word: boolean;
    if (code < 0x80) {
      unit = ASCII_FOLD[code] ?? code;
      space = ASCII_SPACE[code] === 1;
      word = ASCII_WORD[code] === 1;
      j += 1;
    } else {
      const codePoint = text.codePointAt(j) ?? code;
      const fold = foldUnit(codePoint);
      j += codePoint > 0xffff ? 2 : 1;
      if (fold.units === '') continue;
      space = fold.space;
      word = fold.word;
      unit = fold.units.charCodeAt(0);
      if (fold.units.length > 1) units = fold.units;
    }
    // A run of whitespace is one space.
    if (space && lastSpace) continue;
    lastSpace = space;
    if (units === undefined) {
      state = step(matcher, state, unit);
    } else {
      for (let k = 0; k < units.length && (k === 0 || state !== NO_STATE); k++) {
        state = step(matcher, state, units.charCodeAt(k));
      }
    }
    if (state === NO_STATE) break;
    const terms = termsAt(matcher, state);
    if (terms === undefined) continue;
    const end = skipTransparent(text, j);
    if (word && end < text.length && isWordAt(text, end)) continue;
    if (!terms.some((term) => term.anyCase || isCapitalisedAs(text.slice(start, end), term))) continue;
    best = { end, accepted: accept(terms, text, start, end, namedSoFar) };
  }
  return best;
}

/**
 * Every match in `text`, in order, not overlapping. `namedSoFar` carries the ids of people already named in full
 * (pass one set for a whole page so that a surname in a later paragraph can point back); it is updated in place.
 */
export function findMatches(text: string, matcher: CompiledMatcher, namedSoFar: Set<string> = new Set()): TextMatch[] {
  const matches: TextMatch[] = [];
  let previousIsWord = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    let width = 1;
    let isWord: boolean;
    let first: number;
    if (code < 0x80) {
      isWord = ASCII_WORD[code] === 1;
      first = ASCII_FOLD[code] ?? code;
    } else {
      const codePoint = text.codePointAt(i) ?? code;
      const fold = foldUnit(codePoint);
      width = codePoint > 0xffff ? 2 : 1;
      isWord = fold.word;
      first = fold.units === '' ? 0 : fold.units.charCodeAt(0);
    }
    // Matches start only on a word boundary, and only where some term starts.
    const found: Walked | undefined =
      (isWord && previousIsWord) || step(matcher, 0, first) === NO_STATE
        ? undefined
        : walk(text, i, matcher, namedSoFar);
    if (found?.accepted === undefined) {
      previousIsWord = found === undefined ? isWord : false;
      i = found === undefined ? i + width : found.end;
      continue;
    }
    const { entityId, kind, reason, namesPerson } = found.accepted;
    matches.push({ start: i, end: found.end, entityId, kind, reason });
    if (namesPerson) {
      // Re-added, so that the set's order says who was named in full most recently.
      namedSoFar.delete(entityId);
      namedSoFar.add(entityId);
    }
    // A match ends on a boundary: whatever follows starts a new word.
    previousIsWord = false;
    i = found.end;
  }
  // People's names in other spellings, by skeleton (`spellingVariants`), when there are any to find.
  const { source, kinds } = matcher;
  const found =
    source.variants === '' || (kinds !== undefined && !kinds.has('person'))
      ? matches
      : withVariants(text, source.variants, matches, namedSoFar);
  // A hidden entity's names still take their words, so that its surname later on is not given to someone else.
  return matcher.hidden.size === 0 ? found : found.filter((match) => !matcher.hidden.has(match.entityId));
}
