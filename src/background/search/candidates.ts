/**
 * Asking FlexSearch for candidates. The index holds whole words (precisely encoded); the group's vocabulary
 * completes the word being typed and finds the words that sound like a misspelt one, so neither prefixes nor
 * phonetic codes are indexed. Exact and completed words are asked first, sound-alikes only to fill up, so an exact
 * "Raisi" is never crowded out by a phonetic "raised".
 */
import type { Postings } from './postings';
import type { ParsedQuery, QueryTerm } from './query';
import type { Vocabulary } from './vocabulary';

export interface GroupIndex {
  postings: Postings;
  vocabulary: Vocabulary;
}

/** Completions tried for the word being typed: more when it is the only word, as each is then one cheap lookup. */
const COMPLETIONS_ALONE = 16;
const COMPLETIONS_AFTER_OTHERS = 4;
const SOUND_ALIKES_ALONE = 8;
const SOUND_ALIKES_AFTER_OTHERS = 2;
/** Ids read per word: bounds the work of a very common word. */
const MAX_POSTINGS = 50_000;
/**
 * Ids read for all the words of a multi-word query together, which bounds a string of common words (eight terms,
 * their joins and four completions could read a million; "the of and to in" read 140,000). Typed phrases read
 * fewer: at 100,000 statements "crime against hu" reads about 60,000, "human rights vi" 74,000.
 */
export const MAX_TOTAL_POSTINGS = 80_000;

/**
 * How many ids to read of each word, given how many records list it: every word whole while the budget allows,
 * and beyond it the commonest words cut to one equal share, so a rare word is always read whole.
 */
export function postingLimits(counts: readonly number[], budget: number): number[] {
  const sizes = counts.map((c) => Math.min(c, MAX_POSTINGS));
  let left = budget;
  let open = sizes.length;
  let share = Number.POSITIVE_INFINITY;
  for (const size of [...sizes].sort((a, b) => a - b)) {
    if (size * open > left) {
      share = Math.floor(left / open);
      break;
    }
    left -= size;
    open--;
  }
  return sizes.map((size) => Math.min(size, share));
}

/** The indexed words a query word stands for: itself when indexed, then its commonest completions. */
function alternativesOf(vocabulary: Vocabulary, term: QueryTerm, completions: number): string[] {
  if (!term.precise) return [];
  const known = vocabulary.has(term.precise) ? [term.precise] : [];
  return [...known, ...vocabulary.completions(term.precise, completions - known.length)];
}

/** Collects ids in order, each once, up to the pool. */
class Candidates {
  readonly ids: number[] = [];
  private readonly seen = new Set<number>();
  constructor(readonly pool: number) {}

  add(found: Iterable<unknown>): boolean {
    for (const id of found) {
      if (this.ids.length >= this.pool) break;
      if (typeof id === 'number' && !this.seen.has(id)) {
        this.seen.add(id);
        this.ids.push(id);
      }
    }
    return this.full;
  }

  get full(): boolean {
    return this.ids.length >= this.pool;
  }
}

/** One word of the query: the indexed words that count for it. */
type Slot = string[];

/** Words counted in a multi-word query: one bit each. */
const BITS = 16;
const ONES = new Uint8Array(1 << BITS);
for (let i = 1; i < ONES.length; i++) ONES[i] = (ONES[i >> 1] ?? 0) + (i & 1);

/**
 * Which slots list each id, for countedIds, reused across searches as ids are dense record numbers: the high bits
 * hold the search's stamp, the low BITS bits one per slot. An entry with an older stamp counts as empty, so no pass
 * clears them; values stay small integers (below 2^30), which V8 keeps unboxed.
 */
let slotsSeen = new Int32Array(1024);
let stamp = 0;
const MAX_STAMP = (1 << (30 - BITS)) - 1;
const SLOT_BITS = (1 << BITS) - 1;
/** The ids countedIds reads, slot after slot, reused across searches: tens of thousands for common words. */
let idsRead = new Uint32Array(1024);

