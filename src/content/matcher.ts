import type { EntityKind } from '../corpus/pack';
import { COMMON_WORD_NAMES } from '../shared/common-words';
import type { Dictionary, DictionaryTerm } from '../shared/dictionary';
import type { LinkReason } from '../shared/link-reason';

/**
 * Finds dictionary terms in plain text in one pass, however many terms there are.
 *
 * Why a trie walked from word starts and not Aho–Corasick: matches must begin and end on word boundaries, so
 * a walk only ever starts at a word start and stops as soon as the text leaves the trie, which on prose is
 * after one or two characters. Each character is thus read a bounded number of times (at most the longest
 * term's length), independent of the number of terms. Aho–Corasick's failure links only pay off for matches
 * that may start inside a word, which the whole-word rule forbids; no trie library is installed.
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
 *   - a name that is also a common word ("May", "Rich", "Brown") never links at a sentence start;
 *   - an alias two bodies share links to neither.
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
  text: string;
  /**
   * The term's words with diacritics removed but case kept, to check capitalisation: worked out when the term is
   * first met on a page, as most of a large dictionary never is and compiling must stay one short task.
   */
  casedWords?: string[];
}

export interface CompiledMatcher {
  /** The trie's first step, by folded UTF-16 unit: a table, because it is looked up at every word start. */
  readonly root: Int32Array;
  /** Later steps by folded unit; state 0 (the root) means "no edge". */
  readonly children: (Map<number, number> | undefined)[];
  /** Terms ending at each state, most trusted first. */
  readonly accepts: (CompiledTerm[] | undefined)[];
}

const COMBINING_MARK = /\p{M}/gu;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;
const WHITESPACE = /^\s$/u;
/** Characters pages put inside words (soft hyphen, zero-width joiners): invisible, so matching skips them. */
const INSIDE_WORD_INVISIBLE = /^[\u00AD\u200C\u200D]$/u;
/** Zero-width spaces break words without showing a space: they count as one. */
const ZERO_WIDTH_BREAK = /^[\u200B\u2060\uFEFF]$/u;
const APOSTROPHES = /[\u2018\u2019\u02BC]/gu;
const HYPHENS = /[\u2010\u2011]/gu;

interface CharFold {
  /** Lowercase, without diacritics; ' ' for any whitespace; '' for a combining mark or invisible character. */
  units: string;
  /** Letters of any script, digits, and marks and invisibles that sit inside words. */
  word: boolean;
  space: boolean;
}

const ASCII_FOLD = new Int32Array(128);
const ASCII_WORD = new Uint8Array(128);
const ASCII_SPACE = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const upper = code >= 65 && code <= 90;
  const space = code === 32 || (code >= 9 && code <= 13);
  ASCII_FOLD[code] = upper ? code + 32 : space ? 32 : code;
  ASCII_WORD[code] = Number(upper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57));
  ASCII_SPACE[code] = Number(space);
}

const foldCache = new Map<number, CharFold>();

/** Folds one non-ASCII code point. Cached: a page repeats a small alphabet. */
function foldCodePoint(codePoint: number): CharFold {
  let fold = foldCache.get(codePoint);
  if (fold === undefined) {
    const char = String.fromCodePoint(codePoint);
    const space = WHITESPACE.test(char) || ZERO_WIDTH_BREAK.test(char);
    const invisible = INSIDE_WORD_INVISIBLE.test(char);
    const units = space
      ? ' '
      : invisible
        ? ''
        : char
            .replace(APOSTROPHES, "'")
            .replace(HYPHENS, '-')
            .normalize('NFD')
            .replace(COMBINING_MARK, '')
            .toLowerCase()
            .normalize('NFD')
            .replace(COMBINING_MARK, '');
    fold = { units, word: invisible || WORD_CHAR.test(char), space };
    foldCache.set(codePoint, fold);
  }
  return fold;
}

/** Whether the character at `index` is a letter, digit or in-word mark. */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0x80 ? ASCII_WORD[code] === 1 : foldCodePoint(text.codePointAt(index) ?? code).word;
}

/** Skips combining marks and invisibles, which belong to the character before them. */
function skipTransparent(text: string, index: number): number {
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 0x80) return index;
    const codePoint = text.codePointAt(index) ?? code;
    const fold = foldCodePoint(codePoint);
    if (fold.units !== '') return index;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return index;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;

