import { z } from 'zod';
import { isoDate, questionRecord } from '../corpus/pack';
import { entityKind } from './entity-kind';
import { citation } from './citation';
import { excerpt } from './excerpt';
import { speakerCorrectionView } from './corrections';

/** Where a passage comes from: enough to cite it and to open the source viewer at it. */
export const passageSource = z.object({
  packId: z.string(),
  /** The corpus's title, so that a card drawing on several corpora can say which one each item comes from. */
  corpusTitle: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  ...citation.shape,
  /** The passage's range in the document text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PassageSource = z.infer<typeof passageSource>;

/**
 * Another source that gives a statement's words (src/corpus/claims/same-words.ts): where, the role it gives the
 * speaker, and how its words stand to the statement's: the same, or a part of them.
 */
export const sameWordsSource = z.object({
  source: passageSource,
  role: z.string().optional(),
  wording: z.enum(['same', 'part']),
});
export type SameWordsSource = z.infer<typeof sameWordsSource>;

export const cardStatement = z.object({
  id: z.string(),
  excerpt,
  /** The speaker's role as the document gives it at that time. */
  role: z.string().optional(),
  source: passageSource,
  /** The other sources that give the same words, or nearly, earliest first: with this one, one item. */
  alsoIn: z.array(sameWordsSource),
  /** The reader gave it to another speaker (or to none): on the card of either, it says so and names the source's. */
  correction: speakerCorrectionView.optional(),
});
export type CardStatement = z.infer<typeof cardStatement>;

export const cardQuestion = z.object({
  id: z.string(),
  /** Whether the card's entity asked or answered it (a body answers the questions put to it). */
  relation: z.enum(['asked', 'answered']),
  house: z.enum(['commons', 'lords']),
  askerName: z.string(),
  answererName: z.string().nullable(),
  questionText: z.string(),
  answerText: z.string().nullable(),
  dateAsked: isoDate.optional(),
  dateAnswered: isoDate.nullable(),
  /** The department it was put to, which answers it. */
  answeringBody: z.string().optional(),
  /** What Parliament's own record says of it: reference, roles on the day, holding answer, correction, withdrawal. */
  ...questionRecord.shape,
  source: passageSource,
});
export type CardQuestion = z.infer<typeof cardQuestion>;

export const cardMention = z.object({ excerpt, source: passageSource });
export type CardMention = z.infer<typeof cardMention>;

/** A statement or question on a timeline: the item it stands for, when, and the passage it opens. */
export const timelinePoint = z.object({
  kind: z.enum(['statement', 'question']),
  /** The id of its item among the statements or questions. */
  id: z.string(),
  /** The item's first date (a statement given in several sources: the earliest); none when no source gives one. */
  date: isoDate.optional(),
  /** A few words saying what it is, for a pointer's tooltip. */
  label: z.string(),
  /** The passage it opens: the source of that first date. */
  source: passageSource,
});
export type TimelinePoint = z.infer<typeof timelinePoint>;

/** What the corpus holds about one entity, as a card or the popup shows it. Every string is plain text. */
export const entityCard = z.object({
  entity: z.object({
    id: z.string(),
    kind: entityKind,
    name: z.string(),
    aliases: z.array(z.string()),
    description: z.string().optional(),
    descriptionSource: passageSource.optional(),
  }),
  statements: z.array(cardStatement),
  statementsTotal: z.number().int().nonnegative(),
  questions: z.array(cardQuestion),
  questionsTotal: z.number().int().nonnegative(),
  mentions: z.array(cardMention),
  mentionsTotal: z.number().int().nonnegative(),
  /** Every statement and question, dated ones in date order, then the undated (up to the view's cap). */
  timeline: z.array(timelinePoint),
});
export type EntityCard = z.infer<typeof entityCard>;

/** A whole source document for the viewer, with the pack it came from. */
/** Who the corpus says spoke a passage of a document, so the viewer can cite the passage it opens at. */
export const documentStatement = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Null when the compiler could not tell who spoke, or the reader said the speaker is not clear. */
  speaker: z.string().nullable(),
  role: z.string().optional(),
  /** The reader corrected the speaker: `speaker` is theirs, and this names the source's. */
  correction: speakerCorrectionView.optional(),
});
export type DocumentStatement = z.infer<typeof documentStatement>;

export const sourceDocument = z.object({
  packId: z.string(),
  packTitle: z.string(),
  id: z.string(),
  title: z.string(),
  ...citation.shape,
  text: z.string(),
  statements: z.array(documentStatement),
});
export type SourceDocument = z.infer<typeof sourceDocument>;
