/**
 * Full-text search over every loaded pack: entities, statements, questions and documents.
 *
 * FlexSearch finds candidates fast (forward tokenisation gives prefixes as the reader types); the ranking, grouping,
 * excerpts and highlights are ours, computed on folded text for the few candidates shown. Each group has two
 * FlexSearch indexes: a precise one (case, diacritics and doubled letters folded) asked first, and a phonetic one
 * (LatinBalance) asked only to fill up, so an exact "Raisi" is never crowded out by a phonetic "raised".
 *
 * Pure: no DOM and no extension APIs, so it runs in Node, in tests and in the service worker.
 */
import { Charset, Encoder, Index } from 'flexsearch';
import { z } from 'zod';
import type { CorpusDocument, CorpusPack, Entity, Question, Statement } from '../corpus/pack';
import {
  SEARCH_GROUP_ORDER,
  SPEAKER_NOT_CLEAR,
  searchOptions,
  type DocumentHit,
  type EntityHit,
  type Excerpt,
  type HighlightRange,
  type MoreHits,
  type QuestionHit,
  type SearchGroup,
  type SearchGroupName,
  type SearchOptions,
  type SearchResults,
  type StatementHit,
} from '../shared/search-results';
import { compactFold, foldedWords, type FoldedWord } from '../shared/text-fold';

/** Bump when the encoders or index options change: a stored index of another format is rebuilt. */
const SEARCH_INDEX_FORMAT = 2;
/** Longer queries are cut: nobody types more, and it bounds the work a pasted page could cause. */
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TERMS = 8;
const EXCERPT_LENGTH = 180;
const EXCERPT_LEAD = 50;

// ---------------------------------------------------------------------------------------------------------------
// Encoding

const preciseEncoder = new Encoder(Charset.Default);
const phoneticEncoder = new Encoder(Charset.LatinBalance);
const TIERS = ['precise', 'phonetic'] as const;
type Tier = (typeof TIERS)[number];

/**
 * Prefixes come from the precise tier only: forward tokenisation multiplies the postings by the word length, and
 * the phonetic tier's job is whole misspelt words. Document bodies are long and repeat the statements, so their
 * words are indexed whole in both tiers.
 */
function createTierIndex(group: SearchGroupName, tier: Tier): Index {
  const prefixes = tier === 'precise' && group !== 'documents';
  return new Index({ tokenize: prefixes ? 'forward' : 'strict', encoder: tier === 'precise' ? preciseEncoder : phoneticEncoder });
}

const WORD_WITH_MARKS = /[\p{L}\p{M}\p{N}]+/gu;
const HYPHEN_ONLY = /^[-\u2010\u2011]$/u;
const SPACE_ONLY = /^[ \t\u00a0]+$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * "Pour-Mohammadi" and "Pour Mohammadi" run together, so that "pourmohammadi" and its prefixes find them. Only
 * hyphenated pairs and pairs of capitalised words (names) are joined: joining every pair would double the index.
 */
function joinedNamePairs(text: string): string[] {
  const joined: string[] = [];
  let previous: RegExpExecArray | undefined;
  for (const word of text.matchAll(WORD_WITH_MARKS)) {
    if (previous) {
      const gap = text.slice(previous.index + previous[0].length, word.index);
      const names = SPACE_ONLY.test(gap) && CAPITALISED.test(previous[0]) && CAPITALISED.test(word[0]);
      if (HYPHEN_ONLY.test(gap) || names) joined.push(previous[0] + word[0]);
    }
    previous = word;
  }
  return joined;
}

/** A word as each tier's encoder sees it, e.g. "Pourmohammadi" → precise "pourmohamadi", phonetic "pormohamate". */
interface EncodedWord {
  precise: string;
  phonetic: string;
}

const encodedWords = new Map<string, EncodedWord>();
const ENCODED_WORDS_CAP = 50_000;

