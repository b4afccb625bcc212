import { MAX_PAGE_MARKUP } from '../shared/page-messages';
import { browserMessage } from '../shared/browser-message';

/** What Readability removes before it reads anyway, and most of a modern page's markup: scripts and styles. */
const NOT_READ = 'script:not([type="application/ld+json"]), style';

/**
 * The page's address and markup, for "Add this page to my sources": the popup reads the article from it
 * (`popup/article.ts`). Taken from a copy, so the page is left as it is; without scripts and styles, though with
 * JSON-LD, which says when the page was published.
 */
export function readPage(document: Document): { url: string; markup: string } | { reason: string } {
  const copy = document.documentElement.cloneNode(true) as Element;
  for (const element of copy.querySelectorAll(NOT_READ)) element.remove();
  // Read, never set: the HTML serialisation, which the popup's HTML parser reads back as the page had it.
  // eslint-disable-next-line no-restricted-properties
  const markup = copy.outerHTML;
  if (markup.length > MAX_PAGE_MARKUP) return { reason: browserMessage('addPageTooLarge') };
  return { url: document.location.href, markup };
}
