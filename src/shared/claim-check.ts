import * as z from 'zod/mini';
import { entityKind } from './entity-kind';

/**
 * Claim check, as a page's content script asks it: the page's text and the names linked in it go to the background,
 * which finds the claims there (the compiler's attribution is too heavy for one of the page's tasks) and says which the
 * sources hold. What the corpus says of them comes back only to the card's frame (`claim-card.ts`), which no page can
 * read. In zod/mini, as every schema the page loads (`zod-config.ts`).
 */
const id = z.string().check(z.minLength(1), z.maxLength(500));
const offset = z.int().check(z.nonnegative());

/** The page's text read for claims: its paragraphs joined by line breaks, up to this length (a long article's). */
export const MAX_PAGE_TEXT = 200_000;
/** At most this many claims of a page are looked up: the background answers them all in one message. */
export const MAX_PAGE_CLAIMS = 200;
/** A longer quotation is looked up by its first part, cut at a space: a part of it is as telling. */
export const MAX_QUOTE_LENGTH = 1_000;

/** A name the page's highlighter linked in that text: the speakers the attribution can give quotes to. */
export const pageName = z.object({ entityId: id, kind: entityKind, start: offset, end: offset });
export type PageName = z.infer<typeof pageName>;

/** A quotation or a figure the page prints, as the content script found it. */
export const pageClaim = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quote'),
    text: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_LENGTH)),
    /** Whom the page gives the words to; null when the page does not say. */
    speakerId: z.nullable(id),
  }),
  z.object({
    kind: z.literal('figure'),
    text: z.string().check(z.minLength(1), z.maxLength(300)),
    value: z.number().check(z.nonnegative()),
    upper: z.optional(z.number().check(z.nonnegative())),
    noun: z.string().check(z.minLength(1), z.maxLength(100)),
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
export const checkedClaim = z.object({ start: offset, end: offset, claim: pageClaim, verdict: claimVerdict });
export type CheckedClaim = z.infer<typeof checkedClaim>;
/** A page's checked claims; `partial` when a bound (the number of quotations, or the time) left some unchecked. */
export const checkedClaims = z.object({
  claims: z.array(checkedClaim).check(z.maxLength(MAX_PAGE_CLAIMS)),
  partial: z.boolean(),
});
export type CheckedClaims = z.infer<typeof checkedClaims>;
