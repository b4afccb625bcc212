import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import { z } from 'zod';
import { corpusPack, PACK_VERSION } from '../corpus/pack';
import { packSummary, type PackSummary } from '../shared/corpus-summary';
import { summariseStoredPack } from './pack-summary';
import { prefixAnswer, type PrefixAnswer } from './search-prefix-table';

/**
 * The one owner of the extension's IndexedDB: versions, upgrades and transactions live here only.
 * Records are parsed through zod on every read, so a damaged record is reported, never half-used.
 */
export const DATABASE_NAME = 'sourcelight';
const DATABASE_VERSION = 4;

export const storedPack = z.object({
  id: z.string().min(1),
  enabled: z.boolean(),
  builtIn: z.boolean(),
  installedAt: z.string(),
  pack: corpusPack,
});
export type StoredPack = z.infer<typeof storedPack>;

/**
 * The search index as the search module exported it (it checks the data when it imports it). A stored index is
 * always the current packs': every write of the packs clears it in the same transaction, and an index built from
 * packs read before a write is not stored after it (see `writeSearchIndex`). So a restarted worker answers a search
 * from it without reading the packs. `build` names the one build whose document text parts are stored beside it.
 */
export const storedSearchIndex = z.object({
  key: z.literal('current'),
  build: z.string().min(1),
  data: z.unknown(),
});
export type StoredSearchIndex = z.infer<typeof storedSearchIndex>;

/**
 * A part of the documents' texts of one build of the search index, read as searches need it. Parts are not cleared
 * with the index when the packs change: the index in memory keeps reading its own until the next one is stored.
 */
const storedTextPart = z.object({ key: z.string(), text: z.string() });
const textPartKey = (build: string, part: number): string => `${build}/${part}`;

/**
 * The prefix table of the stored search index (search-prefix-table.ts), one record per prefix under its key, read
 * one at a time by a restarted worker's first keystrokes. Written and cleared with the index in the same
 * transactions, so a record found is always the current packs' answer.
 */

interface SourcelightDB extends DBSchema {
  /** Indexed by the pack's version, which says without reading a pack whether this extension reads it. */
  packs: { key: string; value: unknown; indexes: { version: number } };
  /** One `packSummary` per stored pack, under its id, written with it. */
  packSummaries: { key: string; value: unknown };
  searchIndex: { key: string; value: unknown };
  /** `storedTextPart`s of the stored search index's build (and of the one before it, until it is replaced). */
  searchTexts: { key: string; value: unknown };
  /** `prefixAnswer`s of the stored search index, by key. */
  searchPrefixes: { key: string; value: unknown };
}

type Store = 'packs' | 'packSummaries' | 'searchIndex' | 'searchTexts' | 'searchPrefixes';

/** Version 2's summaries, of the packs stored by version 1, which all stay. */
async function summariseStoredPacks(tx: IDBPTransaction<SourcelightDB, Store[], 'versionchange'>): Promise<void> {
  const summaries = tx.objectStore('packSummaries');
  for (let cursor = await tx.objectStore('packs').openCursor(); cursor; cursor = await cursor.continue()) {
    // A record that fails the schema gets no summary: the start-up check then reads the packs and reports it.
    const parsed = storedPack.safeParse(cursor.value);
    if (parsed.success) await summaries.put(summariseStoredPack(parsed.data));
  }
}

let opening: Promise<IDBPDatabase<SourcelightDB>> | undefined;

