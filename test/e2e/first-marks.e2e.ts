// How soon a reader sees the first highlight: from DOMContentLoaded to the first mark, on every real page and on pages
// whose subresources never finish loading. A content script declared at document_idle waited in Firefox for the
// load event when a stylesheet in the head had not arrived: 5 s on a real news page, for ever on hanging-stylesheet.html.
// A page whose names all lie far below the viewport shows none until the reader scrolls there: for it, the time is when
// they were found and counted for the popup.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { askTabAt, importPackJson, storeSettings } from './extension-page';
import { useSession } from './session';
import { waitFor } from './wait-for';

/** The longest a reader should wait for the first highlight after the page's text is there. */
const LIMIT_MS = 500;
/** How long to wait for a first mark before calling it missing. */
const GIVE_UP_MS = 5_000;

const fixturesDir = resolve(import.meta.dirname, '../fixtures');
const realPages = readdirSync(resolve(fixturesDir, 'pages'))
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((name) => `pages/${name}`);
/** Pages that never finish loading: their subresources come from the fixture server's /hang/, which never answers. */
const hangingPages = ['hanging-stylesheet.html', 'hanging-media.html'];

/**
 * Runs in each page before its own content: notes when the first mark arrives and how far the page had loaded.
 * A string, so that nothing the test build adds to functions has to exist in the page.
 */
const NOTE_FIRST_MARK = `(() => {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.matches('mark.sourcelight')) {
          window.__sourcelightFirstMark = { at: performance.now(), readyState: document.readyState };
          observer.disconnect();
          return;
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface FirstMark {
  /** DOMContentLoaded on the page's clock, in milliseconds. */
  contentLoadedAt: number;
  /** The first mark's arrival on the same clock. */
  markedAt: number;
  readyState: DocumentReadyState;
  /** Found far below the viewport, none near it: counted, not yet marked. */
  farBelow?: boolean;
}

/**
 * The first highlight of the page, whichever came first: a mark of the built-in corpus, as the page saw it arrive,
 * or one of the reader's own corpora, which no page script can see: the content script says when it found it.
 */
async function readFirstHighlight(page: Page, extensionPage: Page, url: string): Promise<FirstMark | undefined> {
  const seen = await page.evaluate(() => {
    const noted = (window as unknown as { __sourcelightFirstMark?: { at: number; readyState: DocumentReadyState } })
      .__sourcelightFirstMark;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { contentLoadedAt: navigation?.domContentLoadedEventStart ?? 0, noted, readyState: document.readyState };
  });
  if (seen.contentLoadedAt === 0) return undefined;
  const ping = await askTabAt<{ firstOwnHighlightAt: number | null; firstPassAt: number | null; highlights: number }>(
    extensionPage,
    url,
    {
      type: 'pingContent',
    },
  );
  const ownAt = ping?.firstOwnHighlightAt ?? undefined;
  const { contentLoadedAt, noted } = seen;
  if (noted !== undefined && (ownAt === undefined || noted.at <= ownAt))
    return { contentLoadedAt, markedAt: noted.at, readyState: noted.readyState };
  // The page's state when it was read, which is no earlier than when the highlight was found.
  if (ownAt !== undefined) return { contentLoadedAt, markedAt: ownAt, readyState: seen.readyState };
  // Names found only far below the reader are marked when the reader scrolls there; until then the popup counts
  // them, from the end of the first pass.
  const passAt = ping?.firstPassAt ?? undefined;
  if (passAt === undefined || (ping?.highlights ?? 0) === 0) return undefined;
  return { contentLoadedAt, markedAt: passAt, readyState: seen.readyState, farBelow: true };
}

describe.each(allBrowsers)('first highlights in %s', (browserName) => {
  // Only 127.0.0.1: the real pages still name their sites' stylesheets and images, which must not be fetched.
  const session = useSession(browserName, { localOnly: true });
  const measured: [page: string, ms: number | undefined, farBelow?: boolean][] = [];
  let settingsPage: Page;

  beforeAll(async () => {
    settingsPage = await session.ext.openExtensionPage('src/options/options.html');
    await storeSettings(settingsPage, {
      enabled: true,
      disabledSites: [],
      highlightKinds: ['person', 'organisation', 'topic', 'place'],
    });
    // lemonde-1 and rtl-1 name nothing from the default corpus; this pack of the reader's own names something on each
    // (see packs/README.md).
    const json = readFileSync(resolve(fixturesDir, 'packs/first-marks-pack.json'), 'utf8');
    expect(await importPackJson(settingsPage, json)).toMatchObject({ ok: true });
  });

  afterAll(() => {
    const rows = measured.map(
      ([page, ms, farBelow]) =>
        `  ${page.padEnd(32)} ${ms === undefined ? `none within ${GIVE_UP_MS} ms` : `${Math.round(ms)} ms`}${farBelow === true ? ' (found far below the viewport, counted when the first pass ended)' : ''}`,
    );
    console.log(`${browserName}: DOMContentLoaded to the first highlight (limit ${LIMIT_MS} ms)\n${rows.join('\n')}`);
  });

  it.each([...realPages, ...hangingPages])(`highlights %s within ${LIMIT_MS} ms of DOMContentLoaded`, async (path) => {
    const page = await session.ext.browser.newPage();
    try {
      await page.evaluateOnNewDocument(NOTE_FIRST_MARK);
      // Not awaited: Puppeteer waits for the frames' DOMContentLoaded too, which a hanging iframe never has.
      page.goto(session.server.url(path), { timeout: 0 }).catch(() => undefined);
      const first = await waitFor(
        `the first highlight on ${path}`,
        () => readFirstHighlight(page, settingsPage, session.server.url(path)).catch(() => undefined),
        GIVE_UP_MS,
      ).catch(() => undefined);
      const ms = first === undefined ? undefined : first.markedAt - first.contentLoadedAt;
      measured.push([path, ms, first?.farBelow]);
      expect(ms, `${path}: no highlight within ${GIVE_UP_MS} ms of DOMContentLoaded`).toBeDefined();
      expect(ms, `${path}: ms from DOMContentLoaded to the first highlight`).toBeLessThanOrEqual(LIMIT_MS);
      if (hangingPages.includes(path)) {
        // The page was still loading at its first highlight, and still is: its hanging requests never finish.
        expect(first?.readyState, `${path}: readyState at the first highlight`).toBe('interactive');
        expect(await page.evaluate(() => document.readyState)).toBe('interactive');
      }
    } finally {
      await page.close();
    }
  });
});
