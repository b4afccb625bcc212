import { Index } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import { Postings } from './postings';
import { splitTokens } from './encoding';

/** Records of words, where a word's place in its record decides FlexSearch's run for it. */
const records = [
  'raisi said the decree was read',
  'the decree named raisi',
  'witnesses saw the prison',
  'raisi',
  'the the decree prison raisi witnesses said',
];

function flexIndex(): { index: Index; words: string[] } {
  const index = new Index({ tokenize: 'strict', encode: splitTokens });
  const words = new Set<string>();
  records.forEach((text, id) => {
    const distinct = [...new Set(text.split(' '))];
    index.add(id, distinct.join(' '));
    distinct.forEach((w) => words.add(w));
  });
  return { index, words: [...words].sort() };
}

describe('Postings', () => {
  const { index, words } = flexIndex();
  const postings = Postings.fromIndex(index, words);

  it("gives every word's ids in the order of FlexSearch's own search, to any limit", () => {
    for (const [at, word] of words.entries()) {
      for (const limit of [1, 2, 3, 100]) {
        expect([...postings.firstIds(at, limit)]).toEqual(index.search(word, { limit }));
      }
    }
  });

  it("keeps FlexSearch's runs, a word's records grouped by where the word stands in them", () => {
    for (const [at, word] of words.entries()) {
      const runs = index.search(word, { resolve: false }).result.filter((run) => Array.isArray(run) && run.length);
      expect(postings.runs(at).map((run) => [...run])).toEqual(runs);
    }
  });

  it('gives nothing for a word not indexed', () => {
    expect([...postings.firstIds(-1, 10)]).toEqual([]);
    expect(postings.runs(-1)).toEqual([]);
  });

  it('reads back the same lists after a structured clone, as IndexedDB stores them', () => {
    const restored = Postings.fromSerialized(structuredClone(postings.serialize()), words.length);
    expect(restored).not.toBeNull();
    for (const at of words.keys()) expect(restored?.runs(at)).toEqual(postings.runs(at));
  });

  it('refuses arrays that do not fit together, so the index is rebuilt', () => {
    const { ids, runStarts, wordRuns } = postings.serialize();
    expect(Postings.fromSerialized({ ids, runStarts, wordRuns }, words.length + 1)).toBeNull();
    expect(Postings.fromSerialized({ ids: ids.subarray(1), runStarts, wordRuns }, words.length)).toBeNull();
    const shuffled = Uint32Array.from(runStarts).reverse();
    expect(Postings.fromSerialized({ ids, runStarts: shuffled, wordRuns }, words.length)).toBeNull();
  });

  it('refuses to build from an index holding a word the vocabulary lacks', () => {
    expect(() => Postings.fromIndex(index, words.slice(1))).toThrow();
  });
});
