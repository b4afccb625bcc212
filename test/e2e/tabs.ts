// Finds the tab a reader's click opened, as a reader would: by what it shows, among the browser's open tabs.
import type { Browser, Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

/** Where a page is: asked of the page itself, as Firefox's BiDi does not always report extension pages' URLs. */
export function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => page.url());
}

/** Waits for a tab, other than those already open, whose address contains `part`. */
export async function waitForNewTab(browser: Browser, known: readonly Page[], part: string): Promise<Page> {
  return waitFor(`a new tab at ${part}`, async () => {
    for (const page of await browser.pages()) {
      if (known.includes(page)) continue;
      if ((await locationOf(page)).includes(part)) return page;
    }
    return undefined;
  });
}
