// The schema of a hand-labelled case (test/corpus/*/NAME/expected.json), read by the unit tests and by `npm run eval`.
// Seeds and pattern folders list `statements`; the news set lists `quotes`, `people` and `nonSpeech` (LABELLING.md).
import { z } from 'zod';

export const attributionPattern = z.enum([
  'said-after',
  'said-before',
  'apposition',
  'continued',
  'multi-paragraph',
  'according-to',
  'reported-partial',
  'pronoun',
  'role',
  'unnamed',
  'unclear',
  'other',
  'seed',
]);

export const labelledQuote = z.object({
  startsWith: z.string().min(1),
  speaker: z.string().min(1).nullable(),
  kind: z.enum(['person', 'organisation']).optional(),
  pattern: attributionPattern.default('seed'),
  trap: z.string().optional(),
  role: z.string().optional(),
  why: z.string(),
});
export type LabelledQuote = z.infer<typeof labelledQuote>;

const nonSpeechItem = z.object({ startsWith: z.string().min(1), why: z.string() });

export const labelledCase = z
  .object({
    document: z.string().default(''),
    people: z.array(z.array(z.string().min(1)).min(1)).default([]),
    quotes: z.array(labelledQuote).optional(),
    statements: z.array(labelledQuote).optional(),
    nonSpeech: z.array(nonSpeechItem).default([]),
    samePerson: z.array(z.array(z.string())).default([]),
  })
  .transform(({ quotes, statements, people, samePerson, ...rest }) => ({
    ...rest,
    quotes: quotes ?? statements ?? [],
    people: [...people, ...samePerson],
  }));
export type LabelledCase = z.infer<typeof labelledCase>;
