// Builds the dictionary a page is sent (its format: dictionary.ts) from the corpora's entities, in the background:
// which names link, under which page evidence, and the people's other spellings.
import type { Entity } from './pack';
import { HONORIFICS, NAME_TITLES } from './lexicon';
import { isOrdinaryWord } from './ordinary-words';
import { isGenericBodyName } from '../shared/body-qualifiers';
import { COMMON_WORD_NAMES } from '../shared/common-words';
import type { EntityKind } from '../shared/entity-kind';
import { nameSkeleton } from '../shared/name-skeleton';
import {
  COMMON_WORD,
  DICTIONARY_VERSION,
  DictionaryTooLargeError,
  escapeField,
  FIELD,
  ITEM,
  KINDS,
  LINE_END,
  MAX_DICTIONARY_LENGTH,
  NEEDS_FULL_NAME,
  TERM_START,
  titleCased,
  VARIANT_FULL_NAME,
  VARIANT_SURNAME,
  VARIANT_WRITTEN,
  writtenForm,
  type Dictionary,
} from '../shared/dictionary';
import { casedForm, foldTerm } from '../shared/text-fold';

const MAX_QUALIFIERS = 50;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /**
   * The characters the dictionary's format separates with (see the top of this file), which no key may hold, and
   * NUL, which a page's matcher sorts its lines with (`widenMatcher`).
   */
  // eslint-disable-next-line no-control-regex -- NUL is the one control character meant
  separator: /[\u0000\u00A8\u00AF]/u,
  whitespace: /\s+/gu,
  /** What a surname keeps: letters, digits, apostrophes and hyphens. */
  notSurnameCharacter: /[^\p{L}\p{N}'’-]/gu,
  finalStop: /\.$/,
  /** A lone surrogate could not cross Chrome's messaging unchanged, and would then break the keys' order. */
  loneSurrogate: /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu,
} as const;

/** One name to look for, as `dictionaryTerms` lists it before it is packed. */
export interface DictionaryTerm {
  /** The words to find, written as the corpus writes them ("Maryam Rajavi", "human rights"). */
  text: string;
  kind: EntityKind;
  /** The entities these words name: more than one when several share them (two people called Jones). */
  ids: string[];
  /**
   * A person's name that is not their full name (a surname, a title and surname, "Mr Bolton", or one word): linked
   * only after the page names the person in full.
   */
  needsFullName?: true;
  /** A generic body's name ("Supreme Court"): linked only with one of these qualifiers the sources give it ("iran"). */
  qualifiers?: string[];
}

/** Shorter surnames ("Li", "Ng") are too often a word or an initialism to stand alone. */
const MIN_SURNAME_LENGTH = 3;

function tidy(text: string): string {
  return text.replace(REGEXPS.whitespace, ' ').trim();
}

function surnameOf(name: string): string | undefined {
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (words.length < 2 || last === undefined) return undefined;
  const letters = last.replace(REGEXPS.notSurnameCharacter, '');
  return letters.length >= MIN_SURNAME_LENGTH ? letters : undefined;
}

/** A title written before a surname ("Mr", "President"): a name that opens with one is not a full name. */
const isTitle = (word: string): boolean => {
  const w = word.toLowerCase().replace(REGEXPS.finalStop, '');
  return HONORIFICS.has(w) || NAME_TITLES.has(w);
};
const isFullName = (text: string): boolean => {
  const words = text.split(' ');
  return words.length > 1 && !isTitle(words[0] ?? '');
};

/**
 * Names, aliases and topic phrases of every entity, each mapped to the ids it may stand for. `qualifiers` holds,
 * for each generic body, the words the sources qualify it with (see `genericBodyQualifiers`).
 */
