import { z } from 'zod';

/** A calendar date as the source gives it, normalised to ISO form. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const entityKind = z.enum(['person', 'organisation', 'topic', 'place']);
export type EntityKind = z.infer<typeof entityKind>;

export const corpusDocument = z.object({
  id: z.string().min(1),
  title: z.string(),
  publisher: z.string().optional(),
  date: isoDate.optional(),
  url: z.string().url().optional(),
  text: z.string(),
});
export type CorpusDocument = z.infer<typeof corpusDocument>;

export const entity = z.object({
  id: z.string().min(1),
  kind: entityKind,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  description: z.string().optional(),
});
export type Entity = z.infer<typeof entity>;

export const statement = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  /** null when the text does not make the speaker clear: never a guess. */
  speakerId: z.string().nullable(),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  role: z.string().optional(),
  /** How the speaker was found: 'said', 'colon', 'apposition', 'previous-speaker', ... */
  cue: z.string().min(1),
});
export type Statement = z.infer<typeof statement>;

export const question = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  house: z.enum(['commons', 'lords']),
  askerId: z.string().min(1),
  questionText: z.string().min(1),
  answererId: z.string().nullable(),
  answerText: z.string().nullable(),
  dateAnswered: isoDate.nullable(),
  dateAsked: isoDate.optional(),
});
export type Question = z.infer<typeof question>;

export const mention = z.object({
  entityId: z.string().min(1),
  documentId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof mention>;

export const PACK_FORMAT = 'sourcelight-corpus';
export const PACK_VERSION = 1;

export const corpusPack = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: z.string().min(1),
  title: z.string().min(1),
  createdAt: z.string().datetime(),
  documents: z.array(corpusDocument),
  entities: z.array(entity),
  statements: z.array(statement),
  questions: z.array(question),
  mentions: z.array(mention),
});
export type CorpusPack = z.infer<typeof corpusPack>;
