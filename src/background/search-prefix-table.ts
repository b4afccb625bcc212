/**
 * The prefix table: the search index's own answer to every one-word query of up to PREFIX_MAX_LENGTH characters that
 * begins an indexed word, made when the index is built and stored beside it, one record per prefix. A restarted
 * background answers a reader's first keystrokes from it, reading one small record, while the whole index (tens of
 * MB at 100,000 statements) is still being read; later keystrokes use the index. So an answer from the table is
 * exactly what the index answers, for the same query and options, and the table answers nothing else.
 *
 * Pure: no DOM and no extension APIs.
 */
import { z } from 'zod';
import {
  SEARCH_GROUP_ORDER,
  searchOptions,
  searchResults,
  type SearchOptions,
  type SearchResults,
} from '../shared/search-results';
import { parseQuery } from './search/query';
import { finishSteps, type Steps } from './search/steps';
import { searchCorpus, type SearchIndex } from './search-index';

/** Queries this short, in code points, are kept: the first keystroke or two, typed before the index is read. */
export const PREFIX_MAX_LENGTH = 2;

export const prefixAnswer = z.object({
  /** The query's one folded word (prefixKeyOf). */
  key: z.string().min(1),
  /** The hits per group the answer was made with: a search asking for another number is not answered from it. */
  limitPerGroup: z.number().int().positive(),
  results: searchResults,
});
export type PrefixAnswer = z.infer<typeof prefixAnswer>;

/**
 * The key a query's answer is kept under: its one word as the search folds it ("R" and "r " are "r"). Null for any
 * other query (two words, a quoted phrase, a longer word), which the table never answers.
 */
export function prefixKeyOf(query: string): string | null {
  const { terms, phrases } = parseQuery(query);
  const word = terms[0]?.folded;
  if (terms.length !== 1 || phrases.length || word === undefined) return null;
  return leadingPrefixes(word).at(-1) === word ? word : null;
}

/** The word's first one, two, … PREFIX_MAX_LENGTH code points. */
function leadingPrefixes(word: string): string[] {
  const prefixes: string[] = [];
  let prefix = '';
  for (const char of word) {
    prefix += char;
    prefixes.push(prefix);
    if (prefixes.length === PREFIX_MAX_LENGTH) break;
  }
  return prefixes;
}

/**
 * The index's answers to every prefix of an indexed word, of every group, made with `options` as the popup asks.
 * The index must hold every document's text (one just built), so each answer is whole. Prefixes that find nothing
 * are left out: their queries wait for the index.
 */
export function buildPrefixTable(index: SearchIndex, options: SearchOptions): PrefixAnswer[] {
  return finishSteps(buildPrefixTableSteps(index, options));
}

/** buildPrefixTable in steps (search/steps.ts): one search each. */
export function* buildPrefixTableSteps(index: SearchIndex, options: SearchOptions): Steps<PrefixAnswer[]> {
  const { limitPerGroup } = searchOptions.parse(options);
  const prefixes = new Set<string>();
  for (const group of SEARCH_GROUP_ORDER) {
    for (const word of index.indexes[group].vocabulary.sortedWords) {
      for (const prefix of leadingPrefixes(word)) prefixes.add(prefix);
    }
  }
  const answers: PrefixAnswer[] = [];
  for (const prefix of [...prefixes].sort()) {
    // An indexed word is encoded, not only folded: a prefix that the search reads as another word is not a key.
    if (prefixKeyOf(prefix) !== prefix) continue;
    yield;
    const results = searchCorpus(index, prefix, { limitPerGroup });
    if (results.groups.length) answers.push({ key: prefix, limitPerGroup, results });
  }
  return answers;
}

/** The kept answer as the search of `query` with `options` would give it; null when it is not that query's answer. */
export function answerFromPrefixTable(
  kept: PrefixAnswer,
  query: string,
  options: SearchOptions = {},
): SearchResults | null {
  if (kept.key !== prefixKeyOf(query) || kept.limitPerGroup !== searchOptions.parse(options).limitPerGroup) return null;
  return { ...kept.results, query };
}
