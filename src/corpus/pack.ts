import { z } from 'zod';
import { entityKind } from '../shared/entity-kind';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
  /**
   * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a one-line label they can
   * make a title read backwards or pull the text after it along ("Trojan Source").
   */
  directionControls: /[\u202A-\u202E\u2066-\u2069]/gu,
  webScheme: /^https?:\/\//i,
} as const;

/** A calendar date as the source gives it, normalised to ISO form. */
export const isoDate = z.string().regex(REGEXPS.isoDate, 'expected YYYY-MM-DD');

/**
 * What a pack may hold. A pack's names reach every page the reader opens, so their size is capped; so are its
 * counts. The same limits hold at import, in the compiler and in the README.
 */
export const PACK_LIMITS = {
  idLength: 200,
  nameLength: 200,
  aliasesPerEntity: 50,
  titleLength: 500,
  descriptionLength: 2_000,
  passageLength: 20_000,
  documentLength: 5 * 1024 * 1024,
  documents: 10_000,
  entities: 200_000,
  /** All names and aliases of a pack's entities together: they are what every page is sent. */
  nameCharacters: 8_000_000,
  statements: 200_000,
  questions: 50_000,
  mentions: 2_000_000,
} as const;

const chars = (max: number, what: string) =>
  z.string().max(max, `${what} are at most ${max.toLocaleString('en')} characters`);
const packId = chars(PACK_LIMITS.idLength, 'ids').min(1);
/**
 * Names and titles are stored without direction controls; the UI sets each label's direction from its own letters
 * (`dir="auto"`).
 */
export const withoutDirectionControls = (text: string): string => text.replace(REGEXPS.directionControls, '');
/** A title, name or role: at most `max` characters, without direction controls. */
const label = (max: number, what: string, min = 0) => chars(max, what).min(min).transform(withoutDirectionControls);
const listOf = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, `at most ${max.toLocaleString('en')} ${what}`);

/** Links leave the extension only to the web: a `javascript:`, `data:` or `file:` address is never a source's URL. */
export const isWebUrl = (url: string): boolean => REGEXPS.webScheme.test(url);

export const corpusDocument = z.object({
  id: packId,
  title: label(PACK_LIMITS.titleLength, 'titles'),
  publisher: label(PACK_LIMITS.titleLength, 'publishers').optional(),
  date: isoDate.optional(),
  url: z.string().url().max(2_000).refine(isWebUrl, 'only http: and https: addresses are kept').optional(),
  text: chars(PACK_LIMITS.documentLength, 'documents'),
});
export type CorpusDocument = z.infer<typeof corpusDocument>;

