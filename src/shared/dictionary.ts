import { z } from 'zod';
import { entityKind, type Entity } from '../corpus/pack';
import { HONORIFICS, NAME_TITLES } from '../corpus/lexicon';

/**
 * The compact dictionary the background sends to content scripts: only the words to look for on a page and the
 * entity ids they stand for, never the corpus itself (a few KB for the default corpus).
 */
export const DICTIONARY_VERSION = 2;
const MAX_QUALIFIERS = 50;
const MAX_QUALIFIER_LENGTH = 60;

export const dictionaryTerm = z.object({
  /** The words to find, written as the corpus writes them ("Maryam Rajavi", "human rights"). */
  text: z.string().min(1),
  kind: entityKind,
  /** The entities these words name: more than one when several share them (two people called Jones). */
  ids: z.array(z.string().min(1)).min(1),
  /**
   * A person's name that is not their full name (a surname, a title and surname, "Mr Bolton", or one word): linked only after
   * the page names the person in full.
   */
  needsFullName: z.literal(true).optional(),
  /** A generic body's name ("Supreme Court"): linked only with one of these qualifiers the sources give it ("iran"). */
  qualifiers: z.array(z.string().min(1).max(MAX_QUALIFIER_LENGTH)).max(MAX_QUALIFIERS).optional(),
});
export type DictionaryTerm = z.infer<typeof dictionaryTerm>;

export const dictionary = z.object({
  version: z.literal(DICTIONARY_VERSION),
  terms: z.array(dictionaryTerm),
});
export type Dictionary = z.infer<typeof dictionary>;

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
export function buildDictionary(entities: Entity[], qualifiers: ReadonlyMap<string, string[]> = new Map()): Dictionary {
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
    const texts = new Set([entity.name, ...entity.aliases].map(tidy).filter((text) => text.length > 0));
    const bodyQualifiers = qualifiers.get(entity.id);
    for (const text of texts) {
      const partial =
        entity.kind === 'person' && !isFullName(text) && (hasFullName.has(entity.id) || text.split(' ').length === 1);
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

  const terms = [...explicit.values(), ...surnameTerms].sort(
    (a, b) => a.text.localeCompare(b.text) || a.kind.localeCompare(b.kind),
  );
  return { version: DICTIONARY_VERSION, terms };
}