function encodeWord(folded: string): EncodedWord {
  let encoded = encodedWords.get(folded);
  if (!encoded) {
    encoded = { precise: preciseEncoder.encode(folded).join(''), phonetic: phoneticEncoder.encode(folded).join('') };
    if (encodedWords.size >= ENCODED_WORDS_CAP) encodedWords.clear();
    encodedWords.set(folded, encoded);
  }
  return encoded;
}

// ---------------------------------------------------------------------------------------------------------------
// Records: what each group searches, in a fixed order so numeric ids survive export and import

interface PackLookups {
  pack: CorpusPack;
  entities: Map<string, Entity>;
  documents: Map<string, CorpusDocument>;
}

interface EntityCounts {
  statements: number;
  questions: number;
  documents: number;
}

interface Field {
  text: string;
  /** How much a match here says about the record: a name counts more than a passing mention in a description. */
  weight: number;
  role: 'name' | 'alias' | 'body' | 'answer' | 'speaker' | 'title';
}

type RecordOf<G extends SearchGroupName> = G extends 'people' | 'topics'
  ? { group: G; lookups: PackLookups; entity: Entity; counts: EntityCounts; fields: Field[] }
  : G extends 'statements'
    ? { group: G; lookups: PackLookups; statement: Statement; fields: Field[] }
    : G extends 'questions'
      ? { group: G; lookups: PackLookups; question: Question; fields: Field[] }
      : { group: G; lookups: PackLookups; document: CorpusDocument; fields: Field[] };

type SearchRecord = RecordOf<SearchGroupName>;

const GROUPS = SEARCH_GROUP_ORDER;

function entityName(lookups: PackLookups, id: string): string {
  return lookups.entities.get(id)?.name ?? id;
}

function countEntityReferences(pack: CorpusPack): Map<string, EntityCounts> {
  const counts = new Map<string, EntityCounts>();
  const documents = new Map<string, Set<string>>();
  const countsOf = (id: string): EntityCounts => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { statements: 0, questions: 0, documents: 0 }));
    return c;
  };
  const seenIn = (id: string, documentId: string): void => {
    let set = documents.get(id);
    if (!set) documents.set(id, (set = new Set()));
    set.add(documentId);
  };
  for (const s of pack.statements) {
    if (s.speakerId === null) continue;
    countsOf(s.speakerId).statements++;
    seenIn(s.speakerId, s.documentId);
  }
  for (const q of pack.questions) {
    for (const id of new Set([q.askerId, q.answererId])) {
      if (id === null) continue;
      countsOf(id).questions++;
      seenIn(id, q.documentId);
    }
  }
  for (const m of pack.mentions) seenIn(m.entityId, m.documentId);
  for (const [id, set] of documents) countsOf(id).documents = set.size;
  return counts;
}

function collectRecords(packs: CorpusPack[]): Record<SearchGroupName, SearchRecord[]> {
  const records: Record<SearchGroupName, SearchRecord[]> = { people: [], topics: [], statements: [], questions: [], documents: [] };
  for (const pack of packs) {
    const lookups: PackLookups = {
      pack,
      entities: new Map(pack.entities.map((e) => [e.id, e])),
      documents: new Map(pack.documents.map((d) => [d.id, d])),
    };
    const counts = countEntityReferences(pack);
    for (const entity of pack.entities) {
      const group = entity.kind === 'person' || entity.kind === 'organisation' ? 'people' : 'topics';
      const fields: Field[] = [
        { text: entity.name, weight: 3, role: 'name' },
        ...entity.aliases.map((alias): Field => ({ text: alias, weight: 3, role: 'alias' })),
      ];
      if (entity.description) fields.push({ text: entity.description, weight: 1, role: 'body' });
      const entityCounts = counts.get(entity.id) ?? { statements: 0, questions: 0, documents: 0 };
      records[group].push({ group, lookups, entity, counts: entityCounts, fields });
    }
    for (const statement of pack.statements) {
      const speaker = statement.speakerId === null ? '' : entityName(lookups, statement.speakerId);
      records.statements.push({
        group: 'statements',
        lookups,
        statement,
        fields: [
          { text: statement.text, weight: 2, role: 'body' },
          { text: speaker, weight: 2, role: 'speaker' },
        ],
      });
    }
    for (const question of pack.questions) {
      records.questions.push({
        group: 'questions',
        lookups,
        question,
        fields: [
          { text: question.questionText, weight: 2, role: 'body' },
          { text: question.answerText ?? '', weight: 1, role: 'answer' },
          { text: entityName(lookups, question.askerId), weight: 2, role: 'speaker' },
          { text: question.answererId === null ? '' : entityName(lookups, question.answererId), weight: 2, role: 'speaker' },
        ],
      });
    }
    for (const document of pack.documents) {
      records.documents.push({
        group: 'documents',
        lookups,
        document,
        fields: [
          { text: document.title, weight: 2, role: 'title' },
          { text: document.text, weight: 1, role: 'body' },
        ],
      });
    }
  }
  return records;
}

