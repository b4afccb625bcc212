/**
 * Ranking one candidate against the query, on folded words: which words match, how well (exact, prefix or
 * phonetic) and in which fields. The matches found here are also the highlights.
 */
import { foldedWords, type FoldedWord } from '../../shared/text-fold';
import { encodeWord, type EncodedWord } from './encoding';
import { squeezeRepeats, type ParsedQuery, type QueryTerm } from './query';
import type { Field, SearchRecord } from './records';

const EXACT = 3;
const PREFIX = 2;
const PHONETIC = 1;

/** Phonetic comparison encodes every word it looks at: worth it in names and statements, not in whole documents. */
const PHONETIC_FIELD_MAX_LENGTH = 1_000;
const PHONETIC_TERM_MIN_LENGTH = 3;

/** A folded word of a ranked record, with its encodings once they were needed. */
export interface RankedWord extends FoldedWord {
  encoded?: EncodedWord;
}

/** EXACT, PREFIX or 0: how well a folded term matches a word without the phonetic comparison. */
const exactOrPrefixLevel = (word: string, folded: string): number =>
  word === folded ? EXACT : word.startsWith(folded) ? PREFIX : 0;

/** How well a query term matches a word (or two words run together): 0 when it does not. */
function matchLevel(term: QueryTerm, word: string, phonetic: boolean, known?: RankedWord): number {
  const level = exactOrPrefixLevel(word, term.folded);
  if (level) return level;
  if (term.folded.length < PHONETIC_TERM_MIN_LENGTH) return 0;
  // Long fields get only the cheap part of the precise encoder (doubled letters), which needs no encoding call.
  if (!phonetic) return word[0] === term.folded[0] && squeezedStartsWith(word, term.squeezed) ? PHONETIC : 0;
  const encoded = known ? (known.encoded ??= encodeWord(word)) : encodeWord(word);
  return encoded.precise.startsWith(term.precise) || encoded.phonetic.startsWith(term.phonetic) ? PHONETIC : 0;
}

const SURROGATE = /[\ud800-\udfff]/u;

/** squeezeRepeats(word).startsWith(squeezed) without building the squeezed word: it runs over long documents. */
function squeezedStartsWith(word: string, squeezed: string): boolean {
  if (SURROGATE.test(word)) return squeezeRepeats(word).startsWith(squeezed);
  let at = 0;
  let previous = -1;
  for (let i = 0; i < word.length && at < squeezed.length; i++) {
    const code = word.charCodeAt(i);
    if (code === previous) continue;
    if (code !== squeezed.charCodeAt(at)) return false;
    previous = code;
    at++;
  }
  return at === squeezed.length;
}

/**
 * Matches kept per term, in text order: enough to highlight every one in an excerpt, while a one-letter prefix in
 * a long document does not allocate hundreds of them on each keystroke.
 */
const MAX_MATCHES_PER_TERM = 48;

export interface TermMatch {
  level: number;
  field: number;
  start: number;
  end: number;
}

const NO_MATCHES: TermMatch[] = [];

/**
 * Keeps the matches at the best level seen so far, above `floor`: a better level drops what was kept. Levels up to
 * the floor are not wanted, so `best` starts there and a match counts once it rises above.
 */
class BestMatches {
  best: number;
  /** None kept yet: shared, as most terms match nowhere in most candidates; a match always starts a new list. */
  matches: TermMatch[] = NO_MATCHES;

  constructor(private readonly floor: number) {
    this.best = floor;
  }

  offer(level: number, field: number, start: number, end: number): void {
    if (!level || level < this.best || (level === this.best && this.best <= this.floor)) return;
    if (level > this.best) {
      this.best = level;
      this.matches = [];
    }
    if (this.matches.length < MAX_MATCHES_PER_TERM) this.matches.push({ level, field, start, end });
  }
}

/**
 * The best-level places where a term matches, across the fields, as single words or two adjacent words run
 * together; empty when it matches nowhere, or no better than `floor`. Exact and prefix matches are looked for
 * first, over the words with the term's initial only: most candidates have one, and then no word needs the
 * phonetic comparison, whose matches would be dropped anyway.
 */