export const entity = z.object({
  id: packId,
  kind: entityKind,
  name: label(PACK_LIMITS.nameLength, 'names', 1),
  aliases: listOf(label(PACK_LIMITS.nameLength, 'aliases', 1), PACK_LIMITS.aliasesPerEntity, 'aliases per entity'),
  description: chars(PACK_LIMITS.descriptionLength, 'descriptions').optional(),
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

/** How the attribution sieve decided a statement's speaker (src/corpus/attribution/); older packs use the same words. */
export const statementCue = z.enum([
  'said',
  'name',
  'colon',
  'reported',
  'according-to',
  'previous-speaker',
  'pronoun',
  'role',
  'collective',
  'unnamed',
  'pronoun-ambiguous',
  'role-ambiguous',
  'unresolved',
  'conflicting',
  'none',
]);
export type StatementCue = z.infer<typeof statementCue>;

export const statement = z.object({
  id: packId,
  documentId: packId,
  /** null when the text does not make the speaker clear: never a guess. */
  speakerId: packId.nullable(),
  text: chars(PACK_LIMITS.passageLength, 'statements').min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  role: label(PACK_LIMITS.nameLength, 'roles').optional(),
  cue: statementCue,
  /** Why the speaker is null, when it is. */
  unattributedReason: unattributedReason.optional(),
  /** The attribution sieve's entry that decided it (src/corpus/attribution/sieve.ts); older packs have none. */
  decidedBy: chars(PACK_LIMITS.nameLength, 'statements').optional(),
});
export type Statement = z.infer<typeof statement>;

const answer = chars(PACK_LIMITS.passageLength, 'answers');

/**
 * What Parliament's own record says of a question's answer beyond its text (the written questions export,
 * src/corpus/written-questions.ts); questions read from a document's text have none of it. The names are the
 * export's own.
 */
export const questionRecord = z.object({
  /** Parliament's reference for the question ("10452", "HL2291"). */
  uin: label(PACK_LIMITS.idLength, 'references').optional(),
  /** The asker's and the answerer's party and seat as the record gives them on the day. */
  askerRole: label(PACK_LIMITS.nameLength, 'roles').optional(),
  answererRole: label(PACK_LIMITS.nameLength, 'roles').optional(),
  /** `answerText` is a holding answer ("I will reply as soon as possible"): the substantive answer is still to come. */
  answerIsHolding: z.boolean().optional(),
  /** The day a holding answer was given, whether or not a substantive answer has replaced it since. */
  dateHoldingAnswer: isoDate.optional(),
  /** The words of the holding answer that `answerText` replaced, when the source kept them. */
  holdingAnswerText: answer.optional(),
  /** `answerText` is a correction, made on `dateAnswerCorrected`, of the answer as first given. */
  answerIsCorrection: z.boolean().optional(),
  dateAnswerCorrected: isoDate.optional(),
  /** The answer as first given, before the correction, when the source kept it. */
  originalAnswerText: answer.optional(),
  /** The member withdrew the question. */
  isWithdrawn: z.boolean().optional(),
});
export type QuestionRecord = z.infer<typeof questionRecord>;

export const question = z.object({
  id: packId,
  documentId: packId,
  house: z.enum(['commons', 'lords']),
  askerId: packId,
  questionText: chars(PACK_LIMITS.passageLength, 'questions').min(1),
  answererId: packId.nullable(),
  answerText: answer.nullable(),
  dateAnswered: isoDate.nullable(),
  dateAsked: isoDate.optional(),
  /** The body (a government department) the question was put to, which answers it. */
  answeringBodyId: packId.optional(),
  ...questionRecord.shape,
});
export type Question = z.infer<typeof question>;

export const mention = z.object({
  entityId: packId,
  documentId: packId,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof mention>;

export const PACK_FORMAT = 'sourcelight-corpus';
export const PACK_VERSION = 1;

const corpusPackShape = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: packId,
  title: label(PACK_LIMITS.titleLength, 'titles', 1),
  createdAt: z.string().datetime(),
  documents: listOf(corpusDocument, PACK_LIMITS.documents, 'documents'),
  entities: listOf(entity, PACK_LIMITS.entities, 'entities'),
  statements: listOf(statement, PACK_LIMITS.statements, 'statements'),
  questions: listOf(question, PACK_LIMITS.questions, 'questions'),
  mentions: listOf(mention, PACK_LIMITS.mentions, 'mentions'),
});

/** The pack with its cross-references checked: ids resolve and offsets point inside their document. */
export const corpusPack = corpusPackShape.superRefine((pack, ctx) => {
  const texts = new Map(pack.documents.map((doc) => [doc.id, doc.text]));
  const entityIds = new Set(pack.entities.map((e) => e.id));
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  let nameCharacters = 0;
  for (const entity of pack.entities) {
    nameCharacters += entity.name.length;
    for (const alias of entity.aliases) nameCharacters += alias.length;
  }
  if (nameCharacters > PACK_LIMITS.nameCharacters)
    issue(
      ['entities'],
      `names and aliases come to ${nameCharacters.toLocaleString('en')} characters, at most ${PACK_LIMITS.nameCharacters.toLocaleString('en')} together (every page is sent them)`,
    );
  // Ids are Map and Set keys everywhere, so "__proto__" or "constructor" is an ordinary id; a repeated one is an error.
  for (const [field, ids] of [
    ['documents', pack.documents.map((d) => d.id)],
    ['entities', pack.entities.map((e) => e.id)],
    ['statements', pack.statements.map((st) => st.id)],
    ['questions', pack.questions.map((q) => q.id)],
  ] as const) {
    const seen = new Set<string>();
    const repeated = ids.find((id) => seen.size === seen.add(id).size);
    if (repeated !== undefined) issue([field], `the id "${repeated.slice(0, 60)}" is used twice`);
  }
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
    if (slice !== undefined && !slice.includes(s.text))
      issue(['statements', i, 'text'], 'text is not found at its offsets');
    if (s.speakerId !== null && !entityIds.has(s.speakerId))
      issue(['statements', i, 'speakerId'], `unknown entity ${s.speakerId}`);
  });
  pack.mentions.forEach((m, i) => {
    checkSpan(['mentions', i], m.documentId, m.start, m.end);
    if (!entityIds.has(m.entityId)) issue(['mentions', i, 'entityId'], `unknown entity ${m.entityId}`);
  });
  pack.questions.forEach((q, i) => {
    if (!texts.has(q.documentId)) issue(['questions', i, 'documentId'], `unknown document ${q.documentId}`);
    if (!entityIds.has(q.askerId)) issue(['questions', i, 'askerId'], `unknown entity ${q.askerId}`);
    if (q.answererId !== null && !entityIds.has(q.answererId))
      issue(['questions', i, 'answererId'], `unknown entity ${q.answererId}`);
    if (q.answeringBodyId !== undefined && !entityIds.has(q.answeringBodyId))
      issue(['questions', i, 'answeringBodyId'], `unknown entity ${q.answeringBodyId}`);
  });
});
export type CorpusPack = z.infer<typeof corpusPack>;