// ---------------------------------------------------------------------------------------------------------------
// The index

type GroupIndexes = Record<Tier, Index>;

export interface SearchIndex {
  readonly corpusKey: string;
  readonly records: Record<SearchGroupName, SearchRecord[]>;
  readonly indexes: Record<SearchGroupName, GroupIndexes>;
  /** Folded words of recently scored fields: the same candidates come back on every keystroke. */
  readonly foldedFields: Map<SearchRecord, FoldedWord[][]>;
}

const FOLDED_FIELDS_CAP = 2_000;

/** Which packs an index was built from: a stored index with another key is stale. */
function corpusKeyOf(packs: CorpusPack[]): string {
  return packs
    .map((p) => `${p.id}@${p.createdAt}:${p.documents.length}/${p.entities.length}/${p.statements.length}/${p.questions.length}`)
    .join('|');
}

function emptyIndexes(): Record<SearchGroupName, GroupIndexes> {
  const make = (group: SearchGroupName): GroupIndexes => ({ precise: createTierIndex(group, 'precise'), phonetic: createTierIndex(group, 'phonetic') });
  return { people: make('people'), topics: make('topics'), statements: make('statements'), questions: make('questions'), documents: make('documents') };
}

function searchIndexOf(packs: CorpusPack[], indexes: Record<SearchGroupName, GroupIndexes>): SearchIndex {
  return { corpusKey: corpusKeyOf(packs), records: collectRecords(packs), indexes, foldedFields: new Map() };
}

/** Builds the search index over every pack, in the order given. */
export function buildSearchIndex(packs: CorpusPack[]): SearchIndex {
  const index = searchIndexOf(packs, emptyIndexes());
  for (const group of GROUPS) {
    index.records[group].forEach((record, id) => {
      const fields = record.fields.map((f) => f.text);
      const text = [...fields, ...fields.flatMap(joinedNamePairs)].join('\n');
      for (const tier of TIERS) index.indexes[group][tier].add(id, text);
    });
  }
  return index;
}

export const serializedSearchIndex = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  corpusKey: z.string(),
  /** FlexSearch's export chunks, tagged with the group and tier they belong to. */
  parts: z.array(z.object({ group: z.enum(GROUPS), tier: z.enum(TIERS), key: z.string(), data: z.string() })),
});
/** Plain strings and numbers only: it can be stored in IndexedDB or posted as it is. */
export type SerializedSearchIndex = z.infer<typeof serializedSearchIndex>;

export async function exportSearchIndex(index: SearchIndex): Promise<SerializedSearchIndex> {
  const parts: SerializedSearchIndex['parts'] = [];
  for (const group of GROUPS) {
    for (const tier of TIERS) {
      await index.indexes[group][tier].export((key, data) => {
        parts.push({ group, tier, key, data });
      });
    }
  }
  return { format: SEARCH_INDEX_FORMAT, corpusKey: index.corpusKey, parts };
}

