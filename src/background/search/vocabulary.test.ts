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

  it('lists the words that share a phonetic code, the most common first', () => {
    expect(vocabulary.soundingLike('rese', 5)).toEqual(['raisi', 'rase']);
    expect(vocabulary.soundingLike('nothing', 5)).toEqual([]);
  });

  it('survives serialisation, and refuses lists that do not line up', () => {
    const restored = Vocabulary.fromSerialized(structuredClone(vocabulary.serialize()));
    expect(restored?.completions('ra', 3)).toEqual(['raised', 'rajavi', 'raisi']);
    expect(restored?.has('zibakalam')).toBe(true);
    expect(Vocabulary.fromSerialized({ words: ['a'], counts: [], phonetic: ['a'] })).toBeNull();
  });
});
