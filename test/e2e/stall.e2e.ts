// A page built to stall the background's claim check (thousands of quotations, one quotation of 210,000 letters,
// thousands of ellipses and brackets): the reader's popup search is still answered at once, and the popup says the
// page's check covers only its first part.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { sendToAllTabs, storeSettings, tabAt } from './extension-page';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

/** The popup's search results for a query, once they are for that query. */
const resultsFor = (popup: Page, query: string): Promise<number> =>
  popup.evaluate(
    (wanted) =>
      document.getElementById('results')?.dataset.query === wanted
        ? document.querySelectorAll('#results [role="option"]').length
        : 0,
    query,
  );

describe.each(allBrowsers)('a page that tries to stall the background, in %s', (browserName) => {
  const session = useSession(browserName);

  it.each(['quotes', 'long-quote', 'brackets'])(
    '%s: a popup search is answered within 500 ms, and the page’s claim check is partial and says so',
    async (which) => {
      const settings = await session.ext.openExtensionPage('src/options/options.html');
      await storeSettings(settings, { enabled: true, disabledSites: [], claimCheck: true });
      const page = await session.ext.browser.newPage();
      const url = session.server.url(`stall.html?case=${which}`);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const tabId = await tabAt(settings, url);
      const openPopup = (): Promise<Page> => session.ext.openExtensionPage(`src/popup/popup.html?tab=${tabId}`);

      // The reader types while the page's check may be running.
      const popup = await openPopup();
      await popup.focus('#search');
      await popup.keyboard.type('rajav');
      const typed = Date.now();
      await popup.keyboard.type('i');
      await waitFor('search results', async () => ((await resultsFor(popup, 'rajavi')) > 0 ? true : undefined));
      const answeredMs = Date.now() - typed;
      console.log(`${browserName} ${which}: results ${answeredMs} ms after the last keystroke`);
      expect(answeredMs).toBeLessThan(500);
      await popup.close();

      // The names are still highlighted, and once the check is done (in a tab in front: a background tab's timers
      // are slowed) the popup says it covers only the page's first part.
      await page.bringToFront();
      await waitForMarks(page, 1);
      await waitFor('the check to finish, partial', async () => {
        const replies = await sendToAllTabs(settings, { type: 'getPageClaims' });
        // Content scripts answer through the messaging envelope: { ok, data }.
        return replies.some(
          ({ tabId: id, reply }) => id === tabId && (reply as { data?: { partial?: boolean } }).data?.partial,
        )
          ? true
          : undefined;
      });
      const again = await openPopup();
      const note = await waitFor('the partial note', () =>
        again.evaluate(() => document.querySelector('.claims-partial')?.textContent ?? undefined),
      );
      expect(note).toMatch(/only the first part/);
      if (which === 'quotes') await again.screenshot({ path: resolve(outDir, `popup-partial-${browserName}.png`) });
      await again.close();
      await page.close();
      await settings.close();
    },
  );
});