/**
 * Restores an exported index for the same packs. Returns null when the stored form is damaged, of an older
 * format or built from other packs: the caller then rebuilds with buildSearchIndex.
 */
export function importSearchIndex(serialized: unknown, packs: CorpusPack[]): SearchIndex | null {
  const parsed = serializedSearchIndex.safeParse(serialized);
  if (!parsed.success || parsed.data.corpusKey !== corpusKeyOf(packs)) return null;
  const indexes = emptyIndexes();
  try {
    for (const part of parsed.data.parts) indexes[part.group][part.tier].import(part.key, part.data);
  } catch {
    return null;
  }
  return searchIndexOf(packs, indexes);
}

// ---------------------------------------------------------------------------------------------------------------
// Queries

interface QueryTerm extends EncodedWord {
  folded: string;
  squeezed: string;
}

interface ParsedQuery {
  /** Loose words: matched exactly, as a prefix, or phonetically. */
  terms: QueryTerm[];
  /** joins[i] is terms[i] and terms[i + 1] run together, so "pour mohammadi" also finds "Pourmohammadi". */
  joins: QueryTerm[];
  /** Quoted phrases as folded words: matched exactly and in order. */
  phrases: string[][];
  /** What FlexSearch is asked for: every word of the query. */
  candidateQuery: string;
}

const QUOTED = /["“”„«»]([^"“”„«»]*)(?:["“”„«»]|$)/gu;

function cutToCodePoints(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}

function queryTermOf(folded: string): QueryTerm {
  return { folded, squeezed: squeezeRepeats(folded), ...encodeWord(folded) };
}

function parseQuery(raw: string): ParsedQuery {
  const query = cutToCodePoints(raw, MAX_QUERY_LENGTH);
  const phrases: string[][] = [];
  const loose = query.replace(QUOTED, (_match, inner: string) => {
    const words = foldedWords(inner).map((w) => w.word);
    if (words.length) phrases.push(words);
    return ' ';
  });
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const { word } of foldedWords(loose)) {
    if (seen.has(word) || terms.length >= MAX_QUERY_TERMS) continue;
    seen.add(word);
    terms.push(queryTermOf(word));
  }
  const joins = terms.slice(1).map((next, i) => {
    return queryTermOf((terms[i]?.folded ?? '') + next.folded);
  });
  // A one-letter word being typed after others would pull in every word with that initial: it only ranks.
  const longer = terms.filter((t) => t.folded.length > 1);
  const asked = longer.length ? longer : terms;
  const words = [...asked.map((t) => t.folded), ...phrases.flat()].slice(0, MAX_QUERY_TERMS * 2);
  return { terms, joins, phrases, candidateQuery: words.join(' ') };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching one record

const EXACT = 3;
const PREFIX = 2;
const PHONETIC = 1;

/** "pourmohammadi" → "pourmohamadi", as the precise encoder dedupes letters. */
function squeezeRepeats(word: string): string {
  let squeezed = '';
  for (const char of word) if (char !== squeezed.at(-1)) squeezed += char;
  return squeezed;
}

/** Phonetic comparison encodes every word it looks at: worth it in names and statements, not in whole documents. */
const PHONETIC_FIELD_MAX_LENGTH = 1_000;
const PHONETIC_TERM_MIN_LENGTH = 3;

/** How well a query term matches a word (or two words run together): 0 when it does not. */
function matchLevel(term: QueryTerm, word: string, phonetic: boolean): number {
  if (word === term.folded) return EXACT;
  if (word.startsWith(term.folded)) return PREFIX;
  if (term.folded.length < PHONETIC_TERM_MIN_LENGTH) return 0;
  // Long fields get only the cheap part of the precise encoder (doubled letters), which needs no encoding call.
  if (!phonetic) return word[0] === term.folded[0] && squeezeRepeats(word).startsWith(term.squeezed) ? PHONETIC : 0;
  const encoded = encodeWord(word);
  return encoded.precise.startsWith(term.precise) || encoded.phonetic.startsWith(term.phonetic) ? PHONETIC : 0;
}

interface TermMatch {
  level: number;
  field: number;
  start: number;
  end: number;
}

/** Every place in one field's words where a term matches, as single words or two adjacent words run together. */
function termMatchesInField(term: QueryTerm, words: FoldedWord[], field: number, phonetic: boolean): TermMatch[] {
  const matches: TermMatch[] = [];
  words.forEach((w, i) => {
    const level = matchLevel(term, w.word, phonetic);
    if (level) matches.push({ level, field, start: w.start, end: w.end });
    const next = words[i + 1];
    // Only a join the single word did not already explain ("pourmo" matches "Pour Mohammadi", "pour" not twice),
    // and only when the term starts with the first word: joins are exact or prefix, never phonetic guesses.
    if (next && term.folded.length > w.word.length && term.folded.startsWith(w.word)) {
      const joinedLevel = matchLevel(term, w.word + next.word, phonetic);
      if (joinedLevel) matches.push({ level: joinedLevel, field, start: w.start, end: next.end });
    }
  });
  return matches;
}

function phraseMatchesInField(phrase: string[], words: FoldedWord[], field: number): TermMatch[] {
  const matches: TermMatch[] = [];
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, j) => words[i + j]?.word === p)) {
      matches.push({ level: EXACT, field, start: words[i]?.start ?? 0, end: words[i + phrase.length - 1]?.end ?? 0 });
    }
  }
  return matches;
}