function nextStamp(recordCount: number): number {
  if (slotsSeen.length < recordCount) {
    slotsSeen = new Int32Array(recordCount);
    stamp = 0;
  }
  if (++stamp > MAX_STAMP) {
    slotsSeen.fill(0);
    stamp = 1;
  }
  return stamp;
}

/**
 * The last few countedIds answers of each group, by what they were asked. As a reader types a word on ("crime against
 * hu", "hum", "huma"), its completions are mostly the same words, and reading the tens of thousands of ids of common
 * words again was most of such a keystroke. Two answers a group: the words asked and their sound-alikes.
 */
const recentlyCounted = new WeakMap<GroupIndex, { key: string; ids: number[] }[]>();
const RECENTLY_COUNTED = 2;

/** The answer `count` gives, or the one it gave when last asked the same question (`key`) of this group. */
function recalled(group: GroupIndex, key: string, count: () => number[]): number[] {
  const recent = recentlyCounted.get(group) ?? [];
  const known = recent.find((entry) => entry.key === key);
  if (known) return known.ids;
  const ids = count();
  recentlyCounted.set(group, [{ key, ids }, ...recent].slice(0, RECENTLY_COUNTED));
  return ids;
}

/**
 * Up to `pool` ids by how many slots they match, most first (only those matching all when `all`), in the order the
 * slots list them. Each word's postings are read up to its share of `budget` (postingLimits). One pass records
 * which slots list each id; a second walks the ids again in slot order and stops once the ids it returns are
 * settled: an id matching c of n slots is listed by one of any n - c + 1 of them, so after k + 1 slots every id
 * matching at least n - k is known. FlexSearch's own intersections cost up to several
 * milliseconds each at 100,000 records, and one was needed per completion of the word being typed.
 */
function countedIds(
  group: GroupIndex,
  slots: Slot[],
  all: boolean,
  pool: number,
  recordCount: number,
  budget: number,
): number[] {
  const current = nextStamp(recordCount);
  const tag = current << BITS;
  const size = slotsSeen.length;
  const counted = slots.slice(0, BITS);
  const words = counted.flat();
  const positions = words.map((word) => group.vocabulary.position(word));
  const counts = words.map((word) => group.vocabulary.count(word));
  const limits = postingLimits(counts, budget);
  const room = positions.reduce((sum, p, at) => sum + Math.min(limits[at] ?? 0, group.postings.idsBound(p)), 0);
  if (idsRead.length < room) idsRead = new Uint32Array(Math.max(room, idsRead.length * 2));
  // Slot s's ids are idsRead[slotStarts[s]] up to idsRead[slotStarts[s + 1]], each word's in FlexSearch's order.
  const slotStarts = [0];
  const cut: boolean[] = [];
  let at = 0;
  let end = 0;
  counted.forEach((slot, s) => {
    for (let w = 0; w < slot.length; w++, at++) {
      const limit = limits[at] ?? 0;
      if (limit < (counts[at] ?? 0)) cut[s] = true;
      end = group.postings.readIds(positions[at] ?? -1, limit, idsRead, end);
    }
    slotStarts.push(end);
  });
  const n = counted.length;
  for (let s = 0; s < n; s++) {
    const bit = 1 << s;
    const last = slotStarts[s + 1] as number;
    for (let i = slotStarts[s] as number; i < last; i++) {
      const id = idsRead[i] as number;
      if (id >= size) continue;
      const seen = slotsSeen[id] as number;
      slotsSeen[id] = (seen >> BITS === current ? seen : tag) | bit;
    }
  }
  const byCount: number[][] = Array.from({ length: n + 1 }, () => []);
  // Ids matching more slots than the one being walked are all placed; `settled` counts those returned.
  let settled = 0;
  // Slots read whole come first when others were cut: a record holding a rare word then comes before one that
  // merely holds a common word, though the cut may hide that it holds both. Otherwise the query's own order.
  const walk = counted.map((_, s) => s);
  if (cut.length) walk.sort((a, b) => Number(cut[a] ?? false) - Number(cut[b] ?? false));
  // A cut word may be held by any record, unseen: each is counted as held, so a record with a rare word and a
  // common one listed beyond its cut is not ranked below records that merely hold common words.
  let unseen = 0;
  cut.forEach((isCut, s) => {
    if (isCut) unseen |= 1 << s;
  });
  for (let step = 0; step < n; step++) {
    const lowest = n - step;
    const bucket = byCount[lowest] as number[];
    if (settled + Math.min(bucket.length, pool) >= pool || (all && step > 0)) break;
    const slot = walk[step] as number;
    const last = slotStarts[slot + 1] as number;
    for (let i = slotStarts[slot] as number; i < last; i++) {
      const id = idsRead[i] as number;
      if (id >= size) continue;
      const seen = slotsSeen[id] as number;
      const bits = seen & SLOT_BITS;
      if (seen >> BITS !== current || !bits) continue;
      slotsSeen[id] = tag;
      const count = ONES[bits | unseen] as number;
      const into = byCount[count] as number[];
      if (into.length < pool) into.push(id);
      if (count === lowest && settled + into.length >= pool) break;
    }
    settled += Math.min(bucket.length, pool);
  }
  if (all) return byCount[n] ?? [];
  return byCount.reverse().flat().slice(0, pool);
}