function bestTermMatches(term: QueryTerm, fields: RankedWord[][], texts: readonly Field[], floor = 0): TermMatch[] {
  const found = exactOrPrefixMatches(term, fields, Math.max(floor, PHONETIC));
  return found.length || floor >= PHONETIC ? found : anyLevelMatches(term, fields, texts, floor);
}

/** bestTermMatches for the exact and prefix levels above `floor` only. */
function exactOrPrefixMatches(term: QueryTerm, fields: RankedWord[][], floor: number): TermMatch[] {
  const kept = new BestMatches(floor);
  const folded = term.folded;
  const initial = folded.charCodeAt(0);
  for (let f = 0; f < fields.length; f++) {
    const words = fields[f] as RankedWord[];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as RankedWord;
      const word = w.word;
      if (word.charCodeAt(0) !== initial) continue;
      kept.offer(exactOrPrefixLevel(word, folded), f, w.start, w.end);
      const next = words[i + 1];
      if (next && folded.length > word.length && folded.startsWith(word)) {
        kept.offer(exactOrPrefixLevel(word + next.word, folded), f, w.start, next.end);
      }
    }
  }
  return kept.matches;
}

/**
 * matchLevel as a term's kept matches can use it: once an exact or prefix match is kept, lower levels are dropped
 * anyway, so the phonetic comparison is not made (nor a prefix looked for once an exact match is kept).
 */
function levelWorthKeeping(best: number, term: QueryTerm, word: string, loose: boolean, known?: RankedWord): number {
  if (best <= PHONETIC) return matchLevel(term, word, loose, known);
  if (word === term.folded) return EXACT;
  return best === PREFIX && word.startsWith(term.folded) ? PREFIX : 0;
}

/** bestTermMatches at every level, phonetic included. */
function anyLevelMatches(term: QueryTerm, fields: RankedWord[][], texts: readonly Field[], floor: number): TermMatch[] {
  const kept = new BestMatches(floor);
  const folded = term.folded;
  const initial = folded.charCodeAt(0);
  const soundsPossible = folded.length >= PHONETIC_TERM_MIN_LENGTH;
  for (let f = 0; f < fields.length; f++) {
    const words = fields[f] as RankedWord[];
    const loose = soundsPossible && (texts[f]?.text.length ?? Number.POSITIVE_INFINITY) <= PHONETIC_FIELD_MAX_LENGTH;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as RankedWord;
      const word = w.word;
      // Outside the phonetic encoders, every way a word can match starts with the term's first letter; and once an
      // exact or prefix match is found, only those count, as lower levels are dropped anyway.
      if (word.charCodeAt(0) !== initial && (!loose || kept.best > PHONETIC)) continue;
      kept.offer(levelWorthKeeping(kept.best, term, word, loose, w), f, w.start, w.end);
      const next = words[i + 1];
      // Only a join the single word did not already explain ("pourmo" matches "Pour Mohammadi", "pour" not twice),
      // and only when the term starts with the first word: joins are exact or prefix, never phonetic guesses.
      if (next && folded.length > word.length && folded.startsWith(word)) {
        kept.offer(levelWorthKeeping(kept.best, term, word + next.word, loose), f, w.start, next.end);
      }
    }
  }
  return kept.matches;
}

function phraseMatches(phrase: QueryTerm[], fields: FoldedWord[][]): TermMatch[] {
  const matches: TermMatch[] = [];
  fields.forEach((words, field) => {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((p, j) => words[i + j]?.word === p.folded)) {
        matches.push({ level: EXACT, field, start: words[i]?.start ?? 0, end: words[i + phrase.length - 1]?.end ?? 0 });
      }
    }
  });
  return matches;
}

export interface Scored {
  record: SearchRecord;
  score: number;
  /** The best matches of every term and phrase, for highlights. */
  matches: TermMatch[];
  /** Where the first match is, by field then offset: of two equal scores, the earlier match in the text comes first. */
  first: number;
}

/** Fields hold less than this many characters, so field and offset fold into one comparable number. */
const FIELD_SPAN = 2 ** 32;

export function firstMatchOf(matches: TermMatch[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const m of matches) first = Math.min(first, m.field * FIELD_SPAN + m.start);
  return first;
}

/** Higher scores first, then the earlier first match. */
export function byRank(a: Scored, b: Scored): number {
  return b.score - a.score || a.first - b.first;
}

