import { MONTHS } from '../corpus/lexicon';
import type { EntityKind } from '../corpus/pack';
import { nameSkeleton } from '../corpus/name-skeleton';
import { LINE_END, TERM_START, unpackTerms, unpackVariants, writtenForm, type Dictionary } from '../shared/dictionary';
import type { LinkReason } from '../shared/link-reason';
import { ASCII_FOLD, ASCII_SPACE, ASCII_WORD, casedForm, foldUnit } from '../shared/text-fold';

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
 * - Page evidence for every link (`TextMatch.reason`, which the card states):
 *   - a person's surname, title and surname, or one-word name links only after the page names that person in full
 *     (a full name or an alias of two or more words) earlier in the text or page (`namedSoFar`); when two people
 *     share it and both were named, the nearest full mention before it decides;
 *   - a generic body ("Supreme Court") links only with a qualifier the sources give it, written just before it
 *     ("Iran's Supreme Court", "the UN Security Council") or, for the one body of that name, nearby;
 *   - a name that is also a common word ("May", "Rich", "Brown") never links at a sentence start, nor a month
 *     written as a date ("in May", "May 5");
 *   - an alias two bodies share links to neither;
 *   - a person's full name in another spelling (`nameSkeleton`: "Hassan Rohani" for "Hassan Rouhani") links when
 *     every word agrees, and the surname alone in any spelling after it (`withVariants`).
 *   We return nothing rather than a list of candidates: a highlight the reader cannot act on is noise, and the
 *   card contract (`data-sl-id`) names one entity.
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

interface CompiledTerm {
  kind: EntityKind;
  ids: string[];
  /** A surname, a title and surname, or a one-word name: the page must name the person in full first. */
  needsFullName: boolean;
  /** For a generic body, the qualifiers the sources give it; the page must write one with it or nearby. */
  qualifiers: string[] | undefined;
  /** A one-word name that is also a common word ("May"): never at a sentence start. */
  commonWord: boolean;
  anyCase: boolean;
  /** The term's words with diacritics removed but case kept, to check capitalisation. */
  casedWords: string[];
}

/**
 * The states of the walk the page has opened so far. State 0 is the root (every line); a later state is the run of
 * lines whose keys start with the units read to reach it. State 0 as a step's result means "no such key".
 */
export interface CompiledMatcher {
  /** People's names in other spellings, by skeleton (`spellingVariants`); undefined when there are none to find. */
  readonly variants: SpellingVariants | undefined;
  readonly lines: string;
  readonly kinds: ReadonlySet<EntityKind> | undefined;
  /** The root's steps by folded UTF-16 unit, a table because it is looked up at every word start; -1 not yet looked up. */
  readonly root: Int32Array;
  /** Each state's run of lines: the start of its first line, and the end of its last. */
  readonly from: number[];
  readonly to: number[];
  /** How many units were read to reach each state. */
  readonly depth: number[];
  /** Later steps by folded unit, as they are taken. */
  readonly children: (Map<number, number> | undefined)[];
  /** Terms whose key ends at each state, most trusted first, read when first needed: null for none. */
  readonly accepts: (CompiledTerm[] | null | undefined)[];
}

const NOT_LOOKED_UP = -1;
const NO_STATE = 0;
const KEY_END = TERM_START.charCodeAt(0);

/**
 * Opens a dictionary for `findMatches`, only for the kinds the reader highlights (all when `kinds` is left out).
 * Nothing is built here: states are opened as the page's words lead to them.
 */