/** The matches at the best level found; empty when there are none. */
function bestMatches(found: TermMatch[]): TermMatch[] {
  const best = Math.max(0, ...found.map((m) => m.level));
  return found.filter((m) => m.level === best);
}

interface Scored {
  record: SearchRecord;
  score: number;
  /** The best matches of every term and phrase, for highlights. */
  matches: TermMatch[];
}

function foldedFieldsOf(index: SearchIndex, record: SearchRecord): FoldedWord[][] {
  let folded = index.foldedFields.get(record);
  if (!folded) {
    folded = record.fields.map((f) => foldedWords(f.text));
    if (index.foldedFields.size >= FOLDED_FIELDS_CAP) index.foldedFields.clear();
    index.foldedFields.set(record, folded);
  }
  return folded;
}

/**
 * Ranks a candidate: a whole name or alias equal to the query first, then more query words matched, then better
 * matches (exact > prefix > phonetic) in weightier fields. Null when a quoted phrase is missing or nothing matched.
 */
function scoreRecord(index: SearchIndex, record: SearchRecord, query: ParsedQuery): Scored | null {
  const fields = foldedFieldsOf(index, record);
  const matches: TermMatch[] = [];
  let matchedTerms = 0;
  let quality = 0;
  for (const phrase of query.phrases) {
    const found = fields.flatMap((words, f) => phraseMatchesInField(phrase, words, f));
    if (!found.length) return null;
    matches.push(...found);
    matchedTerms++;
    quality += EXACT * Math.max(...found.map((m) => record.fields[m.field]?.weight ?? 1));
  }
  const phonetic = record.fields.map((f) => f.text.length <= PHONETIC_FIELD_MAX_LENGTH);
  const bestOf = (term: QueryTerm): TermMatch[] =>
    bestMatches(fields.flatMap((words, f) => termMatchesInField(term, words, f, phonetic[f] ?? false)));
  const joinMatches = query.joins.map(bestOf);
  query.terms.forEach((term, i) => {
    const options = [bestOf(term), joinMatches[i - 1] ?? [], joinMatches[i] ?? []];
    const chosen = options.reduce((a, b) => ((b[0]?.level ?? 0) > (a[0]?.level ?? 0) ? b : a));
    const level = chosen[0]?.level ?? 0;
    if (!level) return;
    matches.push(...chosen);
    matchedTerms++;
    quality += level * Math.max(...chosen.map((m) => record.fields[m.field]?.weight ?? 1));
  });
  if (!matchedTerms) return null;
  const wholeName = isWholeNameMatch(record, query) ? 1 : 0;
  return { record, score: wholeName * 1_000_000 + matchedTerms * 1_000 + quality, matches };
}

