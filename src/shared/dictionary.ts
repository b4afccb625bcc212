import { z } from 'zod';
import { entityKind, type Entity, type EntityKind } from '../corpus/pack';
import { HONORIFICS, NAME_TITLES } from '../corpus/lexicon';
import { nameSkeleton } from '../corpus/name-skeleton';
import { isOrdinaryWord } from '../corpus/ordinary-words';
import { isGenericBodyName } from './body-qualifiers';
import { COMMON_WORD_NAMES } from './common-words';
import { casedForm, foldTerm } from './text-fold';

/**
 * The dictionary the background sends to content scripts: only the words to look for on a page and the entity ids
 * they stand for, never the corpus itself.
 *
 * It is built once in the background, already in the form the page's matcher walks (`content/matcher.ts`), so a
 * page compiles nothing. It is one string of lines `KEY¯TERM¯TERM¨`, sorted by KEY: a term's folded text
 * (`foldTerm`: lowercase, no diacritics), then the terms written that way, most trusted first. Sorted keys are a
 * trie already: the keys that go on with the units read so far are one run of lines, found by binary search, and a
 * page opens only the runs its own words lead to.
 *
 * One string, because it crosses runtime messaging whole in both browsers (Chrome sends JSON, Firefox a structured
 * clone) and needs no decoding. Its separators are Latin-1 characters that JSON leaves as they are and that folding
 * never leaves in a key (NFKD turns "¨", "¯", "¸" and "µ" into a space plus a mark, or into "μ"): a reply with no
 * escapes and, for Latin names, one byte a character parses several times faster than JSON records would.
 */
export const DICTIONARY_VERSION = 4;
/** The most a page is sent, in UTF-16 units: past it highlighting stops and says why, rather than cut names. */
export const MAX_DICTIONARY_LENGTH = 24_000_000;
const MAX_QUALIFIERS = 50;