export function dictionaryTerms(
  entities: Entity[],
  qualifiers: ReadonlyMap<string, string[]> = new Map(),
): DictionaryTerm[] {
  // People with a full name: their titled and one-word forms need it on the page first. A person the corpus knows
  // only as "Lord Dholakia" is named in full by that.
  const hasFullName = new Set(
    entities
      .filter((e) => e.kind === 'person' && [e.name, ...e.aliases].some((a) => isFullName(tidy(a))))
      .map((e) => e.id),
  );
  const explicit = new Map<string, DictionaryTerm>();
  const surnames = new Map<string, Set<string>>();

  for (const entity of entities) {
    // A body's one-word short name that is an ordinary word ("People", "Fed") would link every sentence that opens
    // with it: a page names the body by its name or acronym instead.
    const texts = new Set(
      [entity.name, ...entity.aliases]
        .map(tidy)
        .filter(
          (text) =>
            text.length > 0 &&
            !(entity.kind === 'organisation' && text !== entity.name && !text.includes(' ') && isOrdinaryWord(text)),
        ),
    );
    const bodyGeneric = isGenericBodyName(entity.name);
    const qualifiersOf = (text: string): string[] | undefined =>
      bodyGeneric || isGenericBodyName(text) ? qualifiers.get(entity.id) : undefined;
    for (const text of texts) {
      const partial =
        entity.kind === 'person' && !isFullName(text) && (hasFullName.has(entity.id) || text.split(' ').length === 1);
      const bodyQualifiers = qualifiersOf(text);
      const key = `${entity.kind}\u0000${text}\u0000${partial ? 'partial' : ''}\u0000${bodyQualifiers === undefined ? '' : 'generic'}`;
      const term: DictionaryTerm = explicit.get(key) ?? {
        text,
        kind: entity.kind,
        ids: [],
        ...(partial ? { needsFullName: true as const } : {}),
        ...(bodyQualifiers !== undefined ? { qualifiers: [] } : {}),
      };
      if (!term.ids.includes(entity.id)) term.ids.push(entity.id);
      if (term.qualifiers !== undefined && bodyQualifiers !== undefined) {
        term.qualifiers = [...new Set([...term.qualifiers, ...bodyQualifiers])].slice(0, MAX_QUALIFIERS).sort();
      }
      explicit.set(key, term);
    }
    if (entity.kind === 'person') {
      const surname = surnameOf(tidy(entity.name));
      if (surname !== undefined) surnames.set(surname, (surnames.get(surname) ?? new Set()).add(entity.id));
    }
  }

  // A surname that the corpus also lists as a name or alias in its own right is already covered, and more firmly.
  const explicitTexts = new Set([...explicit.values()].map((term) => term.text));
  const surnameTerms: DictionaryTerm[] = [...surnames]
    .filter(([text]) => !explicitTexts.has(text))
    .map(([text, ids]) => ({ text, kind: 'person', ids: [...ids].sort(), needsFullName: true }));

  return [...explicit.values(), ...surnameTerms].sort(
    (a, b) => a.text.localeCompare(b.text) || a.kind.localeCompare(b.kind),
  );
}

function trustOrder(a: DictionaryTerm, b: DictionaryTerm): number {
  // A full name is firmer than a surname or title; a capitalised name firmer than a topic phrase.
  const anyCase = (term: DictionaryTerm): number => Number(term.kind === 'topic');
  return Number(a.needsFullName === true) - Number(b.needsFullName === true) || anyCase(a) - anyCase(b);
}

function packTerm(term: DictionaryTerm, key: string): string {
  const commonWord =
    term.kind !== 'topic' && !term.text.includes(' ') && COMMON_WORD_NAMES.has(term.text.toLowerCase());
  const flags = (term.needsFullName === true ? NEEDS_FULL_NAME : 0) | (commonWord ? COMMON_WORD : 0);
  // Only names are checked for capitals; a name capitalised as most are is left for the page to derive.
  const cased = casedForm(term.text);
  const text = term.kind === 'topic' || cased === titleCased(key) ? '' : cased;
  const fields = [`${KINDS.indexOf(term.kind)}${flags}`, escapeField(text), term.ids.map(escapeField).join(ITEM)];
  if (term.qualifiers !== undefined) fields.push(term.qualifiers.map(escapeField).join(ITEM));
  return fields.join(FIELD);
}

