// The store's promise to the search: a stored search index is always the current packs', so a restarted worker
// answers from it without reading them. IndexedDB here is fake-indexeddb, in memory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeSeedPack } from '../../test/fixtures/search-seed-pack';
import {
  deletePack,
  readPacks,
  readSearchIndex,
  setPackEnabled,
  writePack,
  writeSearchIndex,
  type StoredPack,
} from './database';

const pack = makeSeedPack();
const stored = (id: string): StoredPack => ({
  id,
  enabled: true,
  builtIn: false,
  installedAt: '2025-01-01T00:00:00.000Z',
  pack: { ...pack, id },
});
const index = { key: 'current' as const, data: { built: 'from the packs as read' } };

/** Stores an index built from the packs as they are now, as the background does after reading them. */
async function storeIndexOfCurrentPacks(): Promise<boolean> {
  const { writes } = await readPacks();
  return writeSearchIndex(index, writes);
}

describe('the stored search index', () => {
  it('is kept when built from the packs as they are', async () => {
    await writePack(stored('a'));
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    expect(await readSearchIndex()).toEqual(index);
  });

  it('is cleared with any change of the packs: a pack written, removed, turned off or on', async () => {
    const changes = [
      () => writePack(stored('b')),
      () => setPackEnabled('b', false),
      () => setPackEnabled('b', true),
      () => deletePack('b'),
    ];
    for (const change of changes) {
      expect(await storeIndexOfCurrentPacks()).toBe(true);
      await change();
      expect(await readSearchIndex()).toBeUndefined();
    }
  });

  it('is not stored when built from packs read before a change that began while it was being built', async () => {
    const { writes } = await readPacks();
    const change = setPackEnabled('a', false);
    // The index of the packs before the change arrives while the change is still being written, and after it.
    expect(await writeSearchIndex(index, writes)).toBe(false);
    await change;
    expect(await writeSearchIndex(index, writes)).toBe(false);
    expect(await readSearchIndex()).toBeUndefined();
    expect((await readPacks()).packs.find((p) => p.id === 'a')?.enabled).toBe(false);
  });
});
