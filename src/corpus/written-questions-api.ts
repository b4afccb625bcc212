// The JSON the UK Parliament written questions API returns (GET /api/writtenquestions/questions, with
// expandMember=true so that members come with their names): `{ "totalResults": n, "results": [ { "value": { … } } ] }`.
// Fields are modelled as the API's OpenAPI description has them, nullable where it says so; fields Sourcelight does
// not use are let through unread. Each record is checked alone, so an error names its uin and its field.
import { z } from 'zod';
import { isoFrom } from './dates';
import { PACK_LIMITS } from './pack';
import { plainTextOfHtml } from './html-text';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "2024-03-11", "2024-03-11T00:00:00", with seconds' fractions and a zone optional. */
  apiDate: /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
} as const;

/** The API's date-times ("2024-03-11T00:00:00"), read as the day they name: the time is always midnight. */
const apiDate = z
  .string()
  .regex(REGEXPS.apiDate, 'expected a date such as "2024-03-11T00:00:00"')
  .refine(
    (text) => isoFrom(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))) !== null,
    'no such day',
  )
  .transform((text) => text.slice(0, 10));

const name = z.string().trim().min(1, 'is empty').max(PACK_LIMITS.nameLength, 'is over 200 characters');

/** MemberViewModel: the API sends it only when asked to expand members, and null otherwise. */
const member = z.object({
  id: z.number().int().optional(),
  name: name.nullable(),
  party: z.string().nullable().optional(),
  /** A member of the Commons's constituency; a peer's kind of peerage ("Life peer"). */
  memberFrom: z.string().nullable().optional(),
});

/** Question and answer texts: the API writes answers as HTML; they are kept as their words. */
const passage = z
  .string()
  .transform(plainTextOfHtml)
  .pipe(
    z.string().max(PACK_LIMITS.passageLength, `is over ${PACK_LIMITS.passageLength.toLocaleString('en')} characters`),
  );

/** QuestionsViewModel, the `value` of each result. */
const questionValue = z
  .object({
    id: z.number().int().optional(),
    uin: z.string().trim().min(1, 'is empty').max(PACK_LIMITS.idLength, 'is over 200 characters'),
    house: z.enum(['Commons', 'Lords'], 'expected "Commons" or "Lords"'),
    heading: z.string().nullable().optional(),
    dateTabled: apiDate,
    questionText: passage.pipe(z.string().min(1, 'is empty')),
    askingMemberId: z.number().int(),
    askingMember: member.nullable(),
    answeringBodyId: z.number().int().optional(),
    answeringBodyName: z.string().nullable().optional(),
    answeringMemberId: z.number().int().nullable().optional(),
    answeringMember: member.nullable().optional(),
    dateAnswered: apiDate.nullable().optional(),
    answerText: passage.nullable().optional(),
    answerIsHolding: z.boolean().nullable().optional(),
    dateHoldingAnswer: apiDate.nullable().optional(),
    answerIsCorrection: z.boolean().nullable().optional(),
    dateAnswerCorrected: apiDate.nullable().optional(),
    originalAnswerText: passage.nullable().optional(),
    isWithdrawn: z.boolean(),
    groupedQuestions: z.array(z.string().max(PACK_LIMITS.idLength)).max(100).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    // Without expandMember=true the export names nobody, and a question is nothing without its asker.
    if (value.askingMember?.name == null)
      issue(['askingMember', 'name'], "the asker's name is missing (export with expandMember=true)");
    if (value.answeringMemberId != null && value.answeringMember?.name == null)
      issue(['answeringMember', 'name'], "the answerer's name is missing (export with expandMember=true)");
    if (value.answerIsCorrection === true && value.dateAnswerCorrected == null)
      issue(['dateAnswerCorrected'], 'the answer is marked as a correction but has no date of correction');
  });

/** QuestionsViewModelItem: one of the export's results (its `links` are not read). */
const questionResult = z.object({ value: questionValue });

export type WrittenQuestionValue = z.infer<typeof questionValue>;

