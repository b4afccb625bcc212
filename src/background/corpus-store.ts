import browser from 'webextension-polyfill';
import { z } from 'zod';
import { corpusPack, parsePack, withoutUnsafeUrls, type CorpusPack } from '../corpus/pack';
import { withoutDocument } from '../corpus/pack-edit';
import { NOT_JSON } from '../corpus/import-format';
import { t } from '../shared/i18n';
import { announceCorpusChange } from '../shared/corpus-change';
import type { CorpusSummary, PackCounts, PackSummary } from '../shared/corpus-summary';
import type { PageCorpora } from '../shared/page-messages';
import {
  deletePack,
  readPackSummaries,
  readPacks,
  rewriteSummaries,
  setPackEnabled,
  writePack,
  type StoredPack,
} from './database';
import defaultPackUrl from '../../.build/default-pack.json?url';

/**
 * The corpora the background serves: the default pack shipped with the extension plus any the reader added.
 * Packs are read from IndexedDB once per background lifetime and kept in memory until this module changes them.
 */
interface PacksRead {
  stored: StoredPack[];
  /** Pack writes begun before these packs were read (see database.ts); -1 when that is not known. */
  writes: number;
}
let cached: Promise<PacksRead> | undefined;
/** Bumped whenever the stored packs change, so that what is derived from them (dictionary, index) is rebuilt. */
let generation = 0;

/** After a change to the stored packs: rebuild what derives from them, here and in open tabs. */
function forgetCache(): void {
  cached = undefined;
  generation++;
  announceCorpusChange().catch((error: unknown) =>
    console.warn('Sourcelight: could not tell open tabs about the change', error),
  );
}

export function corpusGeneration(): number {
  return generation;
}

const problemsSchema = z.array(z.string());
const PROBLEMS_KEY = 'corpusProblems';

async function recordProblem(problem: string): Promise<void> {
  console.warn(`Sourcelight: ${problem}`);
  const stored = await browser.storage.local.get(PROBLEMS_KEY);
  const parsed = problemsSchema.safeParse(stored[PROBLEMS_KEY]);
  const previous = parsed.success ? parsed.data : [];
  // A damaged record stays stored (nothing is deleted), so each start finds it again: report it once a day.
  const line = `${new Date().toISOString().slice(0, 10)}: ${problem}`;
  if (previous.includes(line)) return;
  const problems = [...previous, line];
  await browser.storage.local.set({ [PROBLEMS_KEY]: problems.slice(-10) });
}

async function readProblems(): Promise<string[]> {
  const stored = await browser.storage.local.get(PROBLEMS_KEY);
  const parsed = problemsSchema.safeParse(stored[PROBLEMS_KEY]);
  return parsed.success ? parsed.data : [];
}

/** Reads the pack bundled with the extension; a bundled pack that fails the schema is a build error. */
async function readBundledPack(): Promise<CorpusPack> {
  const response = await fetch(browser.runtime.getURL(defaultPackUrl));
  return corpusPack.parse(await response.json());
}

function storedRecordFor(pack: CorpusPack, enabled: boolean): StoredPack {
  return { id: pack.id, enabled, builtIn: true, installedAt: new Date().toISOString(), pack };
}

/**
 * Reads the store once, setting aside damaged records and putting back the default pack if it is missing. The
 * summaries are rewritten from what was read, so they list exactly the packs served.
 */
async function loadPacksRepairing(): Promise<PacksRead> {
  const { packs, damaged, writes } = await readPacks();
  for (const { id, reason } of damaged) {
    await recordProblem(t('storeSetAside', id, reason));
  }
  await rewriteSummaries(packs, writes);
  if (packs.some((stored) => stored.builtIn)) return { stored: packs, writes };
  const fresh = storedRecordFor(await readBundledPack(), true);
  // Noted before the write: a worker stopped between the two would leave the next start nothing to report.
  if (damaged.length > 0) await recordProblem(t('storeReinstalled'));
  const written = await writePack(fresh);
  // The packs are as read plus this one only if no other write began in between.
  return {
    stored: [...packs.filter((stored) => stored.id !== fresh.id), fresh],
    writes: written === writes + 1 ? written : -1,
  };
}

function readCorpus(): Promise<PacksRead> {
  cached ??= loadPacksRepairing().catch((error: unknown) => {
    // Nothing changed, so nothing is announced: the next request simply tries again.
    cached = undefined;
    throw error;
  });
  return cached;
}

export async function storedPacks(): Promise<StoredPack[]> {
  return (await readCorpus()).stored;
}

/**
 * On install and update: refreshes the default pack when the bundled one is newer. The new pack is written in one
 * transaction, so a failed refresh leaves the previous pack in place; a previous pack under another id is removed
 * after, in a second one. Runs after the store was read and repaired.
 */
export async function refreshDefaultPack(): Promise<void> {
  const packs = await storedPacks();
  const bundled = await readBundledPack();
  const current = packs.find((stored) => stored.builtIn);
  if (current && current.pack.id === bundled.id && current.pack.createdAt === bundled.createdAt) return;
  await writePack(storedRecordFor(bundled, current?.enabled ?? true));
  if (current && current.id !== bundled.id) await deletePack(current.id);
  forgetCache();
}

/** Validates a pack the reader imports and stores it whole, or throws an error that says what is wrong. */
/** Throws when these packs, enabled together, would be more than a page may be sent. */
export type FitCheck = (enabledPacks: CorpusPack[]) => void;

