/**
 * The distinct precise tokens of one group with how many records hold each: the index stores whole words only,
 * and a word being typed is completed from here ("rajav" → "rajavi"), most common completions first.
 */
import { z } from 'zod';

export const serializedVocabulary = z.object({ words: z.array(z.string()), counts: z.array(z.number().int().nonnegative()) });
export type SerializedVocabulary = z.infer<typeof serializedVocabulary>;

export class Vocabulary {
  /** Sorted, so the words sharing a prefix are one contiguous run. */
  private readonly words: string[];
  private readonly counts: number[];
  private readonly known: Set<string>;

  private constructor(words: string[], counts: number[]) {
    this.words = words;
    this.counts = counts;
    this.known = new Set(words);
  }

  static fromCounts(counts: Map<string, number>): Vocabulary {
    const words = [...counts.keys()].sort();
    return new Vocabulary(
      words,
      words.map((w) => counts.get(w) ?? 0),
    );
  }

  /** Null when the two lists do not line up: the caller treats the stored index as damaged. */
  static fromSerialized(data: SerializedVocabulary): Vocabulary | null {
    if (data.words.length !== data.counts.length) return null;
    return new Vocabulary(data.words, data.counts);
  }

  serialize(): SerializedVocabulary {
    return { words: this.words, counts: this.counts };
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Up to `max` words that start with `prefix` and are longer than it, the most common first. */
  completions(prefix: string, max: number): string[] {
    if (max <= 0 || !prefix) return [];
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.words[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    const best: { word: string; count: number }[] = [];
    for (let i = low; i < this.words.length; i++) {
      const word = this.words[i] as string;
      if (!word.startsWith(prefix)) break;
      if (word === prefix) continue;
      const count = this.counts[i] ?? 0;
      if (best.length === max && count <= (best[max - 1]?.count ?? 0)) continue;
      // Insertion into a short sorted list: `max` is small, the run of words may be long.
      let at = best.length;
      while (at > 0 && (best[at - 1]?.count ?? 0) < count) at--;
      best.splice(at, 0, { word, count });
      if (best.length > max) best.pop();
    }
    return best.map((b) => b.word);
  }
}
