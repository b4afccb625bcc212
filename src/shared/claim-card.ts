import { z } from 'zod';
import { passageSource } from './entity-card';
import { excerpt } from './excerpt';
import { speakerCorrectionView } from './corrections';

/** What the card's frame shows of a page's quotation or figure that the sources hold (`claim-check.ts`). */
export const diffPart = z.object({ op: z.enum(['same', 'page', 'source', 'cut']), text: z.string() });

/** One corpus statement a page's quotation matches. */
export const quoteSource = z.object({
  match: z.enum(['same', 'part', 'close']),
  /** The words of both, for a close match. */
  diff: z.array(diffPart),
  /** The whole statement (cut to a long excerpt), with the stretch the page quotes marked. */
  statement: excerpt,
  /** The speaker: the source's, or the one the reader named (`correction` then names the source's). */
  speakerName: z.string().nullable(),
  speakers: z.enum(['same-person', 'someone-else', 'corpus-does-not-say', 'page-does-not-say']),
  source: passageSource,
  correction: speakerCorrectionView.optional(),
});
export type QuoteSource = z.infer<typeof quoteSource>;

/** One figure a source gives for the same thing a page's figure counts. */
export const figureSource = z.object({
  text: z.string(),
  agrees: z.boolean(),
  /** Who gives it: the speaker of the statement it stands in; null when it stands in the document's own text. */
  speakerName: z.string().nullable(),
  inStatement: z.boolean(),
  /** The reader corrected the speaker of the statement it stands in. */
  correction: speakerCorrectionView.optional(),
  excerpt,
  source: passageSource,
});
export type FigureSource = z.infer<typeof figureSource>;

export const claimCard = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quote'),
    pageText: z.string(),
    pageSpeakerName: z.string().nullable(),
    sources: z.array(quoteSource).max(20),
  }),
  z.object({
    kind: z.literal('figure'),
    pageText: z.string(),
    noun: z.string(),
    sources: z.array(figureSource).max(20),
    total: z.number().int().nonnegative(),
  }),
]);
export type ClaimCard = z.infer<typeof claimCard>;