export function openDatabase(): Promise<IDBPDatabase<SourcelightDB>> {
  opening ??= openDB<SourcelightDB>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // Each step upgrades from the version before it, so any old database reaches the current shape.
      if (oldVersion < 1) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('searchIndex', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        tx.objectStore('packs').createIndex('version', 'pack.version');
        db.createObjectStore('packSummaries', { keyPath: 'id' });
        // An upgrade that fails part-way is undone whole: the store stays at version 1 for the next start to upgrade.
        summariseStoredPacks(tx).catch(() => tx.abort());
      }
      if (oldVersion < 3) {
        db.createObjectStore('searchTexts', { keyPath: 'key' });
        // An index of version 2 held its texts; it is rebuilt, and stored with its texts apart.
        tx.objectStore('searchIndex')
          .clear()
          .catch(() => tx.abort());
      }
      if (oldVersion < 4) {
        db.createObjectStore('searchPrefixes', { keyPath: 'key' });
        // An index stored without its prefix table is rebuilt, and stored with one.
        tx.objectStore('searchIndex')
          .clear()
          .catch(() => tx.abort());
      }
    },
    blocking() {
      opening = undefined;
    },
  });
  return opening;
}

/**
 * Pack writes begun by this worker, counted as each one's transaction opens. The background is the one context that
 * opens the database, so the count sees every write; a write still open when the worker stops is aborted with it.
 */
let packWrites = 0;

export interface PackReadResult {
  packs: StoredPack[];
  /** Ids of records that failed validation, with the reason. */
  damaged: { id: string; reason: string }[];
  /** Pack writes begun before this read: what is derived from these packs is stored only while no other has begun. */
  writes: number;
}

export async function readPacks(): Promise<PackReadResult> {
  const db = await openDatabase();
  const tx = db.transaction('packs');
  const result: PackReadResult = { packs: [], damaged: [], writes: packWrites };
  const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  records.forEach((record, i) => {
    const parsed = storedPack.safeParse(record);
    if (parsed.success) result.packs.push(parsed.data);
    else result.damaged.push({ id: String(keys[i]), reason: parsed.error.issues[0]?.message ?? 'invalid record' });
  });
  return result;
}

type PackChangeStores = ('packs' | 'packSummaries' | 'searchIndex' | 'searchPrefixes')[];
type PackStore = IDBPObjectStore<SourcelightDB, PackChangeStores, 'packs', 'readwrite'>;
type SummaryStore = IDBPObjectStore<SourcelightDB, PackChangeStores, 'packSummaries', 'readwrite'>;

/**
 * Changes the packs and their summaries in one transaction that also clears the stored search index and its prefix
 * table: no change of the packs is kept without its summary, nor with the index built from the packs before it.
 * Returns the pack writes begun so far, this one included.
 */
async function changePacks(change: (packs: PackStore, summaries: SummaryStore) => Promise<unknown>): Promise<number> {
  const db = await openDatabase();
  const tx = db.transaction(['packs', 'packSummaries', 'searchIndex', 'searchPrefixes'], 'readwrite');
  const writes = ++packWrites;
  await Promise.all([
    change(tx.objectStore('packs'), tx.objectStore('packSummaries')),
    tx.objectStore('searchIndex').clear(),
    tx.objectStore('searchPrefixes').clear(),
    tx.done,
  ]);
  return writes;
}

/** Writes a pack in one transaction: either it is stored whole or the previous record stays. */
export async function writePack(record: StoredPack): Promise<number> {
  const checked = storedPack.parse(record);
  return changePacks((packs, summaries) =>
    Promise.all([packs.put(checked), summaries.put(summariseStoredPack(checked))]),
  );
}

export function deletePack(id: string): Promise<number> {
  return changePacks((packs, summaries) => Promise.all([packs.delete(id), summaries.delete(id)]));
}

export function setPackEnabled(id: string, enabled: boolean): Promise<number> {
  return changePacks(async (packs, summaries) => {
    const record = { ...storedPack.parse(await packs.get(id)), enabled };
    await Promise.all([packs.put(record), summaries.put(summariseStoredPack(record))]);
  });
}

export interface SummaryReadResult {
  summaries: PackSummary[];
  /**
   * Whether the summaries describe the stored packs: one readable summary per stored pack, and every pack of the
   * version this extension reads. Told from the keys alone, so no pack is read; when false, only reading the packs
   * says what is wrong (a record written some other way, or by an older version).
   */
  current: boolean;
}

