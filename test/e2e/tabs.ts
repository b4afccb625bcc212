// Finds the tab a reader's click opened, as a reader would: by what it shows, among the browser's open tabs.
import type { Browser, Page } from 'puppeteer-core';
import { waitFor } from './wait-for';
import { extensionTabs } from './extension-page';

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

/**
 * Waits for a tab at `part` that was not open before (`known`, tab ids), as the browser itself lists its tabs. For a
 * tab opened behind the reader's: Firefox's driver may not list such a tab among its pages until it is shown.
 */
export async function waitForNewBackgroundTab(
  extensionPage: Page,
  known: readonly number[],
  part: string,
): Promise<{ id: number; url: string; active: boolean }> {
  return waitFor(`a new tab at ${part}`, async () =>
    (await extensionTabs(extensionPage)).find((tab) => !known.includes(tab.id) && tab.url.includes(part)),
  );
}

/** The ids of the open tabs, to tell a new one later. */
export async function tabIds(extensionPage: Page): Promise<number[]> {
  return (await extensionTabs(extensionPage)).map((tab) => tab.id);
}
