import { describe, expect, it } from 'vitest';
import { makeSeedPack } from '../../test/fixtures/search-seed-pack';
import { POPUP_SEARCH_OPTIONS } from '../shared/search-results';
import { buildSearchIndex, exportSearchIndex, importSearchIndex, searchCorpusWithTexts } from './search-index';
import {
  answerFromPrefixTable,
  buildPrefixTable,
  PREFIX_MAX_LENGTH,
  prefixAnswer,
  prefixKeyOf,
} from './search-prefix-table';

describe('prefixKeyOf', () => {
  it.each([
    ['r', 'r'],
    ['R', 'r'],
    ['  Ra ', 'ra'],
    ['Ré', 're'],
    ['É', 'e'],
    ['mc,', 'mc'],
  ])('keeps the one short word of %j as %j', (query, key) => {
    expect(prefixKeyOf(query)).toBe(key);
  });

  it.each(['raj', 'r a', '"r"', '“ra', '', '  ', '?!', '😀'])('keeps nothing for %j', (query) => {
    expect(prefixKeyOf(query)).toBeNull();
  });
});

describe('the prefix table of the seed texts', () => {
  const index = buildSearchIndex([makeSeedPack()]);
  const table = buildPrefixTable(index, POPUP_SEARCH_OPTIONS);
  const keys = table.map((answer) => answer.key);

  it('holds the prefixes a reader types first, each of at most two letters, every one answered', () => {
    expect(keys).toEqual(expect.arrayContaining(['r', 'ra', 'p', 'po', 'm', 'mc', 'e', 'ex', '1', '19']));
    expect(keys.every((key) => [...key].length <= PREFIX_MAX_LENGTH)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(table.every((answer) => answer.results.groups.length > 0)).toBe(true);
  });

  it('is stored in the form the store reads back, hits as the popup shows them', () => {
    for (const answer of table) expect(prefixAnswer.parse(answer)).toEqual(answer);
  });

  it('answers each prefix, however it is typed, exactly as the index restored from the store answers it', async () => {
    const { index: stored, textParts } = exportSearchIndex(index);
    const restored = importSearchIndex(structuredClone(stored));
    if (!restored) throw new Error('the index did not import');
    const readParts = async (parts: number[]) => parts.map((part) => textParts[part]);
    for (const answer of table) {
      for (const query of [answer.key, ` ${answer.key.toUpperCase()} `]) {
        const fromIndex = await searchCorpusWithTexts(restored, query, readParts, POPUP_SEARCH_OPTIONS);
        expect(answerFromPrefixTable(answer, query, POPUP_SEARCH_OPTIONS)).toEqual(fromIndex);
      }
    }
  });

  it('gives no answer for another query, nor for another number of hits per group', () => {
    const ra = table.find((answer) => answer.key === 'ra');
    if (!ra) throw new Error('no answer for "ra"');
    expect(answerFromPrefixTable(ra, 'ra', POPUP_SEARCH_OPTIONS)?.query).toBe('ra');
    expect(answerFromPrefixTable(ra, 'r', POPUP_SEARCH_OPTIONS)).toBeNull();
    expect(answerFromPrefixTable(ra, 'raj', POPUP_SEARCH_OPTIONS)).toBeNull();
    expect(answerFromPrefixTable(ra, 'ra', { limitPerGroup: 10 })).toBeNull();
  });
});
