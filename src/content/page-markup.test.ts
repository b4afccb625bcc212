// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

// The messages' module, which holds the cap, reaches the extension API; none is called here.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { MAX_PAGE_MARKUP } = await import('../shared/page-messages');
const { readPage } = await import('./page-markup');

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<html><head><title>Harbour</title><style>p { color: red }</style>` +
      `<script type="application/ld+json">{"datePublished":"2026-03-14"}</script></head><body>${body}</body></html>`,
    'text/html',
  );
}

describe("the page's markup for the popup's article reader", () => {
  it('sends the markup without scripts and styles, but with the JSON-LD that dates the page', () => {
    const document = page('<p>The harbour wall gave way.</p><script>window.tracker = 1;</script>');
    const read = readPage(document);
    const markup = 'markup' in read ? read.markup : '';
    expect(markup).toContain('<p>The harbour wall gave way.</p>');
    expect(markup).toContain('"datePublished":"2026-03-14"');
    expect(markup).not.toContain('tracker');
    expect(markup).not.toContain('color: red');
  });

  it('leaves the page as it was', () => {
    const document = page('<p>The harbour wall gave way.</p><script>window.tracker = 1;</script>');
    const serialise = (): string => new XMLSerializer().serializeToString(document);
    const before = serialise();
    readPage(document);
    expect(serialise()).toBe(before);
  });

  it('says a page too large to send is too large, rather than failing on the way', () => {
    const read = readPage(page(`<p>${'x'.repeat(MAX_PAGE_MARKUP)}</p>`));
    expect('reason' in read && read.reason).toMatch(/too large for Sourcelight to read/);
  });
});
