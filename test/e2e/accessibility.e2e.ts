// axe-core on every surface the reader meets: the popup, the options page, the source viewer and the card, in light
// and dark, in both browsers. Any violation fails; an exception is written beside the check with its reason.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe';
import { allBrowsers } from './browsers';
import { storeSettings, tabAt } from './extension-page';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';
import { cardFrame, cardState, inCard } from './card-frame';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

/**
 * The element that has keyboard focus, inside the card's frame when the card has it, and whether an outline of at
 * least 2px shows it.
 */
async function focusRing(page: Page) {
  const cardHasFocus = await page.evaluate(() => document.activeElement?.tagName === 'SOURCELIGHT-CARD');
  const context: Page | Frame | undefined = cardHasFocus ? await cardFrame(page) : page;
  return context?.evaluate(() => {
    const active = document.activeElement;
    if (!active) return null;
    const style = getComputedStyle(active);
    return {
      element: `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${active.getAttribute('role') ? `[role=${active.getAttribute('role')}]` : ''}`,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

for (const browserName of allBrowsers) {
  describe.each(['light', 'dark'] as const)(`accessibility in ${browserName}, %s`, (scheme) => {
    const session = useSession(browserName, { colorScheme: scheme });
    let demo: Page;

    beforeAll(async () => {
      const settings = await session.ext.openExtensionPage('src/options/options.html');
      await storeSettings(settings, {
        enabled: true,
        disabledSites: [],
        highlightKinds: ['person', 'organisation', 'topic', 'place'],
      });
      await settings.close();
    });

    beforeEach(async () => {
      for (const page of await session.ext.browser.pages()) if (page.url().includes('demo.html')) await page.close();
      demo = await session.ext.browser.newPage();
      // Firefox's BiDi cannot resize a page (no screen orientation override), so it keeps its default window.
      if (browserName === 'chromium') await demo.setViewport({ width: 1200, height: 900 });
      await demo.goto(session.server.url('demo.html'), { waitUntil: 'load' });
      await waitForMarks(demo, 10);
    });

    async function demoTab(): Promise<number> {
      const settings = await session.ext.openExtensionPage('src/options/options.html');
      const tabId = await tabAt(settings, session.server.url('demo.html'));
      await settings.close();
      return tabId;
    }

    async function openCard(id: string): Promise<void> {
      await (await demo.$(`mark.sourcelight[data-sl-id="${id}"]`))?.click();
      await waitFor(
        `the card for ${id}`,
        async () => (await cardState(demo)).text.includes('Linked because') || undefined,
      );
    }

    it('the popup, empty and with results, has no violations and announces how many results it shows', async () => {
      const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${await demoTab()}`);
      await waitFor('the corpus loaded', () =>
        popup.evaluate(() => !/Loading/.test(document.getElementById('corpus-status')?.textContent ?? '')),
      );
      // "On this page" lists the demo's names, each a button named by what it shows.
      await popup.waitForSelector('#page-entities button');
      await expectNoViolations(popup, `the empty popup (${browserName}, ${scheme})`);

      // By keyboard: the search field has focus on opening; type, then move with the arrow keys.
      expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search');
      await popup.keyboard.type('rajavi');
      const shown = await waitFor('results for rajavi', () =>
        popup.evaluate(() => {
          const results = document.getElementById('results');
          if (results?.dataset.query !== 'rajavi') return undefined;
          const options = results.querySelectorAll('[role="option"]').length;
          return options > 0 ? options : undefined;
        }),
      );
      await popup.keyboard.press('ArrowDown');
      expect(await focusRing(popup)).toEqual({ element: 'input#search[role=combobox]', visible: true });
      const announced = await popup.evaluate(() => {
        const status = document.getElementById('search-status');
        const input = document.getElementById('search');
        const active = document.getElementById(input?.getAttribute('aria-activedescendant') ?? '');
        return {
          role: status?.getAttribute('role') ?? null,
          live: status?.getAttribute('aria-live') ?? null,
          text: status?.textContent ?? '',
          activeIndex: [...document.querySelectorAll('#results [role="option"]')].indexOf(active as Element),
        };
      });
      expect(announced.role).toBe('status');
      expect(announced.live).toBe('polite');
      expect(announced.text).toBe(`${shown} ${shown === 1 ? 'result' : 'results'} shown`);
      expect(announced.activeIndex).toBe(1);
      await popup.screenshot({ path: resolve(outDir, `a11y-popup-${browserName}-${scheme}.png`) });
      await expectNoViolations(popup, `the popup with results (${browserName}, ${scheme})`);
      await popup.close();
    });

    it('the options page, with its corpus list and with an error notice, has no violations', async () => {
      const page = await session.ext.openExtensionPage('src/options/options.html');
      if (browserName === 'chromium') await page.setViewport({ width: 900, height: 1000 });
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.$$eval('#pack-list > li', (items) => items.length)).toBeGreaterThan(0);
      await expectNoViolations(page, `the options page (${browserName}, ${scheme})`);

      await page.focus('#pack-url');
      await page.keyboard.type('not an address');
      await page.keyboard.press('Tab');
      expect(await focusRing(page)).toEqual({ element: 'button#pack-url-submit', visible: true });
      await page.keyboard.press('Enter');
      const alert = await waitFor('the error notice', () =>
        page.$eval('#import-alert', (node) => node.textContent || undefined),
      );
      expect(alert).toBe('“not an address” is not a web address; it should start with https://');
      expect(await page.$eval('#import-alert', (node) => node.getAttribute('role'))).toBe('alert');
      await page.$eval('#import-alert', (node) => node.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: resolve(outDir, `a11y-options-error-${browserName}-${scheme}.png`) });
      await expectNoViolations(page, `the options page with an error (${browserName}, ${scheme})`);
      await page.close();
    });

    /** The card is checked in its own frame, an extension page: the demo page around it stands for any article. */
    async function cardPage(): Promise<Frame> {
      const frame = await cardFrame(demo);
      if (!frame) throw new Error('no card frame');
      return frame;
    }

    it('the card for a person is a dialog named after them, with no violations', async () => {
      await openCard('person-steve-mccabe');
      const dialog = await cardState(demo);
      expect(dialog.role).toBe('dialog');
      expect(dialog.label).toBe('Steve McCabe');
      expect(dialog.focusInside).toBe(true);
      // By keyboard: Tab reaches the close button, then the first excerpt, each with its focus shown.
      await demo.keyboard.press('Tab');
      expect(await focusRing(demo)).toEqual({ element: 'button#close', visible: true });
      await demo.keyboard.press('Tab');
      expect(await focusRing(demo)).toMatchObject({ visible: true });
      await demo.screenshot({ path: resolve(outDir, `a11y-card-person-${browserName}-${scheme}.png`) });
      await expectNoViolations(await cardPage(), `the card for a person (${browserName}, ${scheme})`);
    });

    it('the card with its corrections open (“Not this person?” and the speaker picker) has no violations', async () => {
      await openCard('person-steve-mccabe');
      await (await inCard(demo, '.sl-entity-corrections .sl-confirmable > button'))?.click();
      await (await inCard(demo, '.sl-statement .sl-statement-corrections button'))?.click();
      const frame = await cardPage();
      await waitFor('the speaker picker’s choices', () =>
        frame.evaluate(() => document.querySelector('[role="option"]') !== null),
      );
      await frame.focus('[role="combobox"]');
      await demo.keyboard.press('ArrowDown');
      expect(await focusRing(demo)).toMatchObject({
        element: expect.stringMatching(/^input#.*\[role=combobox\]$/),
        visible: true,
      });
      await demo.screenshot({ path: resolve(outDir, `a11y-card-corrections-${browserName}-${scheme}.png`) });
      await expectNoViolations(frame, `the card with its corrections open (${browserName}, ${scheme})`);
    });

    it('the card for an organisation is a dialog named after it, with no violations', async () => {
      await openCard('organisation-national-council-of-resistance-of-iran');
      expect((await cardState(demo)).label).toBe('National Council of Resistance of Iran');
      await demo.screenshot({ path: resolve(outDir, `a11y-card-organisation-${browserName}-${scheme}.png`) });
      await expectNoViolations(await cardPage(), `the card for an organisation (${browserName}, ${scheme})`);
    });

    it('the source viewer opened from an excerpt in the card has no violations', async () => {
      await openCard('person-steve-mccabe');
      const known = await session.ext.browser.pages();
      const excerpt = await inCard(demo, '.sl-statement blockquote [role="link"]');
      expect(excerpt).not.toBeNull();
      await excerpt?.click();
      const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
      await waitFor('the passage in the viewer', () =>
        viewer.evaluate(() => document.getElementById('passage') !== null),
      );
      await viewer.screenshot({ path: resolve(outDir, `a11y-viewer-${browserName}-${scheme}.png`) });
      await expectNoViolations(viewer, `the source viewer (${browserName}, ${scheme})`);
      await viewer.close();
    });
  });
}
