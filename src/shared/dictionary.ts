import { z } from 'zod';
import { entityKind, type Entity } from '../corpus/pack';

/**
 * The compact dictionary the background sends to content scripts: only the words to look for on a page and the
 * entity ids they stand for, never the corpus itself (a few KB for the default corpus).
 */
export const DICTIONARY_VERSION = 1;

export const dictionaryTerm = z.object({
  /** The words to find, written as the corpus writes them ("Maryam Rajavi", "human rights"). */
  text: z.string().min(1),
  kind: entityKind,
  /** The entities these words name: more than one when several share them (two people called Jones). */
  ids: z.array(z.string().min(1)).min(1),
  /** A person's surname on its own: weaker evidence, so the matcher asks more of it before highlighting. */
  surname: z.literal(true).optional(),
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

/** Names, aliases and topic phrases of every entity, each mapped to the ids it may stand for. */
export function buildDictionary(entities: Entity[]): Dictionary {
  const explicit = new Map<string, DictionaryTerm>();
  const surnames = new Map<string, Set<string>>();

  for (const entity of entities) {
    const texts = new Set([entity.name, ...entity.aliases].map(tidy).filter((text) => text.length > 0));
    for (const text of texts) {
      const key = `${entity.kind}\u0000${text}`;
      const term = explicit.get(key) ?? { text, kind: entity.kind, ids: [] };
      if (!term.ids.includes(entity.id)) term.ids.push(entity.id);
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
    .map(([text, ids]) => ({ text, kind: 'person', ids: [...ids].sort(), surname: true }));

  const terms = [...explicit.values(), ...surnameTerms].sort(
    (a, b) => a.text.localeCompare(b.text) || a.kind.localeCompare(b.kind),
  );
  return { version: DICTIONARY_VERSION, terms };
}
