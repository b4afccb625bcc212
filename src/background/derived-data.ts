import type { CorpusPack } from '../corpus/pack';
import { genericBodyQualifiers } from '../shared/body-qualifiers';
import { DictionaryTooLargeError, type Dictionary } from '../shared/dictionary';
import { shareable, type SharedDictionary } from './dictionary-share';
import { buildDictionary } from '../corpus/dictionary-build';
import { activePacksAsRead, corpusGeneration, enabledPacksOf } from './corpus-store';
import type { PageCorpora } from '../shared/page-messages';
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
  /** The packs' generation. */
  generation: number;
  value: Promise<T>;
}

/** One value per side (`enabledPacksOf`), each made once per change of the packs. */
class PerCorpora<T> {
  readonly #made = new Map<PageCorpora | 'all', Derived<T>>();

  constructor(
    private readonly make: (packs: CorpusPack[]) => T,
    /** Whether a failure is final until the packs change (a dictionary over the cap), or is tried again. */
    private readonly keepsFailure: (error: unknown) => boolean = () => false,
  ) {}

  get(corpora: PageCorpora | 'all'): Promise<T> {
    const generation = corpusGeneration();
    const made = this.#made.get(corpora);
    if (made?.generation === generation) return made.value;
    const derived: Derived<T> = { generation, value: enabledPacksOf(corpora).then(this.make) };
    this.#made.set(corpora, derived);
    derived.value.catch((error: unknown) => {
      if (!this.keepsFailure(error) && this.#made.get(corpora) === derived) this.#made.delete(corpora);
    });
    return derived.value;
  }
}

const dictionaryOf = (packs: CorpusPack[]): Dictionary =>
  buildDictionary(
    packs.flatMap((pack) => pack.entities),
    genericBodyQualifiers(packs),
  );

/**
 * Refuses, before they are stored or turned on, packs whose names together are more than a page may be sent
 * (`DictionaryTooLargeError`, which names the cap), rather than have every page fail afterwards. All enabled packs
 * count together: a page is sent the built-in dictionary and the reader's own.
 */
export function assertFitsOnPages(enabledPacks: CorpusPack[]): void {
  dictionaryOf(enabledPacks);
}

const dictionaries = new PerCorpora(
  (packs) => shareable(dictionaryOf(packs)),
  (error) => error instanceof DictionaryTooLargeError,
);

/**
 * The whole dictionary of the built-in corpus, or of the reader's own corpora, kept here only: a page is sent its
 * share (`dictionaryShare`).
 */
export function currentDictionary(corpora: PageCorpora): Promise<SharedDictionary> {
  return dictionaries.get(corpora);
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

/** Searches the newest ready index, saying so when it is not yet the current packs'. */
async function searchLatest(index: SearchIndex, query: string, options: SearchOptions): Promise<SearchResults> {
  const results = await searchWithTexts(index, query, options);
  return searchIndexes.isCurrent(index) ? results : { ...results, outdated: true };
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
  const results = (await early) ?? (await searchLatest(await loading, query, options));
  markOnce('search-answered');
  return results;
}

const claimIndexes = new PerCorpora(buildClaimIndex);

/**
 * The claim index of one side (claim-index.ts): a page's check is made against the built-in corpus and the reader's
 * own apart, so that its marks never depend on the reader's own; a card, which no page reads, looks in all of them.
 */
export function currentClaimIndex(corpora: PageCorpora | 'all'): Promise<ClaimIndex> {
  return claimIndexes.get(corpora);
}
