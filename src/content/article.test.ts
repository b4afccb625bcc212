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

describe('reading the article', () => {
  it('says the article is too long for one document, rather than failing on the way', () => {
    const paragraph = `<p>${'The harbour wall gave way after the storm, the council said on Monday. '.repeat(200)}</p>`;
    const huge = page('<title>A very long report</title>', `<article>${paragraph.repeat(400)}</article>`);
    const read = readArticle(huge);
    expect('reason' in read && read.reason).toMatch(/more text than Sourcelight keeps in one document \(5 MiB\)/);
  });
});
