import { describe, expect, it } from 'vitest';
import { Vocabulary, type WordStats } from './vocabulary';

const stats = (entries: [string, number, string][]): Map<string, WordStats> =>
  new Map(entries.map(([word, count, phonetic]) => [word, { count, phonetic }]));

describe('Vocabulary', () => {
  const vocabulary = Vocabulary.fromStats(
    stats([
      ['raisi', 5, 'rese'],
      ['raised', 9, 'reset'],
      ['rajavi', 7, 'rakafe'],
      ['ra', 1, 'ra'],
      ['rase', 2, 'rese'],
      ['zibakalam', 1, 'sepakalam'],
    ]),
  );

  it('completes a prefix with longer words only, the most common first, up to the limit', () => {
    expect(vocabulary.completions('ra', 3)).toEqual(['raised', 'rajavi', 'raisi']);
    expect(vocabulary.completions('rai', 5)).toEqual(['raised', 'raisi']);
    expect(vocabulary.completions('x', 5)).toEqual([]);
    expect(vocabulary.completions('ra', 0)).toEqual([]);
  });

  it('keeps the completions of a one-letter prefix without letting a caller change them', () => {
    const first = vocabulary.completions('r', 2);
    expect(first).toEqual(['raised', 'rajavi']);
    first.push('changed');
    expect(vocabulary.completions('r', 2)).toEqual(['raised', 'rajavi']);
    expect(vocabulary.completions('r', 3)).toEqual(['raised', 'rajavi', 'raisi']);
  });

  it('counts the records that hold a word, and none for an unknown one', () => {
    expect(vocabulary.count('raised')).toBe(9);
    expect(vocabulary.count('ra')).toBe(1);
    expect(vocabulary.count('rai')).toBe(0);
    expect(vocabulary.count('zzz')).toBe(0);
  });

  it('lists the words that share a phonetic code, the most common first', () => {
    expect(vocabulary.soundingLike('rese', 5)).toEqual(['raisi', 'rase']);
    expect(vocabulary.soundingLike('nothing', 5)).toEqual([]);
  });

  it('survives serialisation, and refuses lists that do not line up or are out of order', () => {
    const restored = Vocabulary.fromSerialized(structuredClone(vocabulary.serialize()));
    expect(restored?.completions('ra', 3)).toEqual(['raised', 'rajavi', 'raisi']);
    expect(restored?.has('zibakalam')).toBe(true);
    expect(Vocabulary.fromSerialized({ words: 'a', counts: new Uint32Array(0), phonetic: 'a' })).toBeNull();
    expect(Vocabulary.fromSerialized({ words: 'b a', counts: new Uint32Array([1, 1]), phonetic: 'b a' })).toBeNull();
  });
});
