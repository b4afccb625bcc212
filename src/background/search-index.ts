/**
 * Full-text search over every loaded pack: entities, statements, questions and documents.
 *
 * FlexSearch finds candidates fast; the ranking, grouping, excerpts and highlights are ours, computed on folded
 * text for the few candidates ranked (search/). Each group has one FlexSearch index of whole words, encoded once
 * per distinct word, and a vocabulary that completes the word being typed and knows which words sound alike:
 * indexing every prefix and a second, phonetic copy instead made the index five times larger and its build nine
 * times slower (141 MB and 71 s at 100,000 statements).
 *
 * What a search ranks and shows is kept with the index as columns (search/table.ts), so a restarted worker answers
 * from the stored index alone, without reading the packs; the documents' texts are stored apart and read in parts
 * as searches need them (search/document-texts.ts).
 *
 * Pure: no DOM and no extension APIs, so it runs in Node, in tests and in the service worker.
 */
import { Index } from 'flexsearch';
import { z } from 'zod';
import type { CorpusPack } from '../corpus/pack';
import {
  SEARCH_GROUP_ORDER,
  searchOptions,
  type SearchGroup,
  type SearchGroupName,
  type SearchOptions,
  type SearchResults,
} from '../shared/search-results';
import { candidateIds, type GroupIndex } from './search/candidates';
import { recordTokens, splitTokens } from './search/encoding';
import { groupOf } from './search/hits';
import { parseQuery, type ParsedQuery } from './search/query';
import { byRank, FoldedFieldCache, scoreRecord, type Scored } from './search/ranking';
import { Postings, serializedPostings } from './search/postings';
import { DocumentTexts } from './search/document-texts';
import { SearchRecords, type RecordOf } from './search/records';
import { searchTable, searchTableOf } from './search/table';
import { serializedVocabulary, Vocabulary, type WordStats } from './search/vocabulary';

/** Bump when the encoders or index options change: a stored index of another format is rebuilt. */
const SEARCH_INDEX_FORMAT = 9;
const GROUPS = SEARCH_GROUP_ORDER;

/**
 * Candidates ranked per group, beyond the cap so a better match found later by FlexSearch still comes first. Only
 * statements are many and short enough to rank widely; documents are long, so few are ranked.
 */
function poolOf(group: SearchGroupName, cap: number): number {
  if (group === 'statements') return Math.max(cap * 8, 40);
  if (group === 'documents') return Math.max(cap * 2, 10);
  return Math.max(cap * 4, 20);
}

/** Records whose folded words are kept between keystrokes. */
const FOLDED_CACHE_CAP: Record<SearchGroupName, number> = {
  people: 2_000,
  topics: 2_000,
  statements: 2_000,
  questions: 1_000,
  documents: 200,
};
/**
 * Documents are ranked on their title and the opening of their text: folding whole bodies of every candidate on
 * every keystroke was most of the search time. Only the documents shown are matched in full, for their excerpts.
 */
const DOCUMENT_RANKED_CHARS = 2_000;
const DOCUMENTS_SHOWN_CACHE_CAP = 20;
/** An excerpt's length and then some: a first match closer than this to the opening's end needs the whole text. */
const DOCUMENT_EXCERPT_ROOM = 300;

export interface SearchIndex {
  /** Everything a search ranks and shows, kept with the index so that answering never reads the packs. */
  readonly records: SearchRecords;
  readonly indexes: Record<SearchGroupName, GroupIndex>;
  /** Folded words of recently ranked records: the same candidates come back on every keystroke. */
  readonly foldedFields: Record<SearchGroupName, FoldedFieldCache>;
  /** Whole folded documents, for the few shown. */
  readonly shownDocuments: FoldedFieldCache;
}

function searchIndexOf(records: SearchRecords, indexes: Record<SearchGroupName, GroupIndex>): SearchIndex {
  const foldedFields = Object.fromEntries(
    GROUPS.map((g) => [
      g,
      new FoldedFieldCache(FOLDED_CACHE_CAP[g], g === 'documents' ? DOCUMENT_RANKED_CHARS : undefined),
    ]),
  ) as Record<SearchGroupName, FoldedFieldCache>;
  return { records, indexes, foldedFields, shownDocuments: new FoldedFieldCache(DOCUMENTS_SHOWN_CACHE_CAP) };
}

