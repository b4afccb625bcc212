// A person's own page as a reader reaches it: from the card of a highlighted name ("All about Steve McCabe"), in a
// new tab, with the statements on a timeline whose points open their passages, the same items listed by year, the
// statement McCabe gave twice in one source shown once with both sources, in light and dark, with no axe-core
// violations; and the same grouping in the popup's search.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe';
import { allBrowsers } from './browsers';
import { cardFrame, cardState, inCard } from './card-frame';
import { storeSettings, tabAt } from './extension-page';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { locationOf, waitForNewTab } from './tabs';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

/** Steve McCabe's statement that the seeds give twice in one document: once, then again with two more sentences. */
const SAID_TWICE = 'We have already failed the Iranian people by ignoring the 1988 massacre';

/** The timeline's points as the chart draws them, in the order a reader's eye meets them: the DOM's. */
function chartPoints(page: Page) {
  return page.$$eval('.sl-timeline .sl-chart-point', (points) =>
    points.map((point) => ({
      kind: point.getAttribute('data-kind') ?? '',
      date: point.getAttribute('data-date') ?? '',
      href: point.closest('a')?.getAttribute('href') ?? '',
    })),
  );
}

/** The timeline's list, year by year: each item's year heading and the addresses of the passages it links. */
function listedItems(page: Page) {
  return page.$$eval('.sl-year', (years) =>
    years.flatMap((year) =>
      [...year.querySelectorAll('.sl-timeline-list > li')].map((item) => ({
        year: year.querySelector('h3')?.firstChild?.textContent?.trim() ?? '',
        links: [...item.querySelectorAll('a[href*="viewer.html"]')].map((a) => a.getAttribute('href') ?? ''),
        text: item.textContent ?? '',
      })),
    ),
  );
}