/** The folded units of a term, the way the walk folds page text. */
function foldTerm(text: string): number[] {
  const units: number[] = [];
  if (ASCII_ONLY.test(text)) {
    // Most terms: no code point to look up (compiling 5,000 terms is then one short task).
    for (let k = 0; k < text.length; k++) {
      const unit = ASCII_FOLD[text.charCodeAt(k)] ?? 0;
      if (unit === 32 && units[units.length - 1] === 32) continue;
      units.push(unit);
    }
    return units;
  }
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const folded =
      codePoint < 0x80 ? String.fromCharCode(ASCII_FOLD[codePoint] ?? codePoint) : foldCodePoint(codePoint).units;
    for (let k = 0; k < folded.length; k++) {
      const unit = folded.charCodeAt(k);
      if (unit === 32 && units[units.length - 1] === 32) continue;
      units.push(unit);
    }
  }
  return units;
}

/** Diacritics and odd spacing removed, case kept: the form capitalisation is checked on. */
function casedForm(text: string): string {
  if (ASCII_ONLY.test(text)) return text.replace(/\s+/gu, ' ').trim();
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const fold = codePoint < 0x80 ? undefined : foldCodePoint(codePoint);
    if (fold === undefined) out += char;
    else if (fold.space || fold.units === '') out += fold.units;
    else out += char.replace(APOSTROPHES, "'").replace(HYPHENS, '-').normalize('NFD').replace(COMBINING_MARK, '');
  }
  return out.replace(/\s+/gu, ' ').trim();
}

function trustOrder(a: CompiledTerm, b: CompiledTerm): number {
  // A full name is firmer than a surname or title; a capitalised name firmer than a topic phrase.
  return Number(a.needsFullName) - Number(b.needsFullName) || Number(a.anyCase) - Number(b.anyCase);
}

/** Builds the trie once per dictionary; `findMatches` then runs on every block of every page. */
export function compileMatcher(dictionary: Dictionary): CompiledMatcher {
  const root = new Int32Array(0x10000);
  const children: (Map<number, number> | undefined)[] = [undefined];
  const accepts: (CompiledTerm[] | undefined)[] = [undefined];
  for (const term of dictionary.terms) {
    const units = foldTerm(term.text.trim());
    if (units.length === 0) continue;
    let state = 0;
    for (const unit of units) {
      let next = state === 0 ? root[unit] || undefined : children[state]?.get(unit);
      if (next === undefined) {
        next = accepts.length;
        accepts.push(undefined);
        children.push(undefined);
        if (state === 0) root[unit] = next;
        else children[state] = (children[state] ?? new Map<number, number>()).set(unit, next);
      }
      state = next;
    }
    const list = accepts[state] ?? [];
    list.push(compileTerm(term));
    list.sort(trustOrder);
    accepts[state] = list;
  }
  return { root, children, accepts };
}

function compileTerm(term: DictionaryTerm): CompiledTerm {
  return {
    kind: term.kind,
    ids: term.ids,
    needsFullName: term.needsFullName === true,
    qualifiers: term.qualifiers,
    commonWord: term.kind !== 'topic' && !term.text.includes(' ') && COMMON_WORD_NAMES.has(term.text.toLowerCase()),
    anyCase: term.kind === 'topic',
    text: term.text,
  };
}

function isCapitalisedAs(source: string, term: CompiledTerm): boolean {
  const words = casedForm(source).split(' ');
  const casedWords = (term.casedWords ??= casedForm(term.text).split(' '));
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
  if (term.commonWord && startsSentence(text, start)) return undefined;
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
  const { root, children, accepts } = matcher;
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
      const fold = foldCodePoint(codePoint);
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
      state = state === 0 ? (root[unit] ?? 0) : (children[state]?.get(unit) ?? 0);
    } else {
      for (let k = 0; k < units.length && (k === 0 || state !== 0); k++) {
        const next = units.charCodeAt(k);
        state = state === 0 && k === 0 ? (root[next] ?? 0) : (children[state]?.get(next) ?? 0);
      }
    }
    if (state === 0) break;
    const terms = accepts[state];
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
  const { root } = matcher;
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
      const fold = foldCodePoint(codePoint);
      width = codePoint > 0xffff ? 2 : 1;
      isWord = fold.word;
      first = fold.units === '' ? 0 : fold.units.charCodeAt(0);
    }
    // Matches start only on a word boundary, and only where some term starts.
    const found: Walked | undefined =
      (isWord && previousIsWord) || root[first] === 0 ? undefined : walk(text, i, matcher, namedSoFar);
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
  return matches;
}
