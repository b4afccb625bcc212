import { describe, expect, it, vi } from 'vitest';
import { corpusPack } from '../../corpus/pack';
import { buildSearchIndex } from '../search-index';
import { candidateIds, postingLimits } from './candidates';
import { parseQuery } from './query';

describe('postingLimits', () => {
  it('reads every word whole while the budget allows', () => {
    expect(postingLimits([10, 20, 30], 60)).toEqual([10, 20, 30]);
    expect(postingLimits([], 10)).toEqual([]);
  });

  it('cuts the commonest words to one equal share and keeps the rare ones whole', () => {
    const limits = postingLimits([5, 1_000, 40, 2_000], 300);
    expect(limits).toEqual([5, 127, 40, 127]);
    expect(limits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300);
  });
});

describe('candidateIds over common words', () => {
  // Every statement holds the three common words; only the last holds the rare one, so it is listed last for all.
  const common = Array.from({ length: 300 }, () => 'the crime was committed against them');
  const texts = [...common, 'the crime against humanity was named'];
  let text = '';
  const statements = texts.map((t, i) => {
    const start = text.length;
    text += `${t}\n`;
    return { id: `s${i}`, documentId: 'doc', speakerId: null, text: t, start, end: start + t.length, cue: 'said' };
  });
  const pack = corpusPack.parse({
    format: 'sourcelight-corpus',
    version: 1,
    id: 'common-words',
    title: 'Common words',
    createdAt: '2025-01-01T00:00:00.000Z',
    documents: [{ id: 'doc', title: 'Minutes', text }],
    entities: [],
    statements,
    questions: [],
    mentions: [],
  });
  const index = buildSearchIndex([pack]);
  const group = index.indexes.statements;
  const count = index.records.count('statements');
  const rare = count - 1;

  it('puts the record holding every word first when the budget reads every list whole', () => {
    expect(candidateIds(group, parseQuery('the crime against huma'), 40, count)[0]).toBe(rare);
  });

  it('still puts a rare word first when the common words are cut short of where it is listed', () => {
    // 100 ids for four words: "humanity" (1) is read whole, the three common words 33 each, far short of the last.
    const ids = candidateIds(group, parseQuery('the crime against huma'), 40, count, 100);
    expect(ids[0]).toBe(rare);
    expect(ids.slice(1)).toEqual(Array.from({ length: ids.length - 1 }, (_, i) => i));
  });

  it('answers a word typed on from the ids read a keystroke before when its words are the same, as read afresh', () => {
    const fresh = buildSearchIndex([pack]).indexes.statements;
    const reads = vi.spyOn(group.postings, 'readIds');
    const typed = (query: string): number[] => candidateIds(group, parseQuery(query), 40, count, 500);
    typed('the crime against hum');
    expect(reads).toHaveBeenCalled();
    reads.mockClear();
    // "huma" and "human" complete to the same word, "humanity": nothing is read again, and the answer is unchanged.
    expect(typed('the crime against human')).toEqual(
      candidateIds(fresh, parseQuery('the crime against human'), 40, count, 500),
    );
    expect(reads).not.toHaveBeenCalled();
    // Another word is read.
    expect(typed('the crime against them')).toEqual(
      candidateIds(fresh, parseQuery('the crime against them'), 40, count, 500),
    );
    expect(reads).toHaveBeenCalled();
    reads.mockRestore();
  });

  it('returns the records read for common words alone, each once, under a budget smaller than the pool', () => {
    const ids = candidateIds(group, parseQuery('the crime against'), 40, count, 60);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
