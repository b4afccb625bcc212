// Extracts the article from a saved web page, as the plain text the corpus compiler reads: its date, publisher and
// address as header lines, its title, then one line per paragraph. Runs in the build worker, which has no DOM, so the
// page is parsed by linkedom (a DOM in plain JavaScript); linkedom runs no script and loads nothing the page names.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom/worker';
import { blockParagraphs } from '../shared/block-paragraphs';

function paragraphsOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs = blockParagraphs(document);
  // An article of bare text with no block inside is still one paragraph.
  if (paragraphs.length === 0) {
    const text = (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  return paragraphs;
}

function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The page's own address, if it states one (canonical link or og:url). */
function pageAddress(document: Document): string | undefined {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.map((value) => oneLine(value)).find((value) => /^https?:\/\/\S+$/.test(value));
}

/**
 * The article's text, or undefined when Readability finds no article. Lines for the compiler's header (`date
 * 2024-03-12 Publisher`, `url: …`) come first when the page gives its publication date or address.
 */
export function articleTextOf(html: string): string | undefined {
  const { document } = parseHTML(html);
  const address = pageAddress(document as unknown as Document);
  const article = new Readability(document as unknown as Document).parse();
  if (article?.content == null) return undefined;
  const paragraphs = paragraphsOf(article.content);
  if (paragraphs.length === 0) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(oneLine(article.publishedTime))?.[0];
  const title = oneLine(article.title);
  const header = [
    ...(date ? [`date ${date} ${oneLine(article.siteName)}`.trim()] : []),
    ...(address ? [`url: ${address}`] : []),
    // The compiler takes the first line after the header as the title.
    ...(title && paragraphs[0] !== title ? [title] : []),
  ];
  return [...header, ...paragraphs].join('\n\n');
}