export async function readPackSummaries(): Promise<SummaryReadResult> {
  const db = await openDatabase();
  const tx = db.transaction(['packs', 'packSummaries']);
  const [packIds, readableIds, records] = await Promise.all([
    tx.objectStore('packs').getAllKeys(),
    tx.objectStore('packs').index('version').getAllKeys(PACK_VERSION),
    tx.objectStore('packSummaries').getAll(),
    tx.done,
  ]);
  const summaries = records.flatMap((record) => {
    const parsed = packSummary.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
  const readable = new Set(readableIds);
  // As many readable summaries as packs, each of a pack of this version: the same ids.
  const current =
    summaries.length === records.length &&
    summaries.length === packIds.length &&
    summaries.every((summary) => readable.has(summary.id));
  return { summaries, current };
}

/**
 * Replaces the summaries with those of the packs read after `writes` pack writes (`PackReadResult.writes`), unless
 * another has begun since: that write stored its own summary, and these packs are from before it. A damaged record
 * left out of the packs read loses its summary with it. Returns whether the summaries were replaced.
 */
export async function rewriteSummaries(packs: StoredPack[], writes: number): Promise<boolean> {
  const db = await openDatabase();
  if (writes !== packWrites) return false;
  const tx = db.transaction('packSummaries', 'readwrite');
  await Promise.all([tx.store.clear(), ...packs.map((stored) => tx.store.put(summariseStoredPack(stored))), tx.done]);
  return true;
}

export async function readSearchIndex(): Promise<StoredSearchIndex | undefined> {
  const db = await openDatabase();
  const parsed = storedSearchIndex.safeParse(await db.get('searchIndex', 'current'));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores the search index built from packs read after `writes` pack writes (`PackReadResult.writes`), with its
 * documents' text parts and its prefix table, unless another write has begun since: that write cleared the store,
 * and this index is of the packs before it. The check and the transaction's opening are one synchronous step, so a
 * write begun after them clears the store after this one. The parts and prefixes of earlier builds go in the same
 * transaction. Returns whether the index was stored.
 */
export async function writeSearchIndex(
  record: StoredSearchIndex,
  textParts: readonly string[],
  prefixes: readonly PrefixAnswer[],
  writes: number,
): Promise<boolean> {
  const checked = storedSearchIndex.parse(record);
  const db = await openDatabase();
  if (writes !== packWrites) return false;
  const tx = db.transaction(['searchIndex', 'searchTexts', 'searchPrefixes'], 'readwrite');
  const texts = tx.objectStore('searchTexts');
  const prefixStore = tx.objectStore('searchPrefixes');
  await Promise.all([
    tx.objectStore('searchIndex').put(checked),
    texts.clear(),
    ...textParts.map((text, part) => texts.put(storedTextPart.parse({ key: textPartKey(checked.build, part), text }))),
    prefixStore.clear(),
    ...prefixes.map((answer) => prefixStore.put(answer)),
    tx.done,
  ]);
  return true;
}

/** The stored index's answer kept under a prefix key; undefined when none is kept, or it is damaged. */
export async function readSearchPrefix(key: string): Promise<PrefixAnswer | undefined> {
  const db = await openDatabase();
  const parsed = prefixAnswer.safeParse(await db.get('searchPrefixes', key));
  return parsed.success ? parsed.data : undefined;
}

/** The text parts of a build of the search index, in one transaction: undefined for a part not stored, or damaged. */
export async function readSearchTextParts(build: string, parts: readonly number[]): Promise<(string | undefined)[]> {
  const db = await openDatabase();
  const tx = db.transaction('searchTexts');
  const [records] = await Promise.all([
    Promise.all(parts.map((part) => tx.store.get(textPartKey(build, part)))),
    tx.done,
  ]);
  return records.map((record) => {
    const parsed = storedTextPart.safeParse(record);
    return parsed.success ? parsed.data.text : undefined;
  });
}