/**
 * The terms in the form a page walks (see the top of this file). Throws `DictionaryTooLargeError` past
 * `MAX_DICTIONARY_LENGTH`: a page is never sent a silently shortened list.
 */
export function packDictionary(terms: readonly DictionaryTerm[], maxLength = MAX_DICTIONARY_LENGTH): Dictionary {
  const byKey = new Map<string, DictionaryTerm[]>();
  for (const term of terms) {
    const key = foldTerm(term.text.trim().replace(REGEXPS.loneSurrogate, '\uFFFD'));
    // Folding leaves no separator in a key (see the top of this file); a key that still had one would end early.
    if (key.length === 0 || REGEXPS.separator.test(key)) continue;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [term]);
    else list.push(term);
  }
  // By UTF-16 unit, as the page compares them (not localeCompare).
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = keys.map(
    (key) =>
      `${key}${TERM_START}${(byKey.get(key) ?? [])
        .sort(trustOrder)
        .map((term) => packTerm(term, key))
        .join(TERM_START)}${LINE_END}`,
  );
  const length = lines.reduce((sum, line) => sum + line.length, 0);
  if (length > maxLength) throw new DictionaryTooLargeError(length, maxLength);
  return { version: DICTIONARY_VERSION, lines: lines.join(''), terms: terms.length, variants: '' };
}

/**
 * Each person known by a full name, under the skeleton of that name (`nameSkeleton`) and of its surname: a page that
 * writes "Hassan Rohani" for the corpus's "Hassan Rouhani" names him, given name and surname agreeing, and "Rohani"
 * after that links back. One-word names and titled names have no variants: a surname alone is too weak to respell.
 */
export function spellingVariants(entities: readonly Entity[]): string {
  const full = new Map<string, Set<string>>();
  const surnames = new Map<string, Set<string>>();
  const written = new Set<string>();
  const add = (index: Map<string, Set<string>>, key: string, id: string): void => {
    index.set(key, (index.get(key) ?? new Set()).add(id));
  };
  for (const entity of entities) {
    if (entity.kind !== 'person') continue;
    for (const name of [entity.name, ...entity.aliases].map(tidy).filter(isFullName)) {
      const words = nameSkeleton(name);
      const surname = words[words.length - 1];
      if (words.length < 2 || surname === undefined || surname.length < MIN_SURNAME_LENGTH) continue;
      add(full, words.join(''), entity.id);
      add(surnames, surname, entity.id);
      written.add(writtenForm(name));
      written.add(writtenForm(name.split(' ').pop() ?? ''));
    }
  }
  const lines: { head: string; line: string }[] = [];
  const addLine = (tag: string, key: string, ids: Iterable<string>): void => {
    // Folded, a key holds no separator (dictionary.ts); one that still did could not be found, so it is left out.
    if (REGEXPS.separator.test(key)) return;
    const head = tag + key;
    lines.push({ head, line: `${head}${TERM_START}${[...ids].map(escapeField).join(ITEM)}${LINE_END}` });
  };
  for (const [key, ids] of full) addLine(VARIANT_FULL_NAME, key, ids);
  for (const [key, ids] of surnames) addLine(VARIANT_SURNAME, key, ids);
  // A name as written only needs to be known, not whose it is: the page skips it as no other spelling.
  for (const key of written) addLine(VARIANT_WRITTEN, key, []);
  // By the head alone, in UTF-16 units, as variantIds compares: "sab" before "sabc", whatever follows them.
  return lines
    .sort((a, b) => (a.head < b.head ? -1 : a.head > b.head ? 1 : 0))
    .map((entry) => entry.line)
    .join('');
}

/** The dictionary of these entities, packed for pages. */
export function buildDictionary(entities: Entity[], qualifiers: ReadonlyMap<string, string[]> = new Map()): Dictionary {
  return { ...packDictionary(dictionaryTerms(entities, qualifiers)), variants: spellingVariants(entities) };
}
