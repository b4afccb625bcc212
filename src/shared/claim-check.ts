import { z } from 'zod';
import { MAX_PAGE_CLAIMS, MAX_QUOTE_LENGTH } from '../corpus/claims/page-claims';
import { entityKind } from './entity-kind';
import { passageSource } from './entity-card';
import { excerpt } from './excerpt';

/**
 * Claim check: what a page's content script asks the background about its text, and what the card shows of its
 * quotations and figures. The page's text goes to the background, which finds the claims there (the compiler's
 * attribution is too heavy for one of the page's tasks) and says which the sources hold; what the corpus says comes
 * back only to the card's frame, which no page can read.
 */
const id = z.string().min(1).max(500);

/** The page's text read for claims: its paragraphs joined by line breaks, up to this length (a long article's). */
export const MAX_PAGE_TEXT = 200_000;

/** A name the page's highlighter linked in that text: the speakers the attribution can give quotes to. */
export const pageName = z.object({
  entityId: id,
  kind: entityKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** A quotation or a figure the page prints, as the content script found it. */
export const pageClaim = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quote'),
    text: z.string().min(1).max(MAX_QUOTE_LENGTH),
    /** Whom the page gives the words to; null when the page does not say. */
    speakerId: id.nullable(),
  }),
  z.object({
    kind: z.literal('figure'),
    text: z.string().min(1).max(300),
    value: z.number().finite().nonnegative(),
    upper: z.number().finite().nonnegative().optional(),
    noun: z.string().min(1).max(100),
  }),
]);
export type PageClaimToCheck = z.infer<typeof pageClaim>;

/**
 * What the sources hold about a claim, in a word: the same words, a part of a longer statement, close words; for a
 * figure, whether a source gives the same figure for the same thing or only other figures.
 */
export const claimVerdict = z.enum(['same', 'part', 'close', 'same-figure', 'other-figure']);
export type ClaimVerdict = z.infer<typeof claimVerdict>;

/** A claim of the page's text that the sources hold: where it stands in the text, what it is, and in a word what they hold. */
export const checkedClaim = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  claim: pageClaim,
  verdict: claimVerdict,
});
export type CheckedClaim = z.infer<typeof checkedClaim>;
/** A page's checked claims; `partial` when a bound (the number of quotations, or the time) left some unchecked. */
export const checkedClaims = z.object({ claims: z.array(checkedClaim).max(MAX_PAGE_CLAIMS), partial: z.boolean() });
export type CheckedClaims = z.infer<typeof checkedClaims>;

export const diffPart = z.object({ op: z.enum(['same', 'page', 'source', 'cut']), text: z.string() });

/** One corpus statement a page's quotation matches. */
export const quoteSource = z.object({
  match: z.enum(['same', 'part', 'close']),
  /** The words of both, for a close match. */
  diff: z.array(diffPart),
  /** The whole statement (cut to a long excerpt), with the stretch the page quotes marked. */
  statement: excerpt,
  speakerName: z.string().nullable(),
  speakers: z.enum(['same-person', 'someone-else', 'corpus-does-not-say', 'page-does-not-say']),
  source: passageSource,
});
export type QuoteSource = z.infer<typeof quoteSource>;

/** One figure a source gives for the same thing a page's figure counts. */
export const figureSource = z.object({
  text: z.string(),
  agrees: z.boolean(),
  /** Who gives it: the speaker of the statement it stands in; null when it stands in the document's own text. */
  speakerName: z.string().nullable(),
  inStatement: z.boolean(),
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
