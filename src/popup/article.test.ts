// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { publishedDay, readArticle } from './article';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

const meta = '<meta property="article:published_time" content="2026-03-14T09:30:00Z">';
const jsonLd = (date: string): string =>
  `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"${date}"}]}</script>`;
const time = '<time datetime="2026-03-16">16 March</time>';

describe('the day a page says it was published', () => {
  it('takes article:published_time first, then JSON-LD datePublished, then the first <time datetime>', () => {
    expect(publishedDay(page(meta + jsonLd('2026-03-20'), time))).toBe('2026-03-14');
    expect(publishedDay(page(jsonLd('2026-03-20'), time))).toBe('2026-03-20');
    expect(publishedDay(page('', time))).toBe('2026-03-16');
  });

  it('has none rather than a wrong one', () => {
    expect(publishedDay(page(''))).toBeUndefined();
    expect(publishedDay(page('<meta property="article:published_time" content="yesterday">'))).toBeUndefined();
    expect(publishedDay(page('<script type="application/ld+json">{not json</script>', time))).toBe('2026-03-16');
  });
});

const markup = (head: string, body = ''): string => `<html><head>${head}</head><body>${body}</body></html>`;
const url = 'https://news.example/2026/03/harbour';
const paragraph = `<p>${'The harbour wall gave way after the storm, the council said on Monday. '.repeat(20)}</p>`;

describe('reading the article', () => {
  it("reads the article, its date and its canonical address from the page's markup", () => {
    const head = `<title>Harbour wall gives way</title><link rel="canonical" href="/harbour-wall">${meta}`;
    const read = readArticle({
      url: `${url}#comments`,
      markup: markup(head, `<article>${paragraph.repeat(3)}</article>`),
    });
    expect(read).toMatchObject({
      url,
      claimedUrl: 'https://news.example/harbour-wall',
      title: 'Harbour wall gives way',
      published: '2026-03-14',
    });
    expect('text' in read && read.text).toMatch(/^Harbour wall gives way\n\nThe harbour wall gave way/);
  });

  it('says a page without running text is no article', () => {
    const read = readArticle({ url, markup: markup('<title>Menu</title>', '<nav><a href="/">Home</a></nav>') });
    expect('reason' in read && read.reason).toMatch(/does not look like an article/);
  });

  it('says the article is too long for one document, rather than failing on the way', () => {
    const huge = markup('<title>A very long report</title>', `<article>${paragraph.repeat(4_000)}</article>`);
    const read = readArticle({ url, markup: huge });
    expect('reason' in read && read.reason).toMatch(/more text than Sourcelight keeps in one document \(5 MiB\)/);
  });
});
