import { z } from 'zod';
import { isoDate, isWebUrl, PACK_LIMITS } from '../corpus/pack';

/** Fewer characters than this is a page's furniture, not an article: nothing is added. */
export const MIN_ARTICLE_LENGTH = 500;

/** A web page's article as the popup reads it for "Add this page to my sources" (`popup/article.ts`). */
export const pageArticle = z.object({
  /** The address the page was read from, without the fragment. */
  url: z.string().max(2_000).refine(isWebUrl, 'an http: or https: address'),
  /** The canonical address the page names for itself, when it names another than its own: a claim, checked later. */
  claimedUrl: z.string().max(2_000).refine(isWebUrl, 'an http: or https: address').optional(),
  title: z.string().min(1).max(PACK_LIMITS.titleLength),
  byline: z.string().max(PACK_LIMITS.nameLength).optional(),
  /** The site's own name for itself: what the page says, shown as such (`provenance.ts`). */
  siteName: z.string().max(PACK_LIMITS.titleLength).optional(),
  /** The day the page says it was published; never the day it was added. */
  published: isoDate.optional(),
  /** Title and paragraphs, a blank line between them, as the compiler reads documents. */
  text: z.string().min(MIN_ARTICLE_LENGTH).max(PACK_LIMITS.documentLength),
});
export type PageArticle = z.infer<typeof pageArticle>;