/** Candidate ids, at most `pool` of them, best guesses first; ranking decides the order shown. */
export function candidateIds(
  group: GroupIndex,
  query: ParsedQuery,
  pool: number,
  recordCount: number,
  budget: number = MAX_TOTAL_POSTINGS,
): number[] {
  const { postings, vocabulary } = group;
  const firstIds = (word: string): Uint32Array => postings.firstIds(vocabulary.position(word), pool);
  const found = new Candidates(pool);
  const phraseWords = query.phrases.flat();
  const { asked } = query;
  const slotCount = asked.length + phraseWords.length;
  if (!slotCount) return found.ids;

  // One loose word: each exact, completed or sound-alike word is one cheap lookup, best first.
  const alone = asked[0];
  if (slotCount === 1 && alone) {
    for (const word of alternativesOf(vocabulary, alone, COMPLETIONS_ALONE))
      if (found.add(firstIds(word))) return found.ids;
    for (const word of vocabulary.soundingLike(alone.phonetic, SOUND_ALIKES_ALONE))
      if (found.add(firstIds(word))) return found.ids;
    return found.ids;
  }

  // Several words: records matching the most of them first. The word being typed is completed; two adjacent
  // words also count as run together ("pour moh" finds "Pourmohammadi"). A quoted phrase needs all its words, so
  // then every word must be present.
  const last = asked.length - 1;
  const slots: Slot[] = asked.map((term, i) =>
    alternativesOf(vocabulary, term, i === last ? COMPLETIONS_AFTER_OTHERS : 1),
  );
  for (let i = 0; i < last; i++) {
    const at = query.terms.indexOf(asked[i] as QueryTerm);
    const join = query.joins[at];
    if (!join || query.terms[at + 1] !== asked[i + 1]) continue;
    const joined = alternativesOf(vocabulary, join, i + 1 === last ? COMPLETIONS_AFTER_OTHERS : 1);
    slots[i]?.push(...joined);
    slots[i + 1]?.push(...joined);
  }
  slots.push(...phraseWords.map((t) => (t.precise ? [t.precise] : [])));
  const all = query.phrases.length > 0;
  const counted = slots.slice(0, BITS);
  const count = (asked: Slot[]): number[] =>
    recalled(group, [all, pool, recordCount, budget, ...asked.map((slot) => slot.join(' '))].join('\n'), () =>
      countedIds(group, asked, all, pool, recordCount, budget),
    );
  if (found.add(count(counted))) return found.ids;
  // Then misspelt words, through the words that sound like them.
  const soundAlikes = [...asked, ...phraseWords]
    .slice(0, BITS)
    .map((t, i) => [...(counted[i] ?? []), ...vocabulary.soundingLike(t.phonetic, SOUND_ALIKES_AFTER_OTHERS)]);
  found.add(count(soundAlikes));
  return found.ids;
}