/**
 * A pack as untrusted JSON with every document URL that is not a web address taken out, and a warning for each:
 * such a link would otherwise become a card's link to "the original".
 */
export function withoutUnsafeUrls(raw: unknown): { value: unknown; warnings: string[] } {
  const documents = (raw as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(documents)) return { value: raw, warnings: [] };
  const warnings: string[] = [];
  const cleaned = documents.map((doc: unknown) => {
    if (typeof doc !== 'object' || doc === null || !('url' in doc)) return doc;
    const { url, ...rest } = doc as { url: unknown; id?: unknown };
    if (typeof url === 'string' && isWebUrl(url)) return doc;
    warnings.push(
      `document ${JSON.stringify(String(rest.id ?? '?')).slice(0, 80)}: its link ${JSON.stringify(String(url)).slice(0, 80)} is not an http: or https: address and was dropped`,
    );
    return rest;
  });
  return { value: { ...(raw as object), documents: cleaned }, warnings };
}

export type ParsedPack = { ok: true; pack: CorpusPack } | { ok: false; error: string };

/**
 * What is wrong with a pack's format or version, said before its fields are checked: a pack from a newer
 * Sourcelight would otherwise fail on fields this one does not know, with an error that hides the reason. Version 1
 * is the only one there has been, so there is nothing older to migrate.
 */
function packVersionError(json: Record<string, unknown>): string | undefined {
  const { format, version } = json;
  if (format !== PACK_FORMAT)
    return `this is not a Sourcelight corpus pack: its "format" is ${JSON.stringify(format ?? null)?.slice(0, 60)}, not "${PACK_FORMAT}"`;
  if (version === PACK_VERSION) return undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_VERSION)
    return `this pack is version ${version}, made by a newer Sourcelight; this one reads version ${PACK_VERSION}: update Sourcelight to import it`;
  return `this pack's version is ${JSON.stringify(version ?? null)?.slice(0, 60)}; Sourcelight reads version ${PACK_VERSION}`;
}

/** Validates untrusted JSON as a pack; the error names the first few problems by path. */
export function parsePack(json: unknown): ParsedPack {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: 'invalid corpus pack: expected a JSON object' };
  const versionError = packVersionError(json as Record<string, unknown>);
  if (versionError !== undefined) return { ok: false, error: versionError };
  const result = corpusPack.safeParse(json);
  if (result.success) return { ok: true, pack: result.data };
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(pack)'}: ${i.message}`);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  return { ok: false, error: `invalid corpus pack: ${problems.join('; ')}${more}` };
}
