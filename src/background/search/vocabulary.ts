/**
 * The distinct precise tokens of one group, with how many records hold each and their phonetic code. The index
 * stores whole words only: a word being typed is completed from here ("rajav" → "rajavi"), and a misspelt word
 * finds the indexed words that sound the same ("khomeini" → "khomeyni"), the most common first.
 */
import { z } from 'zod';
import { uint32Array } from './columns';

/**
 * Two strings and a typed array rather than three arrays: IndexedDB reads them back as a copy of each, where an
 * array of 100,000 strings is 100,000 objects to rebuild.
 */
export const serializedVocabulary = z.object({
  /** The words in order, separated by spaces (indexed words never hold one). */
  words: z.string(),
  counts: uint32Array,
  /** Each word's phonetic code, separated by spaces. */
  phonetic: z.string(),
});
export type SerializedVocabulary = z.infer<typeof serializedVocabulary>;

/** One-letter prefixes whose completions are kept, by limit asked: letters and digits of a few scripts. */
const INITIAL_COMPLETIONS_CAP = 512;

export interface WordStats {
  count: number;
  phonetic: string;
}

export class Vocabulary {
  /** Sorted, so the words sharing a prefix are one contiguous run. */
  private readonly words: string[];
  private readonly counts: Uint32Array;
  private readonly phonetic: string[];
  private soundsLike: Map<string, string[]> | undefined;
  private readonly initialCompletions = new Map<string, string[]>();

  private constructor(words: string[], counts: Uint32Array, phonetic: string[]) {
    this.words = words;
    this.counts = counts;
    this.phonetic = phonetic;
  }

  static fromStats(stats: Map<string, WordStats>): Vocabulary {
    const words = [...stats.keys()].sort();
    return new Vocabulary(
      words,
      Uint32Array.from(words, (w) => stats.get(w)?.count ?? 0),
      words.map((w) => stats.get(w)?.phonetic ?? ''),
    );
  }

  /** Null when the lists do not line up: the caller treats the stored index as damaged. */
  static fromSerialized(data: SerializedVocabulary): Vocabulary | null {
    const words = data.words ? data.words.split(' ') : [];
    const phonetic = data.counts.length ? data.phonetic.split(' ') : [];
    if (words.length !== data.counts.length || words.length !== phonetic.length) return null;
    for (let i = 1; i < words.length; i++) if ((words[i] as string) <= (words[i - 1] as string)) return null;
    return new Vocabulary(words, data.counts, phonetic);
  }

  serialize(): SerializedVocabulary {
    return { words: this.words.join(' '), counts: this.counts, phonetic: this.phonetic.join(' ') };
  }

  /** The words in order, each at its position. */
  get sortedWords(): readonly string[] {
    return this.words;
  }

  /** The word's position in sortedWords, or -1. A binary search: no set is built when a stored index is read. */
  position(word: string): number {
    const at = this.lowerBound(word);
    return this.words[at] === word ? at : -1;
  }

  has(word: string): boolean {
    return this.position(word) !== -1;
  }

  /** How many records hold the word: the length of its postings. */
  count(word: string): number {
    const at = this.position(word);
    return at === -1 ? 0 : (this.counts[at] ?? 0);
  }

  /** The first position whose word is not before `word`. */
  private lowerBound(word: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.words[mid] as string) < word) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Up to `max` words that start with `prefix` and are longer than it, the most common first. A one-letter prefix
   * runs over a large share of the vocabulary, so its answers are kept: there are only as many as initials.
   */
  completions(prefix: string, max: number): string[] {
    if (max <= 0 || !prefix) return [];
    if (prefix.length > 1) return this.completionsScanned(prefix, max);
    const key = `${max} ${prefix}`;
    let kept = this.initialCompletions.get(key);
    if (!kept) {
      kept = this.completionsScanned(prefix, max);
      if (this.initialCompletions.size >= INITIAL_COMPLETIONS_CAP) this.initialCompletions.clear();
      this.initialCompletions.set(key, kept);
    }
    return [...kept];
  }

  private completionsScanned(prefix: string, max: number): string[] {
    const low = this.lowerBound(prefix);
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

  /** Up to `max` indexed words whose phonetic code is `code`, the most common first. */
  soundingLike(code: string, max: number): string[] {
    if (!code) return [];
    if (!this.soundsLike) {
      // Built on first use: most searches never need it, and it is quick to make from the stored lists.
      const byCode = new Map<string, number[]>();
      this.phonetic.forEach((c, i) => {
        const list = byCode.get(c);
        if (list) list.push(i);
        else byCode.set(c, [i]);
      });
      this.soundsLike = new Map(
        [...byCode].map(([c, list]) => [
          c,
          list.sort((a, b) => (this.counts[b] ?? 0) - (this.counts[a] ?? 0)).map((i) => this.words[i] as string),
        ]),
      );
    }
    return (this.soundsLike.get(code) ?? []).slice(0, max);
  }
}