function isWholeNameMatch(record: SearchRecord, query: ParsedQuery): boolean {
  if (record.group !== 'people' && record.group !== 'topics') return false;
  const wanted = [...query.terms.map((t) => t.folded), ...query.phrases.flat()].join('');
  return record.fields.some((f) => (f.role === 'name' || f.role === 'alias') && compactFold(f.text) === wanted);
}

// ---------------------------------------------------------------------------------------------------------------
// Excerpts

function rangesInField(matches: TermMatch[], field: number): HighlightRange[] {
  return mergeRanges(matches.filter((m) => m.field === field).map((m) => ({ start: m.start, end: m.end })));
}

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A window of the text around the first highlight, cut at spaces, with highlights moved into its offsets. */
function excerptAround(text: string, highlights: HighlightRange[]): Excerpt {
  const anchor = highlights[0]?.start ?? 0;
  let start = Math.max(0, anchor - EXCERPT_LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < anchor ? space + 1 : start;
  }
  let end = Math.min(text.length, start + EXCERPT_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > anchor ? space : end;
  }
  if (isLowSurrogate(text, start)) start++;
  if (isLowSurrogate(text, end)) end++;
  const lead = start > 0 ? '… ' : '';
  const tail = end < text.length ? ' …' : '';
  // Line breaks become spaces one for one, so the offsets still hold in a one-line result row.
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const shifted = highlights
    .filter((h) => h.end > start && h.start < end)
    .map((h) => ({ start: Math.max(h.start, start) - start + lead.length, end: Math.min(h.end, end) - start + lead.length }));
  return { text: lead + body + tail, highlights: shifted };
}

// ---------------------------------------------------------------------------------------------------------------
// Hits

function entityHitOf(scored: Scored, record: RecordOf<'people' | 'topics'>): EntityHit {
  const { entity, counts, lookups } = record;
  const nameHighlights = rangesInField(scored.matches, 0);
  const aliasField = record.fields.findIndex((f, i) => f.role === 'alias' && rangesInField(scored.matches, i).length > 0);
  return {
    type: 'entity',
    packId: lookups.pack.id,
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    nameHighlights,
    ...(nameHighlights.length === 0 && aliasField !== -1 ? { matchedAlias: record.fields[aliasField]?.text } : {}),
    ...(entity.description ? { description: entity.description } : {}),
    statementCount: counts.statements,
    questionCount: counts.questions,
    documentCount: counts.documents,
  };
}

function statementHitOf(scored: Scored, record: RecordOf<'statements'>): StatementHit {
  const { statement, lookups } = record;
  const document = lookups.documents.get(statement.documentId);
  return {
    type: 'statement',
    packId: lookups.pack.id,
    id: statement.id,
    speakerId: statement.speakerId,
    speakerName: statement.speakerId === null ? SPEAKER_NOT_CLEAR : entityName(lookups, statement.speakerId),
    documentId: statement.documentId,
    documentTitle: document?.title ?? statement.documentId,
    ...(document?.publisher ? { publisher: document.publisher } : {}),
    ...(document?.date ? { date: document.date } : {}),
    start: statement.start,
    end: statement.end,
    excerpt: excerptAround(statement.text, rangesInField(scored.matches, 0)),
  };
}