for (const browserName of allBrowsers) {
  describe.each(['light', 'dark'] as const)(`a person's page in ${browserName}, %s`, (scheme) => {
    const session = useSession(browserName, { colorScheme: scheme });
    let demo: Page;

    beforeAll(async () => {
      const settings = await session.ext.openExtensionPage('src/options/options.html');
      await storeSettings(settings, { enabled: true, disabledSites: [], highlightKinds: ['person', 'organisation'] });
      await settings.close();
    });

    beforeEach(async () => {
      demo = await session.ext.browser.newPage();
      if (browserName === 'chromium') await demo.setViewport({ width: 1200, height: 900 });
      await demo.goto(session.server.url('demo.html'), { waitUntil: 'load' });
      await waitForMarks(demo, 10);
    });

    afterEach(async () => {
      // The tabs a test opened: the article, the person's page, the viewer.
      for (const page of await session.ext.browser.pages())
        if (/demo\.html|person\.html|viewer\.html/.test(await locationOf(page))) await page.close();
    });

    /** Clicks Steve McCabe's highlight and waits for his card, with its timeline, at its place. */
    async function openMcCabeCard(): Promise<void> {
      await (await demo.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]'))?.click();
      await waitFor('the card with its timeline', async () => (await cardState(demo)).text.includes('Timeline:'));
    }

    /** Follows "All about Steve McCabe" in his card, as a reader does, and returns the tab it opens. */
    async function openPersonPage(): Promise<Page> {
      await openMcCabeCard();
      const known = await session.ext.browser.pages();
      const link = await inCard(demo, '.sl-entity-page [role="link"]');
      expect(await link?.evaluate((node) => node.textContent)).toBe('All about Steve McCabe');
      await link?.click();
      const page = await waitForNewTab(session.ext.browser, known, 'person.html');
      if (browserName === 'chromium') await page.setViewport({ width: 900, height: 1100 });
      await waitFor('the person page drawn', () => page.evaluate(() => document.querySelector('h1')?.textContent));
      return page;
    }

    it('opens from the card in a new tab, its timeline in date order, the list holding the same items', async () => {
      const page = await openPersonPage();
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Steve McCabe');
      expect(await page.evaluate(() => document.title)).toBe('Steve McCabe — Sourcelight');

      // The chart places his dated statements in date order; the seeds date three of them, none of his questions.
      const points = await chartPoints(page);
      const dates = points.map((point) => point.date);
      expect(dates).toEqual(['2017-03-05', '2020-09-10', '2020-09-10']);
      expect(points.map((point) => point.kind)).toEqual(['statement', 'statement', 'statement']);
      expect(await page.$eval('.sl-timeline svg', (svg) => svg.getAttribute('aria-hidden'))).toBe('true');

      // The list holds the same items in the same order, by year, each linking the passage its point opens.
      const listed = await listedItems(page);
      expect(listed.map((item) => item.year)).toEqual(['2017', '2020', '2020']);
      listed.forEach((item, i) => expect(item.links).toContain(points[i]?.href));

      // What the sources do not date is listed apart: the statement given twice, once, and his two questions.
      const undated = await page.$$eval('#undated-title ~ ol > li', (items) => items.map((li) => li.textContent ?? ''));
      expect(undated).toHaveLength(3);
      const saidTwice = undated.filter((text) => text.includes(SAID_TWICE));
      expect(saidTwice).toHaveLength(1);
      expect(saidTwice[0]).toContain('Also in 1 source:');
      expect(undated.filter((text) => text.includes('To ask the Secretary of State'))).toHaveLength(2);
      await page.screenshot({ path: resolve(outDir, `person-page-${browserName}-${scheme}.png`) });
      await expectNoViolations(page, `the person page (${browserName}, ${scheme})`);
    });

    it('opens a timeline point’s passage in the viewer, in a new tab', async () => {
      const page = await openPersonPage();
      const [first] = await listedItems(page);
      const known = await session.ext.browser.pages();
      await (await page.$('.sl-timeline .sl-chart-point'))?.click();
      const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
      const passage = await waitFor('the passage in the viewer', () =>
        viewer.evaluate(() => document.getElementById('passage')?.textContent),
      );
      // The first point is his statement of March 5, 2017, the first item of the list.
      expect(first?.text.replace(/\s+/g, ' ')).toContain(passage.replace(/\s+/g, ' ').slice(0, 60));
      expect(await viewer.evaluate(() => document.querySelector('.meta')?.textContent)).toContain('March 5, 2017');
    });

    it('shows the statement given twice as one item in the card, with its count and both sources', async () => {
      await openMcCabeCard();
      const frame = await cardFrame(demo);
      const inCardItems = await frame?.$$eval('.sl-statement', (items) =>
        items.map((li) => ({ text: li.textContent ?? '', alsoIn: li.querySelector('.sl-also-in')?.textContent ?? '' })),
      );
      const grouped = inCardItems?.filter((item) => item.text.includes(SAID_TWICE)) ?? [];
      expect(grouped).toHaveLength(1);
      expect(grouped[0]?.alsoIn).toContain('Also in 1 source:');
      expect(grouped[0]?.alsoIn).toContain('The Campaign Calling for Justice');
      expect(grouped[0]?.alsoIn).toContain('no date given');
      expect(grouped[0]?.alsoIn).toContain('a part of these words');
      await (
        await demo.$('sourcelight-card')
      )?.screenshot({
        path: resolve(outDir, `card-timeline-${browserName}-${scheme}.png`),
      });
      await expectNoViolations(
        (await cardFrame(demo)) ?? demo,
        `the card with its timeline (${browserName}, ${scheme})`,
      );

      // The card's compact timeline: its first point opens his statement of March 5, 2017 in the viewer.
      const known = await session.ext.browser.pages();
      await (await inCard(demo, '.sl-timeline-compact .sl-chart-point'))?.click();
      const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
      const passage = await waitFor('the passage in the viewer', () =>
        viewer.evaluate(() => document.getElementById('passage')?.textContent),
      );
      expect(passage).toMatch(/^the Iranian regime has no interest in holding the perpetrators/);
    });

    it('gives a body the same page', async () => {
      await (
        await demo.$('mark.sourcelight[data-sl-id="organisation-national-council-of-resistance-of-iran"]')
      )?.click();
      await waitFor('the card', async () => (await cardState(demo)).text.includes('All about'));
      const known = await session.ext.browser.pages();
      await (await inCard(demo, '.sl-entity-page [role="link"]'))?.click();
      const page = await waitForNewTab(session.ext.browser, known, 'person.html');
      const header = await waitFor('its page drawn', () =>
        page.evaluate(() => {
          const name = document.querySelector('h1')?.textContent;
          return name ? { name, kind: document.querySelector('.sl-kind')?.textContent } : undefined;
        }),
      );
      expect(header).toEqual({ name: 'National Council of Resistance of Iran', kind: 'Organisation' });
      await expectNoViolations(page, `a body's page (${browserName}, ${scheme})`);
    });

    it('shows the statement given twice once in the popup’s search, with its sources, and opens his page from there', async () => {
      const settings = await session.ext.openExtensionPage('src/options/options.html');
      const tabId = await tabAt(settings, session.server.url('demo.html'));
      await settings.close();
      const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tabId}`);
      await popup.focus('#search');
      await popup.keyboard.type('already failed the Iranian people');
      const options = await waitFor('statement results', () =>
        popup.evaluate(() => {
          const results = document.getElementById('results');
          if (results?.dataset.query !== 'already failed the Iranian people') return undefined;
          const found = [...results.querySelectorAll<HTMLElement>('[role="option"][data-type="statement"]')];
          return found.length > 0 ? found.map((option) => option.textContent ?? '') : undefined;
        }),
      );
      const grouped = options.filter((text) => text.includes(SAID_TWICE));
      expect(grouped).toHaveLength(1);
      expect(grouped[0]).toContain('Also in 1 source: The Campaign Calling for Justice');
      expect(grouped[0]).toContain('(no date given)');
      await popup.$$eval(
        '#results [data-type="statement"]',
        (found, words) => found.find((option) => option.textContent?.includes(words))?.scrollIntoView(),
        SAID_TWICE,
      );
      await popup.screenshot({ path: resolve(outDir, `popup-grouped-${browserName}-${scheme}.png`) });
      await expectNoViolations(popup, `the popup with a grouped statement (${browserName}, ${scheme})`);

      // A person's result opens their view in the popup, and "All about …" their own page in a new tab.
      await popup.click('#search', { count: 3 });
      await popup.keyboard.type('mccabe');
      await waitFor('his result first', () =>
        popup.evaluate(() => document.querySelector('#results [role="option"]')?.textContent?.includes('Steve McCabe')),
      );
      await popup.keyboard.press('Enter');
      const link = await popup.waitForSelector('#detail .sl-entity-page a');
      expect(await link?.evaluate((a) => a.textContent)).toBe('All about Steve McCabe');
      const known = await session.ext.browser.pages();
      await link?.click();
      const page = await waitForNewTab(session.ext.browser, known, 'person.html');
      expect(await waitFor('his page', () => page.evaluate(() => document.querySelector('h1')?.textContent))).toBe(
        'Steve McCabe',
      );
      await popup.close();
    });
  });
}
