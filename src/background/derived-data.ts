import type { CorpusPack } from '../corpus/pack';
import { genericBodyQualifiers } from '../shared/body-qualifiers';
import { DictionaryTooLargeError, type Dictionary } from '../shared/dictionary';
import { buildDictionary } from '../corpus/dictionary-build';
import { activePacksAsRead, corpusGeneration, pagePacks } from './corpus-store';
import { loadSettings } from '../shared/settings';
import { readSearchIndex, readSearchPrefix, readSearchTextParts, writeSearchIndex } from './database';
import {
  buildSearchIndexSteps,
  exportSearchIndex,
  importSearchIndex,
  searchCorpusWithTexts,
  type SearchIndex,
} from './search-index';
import { POPUP_SEARCH_OPTIONS, type SearchOptions, type SearchResults } from '../shared/search-results';
import { answerFromPrefixTable, buildPrefixTableSteps, prefixKeyOf } from './search-prefix-table';
import { finishStepsPaced } from './search/steps';
import { latestSearchIndex } from './search-index-current';
import { buildClaimIndex, type ClaimIndex } from './claim-index';
import { markOnce } from './start-marks';

/**
 * What the background derives from the enabled packs: the highlight dictionary, the search index and the claim
 * index. Each is made once per change of the packs; the search index is also kept in IndexedDB, so a restarted
 * worker loads it instead of rebuilding it. The dictionary is built here already in the form a page's matcher
 * walks, so no tab compiles it; past `MAX_DICTIONARY_LENGTH` it is an error naming the cap, which the page's popup shows.
 */
interface Derived<T> {
  /** The packs' generation, and whether the reader's own corpora are given to pages. */
  key: string;
  value: Promise<T>;
}

let dictionaryCache: Derived<Dictionary> | undefined;

const dictionaryOf = (packs: CorpusPack[]): Dictionary =>
  buildDictionary(
    packs.flatMap((pack) => pack.entities),
    genericBodyQualifiers(packs),
  );

/**
 * Refuses, before they are stored or turned on, packs whose names together are more than a page may be sent
 * (`DictionaryTooLargeError`, which names the cap), rather than have every page fail afterwards.
 */
export function assertFitsOnPages(enabledPacks: CorpusPack[]): void {
  dictionaryOf(enabledPacks);
}

/**
 * What pages are given, the packs' generation and the reader's choice: the built-in corpus, and the reader's own only
 * when they turned that on (a page's script can read what is highlighted on it; settings.ts).
 */
async function pageKey(): Promise<{ key: string; includeOwn: boolean }> {
  const { ownCorporaOnPages } = await loadSettings();
  return { key: `${corpusGeneration()}:${ownCorporaOnPages}`, includeOwn: ownCorporaOnPages };
}

export async function currentDictionary(): Promise<Dictionary> {
  const { key, includeOwn } = await pageKey();
  if (dictionaryCache?.key !== key) {
    const cache: Derived<Dictionary> = { key, value: pagePacks(includeOwn).then(dictionaryOf) };
    dictionaryCache = cache;
    // A failure to read the store is tried again on the next request; a dictionary over the cap stays one until the
    // packs change.
    cache.value.catch((error: unknown) => {
      if (!(error instanceof DictionaryTooLargeError) && dictionaryCache === cache) dictionaryCache = undefined;
    });
  }
  return dictionaryCache.value;
}

/** How a restored index reads its documents' text parts: from the parts stored with its build. */
const textPartReaders = new WeakMap<SearchIndex, (parts: number[]) => Promise<(string | undefined)[]>>();

/**
 * The stored index is always the current packs' (see database.ts) and carries all a search shows, so a restarted
 * worker answers without reading the packs, which at 100,000 statements take longer to read and check than the
 * 300 ms a first search may take; the documents' texts are read in parts as searches need them. Null when none is
 * stored, or the stored one is damaged or of an older format.
 */
async function restoreSearchIndex(): Promise<SearchIndex | null> {
  markOnce('index-read-start');
  const stored = await readSearchIndex();
  markOnce('index-read');
  const index = stored ? importSearchIndex(stored.data) : null;
  markOnce('index-imported');
  if (stored && index) textPartReaders.set(index, (parts) => readSearchTextParts(stored.build, parts));
  return index;
}

/** A build's tasks last about this long: messages that come meanwhile are answered between them. */
const BUILD_SLICE_MS = 50;

/**
 * Built from the packs when none is stored, in tasks of BUILD_SLICE_MS, and stored with its prefix table, made for
 * the popup's searches; it holds every text, so it reads no part.
 */
async function buildAndStoreSearchIndex(): Promise<SearchIndex> {
  const { packs, writes } = await activePacksAsRead();
  const index = await finishStepsPaced(buildSearchIndexSteps(packs), BUILD_SLICE_MS);
  const { index: data, textParts } = exportSearchIndex(index);
  const prefixes = await finishStepsPaced(buildPrefixTableSteps(index, POPUP_SEARCH_OPTIONS), BUILD_SLICE_MS);
  await writeSearchIndex({ key: 'current', build: crypto.randomUUID(), data }, textParts, prefixes, writes);
  return index;
}

/** While a change of the packs is being indexed, searches are answered from the previous index. */
export const searchIndexes = latestSearchIndex(corpusGeneration, restoreSearchIndex, buildAndStoreSearchIndex);

/** The stored index's answer to a query of one or two letters, from its record of the prefix table; null if none. */
async function prefixTableAnswer(query: string, options: SearchOptions): Promise<SearchResults | null> {
  const key = prefixKeyOf(query);
  if (key === null) return null;
  markOnce('prefix-read-start');
  const kept = await readSearchPrefix(key).catch(() => undefined);
  markOnce('prefix-read');
  return kept ? answerFromPrefixTable(kept, query, options) : null;
}

/** Searches an index, reading the text parts its search needs. */
function searchWithTexts(index: SearchIndex, query: string, options: SearchOptions): Promise<SearchResults> {
  const readParts = textPartReaders.get(index) ?? (async (parts: number[]) => parts.map(() => undefined));
  return searchCorpusWithTexts(index, query, readParts, options);
}

/**
 * Searches the newest ready index, but a query the prefix table answers is answered from it. In a worker just
 * started, the table's one record is read in a few ms, where the index takes a few hundred at 100,000 statements: the
 * index goes on loading for the next keystrokes. Later, a one-letter query, the costliest to search, costs one read.
 */
export async function searchCurrentCorpus(query: string, options: SearchOptions = {}): Promise<SearchResults> {
  markOnce('search-received');
  const early = prefixTableAnswer(query, options);
  const loading = searchIndexes.latest();
  // Not awaited when the table answers; a load that fails is tried again by the next search.
  loading.catch(() => undefined);
  const results = (await early) ?? (await searchWithTexts(await loading, query, options));
  markOnce('search-answered');
  return results;
}

let claimCache: Derived<ClaimIndex> | undefined;

/** The claim index of the packs pages are given (see `pageKey`), built once per change of them (claim-index.ts). */
export async function currentClaimIndex(): Promise<ClaimIndex> {
  const { key, includeOwn } = await pageKey();
  if (claimCache?.key !== key) {
    const cache: Derived<ClaimIndex> = { key, value: pagePacks(includeOwn).then(buildClaimIndex) };
    claimCache = cache;
    cache.value.catch(() => {
      if (claimCache === cache) claimCache = undefined;
    });
  }
  return claimCache.value;
}
