/**
 * Which records hold each indexed word, in FlexSearch's order, as three flat typed arrays. FlexSearch builds the
 * lists; searching reads them from here. Its own export was 27 MB of JSON at 100,000 statements and took 0.7 s to
 * import into its maps; typed arrays are stored in IndexedDB and read back as they are, so a restarted worker
 * can search at once.
 *
 * This is the one module that reads FlexSearch's internal map (see postingsOf); postings.test.ts pins that the
 * lists read here are the ones FlexSearch's own search gives.
 */
import type { Index } from 'flexsearch';
import { z } from 'zod';
import { areOffsets, uint32Array } from './columns';

/** FlexSearch keeps a word's ids in runs by where the word stands in the record: `map.get(word)[slot]`. */
interface FlexSearchInternals {
  map: Map<string, (number[] | undefined)[]>;
}

export const serializedPostings = z.object({
  /** Every word's ids, word after word (in vocabulary order), run after run. */
  ids: uint32Array,
  /** Where each run starts in `ids`, and one more: the end of the last. */
  runStarts: uint32Array,
  /** Where each word's runs start in `runStarts`, and one more. */
  wordRuns: uint32Array,
});
export type SerializedPostings = z.infer<typeof serializedPostings>;

/** A run of one word's ids, read-only: a view into the shared array. */
export type Run = Uint32Array;

export class Postings {
  private constructor(
    private readonly ids: Uint32Array,
    private readonly runStarts: Uint32Array,
    private readonly wordRuns: Uint32Array,
  ) {}

  /**
   * The postings of a FlexSearch index whose every word is in `words` (sorted, as the vocabulary keeps them). Throws
   * when the index holds a word the list lacks: the vocabulary and the index were built from other tokens.
   */
  static fromIndex(index: Index, words: readonly string[]): Postings {
    const map = (index as unknown as FlexSearchInternals).map;
    if (map.size !== words.length) throw new Error(`index has ${map.size} words, the vocabulary ${words.length}`);
    let idCount = 0;
    let runCount = 0;
    for (const slots of map.values()) {
      for (const run of slots) {
        if (run?.length) {
          idCount += run.length;
          runCount++;
        }
      }
    }
    const ids = new Uint32Array(idCount);
    const runStarts = new Uint32Array(runCount + 1);
    const wordRuns = new Uint32Array(words.length + 1);
    let at = 0;
    let runAt = 0;
    words.forEach((word, w) => {
      wordRuns[w] = runAt;
      const slots = map.get(word);
      if (!slots) throw new Error(`the index lacks the word "${word}"`);
      for (const run of slots) {
        if (!run?.length) continue;
        runStarts[runAt++] = at;
        ids.set(run, at);
        at += run.length;
      }
    });
    wordRuns[words.length] = runAt;
    runStarts[runAt] = at;
    return new Postings(ids, runStarts, wordRuns);
  }

  /** Null when the arrays do not fit together for `wordCount` words: the caller treats the index as damaged. */
  static fromSerialized(data: SerializedPostings, wordCount: number): Postings | null {
    const { ids, runStarts, wordRuns } = data;
    if (wordRuns.length !== wordCount + 1) return null;
    if (!areOffsets(wordRuns, runStarts.length - 1) || !areOffsets(runStarts, ids.length)) return null;
    return new Postings(ids, runStarts, wordRuns);
  }

  /** Whether every id names one of `count` records: a stored index whose ids run past its table is damaged. */
  idsBelow(count: number): boolean {
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) if ((ids[i] as number) >= count) return false;
    return true;
  }

  serialize(): SerializedPostings {
    return { ids: this.ids, runStarts: this.runStarts, wordRuns: this.wordRuns };
  }

  /** The runs of the word at vocabulary position `word` (none for -1), earlier in the record first. */
  runs(word: number): Run[] {
    if (word < 0) return [];
    const first = this.wordRuns[word] ?? 0;
    const last = this.wordRuns[word + 1] ?? first;
    const runs: Run[] = [];
    for (let r = first; r < last; r++) {
      runs.push(this.ids.subarray(this.runStarts[r] ?? 0, this.runStarts[r + 1] ?? 0));
    }
    return runs;
  }

  /** The first `limit` ids of the word at vocabulary position `word`, as FlexSearch's search gives them. */
  firstIds(word: number, limit: number): Uint32Array {
    if (word < 0) return new Uint32Array(0);
    const start = this.runStarts[this.wordRuns[word] ?? 0] ?? 0;
    const end = this.runStarts[this.wordRuns[word + 1] ?? 0] ?? 0;
    return this.ids.subarray(start, Math.min(end, start + limit));
  }
}
