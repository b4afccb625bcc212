import { Index } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import { Postings, type SerializedPostings } from './postings';
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
  const postings = Postings.fromIndex(index, words, records.length);

  it("gives every word's ids in the order of FlexSearch's own search, to any limit", () => {
    for (const [at, word] of words.entries()) {
      for (const limit of [1, 2, 3, 100]) {
        expect([...postings.firstIds(at, limit)]).toEqual(index.search(word, { limit }));
      }
    }
  });

  it("writes a word's ids after what the array already holds, FlexSearch's runs one after the other", () => {
    for (const [at, word] of words.entries()) {
      const runs = index.search(word, { resolve: false }).result.filter((run) => Array.isArray(run) && run.length);
      const into = new Uint32Array(2 + postings.idsBound(at)).fill(7);
      const end = postings.readIds(at, Number.POSITIVE_INFINITY, into, 2);
      expect([...into.subarray(0, end)]).toEqual([7, 7, ...runs.flat()]);
    }
  });

  it('gives nothing for a word not indexed', () => {
    expect([...postings.firstIds(-1, 10)]).toEqual([]);
    expect(postings.readIds(-1, 10, new Uint32Array(0), 0)).toBe(0);
  });

  it('reads back the same lists after a structured clone, as IndexedDB stores them', () => {
    const restored = Postings.fromSerialized(structuredClone(postings.serialize()), words.length, records.length);
    expect(restored).not.toBeNull();
    for (const at of words.keys()) expect(restored?.firstIds(at, 100)).toEqual(postings.firstIds(at, 100));
  });

  it('refuses arrays that do not fit together, so the index is rebuilt', () => {
    const { gaps, runStarts, wordRuns } = postings.serialize();
    const recordCount = records.length;
    const fits = (data: Partial<SerializedPostings>, wordCount = words.length, count = recordCount) =>
      Postings.fromSerialized({ gaps, runStarts, wordRuns, recordCount, ...data }, wordCount, count) !== null;
    expect(fits({})).toBe(true);
    expect(fits({}, words.length + 1)).toBe(false);
    expect(fits({}, words.length, recordCount + 1)).toBe(false);
    expect(fits({ gaps: gaps.subarray(1) })).toBe(false);
    expect(fits({ runStarts: Uint32Array.from(runStarts).reverse() })).toBe(false);
  });

  it('stores most ids in one byte, and keeps ids of any size up to 32 bits', () => {
    const idCount = words.reduce((sum, _, at) => sum + postings.firstIds(at, 100).length, 0);
    expect(postings.serialize().gaps.length).toBe(idCount);
    const big = new Index({ tokenize: 'strict', encode: splitTokens });
    const ids = [0, 127, 128, 16_383, 16_384, 2_000_000, 268_435_456, 4_294_967_294];
    for (const id of ids) big.add(id, 'word');
    const serialized = structuredClone(Postings.fromIndex(big, ['word'], 2 ** 32 - 1).serialize());
    const stored = Postings.fromSerialized(serialized, 1, 2 ** 32 - 1);
    expect([...(stored?.firstIds(0, 100) ?? [])]).toEqual(ids);
    // An id past the records ends the run there.
    expect([
      ...(Postings.fromSerialized({ ...serialized, recordCount: 16_384 }, 1, 16_384)?.firstIds(0, 100) ?? []),
    ]).toEqual(ids.slice(0, 4));
  });

  it('reads damaged bytes as fewer ids, never past the run', () => {
    const { gaps, runStarts, wordRuns } = postings.serialize();
    const unended = Uint8Array.from(gaps).fill(0xff);
    const restored = Postings.fromSerialized(
      { gaps: unended, runStarts, wordRuns, recordCount: records.length },
      words.length,
      records.length,
    );
    for (const at of words.keys()) expect([...(restored?.firstIds(at, 100) ?? [])]).toEqual([]);
  });

  it('refuses to build from an index holding a word the vocabulary lacks', () => {
    expect(() => Postings.fromIndex(index, words.slice(1), records.length)).toThrow();
  });
});