/** FlexSearch orders each word's records (where the word stands in them); its lists are then kept as postings. */
function buildGroupIndex(records: SearchRecords, group: SearchGroupName): GroupIndex {
  const index = new Index({ tokenize: 'strict', encode: splitTokens });
  const stats = new Map<string, WordStats>();
  for (let id = 0; id < records.count(group); id++) {
    const tokens = recordTokens(records.fieldTexts(group, id));
    index.add(id, tokens.precise);
    for (const [token, phonetic] of tokens.phoneticOf) {
      const known = stats.get(token);
      if (known) known.count++;
      else stats.set(token, { count: 1, phonetic });
    }
  }
  const vocabulary = Vocabulary.fromStats(stats);
  return { postings: Postings.fromIndex(index, vocabulary.sortedWords, records.count(group)), vocabulary };
}

/** Builds the search index over every pack, in the order given. */
export function buildSearchIndex(packs: CorpusPack[]): SearchIndex {
  const { table, texts } = searchTableOf(packs);
  const records = new SearchRecords(table, texts);
  const indexes = Object.fromEntries(GROUPS.map((g) => [g, buildGroupIndex(records, g)])) as Record<
    SearchGroupName,
    GroupIndex
  >;
  return searchIndexOf(records, indexes);
}

const serializedGroup = z.object({
  /** The group's indexed words with their record counts and phonetic codes, for completions and sound-alikes. */
  vocabulary: serializedVocabulary,
  /** The records holding each word, in the vocabulary's order. */
  postings: serializedPostings,
});

export const serializedSearchIndex = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  table: searchTable,
  groups: z.object({
    people: serializedGroup,
    topics: serializedGroup,
    statements: serializedGroup,
    questions: serializedGroup,
    documents: serializedGroup,
  }),
});
/** Strings and typed arrays only: IndexedDB stores it and reads it back without rebuilding many small objects. */
export type SerializedSearchIndex = z.infer<typeof serializedSearchIndex>;

/** The index to store: the table and the word lists in one record, the documents' texts in parts beside it. */
export function exportSearchIndex(index: SearchIndex): { index: SerializedSearchIndex; textParts: string[] } {
  const groups = Object.fromEntries(
    GROUPS.map((g) => [
      g,
      { vocabulary: index.indexes[g].vocabulary.serialize(), postings: index.indexes[g].postings.serialize() },
    ]),
  ) as SerializedSearchIndex['groups'];
  const textParts = index.records.texts.allParts();
  if (!textParts) throw new Error('only an index built from the packs, with every text read, is exported');
  return { index: { format: SEARCH_INDEX_FORMAT, table: index.records.table, groups }, textParts };
}

/**
 * Restores an exported index, without the packs and without the documents' texts, which searchIndexWithTexts reads
 * as searches need them: the store keeps an index only while it is the packs' (see database.ts). Returns null when
 * the stored form is damaged or of an older format: the caller then rebuilds with buildSearchIndex.
 */
export function importSearchIndex(serialized: unknown): SearchIndex | null {
  const parsed = serializedSearchIndex.safeParse(serialized);
  if (!parsed.success) return null;
  const records = new SearchRecords(parsed.data.table, new DocumentTexts(parsed.data.table.documents.text));
  const indexes = {} as Record<SearchGroupName, GroupIndex>;
  for (const group of GROUPS) {
    const stored = parsed.data.groups[group];
    const vocabulary = Vocabulary.fromSerialized(stored.vocabulary);
    const postings =
      vocabulary && Postings.fromSerialized(stored.postings, vocabulary.sortedWords.length, records.count(group));
    if (!vocabulary || !postings) return null;
    indexes[group] = { postings, vocabulary };
  }
  return searchIndexOf(records, indexes);
}

