import type { Entity } from '../corpus/pack';
import { squash } from '../corpus/text';

/** An entity as two corpora, or two builds of one corpus, may each keep it. */
export type NamedEntity = Pick<Entity, 'id' | 'name' | 'aliases'>;

const namesOf = (entity: NamedEntity): Set<string> => new Set([entity.name, ...entity.aliases].map(squash));

/**
 * One entity under one id, or under two ids that share a name: another corpus's id for the same person, or an older
 * build's, whose full name the rebuild keeps among the aliases. The claim check compares speakers so, and the reader's
 * corrections find their entity so.
 */
export function isSameEntity(a: NamedEntity, b: NamedEntity): boolean {
  if (a.id === b.id) return true;
  const names = namesOf(b);
  return [...namesOf(a)].some((name) => names.has(name));
}
