// The store's promises to a restarted worker: a stored search index is always the current packs', and each pack's
// summary is written with it, so the first search and the corpus line are answered without reading the packs.
// IndexedDB here is fake-indexeddb, in memory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeSeedPack } from '../../test/fixtures/search-seed-pack';
import {
  deletePack,
  openDatabase,
  readPackSummaries,
  readPacks,
  readSearchIndex,
  readSearchPrefix,
  readSearchTextParts,
  rewriteSummaries,
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
const index = { key: 'current' as const, build: 'first', data: { built: 'from the packs as read' } };
const textParts = ['The texts of the first documents.', 'And of the next.'];
const prefixes = [
  { key: 'r', limitPerGroup: 5, results: { query: 'r', groups: [] } },
  { key: 'ra', limitPerGroup: 5, results: { query: 'ra', groups: [] } },
];

/** Stores an index built from the packs as they are now, as the background does after reading them. */
async function storeIndexOfCurrentPacks(): Promise<boolean> {
  const { writes } = await readPacks();
  return writeSearchIndex(index, textParts, prefixes, writes);
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
    expect(await writeSearchIndex(index, textParts, prefixes, writes)).toBe(false);
    await change;
    expect(await writeSearchIndex(index, textParts, prefixes, writes)).toBe(false);
    expect(await readSearchIndex()).toBeUndefined();
    expect((await readPacks()).packs.find((p) => p.id === 'a')?.enabled).toBe(false);
  });
});

describe('the stored text parts of the search index', () => {
  it('are read by build and part, undefined for one not stored', async () => {
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    expect(await readSearchTextParts('first', [1, 0, 2])).toEqual([textParts[1], textParts[0], undefined]);
    expect(await readSearchTextParts('another', [0])).toEqual([undefined]);
  });

  it('outlive a change of the packs, for the index in memory until the next is stored, which replaces them', async () => {
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    await writePack(stored('f'));
    expect(await readSearchIndex()).toBeUndefined();
    expect(await readSearchTextParts('first', [0])).toEqual([textParts[0]]);
    const { writes } = await readPacks();
    expect(await writeSearchIndex({ ...index, build: 'second' }, ['Only part.'], [], writes)).toBe(true);
    expect(await readSearchTextParts('first', [0, 1])).toEqual([undefined, undefined]);
    expect(await readSearchTextParts('second', [0])).toEqual(['Only part.']);
    await deletePack('f');
  });

  it('read a damaged part as undefined', async () => {
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    const db = await openDatabase();
    await db.put('searchTexts', { key: 'first/0', text: 42 });
    expect(await readSearchTextParts('first', [0, 1])).toEqual([undefined, textParts[1]]);
  });
});

describe('the stored prefix table of the search index', () => {
  it('is read one prefix at a time, undefined for a prefix not kept', async () => {
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    expect(await readSearchPrefix('ra')).toEqual(prefixes[1]);
    expect(await readSearchPrefix('raj')).toBeUndefined();
  });

  it('is cleared with the index by any change of the packs, and replaced whole by the next index stored', async () => {
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    await writePack(stored('g'));
    expect(await readSearchPrefix('r')).toBeUndefined();
    const { writes } = await readPacks();
    const next = [{ key: 'b', limitPerGroup: 5, results: { query: 'b', groups: [] } }];
    expect(await writeSearchIndex({ ...index, build: 'third' }, textParts, next, writes)).toBe(true);
    expect(await readSearchPrefix('r')).toBeUndefined();
    expect(await readSearchPrefix('b')).toEqual(next[0]);
    await deletePack('g');
  });

  it('reads a damaged record as undefined', async () => {
    expect(await storeIndexOfCurrentPacks()).toBe(true);
    const db = await openDatabase();
    await db.put('searchPrefixes', { key: 'r', limitPerGroup: 5, results: { query: 'r', groups: [{}] } });
    expect(await readSearchPrefix('r')).toBeUndefined();
  });
});

describe('the pack summaries', () => {
  const summaryOf = async (id: string) => (await readPackSummaries()).summaries.find((s) => s.id === id);

  it('are written with the pack, and follow it when it is turned off and removed', async () => {
    await writePack(stored('c'));
    expect(await summaryOf('c')).toEqual({
      id: 'c',
      title: pack.title,
      createdAt: pack.createdAt,
      installedAt: '2025-01-01T00:00:00.000Z',
      enabled: true,
      builtIn: false,
      counts: {
        documents: pack.documents.length,
        people: pack.entities.filter((e) => e.kind === 'person').length,
        organisations: pack.entities.filter((e) => e.kind === 'organisation').length,
        topics: pack.entities.filter((e) => e.kind === 'topic').length,
        places: pack.entities.filter((e) => e.kind === 'place').length,
        statements: pack.statements.length,
        questions: pack.questions.length,
      },
    });
    expect((await readPackSummaries()).current).toBe(true);
    await setPackEnabled('c', false);
    expect((await summaryOf('c'))?.enabled).toBe(false);
    await deletePack('c');
    expect(await summaryOf('c')).toBeUndefined();
    expect((await readPackSummaries()).current).toBe(true);
  });

  it('no longer count as current once a pack record is written some other way, until the packs are read', async () => {
    await writePack(stored('e'));
    const db = await openDatabase();
    // Written behind the store's back, over a pack with a summary: a pack of another version than this one reads.
    await db.put('packs', { ...stored('e'), pack: { ...pack, id: 'e', version: 0 } });
    expect((await readPackSummaries()).current).toBe(false);
    const read = await readPacks();
    expect(read.damaged.map((d) => d.id)).toEqual(['e']);
    expect(await rewriteSummaries(read.packs, read.writes)).toBe(true);
    // The damaged record is set aside, not deleted: the summaries list the packs served, and stay not current.
    expect((await readPackSummaries()).summaries.map((s) => s.id)).toEqual(read.packs.map((p) => p.id));
    expect((await readPackSummaries()).current).toBe(false);
    await deletePack('e');
    expect((await readPackSummaries()).current).toBe(true);
  });

  it('are not rewritten from packs read before a change that began since', async () => {
    const { packs, writes } = await readPacks();
    await writePack(stored('d'));
    expect(await rewriteSummaries(packs, writes)).toBe(false);
    expect(await summaryOf('d')).toBeDefined();
    expect((await readPackSummaries()).current).toBe(true);
  });
});
