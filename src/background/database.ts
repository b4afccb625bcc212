import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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

/** The search index as its library exported it; the search module checks which packs it was built from. */
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

export interface PackReadResult {
  packs: StoredPack[];
  /** Ids of records that failed validation, with the reason. */
  damaged: { id: string; reason: string }[];
}

export async function readPacks(): Promise<PackReadResult> {
  const db = await openDatabase();
  const keys = await db.getAllKeys('packs');
  const records = await db.getAll('packs');
  const result: PackReadResult = { packs: [], damaged: [] };
  records.forEach((record, i) => {
    const parsed = storedPack.safeParse(record);
    if (parsed.success) result.packs.push(parsed.data);
    else result.damaged.push({ id: String(keys[i]), reason: parsed.error.issues[0]?.message ?? 'invalid record' });
  });
  return result;
}

/** Writes a pack in one transaction: either it is stored whole or the previous record stays. */
export async function writePack(record: StoredPack): Promise<void> {
  const checked = storedPack.parse(record);
  const db = await openDatabase();
  const tx = db.transaction(['packs', 'searchIndex'], 'readwrite');
  await Promise.all([tx.objectStore('packs').put(checked), tx.objectStore('searchIndex').clear(), tx.done]);
}

export async function deletePack(id: string): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['packs', 'searchIndex'], 'readwrite');
  await Promise.all([tx.objectStore('packs').delete(id), tx.objectStore('searchIndex').clear(), tx.done]);
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('packs', 'readwrite');
  const record = storedPack.parse(await tx.store.get(id));
  await Promise.all([tx.store.put({ ...record, enabled }), tx.done]);
}

export async function readSearchIndex(): Promise<StoredSearchIndex | undefined> {
  const db = await openDatabase();
  const parsed = storedSearchIndex.safeParse(await db.get('searchIndex', 'current'));
  return parsed.success ? parsed.data : undefined;
}

export async function writeSearchIndex(record: StoredSearchIndex): Promise<void> {
  const db = await openDatabase();
  await db.put('searchIndex', storedSearchIndex.parse(record));
}