/** A member as a question names them, with what the record says of them on the day. */
export interface WrittenQuestionMember {
  name: string;
  party: string | null;
  memberFrom: string | null;
}

/** One written question as the export gives it, checked and with empty values made null. */
export interface WrittenQuestion {
  uin: string;
  house: 'commons' | 'lords';
  heading: string | null;
  dateTabled: string;
  questionText: string;
  asker: WrittenQuestionMember;
  answerer: WrittenQuestionMember | null;
  answeringBody: string | null;
  dateAnswered: string | null;
  answerText: string | null;
  answerIsHolding: boolean;
  dateHoldingAnswer: string | null;
  answerIsCorrection: boolean;
  dateAnswerCorrected: string | null;
  originalAnswerText: string | null;
  isWithdrawn: boolean;
  groupedQuestions: string[];
}

/** The API writes "" where it has no text (an unanswered question's `originalAnswerText`). */
const text = (value: string | null | undefined): string | null => (value ? value : null);

function memberOf(value: z.infer<typeof member> | null | undefined): WrittenQuestionMember | null {
  if (!value?.name) return null;
  return { name: value.name, party: text(value.party?.trim()), memberFrom: text(value.memberFrom?.trim()) };
}

function writtenQuestionOf(value: WrittenQuestionValue): WrittenQuestion {
  return {
    uin: value.uin,
    house: value.house === 'Lords' ? 'lords' : 'commons',
    heading: text(value.heading?.trim()),
    dateTabled: value.dateTabled,
    questionText: value.questionText,
    // Checked above: a record without its asker's name never gets here.
    asker: memberOf(value.askingMember) ?? { name: '', party: null, memberFrom: null },
    answerer: memberOf(value.answeringMember),
    answeringBody: text(value.answeringBodyName?.trim()),
    dateAnswered: value.dateAnswered ?? null,
    answerText: text(value.answerText),
    answerIsHolding: value.answerIsHolding === true,
    dateHoldingAnswer: value.dateHoldingAnswer ?? null,
    answerIsCorrection: value.answerIsCorrection === true,
    dateAnswerCorrected: value.dateAnswerCorrected ?? null,
    originalAnswerText: text(value.originalAnswerText),
    isWithdrawn: value.isWithdrawn,
    groupedQuestions: value.groupedQuestions ?? [],
  };
}

/** The export's outer shape; its results are checked one by one (`readWrittenQuestion`). */
export const writtenQuestionsExport = z.object({
  totalResults: z.number().int().optional(),
  results: z.array(z.unknown()),
});

/** Whether untrusted JSON is shaped as the API's answer: an object whose `results` are `{ value }` records. */
export function isWrittenQuestionsExport(json: unknown): json is z.infer<typeof writtenQuestionsExport> {
  const parsed = writtenQuestionsExport.safeParse(json);
  return (
    parsed.success &&
    parsed.data.results.every((result) => typeof result === 'object' && result !== null && 'value' in result)
  );
}

export type ReadQuestion = { ok: true; question: WrittenQuestion } | { ok: false; error: string };

/** "question 10452" by the record's own uin, or its place in the file when it has none to give. */
function recordName(raw: unknown, index: number): string {
  const uin = (raw as { value?: { uin?: unknown } } | null)?.value?.uin;
  return typeof uin === 'string' && uin.trim() !== ''
    ? `question ${JSON.stringify(uin.trim().slice(0, 40))}`
    : `record ${index + 1} (no uin)`;
}

/** Checks one result of the export; the error names the record's uin and the field that is wrong. */
export function readWrittenQuestion(raw: unknown, index: number): ReadQuestion {
  const parsed = questionResult.safeParse(raw);
  if (parsed.success) return { ok: true, question: writtenQuestionOf(parsed.data.value) };
  const problems = parsed.error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.filter((part) => part !== 'value').join('.') || 'value';
    return `${field}: ${issue.message}`;
  });
  return { ok: false, error: `${recordName(raw, index)}: ${problems.join('; ')}` };
}
