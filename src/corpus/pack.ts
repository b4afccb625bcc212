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

/** Why a statement has no speaker: the compiler abstains rather than guess. */
export const unattributedReason = z.enum([
  'no-attribution',
  'unnamed-source',
  'joint-statement',
  'ambiguous-pronoun',
  'ambiguous-role',
  'conflicting-attributions',
  'speaker-not-identified',
]);
export type UnattributedReason = z.infer<typeof unattributedReason>;

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
  /** Why the speaker is null, when it is. */
  unattributedReason: unattributedReason.optional(),
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

const corpusPackShape = z.object({
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

/** The pack with its cross-references checked: ids resolve and offsets point inside their document. */
export const corpusPack = corpusPackShape.superRefine((pack, ctx) => {
  const texts = new Map(pack.documents.map((doc) => [doc.id, doc.text]));
  const entityIds = new Set(pack.entities.map((e) => e.id));
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  if (texts.size !== pack.documents.length) issue(['documents'], 'document ids are not unique');
  if (entityIds.size !== pack.entities.length) issue(['entities'], 'entity ids are not unique');
  const checkSpan = (path: (string | number)[], documentId: string, start: number, end: number): string | undefined => {
    const text = texts.get(documentId);
    if (text === undefined) {
      issue([...path, 'documentId'], `unknown document ${documentId}`);
      return undefined;
    }
    if (start > end || end > text.length) {
      issue(path, `offsets ${start}-${end} lie outside document ${documentId} (length ${text.length})`);
      return undefined;
    }
    return text.slice(start, end);
  };
  pack.statements.forEach((s, i) => {
    const slice = checkSpan(['statements', i], s.documentId, s.start, s.end);
    if (slice !== undefined && !slice.includes(s.text)) issue(['statements', i, 'text'], 'text is not found at its offsets');
    if (s.speakerId !== null && !entityIds.has(s.speakerId)) issue(['statements', i, 'speakerId'], `unknown entity ${s.speakerId}`);
  });
  pack.mentions.forEach((m, i) => {
    checkSpan(['mentions', i], m.documentId, m.start, m.end);
    if (!entityIds.has(m.entityId)) issue(['mentions', i, 'entityId'], `unknown entity ${m.entityId}`);
  });
  pack.questions.forEach((q, i) => {
    if (!texts.has(q.documentId)) issue(['questions', i, 'documentId'], `unknown document ${q.documentId}`);
    if (!entityIds.has(q.askerId)) issue(['questions', i, 'askerId'], `unknown entity ${q.askerId}`);
    if (q.answererId !== null && !entityIds.has(q.answererId)) issue(['questions', i, 'answererId'], `unknown entity ${q.answererId}`);
  });
});
export type CorpusPack = z.infer<typeof corpusPack>;

export type ParsedPack = { ok: true; pack: CorpusPack } | { ok: false; error: string };

/** Validates untrusted JSON as a pack; the error names the first few problems by path. */
export function parsePack(json: unknown): ParsedPack {
  const result = corpusPack.safeParse(json);
  if (result.success) return { ok: true, pack: result.data };
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(pack)'}: ${i.message}`);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  return { ok: false, error: `invalid corpus pack: ${problems.join('; ')}${more}` };
}
