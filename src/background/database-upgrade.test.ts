// Upgrading a store written by version 1 of the database, which had no pack summaries: every pack stays, and each
// readable one gets its summary. The search index, which held its documents' texts until version 3, is cleared to
// be rebuilt. A file of its own, so the fake IndexedDB starts empty and at version 1.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { makeSeedPack } from '../../test/fixtures/search-seed-pack';
import {
  DATABASE_NAME,
  deletePack,
  readPackSummaries,
  readPacks,
  readSearchIndex,
  readSearchTextParts,
  writeSearchIndex,
  type StoredPack,
} from './database';

const pack = makeSeedPack();
const stored = (id: string, builtIn: boolean): StoredPack => ({
  id,
  enabled: !builtIn,
  builtIn,
  installedAt: '2025-01-01T00:00:00.000Z',
  pack: { ...pack, id },
});
const damaged = { id: 'damaged', enabled: true, builtIn: false, installedAt: 'now', pack: { documents: [] } };
const index = { key: 'current', data: { built: 'from the packs' } };

/** Version 1 as it created its stores, with these records. */
function storeVersion1(packs: unknown[], searchIndex: unknown): Promise<void> {
  return new Promise((done, fail) => {
    const open = indexedDB.open(DATABASE_NAME, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('packs', { keyPath: 'id' });
      open.result.createObjectStore('searchIndex', { keyPath: 'key' });
    };
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['packs', 'searchIndex'], 'readwrite');
      for (const record of packs) tx.objectStore('packs').put(record);
      tx.objectStore('searchIndex').put(searchIndex);
      tx.oncomplete = () => {
        open.result.close();
        done();
      };
      tx.onerror = () => fail(tx.error);
    };
  });
}

it('keeps every stored pack, summarises each that can be read, and clears the search index of the older form', async () => {
  await storeVersion1([stored('default', true), stored('mine', false), damaged], index);

  const read = await readPacks();
  expect(read.packs).toEqual([stored('default', true), stored('mine', false)]);
  expect(read.damaged.map((d) => d.id)).toEqual(['damaged']);
  expect(await readSearchIndex()).toBeUndefined();

  const { summaries, current } = await readPackSummaries();
  expect(summaries.map(({ id, enabled, builtIn }) => ({ id, enabled, builtIn }))).toEqual([
    { id: 'default', enabled: false, builtIn: true },
    { id: 'mine', enabled: true, builtIn: false },
  ]);
  expect(summaries[1]?.counts.statements).toBe(pack.statements.length);
  // The damaged record has no summary, so the start-up check reads the packs and reports it.
  expect(current).toBe(false);
  await deletePack('damaged');
  expect((await readPackSummaries()).current).toBe(true);

  // The upgraded store keeps an index with its text parts.
  const rebuilt = { key: 'current' as const, build: 'rebuilt', data: { built: 'from the packs' } };
  expect(await writeSearchIndex(rebuilt, ['Part one.'], [], (await readPacks()).writes)).toBe(true);
  expect(await readSearchIndex()).toEqual(rebuilt);
  expect(await readSearchTextParts('rebuilt', [0])).toEqual(['Part one.']);
});
