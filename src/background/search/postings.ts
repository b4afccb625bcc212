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

/**
 * Ids are stored as the gaps between them, seven bits to a byte with the high bit set on every byte but a gap's last:
 * each run is in ascending order (records are added by id), so most gaps take one byte. At 100,000 statements this
 * takes the stored lists from 18.7 MB to 6.7 MB, which the browser no longer has to read before the first search.
 */
const uint8Array = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array');

export const serializedPostings = z.object({
  /** Every word's ids, word after word (in vocabulary order), run after run, each run's first id as a gap from 0. */
  gaps: uint8Array,
  /** Where each run starts in `gaps`, and one more: the end of the last. */
  runStarts: uint32Array,
  /** Where each word's runs start in `runStarts`, and one more. */
  wordRuns: uint32Array,
  /** How many records the ids number: a list read with a table of another size is refused. */
  recordCount: z.number().int().nonnegative(),
});
export type SerializedPostings = z.infer<typeof serializedPostings>;

/** Appends a run's ids as gaps. */
function writeRun(run: readonly number[], out: number[]): void {
  let previous = 0;
  for (const id of run) {
    let gap = id - previous;
    previous = id;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    out.push(gap);
  }
}

/**
 * Reads up to `limit` ids of the run stored from `start` to `end` into `into` from `at`, and returns where they end.
 * A gap cut off by the run's end, or an id past the records, ends the run: damaged bytes give fewer ids, never a read
 * outside the run. Writing into the caller's array, not a new one per run, keeps a search of common words from
 * allocating a megabyte a keystroke, which set off a garbage collection every few keystrokes.
 */
function readRun(
  gaps: Uint8Array,
  start: number,
  end: number,
  limit: number,
  recordCount: number,
  into: Uint32Array,
  at: number,
): number {
  const stop = at + limit;
  let id = 0;
  let byteAt = start;
  let written = at;
  while (byteAt < end && written < stop) {
    let gap = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = gaps[byteAt++] as number;
      gap += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte & 0x80 && byteAt < end);
    if (byte & 0x80 || id + gap >= recordCount) break;
    id += gap;
    into[written++] = id;
  }
  return written;
}

export class Postings {
  private constructor(
    private readonly gaps: Uint8Array,
    private readonly runStarts: Uint32Array,
    private readonly wordRuns: Uint32Array,
    private readonly recordCount: number,
  ) {}

  /**
   * The postings of a FlexSearch index whose every word is in `words` (sorted, as the vocabulary keeps them). Throws
   * when the index holds a word the list lacks: the vocabulary and the index were built from other tokens. Ids
   * number `recordCount` records.
   */
  static fromIndex(index: Index, words: readonly string[], recordCount: number): Postings {
    const map = (index as unknown as FlexSearchInternals).map;
    if (map.size !== words.length) throw new Error(`index has ${map.size} words, the vocabulary ${words.length}`);
    const gaps: number[] = [];
    const runStarts: number[] = [];
    const wordRuns: number[] = [];
    for (const word of words) {
      wordRuns.push(runStarts.length);
      const slots = map.get(word);
      if (!slots) throw new Error(`the index lacks the word "${word}"`);
      for (const run of slots) {
        if (!run?.length) continue;
        runStarts.push(gaps.length);
        writeRun(run, gaps);
      }
    }
    wordRuns.push(runStarts.length);
    runStarts.push(gaps.length);
    return new Postings(Uint8Array.from(gaps), Uint32Array.from(runStarts), Uint32Array.from(wordRuns), recordCount);
  }

  /**
   * Null when the arrays do not fit together for `wordCount` words, or number other than `recordCount` records: the
   * caller treats the index as damaged.
   */
  static fromSerialized(data: SerializedPostings, wordCount: number, recordCount: number): Postings | null {
    const { gaps, runStarts, wordRuns } = data;
    if (wordRuns.length !== wordCount + 1 || data.recordCount !== recordCount) return null;
    if (!areOffsets(wordRuns, runStarts.length - 1) || !areOffsets(runStarts, gaps.length)) return null;
    return new Postings(gaps, runStarts, wordRuns, recordCount);
  }

  serialize(): SerializedPostings {
    return { gaps: this.gaps, runStarts: this.runStarts, wordRuns: this.wordRuns, recordCount: this.recordCount };
  }

  /** At least as many as the ids of the word at vocabulary position `word` (none for -1): its bytes. */
  idsBound(word: number): number {
    if (word < 0) return 0;
    return (this.runStarts[this.wordRuns[word + 1] ?? 0] ?? 0) - (this.runStarts[this.wordRuns[word] ?? 0] ?? 0);
  }

  /**
   * Writes up to `limit` ids of the word at vocabulary position `word` (none for -1) into `into` from `at`, its runs
   * one after the other in FlexSearch's order (records where the word stands earlier first), and returns where they
   * end. `into` must have room for min(limit, idsBound(word)) ids.
   */
  readIds(word: number, limit: number, into: Uint32Array, at: number): number {
    if (word < 0) return at;
    const first = this.wordRuns[word] ?? 0;
    const last = this.wordRuns[word + 1] ?? first;
    const stop = at + limit;
    let written = at;
    for (let r = first; r < last && written < stop; r++) {
      const start = this.runStarts[r] ?? 0;
      const end = this.runStarts[r + 1] ?? 0;
      written = readRun(this.gaps, start, end, stop - written, this.recordCount, into, written);
    }
    return written;
  }

  /** The first `limit` ids of the word at vocabulary position `word`, as FlexSearch's search gives them. */
  firstIds(word: number, limit: number): Uint32Array {
    const ids = new Uint32Array(Math.min(limit, this.idsBound(word)));
    return ids.subarray(0, this.readIds(word, limit, ids, 0));
  }
}
