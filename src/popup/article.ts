import { Readability } from '@mozilla/readability';
import { blockParagraphs } from '../shared/block-paragraphs';
import { PACK_LIMITS } from '../corpus/pack';
import { MIN_ARTICLE_LENGTH, type PageArticle } from '../shared/page-article';
import { t } from '../shared/i18n';

/**
 * Reads a tab's article for the reader's own sources, with Mozilla's Readability (Firefox's Reader View), from the
 * markup its content script sends (`content/page-markup.ts`), parsed here inert: no script of it runs and nothing it
 * names loads. Done in the popup, and loaded only when the reader adds a page, so that no web page carries
 * Readability. The canonical address and the site name the page gives are claims, sent as such: the background keeps
 * the address the page was read from unless the claim is of the same site (`provenance.ts`). The date is the page's
 * own; never the day the page was added.
 */

const DAY = /^(\d{4}-\d{2}-\d{2})/;

const oneLine = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The address the page was read from, and the canonical address it names for itself when that is another. */
function addresses(document: Document, url: string): { url: string; claimedUrl?: string } {
  const own = new URL(url);
  own.hash = '';
  const href = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.getAttribute('href');
  if (!href) return { url: own.href };
  try {
    const canonical = new URL(href, own);
    canonical.hash = '';
    return /^https?:$/.test(canonical.protocol) && canonical.href !== own.href
      ? { url: own.href, claimedUrl: canonical.href }
      : { url: own.href };
  } catch {
    return { url: own.href };
  }
}

/** `datePublished` in the page's JSON-LD, wherever it sits (an array, an @graph, nested). */
function jsonLdDate(document: Document): string | undefined {
  const find = (value: unknown, depth: number): string | undefined => {
    if (depth > 6 || typeof value !== 'object' || value === null) return undefined;
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = find(item, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.datePublished === 'string') return record.datePublished;
    for (const nested of Object.values(record)) {
      const found = find(nested, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = find(JSON.parse(script.textContent ?? ''), 0);
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is no date.
    }
  }
  return undefined;
}

/** The publication day: `article:published_time`, then JSON-LD `datePublished`, then the first `<time datetime>`. */
export function publishedDay(document: Document): string | undefined {
  const candidates = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    jsonLdDate(document),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const day = DAY.exec(candidate?.trim() ?? '')?.[1];
    if (day !== undefined && !Number.isNaN(Date.parse(day))) return day;
  }
  return undefined;
}

/** The article's paragraphs, from Readability's cleaned markup, parsed inert and never inserted anywhere. */
const paragraphsOf = (html: string): string[] =>
  blockParagraphs(new DOMParser().parseFromString(html, 'text/html').body);

/** The article of a page's markup as read at `url`, or why there is none to add. */
export function readArticle(page: { url: string; markup: string }): PageArticle | { reason: string } {
  const document = new DOMParser().parseFromString(page.markup, 'text/html');
  // Readability takes apart the document it reads: what else the page says of itself is read first.
  const published = publishedDay(document);
  const pageTitle = oneLine(document.title);
  const address = addresses(document, page.url);
  const parsed = new Readability(document).parse();
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  const title = oneLine(parsed?.title) || pageTitle;
  const body = paragraphs.join('\n\n');
  if (parsed === null || body.length < MIN_ARTICLE_LENGTH || title === '') return { reason: t('addNotArticle') };
  if (title.length + body.length + 2 > PACK_LIMITS.documentLength)
    return { reason: t('addTooLong', PACK_LIMITS.documentLength / 1024 / 1024) };
  const byline = oneLine(parsed.byline);
  const siteName = oneLine(parsed.siteName);
  return {
    ...address,
    title: title.slice(0, 500),
    ...(byline ? { byline: byline.slice(0, 200) } : {}),
    ...(siteName ? { siteName: siteName.slice(0, 500) } : {}),
    ...(published ? { published } : {}),
    text: [title, ...paragraphs].join('\n\n'),
  };
}
