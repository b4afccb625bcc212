import { describe, expect, it } from 'vitest';
import { originalLink, viewerPath } from './links';

describe('viewerPath', () => {
  it('names the pack, document and passage, escaped', () => {
    expect(viewerPath({ packId: 'my pack', documentId: 'doc&1', start: 5, end: 9 })).toBe(
      'src/viewer/viewer.html?pack=my+pack&doc=doc%261&start=5&end=9',
    );
  });
});

describe('originalLink', () => {
  it('gives nothing without a URL', () => {
    expect(originalLink(undefined, 'anything')).toBeNull();
  });

  it('links a short passage as one text fragment, replacing any existing fragment', () => {
    expect(originalLink('https://example.org/a#top', 'We must act, now.')).toBe(
      'https://example.org/a#:~:text=We%20must%20act%2C%20now.',
    );
  });

  it('links a long passage by its first and last words, with dashes escaped', () => {
    const link = originalLink(
      'https://example.org/a',
      'The well-known report was published on Monday and read by every member of the committee',
    );
    expect(link).toBe('https://example.org/a#:~:text=The%20well%2Dknown%20report%20was,member%20of%20the%20committee');
  });
});
