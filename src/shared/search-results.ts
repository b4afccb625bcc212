/**
 * What a corpus search returns, as the background sends it to the popup. Pure schemas: the popup imports these
 * without pulling in the search library. Every string is plain text; highlights are offsets into it.
 */
import { z } from 'zod';
import { isoDate, statementCue, unattributedReason } from '../corpus/pack';
import { entityKind } from './entity-kind';
import { citation } from './citation';
import { excerpt, highlightRange } from './excerpt';
import { speakerCorrectionView } from './corrections';

export { excerpt, highlightRange, type Excerpt, type HighlightRange } from './excerpt';

/**
 * The longest query the search reads, in characters (code points): nobody types more, and it bounds the work a
 * pasted page could cause. Messages carry up to twice as many UTF-16 units, enough for any such query.
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_UNITS = 2 * MAX_QUERY_LENGTH;

const hitBase = {
  packId: z.string(),
  id: z.string(),
};

export const entityHit = z.object({
  type: z.literal('entity'),
  ...hitBase,
  kind: entityKind,
  name: z.string(),
  nameHighlights: z.array(highlightRange),
  /** The alias that matched when the name itself did not, so the reader sees why this entity came up. */
  matchedAlias: z.string().optional(),
  description: z.string().optional(),
  statementCount: z.number().int().nonnegative(),
  questionCount: z.number().int().nonnegative(),
  documentCount: z.number().int().nonnegative(),
});
export type EntityHit = z.infer<typeof entityHit>;

export const statementHit = z.object({
  type: z.literal('statement'),
  ...hitBase,
  speakerId: z.string().nullable(),
  /** The speaker's name; null when the source names nobody (the popup says why, from the cue and reason). */
  speakerName: z.string().nullable(),
  /** How the source attributes it; 'collective' marks a text signed by many ("The statement read: …"). */
  cue: statementCue,
  /** Why nobody is named, when nobody is: an unnamed source, a joint text, an unclear text. */
  unattributedReason: unattributedReason.optional(),
  /** The role the source gives the speaker, named or not ("a senior official"). */
  role: z.string().optional(),
  documentId: z.string(),
  documentTitle: z.string(),
  /** No url: a statement hit opens the source viewer, which links the original. */
  ...citation.pick({ publisher: true, date: true }).shape,
  /** The statement's range in the document text, for opening the viewer at the passage. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  excerpt,
  /** The other sources that give the same words, or nearly (one speaker's, as in cards), earliest first. */
  alsoIn: z.array(z.object({ documentTitle: z.string(), ...citation.pick({ publisher: true, date: true }).shape })),
  /** The statement's words as the reader's corrections key them (`textKey` in corrections.ts). */
  textKey: z.string(),
  /** The reader corrected the speaker: `speakerId` and `speakerName` are theirs, and this says whom the source names. */
  correction: speakerCorrectionView.optional(),
});
export type StatementHit = z.infer<typeof statementHit>;

export const questionHit = z.object({
  type: z.literal('question'),
  ...hitBase,
  documentId: z.string(),
  house: z.enum(['commons', 'lords']),
  askerName: z.string(),
  answererName: z.string().nullable(),
  dateAsked: isoDate.optional(),
  dateAnswered: isoDate.nullable(),
  /** The question text's range in its document's text, for opening the viewer at it; 0 and 0 when not found there. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Whether the excerpt is cut from the question or from the answer. */
  excerptFrom: z.enum(['question', 'answer']),
  excerpt,
});
export type QuestionHit = z.infer<typeof questionHit>;

export const documentHit = z.object({
  type: z.literal('document'),
  ...hitBase,
  title: z.string(),
  titleHighlights: z.array(highlightRange),
  ...citation.shape,
  excerpt,
});
export type DocumentHit = z.infer<typeof documentHit>;

/** Hits beyond the cap: `count` of them, or at least `count` when `atLeast` (the search stopped counting). */
export const moreHits = z.object({
  count: z.number().int().nonnegative(),
  atLeast: z.boolean(),
});
export type MoreHits = z.infer<typeof moreHits>;

function group<G extends string, H extends z.ZodType>(name: G, hit: H) {
  return z.object({ group: z.literal(name), hits: z.array(hit), more: moreHits });
}

export const peopleGroup = group('people', entityHit);
export const topicsGroup = group('topics', entityHit);
export const statementsGroup = group('statements', statementHit);
export const questionsGroup = group('questions', questionHit);
export const documentsGroup = group('documents', documentHit);

export const searchGroup = z.discriminatedUnion('group', [
  peopleGroup,
  topicsGroup,
  statementsGroup,
  questionsGroup,
  documentsGroup,
]);
export type SearchGroup = z.infer<typeof searchGroup>;
export type SearchGroupName = SearchGroup['group'];

/** The order groups are shown in: who first, then what was said, then where. */
export const SEARCH_GROUP_ORDER = [
  'people',
  'topics',
  'statements',
  'questions',
  'documents',
] as const satisfies readonly SearchGroupName[];

/** What the popup may ask for besides the query. */
export const searchOptions = z.object({
  /** Hits shown per group; the rest are counted in `more`. */
  limitPerGroup: z.number().int().min(1).max(50).default(5),
});
export type SearchOptions = z.input<typeof searchOptions>;

/** What the popup asks for with every query; the background's prefix table is made with the same. */
export const POPUP_SEARCH_OPTIONS = { limitPerGroup: 5 } as const satisfies SearchOptions;

export const searchResults = z.object({
  query: z.string(),
  /** Only groups with hits, in SEARCH_GROUP_ORDER. Empty when nothing was found. */
  groups: z.array(searchGroup),
  /**
   * Answered from the corpus as it was before its latest change (a page added, a pack imported), whose index is still
   * being made: the asker should ask again shortly, or miss what the change brought.
   */
  outdated: z.boolean().optional(),
});
export type SearchResults = z.infer<typeof searchResults>;