/** The shown documents matched in their whole text; a candidate that matches nowhere after all is dropped. */
function shownDocuments(
  index: SearchIndex,
  ranked: Scored[],
  query: ParsedQuery,
  cap: number,
): { shown: Scored[]; dropped: number } {
  const shown: Scored[] = [];
  let dropped = 0;
  for (const candidate of ranked) {
    if (shown.length === cap) break;
    // The opening's matches serve when the excerpt, cut around the first of them, lies inside the opening.
    const first = Math.min(...candidate.matches.filter((m) => m.field === 1).map((m) => m.start));
    if (candidate.score > 0 && first <= DOCUMENT_RANKED_CHARS - DOCUMENT_EXCERPT_ROOM) {
      shown.push(candidate);
      continue;
    }
    const whole = scoreRecord(candidate.record, index.shownDocuments.get(candidate.record), query);
    if (whole) shown.push({ ...whole, score: candidate.score });
    else dropped++;
  }
  return { shown, dropped };
}

/**
 * The best-ranked statement of each same-words item (search/table.ts): the others are its "also in" sources, not hits
 * of their own, and are not counted among the hits left out.
 */
function onePerItem(ranked: Scored[], cap: number): { shown: Scored[]; dropped: number } {
  const shown: Scored[] = [];
  const items = new Set<number>();
  let dropped = 0;
  for (const candidate of ranked) {
    const { item } = candidate.record as RecordOf<'statements'>;
    if (items.has(item)) dropped++;
    else if (shown.length < cap) shown.push(candidate);
    items.add(item);
  }
  return { shown, dropped };
}

function searchGroupOf(
  index: SearchIndex,
  group: SearchGroupName,
  query: ParsedQuery,
  cap: number,
): SearchGroup | null {
  const pool = poolOf(group, cap);
  const ids = candidateIds(index.indexes[group], query, pool, index.records.count(group));
  const scored: Scored[] = [];
  for (const id of ids) {
    const record = index.records.get(group, id);
    if (!record) continue;
    const s = scoreRecord(record, index.foldedFields[group].get(record), query);
    // A document may match only beyond the opening it is ranked on: it comes last, and is checked if shown.
    if (s) scored.push(s);
    else if (group === 'documents') scored.push({ record, score: 0, matches: [], first: Number.POSITIVE_INFINITY });
  }
  // Stable sort: equal scores and equally early matches keep FlexSearch's order.
  scored.sort(byRank);
  const { shown, dropped } =
    group === 'documents'
      ? shownDocuments(index, scored, query, cap)
      : group === 'statements'
        ? onePerItem(scored, cap)
        : { shown: scored.slice(0, cap), dropped: 0 };
  if (!shown.length) return null;
  const more = { count: Math.max(0, scored.length - dropped - shown.length), atLeast: ids.length >= pool };
  return groupOf(group, shown, more, index.records);
}

/**
 * Searches every group with the documents' texts it needs: a search that ranks records whose texts are not read
 * yet is made again once `readParts` has read them (or found them missing: those records are then left out). Each
 * round reads at least one part, so it ends; a first search after a restart reads the parts of a few dozen records.
 */
export async function searchCorpusWithTexts(
  index: SearchIndex,
  query: string,
  readParts: (parts: number[]) => Promise<(string | undefined)[]>,
  options: SearchOptions = {},
): Promise<SearchResults> {
  const texts = index.records.texts;
  for (;;) {
    const results = searchCorpus(index, query, options);
    const wanted = texts.takeWanted();
    if (!wanted.length) return results;
    const read = await readParts(wanted).catch(() => []);
    wanted.forEach((part, i) => texts.fill(part, read[i]));
  }
}

/**
 * Searches every group. Any query is safe: empty, very long, symbols only, right-to-left or emoji text gives
 * results or an empty list, never an exception.
 */
export function searchCorpus(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  const { limitPerGroup } = searchOptions.parse(options);
  const parsed = parseQuery(query);
  if (!parsed.terms.length && !parsed.phrases.length) return { query, groups: [] };
  const groups: SearchGroup[] = [];
  for (const group of GROUPS) {
    const found = searchGroupOf(index, group, parsed, limitPerGroup);
    if (found) groups.push(found);
  }
  return { query, groups };
}
