import { describe, expect, it } from 'vitest';
import type { CorpusPack } from '../corpus/pack';
import { makeSeedPack } from '../../test/fixtures/search-seed-pack';
import { entityNamesInPacks, entityNamesInTable } from './entity-names';
import { searchTableOf } from './search/table';

const seed = makeSeedPack();
/** A second pack that also holds the seed's first person and topic, under other names. */
function secondPack(kindOfShared: 'same' | 'other'): CorpusPack {
  const person = seed.entities.find((e) => e.kind === 'person');
  const topic = seed.entities.find((e) => e.kind === 'topic');
  if (!person || !topic) throw new Error('the seed pack has no person or no topic');
  return {
    ...seed,
    id: 'second',
    entities: [
      { ...person, name: `${person.name} (second pack)`, kind: kindOfShared === 'same' ? 'person' : 'topic' },
      { ...topic, name: `${topic.name} (second pack)` },
      { id: 'only-in-second', kind: 'organisation', name: 'Second Pack Council', aliases: [] },
    ],
    statements: [],
    questions: [],
    mentions: [],
  };
}

describe('entity names', () => {
  it('are the same from the search table as from the packs, the first pack naming a shared id', () => {
    const packs = [seed, secondPack('same')];
    const ids = [...seed.entities.map((e) => e.id), 'only-in-second', 'in-no-pack'];
    const fromTable = entityNamesInTable(searchTableOf(packs).table, ids);
    expect(fromTable).toEqual(entityNamesInPacks(packs, ids));
    expect(Object.keys(fromTable ?? {})).toHaveLength(seed.entities.length + 1);
    expect(fromTable?.['only-in-second']).toEqual({ name: 'Second Pack Council', kind: 'organisation' });
  });

  it('are left to the packs when packs give an id a person’s kind and a topic’s', () => {
    const packs = [seed, secondPack('other')];
    const shared = secondPack('other').entities[0]?.id ?? '';
    expect(entityNamesInTable(searchTableOf(packs).table, [shared])).toBeNull();
    expect(entityNamesInPacks(packs, [shared])[shared]?.kind).toBe('person');
  });
});