/** Ends a line. */
export const LINE_END = '\u00A8';
/** Ends the key, and each term but the last. */
export const TERM_START = '\u00AF';
/** Between a term's fields: kind and flags, text, ids, qualifiers. */
const FIELD = '\u00B8';
/** Between the ids (or the qualifiers) of one field. */
const ITEM = '\u00B5';
/** Characters a field writes as %XX: the separators, "%" itself, and what JSON would escape. */
const ESCAPED =
  // eslint-disable-next-line no-control-regex -- control characters are what JSON would escape
  /[%\u00A8\u00AF\u00B8\u00B5"\\\u0000-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const KINDS = entityKind.options;
const SEPARATOR = /[\u00A8\u00AF]/u;

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

/** A term as a page's matcher reads it back from its line. */
export interface PackedTerm {
  kind: EntityKind;
  ids: string[];
  needsFullName: boolean;
  /** A one-word name that is also a common word ("May"): never linked at a sentence start. */
  commonWord: boolean;
  /** The words as the corpus capitalises them, diacritics dropped ("Maryam Rajavi"); for a topic, its key. */
  casedText: string;
  qualifiers: string[] | undefined;
}

export const dictionary = z.object({
  version: z.literal(DICTIONARY_VERSION),
  /** Sorted lines (see above); empty for an empty corpus. */
  lines: z
    .string()
    .max(
      MAX_DICTIONARY_LENGTH,
      `the dictionary is at most ${MAX_DICTIONARY_LENGTH.toLocaleString('en')} characters (MAX_DICTIONARY_LENGTH)`,
    )
    .refine((lines) => lines === '' || lines.endsWith(LINE_END), 'every line ends with its separator'),
  /** How many terms the lines hold. */
  terms: z.number().int().nonnegative(),
  /**
   * People's names in other spellings (`spellingVariants`): `f` or `s`, a skeleton, TERM_START, the ids, LINE_END for
   * each full name and each surname of a person known by a full name.
   */
  variants: z.string().max(MAX_DICTIONARY_LENGTH),
});
export type Dictionary = z.infer<typeof dictionary>;

const NEEDS_FULL_NAME = 1;
const COMMON_WORD = 2;

/** The cap was passed: the message names the cap, and what to do. */
export class DictionaryTooLargeError extends Error {
  override name = 'DictionaryTooLargeError';
  constructor(
    readonly length: number,
    readonly maxLength = MAX_DICTIONARY_LENGTH,
  ) {
    super(
      `The enabled corpora's names come to ${length.toLocaleString('en')} characters, more than the ` +
        `${maxLength.toLocaleString('en')} a page is sent (MAX_DICTIONARY_LENGTH); nothing is ` +
        'highlighted until a corpus is turned off on the options page.',
    );
  }
}

/** Shorter surnames ("Li", "Ng") are too often a word or an initialism to stand alone. */
const MIN_SURNAME_LENGTH = 3;

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function surnameOf(name: string): string | undefined {
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (words.length < 2 || last === undefined) return undefined;
  const letters = last.replace(/[^\p{L}\p{N}'’-]/gu, '');
  return letters.length >= MIN_SURNAME_LENGTH ? letters : undefined;
}

/** A title written before a surname ("Mr", "President"): a name that opens with one is not a full name. */
const isTitle = (word: string): boolean => {
  const w = word.toLowerCase().replace(/\.$/, '');
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

const escapeField = (text: string): string =>
  text.replace(ESCAPED, (char) =>
    char.length === 1 && char.charCodeAt(0) < 0x100
      ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : `%u${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const unescapeField = (text: string): string =>
  text.includes('%')
    ? text.replace(/%(?:u([0-9A-F]{4})|([0-9A-F]{2}))/gu, (_, wide: string | undefined, narrow: string | undefined) =>
        String.fromCharCode(parseInt(wide ?? narrow ?? '0', 16)),
      )
    : text;

/** "maryam rajavi" as most names are capitalised: "Maryam Rajavi". */
const titleCased = (key: string): string =>
  key
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

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

/** The terms of the line whose key is `key`, written from `line` (the part after the key). */
export function unpackTerms(key: string, line: string): PackedTerm[] {
  const terms: PackedTerm[] = [];
  for (const packed of line.split(TERM_START)) {
    const [head = '', text = '', ids = '', qualifiers] = packed.split(FIELD);
    const kind = KINDS[Number(head.charAt(0))];
    const flags = Number(head.charAt(1));
    if (kind === undefined || ids === '') continue;
    terms.push({
      kind,
      ids: ids.split(ITEM).map(unescapeField),
      needsFullName: (flags & NEEDS_FULL_NAME) !== 0,
      commonWord: (flags & COMMON_WORD) !== 0,
      casedText: text === '' ? (kind === 'topic' ? key : titleCased(key)) : unescapeField(text),
      qualifiers: qualifiers === undefined ? undefined : qualifiers.split(ITEM).filter(Boolean).map(unescapeField),
    });
  }
  return terms;
}

/** A lone surrogate could not cross Chrome's messaging unchanged, and would then break the keys' order. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * The terms in the form a page walks (see the top of this file). Throws `DictionaryTooLargeError` past
 * `MAX_DICTIONARY_LENGTH`: a page is never sent a silently shortened list.
 */
export function packDictionary(terms: readonly DictionaryTerm[], maxLength = MAX_DICTIONARY_LENGTH): Dictionary {
  const byKey = new Map<string, DictionaryTerm[]>();
  for (const term of terms) {
    const key = foldTerm(term.text.trim().replace(LONE_SURROGATE, '\uFFFD'));
    // Folding leaves no separator in a key (see the top of this file); a key that still had one would end early.
    if (key.length === 0 || SEPARATOR.test(key)) continue;
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
  const exact = new Map<string, Set<string>>();
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
      add(exact, writtenForm(name), entity.id);
      add(exact, writtenForm(name.split(' ').pop() ?? ''), entity.id);
    }
  }
  const lines = (tag: string, index: Map<string, Set<string>>): string[] =>
    [...index].map(
      ([key, ids]) => `${tag}${escapeField(key)}${TERM_START}${[...ids].map(escapeField).join(ITEM)}${LINE_END}`,
    );
  return [...lines('f', full), ...lines('s', surnames), ...lines('e', exact)].join('');
}

/**
 * A name as written, only case and diacritics dropped: the corpus's own spellings, which the page's terms already
 * match under their own rules ("May" never at a sentence start), so a variant is only ever another spelling.
 */
export const writtenForm = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").replace(/\s+/g, ' ').trim();

/** Reads `spellingVariants` back: full names and surnames by skeleton, each with the ids it may stand for. */
export function unpackVariants(variants: string): {
  full: Map<string, string[]>;
  surnames: Map<string, string[]>;
  exact: Set<string>;
} {
  const full = new Map<string, string[]>();
  const surnames = new Map<string, string[]>();
  const exact = new Set<string>();
  for (const line of variants.split(LINE_END)) {
    const [head = '', ids = ''] = line.split(TERM_START);
    if (head.length < 2 || ids === '') continue;
    const key = unescapeField(head.slice(1));
    if (head.startsWith('e')) exact.add(key);
    else (head.startsWith('f') ? full : surnames).set(key, ids.split(ITEM).map(unescapeField));
  }
  return { full, surnames, exact };
}

/** The dictionary of these entities, packed for pages. */
export function buildDictionary(entities: Entity[], qualifiers: ReadonlyMap<string, string[]> = new Map()): Dictionary {
  return { ...packDictionary(dictionaryTerms(entities, qualifiers)), variants: spellingVariants(entities) };
}
