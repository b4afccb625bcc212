import * as z from 'zod/mini';

/**
 * Why a span of a page was linked to an entity: the page's own evidence, which the card states ("Linked because
 * this page names David Jones in full above"). A link without one of these is not made.
 */
export const linkRule = z.enum([
  /** A person's full name, or an alias of two or more words, written on the page. */
  'full-name',
  /** A person's full name in another spelling (transliteration, diacritics, doubled letters), every word agreeing. */
  'spelling-variant',
  /** A surname or title and surname, after the page named that person in full. */
  'named-above',
  /** A body's own distinctive name ("National Council of Resistance of Iran"), or a place's. */
  'distinct-name',
  /** A generic body's name with the qualifier the sources give it ("Iran's Supreme Court", "UN Security Council"). */
  'qualified',
  /** A generic body's name the sources know one body by, with its country or parent named nearby. */
  'named-nearby',
  /** A topic's phrase, in any case. */
  'topic',
]);
export type LinkRule = z.infer<typeof linkRule>;

export const linkReason = z.object({
  rule: linkRule,
  /** The page's words that qualified a generic body ("Iran's", "UN"). */
  qualifier: z.optional(z.string()),
});
export type LinkReason = z.infer<typeof linkReason>;