export async function importUserPack(
  json: string,
  fitsOnPages: FitCheck,
  /** A subscription's pack: a new version must keep its id. */
  expectedId?: string,
): Promise<{ packId: string; title: string; replaced: boolean; warnings: string[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(NOT_JSON);
  }
  const { value, warnings } = withoutUnsafeUrls(raw);
  const parsed = parsePack(value);
  if (!parsed.ok) throw new Error(t('storeInvalidPack', parsed.error));
  const pack = parsed.pack;
  if (expectedId !== undefined && pack.id !== expectedId) throw new Error(t('storeOtherPack', pack.id, expectedId));
  const packs = await storedPacks();
  const existing = packs.find((stored) => stored.id === pack.id);
  if (existing?.builtIn) throw new Error(t('storeBuiltInId', pack.id));
  fitsOnPages([
    ...packs.filter((stored) => stored.enabled && stored.id !== pack.id).map((stored) => stored.pack),
    pack,
  ]);
  await writePack({ id: pack.id, enabled: true, builtIn: false, installedAt: new Date().toISOString(), pack });
  forgetCache();
  return { packId: pack.id, title: pack.title, replaced: existing !== undefined, warnings };
}

export async function removeUserPack(packId: string): Promise<boolean> {
  const existing = (await storedPacks()).find((stored) => stored.id === packId);
  if (!existing) return false;
  if (existing.builtIn) throw new Error(t('storeBuiltInRemove'));
  await deletePack(packId);
  forgetCache();
  return true;
}

/** The documents of a stored pack, for the options page to list. */
export async function packDocuments(
  packId: string,
): Promise<{ id: string; title: string; publisher?: string; date?: string }[]> {
  const stored = (await storedPacks()).find((candidate) => candidate.id === packId);
  if (!stored) throw new Error(t('storeNoCorpus', packId));
  return stored.pack.documents.map(({ id, title, publisher, date }) => ({ id, title, publisher, date }));
}

/**
 * Takes one document out of a reader's corpus, with what only it held (`withoutDocument`). The last document takes
 * the corpus with it.
 */
export async function removeDocument(packId: string, documentId: string): Promise<{ packRemoved: boolean }> {
  const stored = (await storedPacks()).find((candidate) => candidate.id === packId);
  if (!stored) throw new Error(t('storeNoCorpus', packId));
  if (stored.builtIn) throw new Error(t('storeBuiltInDocuments'));
  if (!stored.pack.documents.some((document) => document.id === documentId))
    throw new Error(t('storeNoDocument', stored.pack.title, documentId));
  const pack = withoutDocument(stored.pack, documentId);
  if (pack.documents.length === 0) await deletePack(packId);
  else await writePack({ ...stored, pack });
  forgetCache();
  return { packRemoved: pack.documents.length === 0 };
}

export async function enablePack(packId: string, enabled: boolean, fitsOnPages: FitCheck): Promise<boolean> {
  const packs = await storedPacks();
  if (!packs.some((stored) => stored.id === packId)) throw new Error(t('storeNoCorpus', packId));
  if (enabled)
    fitsOnPages(packs.filter((stored) => stored.enabled || stored.id === packId).map((stored) => stored.pack));
  await setPackEnabled(packId, enabled);
  forgetCache();
  return enabled;
}

export async function activePacks(): Promise<CorpusPack[]> {
  return (await activePacksAsRead()).packs;
}

/**
 * The enabled packs of one side: the built-in corpus, whose marks a page may read, or the reader's own, which pages
 * get only as highlights drawn where they cannot read them; `all` for what only the reader sees (cards).
 */
export async function enabledPacksOf(corpora: PageCorpora | 'all'): Promise<CorpusPack[]> {
  const { stored } = await readCorpus();
  return stored
    .filter((record) => record.enabled && (corpora === 'all' || record.builtIn === (corpora === 'public')))
    .map((record) => record.pack);
}

/** The enabled packs, with the pack writes begun before they were read, for storing what is built from them. */
export async function activePacksAsRead(): Promise<{ packs: CorpusPack[]; writes: number }> {
  const { stored, writes } = await readCorpus();
  return { packs: stored.filter((record) => record.enabled).map((record) => record.pack), writes };
}

/**
 * The summaries of the stored packs, checked against the store without reading a pack (`readPackSummaries`). Only
 * when they do not describe the stored packs, or no built-in pack is among them, are the packs read, which sets
 * aside what is damaged, reinstalls the default pack and rewrites the summaries. A stored pack passed the schema
 * when it was written, and an update, which may change the schema, reads them all (`refreshDefaultPack`): at any
 * other start the summaries suffice, and whatever hands a page a pack's content still reads the packs, repairing first.
 */
export async function checkedSummaries(): Promise<PackSummary[]> {
  const { summaries, current } = await readPackSummaries();
  if (current && summaries.some((summary) => summary.builtIn)) return summaries;
  await readCorpus();
  return (await readPackSummaries()).summaries;
}

export async function summariseCorpus(): Promise<CorpusSummary> {
  const summaries = await checkedSummaries();
  const zero: PackCounts = {
    documents: 0,
    people: 0,
    organisations: 0,
    topics: 0,
    places: 0,
    statements: 0,
    questions: 0,
  };
  const totals = summaries
    .filter((summary) => summary.enabled)
    .reduce<PackCounts>((sum, { counts }) => {
      const next = { ...sum };
      for (const key of Object.keys(next) as (keyof PackCounts)[]) next[key] += counts[key];
      return next;
    }, zero);
  return { packs: summaries, totals, problems: await readProblems() };
}