/** Folded words of recently ranked records: the same candidates come back on every keystroke. */
export class FoldedFieldCache {
  private readonly cache = new Map<SearchRecord, RankedWord[][]>();
  /**
   * @param cap records kept
   * @param head when set, only a field's opening (about this many characters, cut at a space) is folded
   */
  constructor(
    private readonly cap: number,
    private readonly head?: number,
  ) {}

  get(record: SearchRecord): RankedWord[][] {
    let folded = this.cache.get(record);
    if (folded) {
      // Least recently used goes first: a Map iterates in insertion order, so a hit moves to the end.
      this.cache.delete(record);
    } else {
      folded = record.fields.map((f) => foldedWords(this.head === undefined ? f.text : openingOf(f.text, this.head)));
      if (this.cache.size >= this.cap) this.cache.delete(this.cache.keys().next().value as SearchRecord);
    }
    this.cache.set(record, folded);
    return folded;
  }
}

/** The text's first `length` characters or so, ending at a space so no word is cut into a false prefix. */
function openingOf(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  return text.slice(0, space > 0 ? space : length);
}

function maxWeight(record: SearchRecord, matches: TermMatch[]): number {
  let weight = 1;
  for (const m of matches) weight = Math.max(weight, record.fields[m.field]?.weight ?? 1);
  return weight;
}

/**
 * Ranks a candidate: a whole name or alias equal to the query first, then more query words matched, then better
 * matches (exact > prefix > phonetic) in weightier fields. Null when a quoted phrase is missing or nothing matched.
 */
export function scoreRecord(record: SearchRecord, fields: RankedWord[][], query: ParsedQuery): Scored | null {
  const matches: TermMatch[] = [];
  let matchedTerms = 0;
  let quality = 0;
  for (const phrase of query.phrases) {
    const found = phraseMatches(phrase, fields);
    if (!found.length) return null;
    for (const m of found) matches.push(m);
    matchedTerms++;
    quality += EXACT * maxWeight(record, found);
  }
  // Two words run together count only where they beat a word's own match, so they are matched only for a word
  // that did not match exactly, and at most once each.
  // A join is chosen only above both its words' own levels, so only matches above the lower one are looked for.
  const joinMatches: (TermMatch[] | undefined)[] = [];
  const { terms, joins } = query;
  const own = terms.map((term) => bestTermMatches(term, fields, record.fields));
  const ownLevel = own.map((m) => m[0]?.level ?? 0);
  for (let i = 0; i < terms.length; i++) {
    let chosen = own[i] as TermMatch[];
    let level = ownLevel[i] ?? 0;
    for (let j = i - 1; j <= i && level < EXACT; j++) {
      const join = joins[j];
      if (!join) continue;
      const found = (joinMatches[j] ??= bestTermMatches(
        join,
        fields,
        record.fields,
        Math.min(ownLevel[j] ?? 0, ownLevel[j + 1] ?? 0),
      ));
      const joinLevel = found[0]?.level ?? 0;
      if (joinLevel > level) {
        chosen = found;
        level = joinLevel;
      }
    }
    if (!level) continue;
    for (const m of chosen) matches.push(m);
    matchedTerms++;
    quality += level * maxWeight(record, chosen);
  }
  if (!matchedTerms) return null;
  const wholeName = isWholeNameMatch(record, fields, query) ? 1 : 0;
  return {
    record,
    score: wholeName * 1_000_000 + matchedTerms * 1_000 + quality,
    matches,
    first: firstMatchOf(matches),
  };
}

function isWholeNameMatch(record: SearchRecord, fields: FoldedWord[][], query: ParsedQuery): boolean {
  if (record.group !== 'people' && record.group !== 'topics') return false;
  return record.fields.some(
    (f, i) => (f.role === 'name' || f.role === 'alias') && spellsQuery(fields[i] ?? [], query.compact),
  );
}

/** Whether the words run together are `compact`, compared in place: names are ranked on every keystroke. */
function spellsQuery(words: FoldedWord[], compact: string): boolean {
  let at = 0;
  for (const { word } of words) {
    if (!compact.startsWith(word, at)) return false;
    at += word.length;
  }
  return at === compact.length;
}
