import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { z } from 'zod';
import { corpusPack } from '../corpus/pack';

/**
 * The one owner of the extension's IndexedDB: versions, upgrades and transactions live here only.
 * Records are parsed through zod on every read, so a damaged record is reported, never half-used.
 */
export const DATABASE_NAME = 'sourcelight';
const DATABASE_VERSION = 1;

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
 * from it without reading the packs.
 */
export const storedSearchIndex = z.object({
  key: z.literal('current'),
  data: z.unknown(),
});
export type StoredSearchIndex = z.infer<typeof storedSearchIndex>;

interface SourcelightDB extends DBSchema {
  packs: { key: string; value: unknown };
  searchIndex: { key: string; value: unknown };
}

let opening: Promise<IDBPDatabase<SourcelightDB>> | undefined;

export function openDatabase(): Promise<IDBPDatabase<SourcelightDB>> {
  opening ??= openDB<SourcelightDB>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion) {
      // Each step upgrades from the version before it, so any old database reaches the current shape.
      if (oldVersion < 1) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('searchIndex', { keyPath: 'key' });
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

type PackStore = IDBPObjectStore<SourcelightDB, ('packs' | 'searchIndex')[], 'packs', 'readwrite'>;

/**
 * Changes the packs in one transaction that also clears the stored search index: no change of the packs is kept
 * without the index built from the packs before it going too. Returns the pack writes begun so far, this one
 * included.
 */
async function changePacks(change: (packs: PackStore) => Promise<unknown>): Promise<number> {
  const db = await openDatabase();
  const tx = db.transaction(['packs', 'searchIndex'], 'readwrite');
  const writes = ++packWrites;
  await Promise.all([change(tx.objectStore('packs')), tx.objectStore('searchIndex').clear(), tx.done]);
  return writes;
}

/** Writes a pack in one transaction: either it is stored whole or the previous record stays. */
export async function writePack(record: StoredPack): Promise<number> {
  const checked = storedPack.parse(record);
  return changePacks((packs) => packs.put(checked));
}

export function deletePack(id: string): Promise<number> {
  return changePacks((packs) => packs.delete(id));
}

export function setPackEnabled(id: string, enabled: boolean): Promise<number> {
  return changePacks(async (packs) => {
    const record = storedPack.parse(await packs.get(id));
    await packs.put({ ...record, enabled });
  });
}

export async function readSearchIndex(): Promise<StoredSearchIndex | undefined> {
  const db = await openDatabase();
  const parsed = storedSearchIndex.safeParse(await db.get('searchIndex', 'current'));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores the search index built from packs read after `writes` pack writes (`PackReadResult.writes`), unless another
 * has begun since: that write cleared the store, and this index is of the packs before it. The check and the
 * transaction's opening are one synchronous step, so a write begun after them clears the store after this one.
 * Returns whether the index was stored.
 */
export async function writeSearchIndex(record: StoredSearchIndex, writes: number): Promise<boolean> {
  const checked = storedSearchIndex.parse(record);
  const db = await openDatabase();
  if (writes !== packWrites) return false;
  const tx = db.transaction('searchIndex', 'readwrite');
  await Promise.all([tx.store.put(checked), tx.done]);
  return true;
}