export function openMatcher(dictionary: Dictionary, kinds?: ReadonlySet<EntityKind>): CompiledMatcher {
  return {
    variants:
      dictionary.variants === '' || (kinds !== undefined && !kinds.has('person'))
        ? undefined
        : unpackVariants(dictionary.variants),
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
    .map((term): CompiledTerm => ({
      kind: term.kind,
      ids: term.ids,
      needsFullName: term.needsFullName,
      qualifiers: term.qualifiers,
      commonWord: term.commonWord,
      anyCase: term.kind === 'topic',
      casedWords: term.casedText.split(' '),
    }));
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

const SENTENCE_END = new Set(['.', '!', '?', '…']);
/** Characters that may sit between a sentence's end and its first word: spaces, opening quotes and brackets. */
const SENTENCE_OPENER = /[\s"'“‘«([¿¡—–-]/u;

function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (SENTENCE_END.has(char)) return true;
    if (!SENTENCE_OPENER.test(char)) return false;
  }
  return true;
}

/** A month written as a date: "in May", "on May 5", "mid-May". */
const BEFORE_A_DATE =
  /(?:\b(?:in|on|since|until|till|through|during|early|late|last|next|this|each|every)\s+|\b(?:mid|early|late)-)$/i;
function isDate(text: string, start: number, end: number): boolean {
  if (!MONTHS.has(text.slice(start, end).toLowerCase())) return false;
  return BEFORE_A_DATE.test(text.slice(Math.max(0, start - 12), start)) || /^\s+\d/.test(text.slice(end, end + 3));
}

interface Accepted {
  entityId: string;
  kind: EntityKind;
  reason: LinkReason;
  /** A person named in full: later surnames may point back to them. */
  namesPerson: boolean;
}

/** Of the ids, the one the page named in full most recently (`namedSoFar` keeps naming order). */
function lastNamed(ids: readonly string[], namedSoFar: ReadonlySet<string>): string | undefined {
  let last: string | undefined;
  for (const id of namedSoFar) if (ids.includes(id)) last = id;
  return last;
}

/** How far around a generic body's name the page may name its country or parent. */
const NEARBY = 200;
const PAGE_WORD = /[\p{L}][\p{L}.’'-]*/gu;
const pageWordKey = (word: string): string =>
  word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\./g, '');
/** "Iranian" qualifies as "Iran" does: one word is the other with an ending. */
const sameQualifier = (word: string, qualifier: string): boolean =>
  word === qualifier ||
  (Math.min(word.length, qualifier.length) >= 4 && (word.startsWith(qualifier) || qualifier.startsWith(word)));

/** The page's word right before the name (past "the") that is one of the body's qualifiers: "Iran's", "UN". */
function qualifierBefore(text: string, start: number, qualifiers: readonly string[]): string | undefined {
  const words = [...text.slice(Math.max(0, start - 40), start).matchAll(PAGE_WORD)].map((m) => m[0]);
  const last = words.pop();
  const word = last?.toLowerCase() === 'the' ? undefined : last;
  return word !== undefined && qualifiers.some((q) => sameQualifier(pageWordKey(word), q)) ? word : undefined;
}

/** A qualifier written near the name, in the same text: "The court in Tehran … the Supreme Court". */
function qualifierNear(text: string, start: number, end: number, qualifiers: readonly string[]): string | undefined {
  const around = `${text.slice(Math.max(0, start - NEARBY), start)} ${text.slice(end, end + NEARBY)}`;
  for (const m of around.matchAll(PAGE_WORD)) {
    if (/^\p{Lu}/u.test(m[0]) && qualifiers.some((q) => sameQualifier(pageWordKey(m[0]), q))) return m[0];
  }
  return undefined;
}

/** The link the page's evidence supports for a term found at [start, end), if any. */
function acceptTerm(
  term: CompiledTerm,
  text: string,
  start: number,
  end: number,
  namedSoFar: ReadonlySet<string>,
): Accepted | undefined {
  const { kind, ids } = term;
  if (term.commonWord && (startsSentence(text, start) || isDate(text, start, end))) return undefined;
  if (kind === 'person') {
    if (!term.needsFullName) {
      const entityId = ids.length === 1 ? ids[0] : lastNamed(ids, namedSoFar);
      return entityId === undefined ? undefined : { entityId, kind, reason: { rule: 'full-name' }, namesPerson: true };
    }
    const entityId = lastNamed(ids, namedSoFar);
    return entityId === undefined ? undefined : { entityId, kind, reason: { rule: 'named-above' }, namesPerson: false };
  }
  const [only] = ids;
  if (ids.length !== 1 || only === undefined) return undefined;
  if (term.qualifiers !== undefined) {
    const before = qualifierBefore(text, start, term.qualifiers);
    if (before !== undefined)
      return { entityId: only, kind, reason: { rule: 'qualified', qualifier: before }, namesPerson: false };
    const near = qualifierNear(text, start, end, term.qualifiers);
    return near === undefined
      ? undefined
      : { entityId: only, kind, reason: { rule: 'named-nearby', qualifier: near }, namesPerson: false };
  }
  return { entityId: only, kind, reason: { rule: kind === 'topic' ? 'topic' : 'distinct-name' }, namesPerson: false };
}

function accept(
  terms: CompiledTerm[],
  text: string,
  start: number,
  end: number,
  namedSoFar: ReadonlySet<string>,
): Accepted | undefined {
  for (const term of terms) {
    if (!term.anyCase && !isCapitalisedAs(text.slice(start, end), term)) continue;
    const accepted = acceptTerm(term, text, start, end, namedSoFar);
    if (accepted !== undefined) return accepted;
  }
  return undefined;
}

interface Walked {
  end: number;
  /** Undefined when the longest term written here lacks the page's evidence. */
  accepted: Accepted | undefined;
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
  return matcher.variants === undefined ? matches : withVariants(text, matcher.variants, matches, namedSoFar);
}

type SpellingVariants = ReturnType<typeof unpackVariants>;

/** Capitalised words in a row, at most four: where a name in another spelling may be. */
const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’ʼ-]*(?:[ \u00A0]+\p{Lu}[\p{L}\p{M}'’ʼ-]*){0,3}/gu;
const WORD_IN_RUN = /\p{L}[\p{L}\p{M}'’ʼ-]*/gu;
const MAX_NAME_WORDS = 4;

/**
 * Adds to the page's matches the people it names in another spelling: a full name whose every word agrees with one
 * of the corpus's by skeleton ("Hassan Rohani", "Ali Khamene'i"), and after it the surname alone in any spelling.
 * Only where no term matched: the corpus's own spelling is always the firmer link.
 */
function withVariants(
  text: string,
  variants: SpellingVariants,
  matches: TextMatch[],
  namedSoFar: Set<string>,
): TextMatch[] {
  const found: TextMatch[] = [];
  const free = (start: number, end: number): boolean => !matches.some((m) => m.start < end && start < m.end);
  // A word alone is a variant only of a surname whose person the page named in full: with none named yet, only
  // runs of two words or more are looked at, and most capitalised words (a sentence's first) cost nothing.
  let surnamesLive = [...namedSoFar].some((id) => variants.named.has(id));
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const words = [...run[0].matchAll(WORD_IN_RUN)].map((w) => {
      const start = run.index + w.index;
      // "Rohani's": the possessive is no part of the name.
      return { start, end: start + w[0].replace(/['’]s$/u, '').length };
    });
    if (words.length < 2 && !surnamesLive) continue;
    for (let i = 0; i < words.length;) {
      const match = variantAt(text, words, i, variants, namedSoFar, free);
      if (match === undefined) {
        i++;
        continue;
      }
      found.push(match.link);
      // Named in full here, in another spelling: the surname alone may follow in this very text.
      if (match.link.reason.rule === 'spelling-variant') surnamesLive = true;
      i = match.next;
    }
  }
  return found.length === 0 ? matches : [...matches, ...found].sort((a, b) => a.start - b.start);
}

function variantAt(
  text: string,
  words: readonly { start: number; end: number }[],
  i: number,
  variants: SpellingVariants,
  namedSoFar: Set<string>,
  free: (start: number, end: number) => boolean,
): { link: TextMatch; next: number } | undefined {
  const first = words[i];
  if (first === undefined) return undefined;
  for (let j = Math.min(words.length, i + MAX_NAME_WORDS); j > i; j--) {
    const end = words[j - 1]?.end ?? first.end;
    if (!free(first.start, end) || variants.exact.has(writtenForm(text.slice(first.start, end)))) continue;
    const key = nameSkeleton(text.slice(first.start, end)).join('');
    if (j - i >= 2) {
      const [only, ...others] = variants.full.get(key) ?? [];
      if (only === undefined || others.length > 0) continue;
      namedSoFar.delete(only);
      namedSoFar.add(only);
      const link: TextMatch = {
        start: first.start,
        end,
        entityId: only,
        kind: 'person',
        reason: { rule: 'spelling-variant' },
      };
      return { link, next: j };
    }
    const entityId = lastNamed(variants.surnames.get(key) ?? [], namedSoFar);
    if (entityId !== undefined) {
      const link: TextMatch = { start: first.start, end, entityId, kind: 'person', reason: { rule: 'named-above' } };
      return { link, next: j };
    }
  }
  return undefined;
}