function questionHitOf(scored: Scored, record: RecordOf<'questions'>): QuestionHit {
  const { question, lookups } = record;
  const inQuestion = rangesInField(scored.matches, 0);
  const inAnswer = rangesInField(scored.matches, 1);
  const fromAnswer = inQuestion.length === 0 && inAnswer.length > 0 && question.answerText !== null;
  return {
    type: 'question',
    packId: lookups.pack.id,
    id: question.id,
    documentId: question.documentId,
    house: question.house,
    askerName: entityName(lookups, question.askerId),
    answererName: question.answererId === null ? null : entityName(lookups, question.answererId),
    ...(question.dateAsked ? { dateAsked: question.dateAsked } : {}),
    dateAnswered: question.dateAnswered,
    excerptFrom: fromAnswer ? 'answer' : 'question',
    excerpt: fromAnswer ? excerptAround(question.answerText ?? '', inAnswer) : excerptAround(question.questionText, inQuestion),
  };
}

function documentHitOf(scored: Scored, record: RecordOf<'documents'>): DocumentHit {
  const { document, lookups } = record;
  return {
    type: 'document',
    packId: lookups.pack.id,
    id: document.id,
    title: document.title,
    titleHighlights: rangesInField(scored.matches, 0),
    ...(document.publisher ? { publisher: document.publisher } : {}),
    ...(document.date ? { date: document.date } : {}),
    ...(document.url ? { url: document.url } : {}),
    excerpt: excerptAround(document.text, rangesInField(scored.matches, 1)),
  };
}

function groupOf(group: SearchGroupName, scored: Scored[], more: MoreHits): SearchGroup {
  switch (group) {
    case 'people':
    case 'topics':
      return { group, hits: scored.map((s) => entityHitOf(s, s.record as RecordOf<'people' | 'topics'>)), more };
    case 'statements':
      return { group, hits: scored.map((s) => statementHitOf(s, s.record as RecordOf<'statements'>)), more };
    case 'questions':
      return { group, hits: scored.map((s) => questionHitOf(s, s.record as RecordOf<'questions'>)), more };
    case 'documents':
      return { group, hits: scored.map((s) => documentHitOf(s, s.record as RecordOf<'documents'>)), more };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Search

/** Candidate ids from the precise tier, topped up from the phonetic tier, at most `pool` of them. */
function candidateIds(indexes: GroupIndexes, query: ParsedQuery, pool: number): number[] {
  const ids: number[] = [];
  const seen = new Set<number>();
  // A quoted phrase needs all its words, so only then must every word be present.
  const suggest = query.phrases.length === 0;
  for (const tier of TIERS) {
    for (const id of indexes[tier].search(query.candidateQuery, { limit: pool, suggest })) {
      if (typeof id === 'number' && !seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
    if (ids.length >= pool) break;
  }
  return ids.slice(0, pool);
}

function searchGroupOf(index: SearchIndex, group: SearchGroupName, query: ParsedQuery, cap: number): SearchGroup | null {
  // Ranking looks beyond the cap so a better match found later by FlexSearch still comes first.
  const pool = Math.max(cap * 8, 40);
  const ids = candidateIds(index.indexes[group], query, pool);
  const records = index.records[group];
  const scored: Scored[] = [];
  for (const id of ids) {
    const record = records[id];
    const s = record && scoreRecord(index, record, query);
    if (s) scored.push(s);
  }
  if (!scored.length) return null;
  // Stable sort: equal scores keep FlexSearch's order (earlier in the text first).
  scored.sort((a, b) => b.score - a.score);
  const more: MoreHits = { count: Math.max(0, scored.length - cap), atLeast: ids.length >= pool };
  return groupOf(group, scored.slice(0, cap), more);
}

/**
 * Searches every group. Any query is safe: empty, very long, symbols only, right-to-left or emoji text gives
 * results or an empty list, never an exception.
 */
export function searchCorpus(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  const { limitPerGroup } = searchOptions.parse(options);
  const parsed = parseQuery(query);
  if (!parsed.terms.length && !parsed.phrases.length) return { query, groups: [] };
  const groups: SearchGroup[] = [];
  for (const group of GROUPS) {
    const found = searchGroupOf(index, group, parsed, limitPerGroup);
    if (found) groups.push(found);
  }
  return { query, groups };
}
