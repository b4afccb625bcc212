import { describe, expect, it } from 'vitest';
import { storedSource } from './provenance';
import { registeredSiteOf } from './site';

describe('registeredSiteOf', () => {
  it.each([
    ['https://www.bbc.co.uk/news/x', 'bbc.co.uk'],
    ['https://news.bbc.co.uk/x', 'bbc.co.uk'],
    ['https://edition.cnn.com/x', 'cnn.com'],
    ['http://127.0.0.1:8000/a.html', '127.0.0.1'],
    ['http://localhost:8000/a.html', 'localhost'],
    ['https://example.org/x', 'example.org'],
  ])('%s is on %s', (url, site) => {
    expect(registeredSiteOf(url)).toBe(site);
  });
});

describe('storedSource', () => {
  it('keeps a canonical address on the page’s own site, with what the page says it is', () => {
    expect(
      storedSource({
        url: 'https://www.example.org/story?utm=x',
        claimedUrl: 'https://example.org/story',
        siteName: 'The Example',
      }),
    ).toEqual({ url: 'https://example.org/story', publisher: 'example.org (says it is The Example)' });
  });

  it('stores a page that claims another site’s address under its own, and says what it claimed', () => {
    expect(
      storedSource({
        url: 'https://evil.example/copy',
        claimedUrl: 'https://www.bbc.co.uk/news/uk-1',
        siteName: 'BBC News',
      }),
    ).toEqual({
      url: 'https://evil.example/copy',
      publisher: 'evil.example (says it is BBC News, from https://www.bbc.co.uk/news/uk-1)',
    });
  });

  it('names the host alone when the page says nothing of itself', () => {
    expect(storedSource({ url: 'http://127.0.0.1:8000/a.html' })).toEqual({
      url: 'http://127.0.0.1:8000/a.html',
      publisher: '127.0.0.1',
    });
  });
});
