// What a web page can do against the reader's corpus: forge highlights and click them, or click real ones from
// script. It must get no card, so it can read nothing of the corpus that way.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { useSession } from './session';
import { waitForMarks } from './page-state';
import { waitFor } from './wait-for';

/** Counts, in the page's own world, every card the extension puts into the page. */
function countCards(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen = { cards: 0 };
    (window as unknown as { sourcelightCardsSeen: typeof seen }).sourcelightCardsSeen = seen;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeName === 'SOURCELIGHT-CARD') seen.cards++;
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
}

const cardsSeen = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { sourcelightCardsSeen: { cards: number } }).sourcelightCardsSeen.cards);

describe.each(allBrowsers)('a page against the reader in %s', (browserName) => {
  const session = useSession(browserName);

  it('gets no card for a forged mark, nor for a real one clicked by script; the reader still gets one by clicking', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    await countCards(page);
    await page.evaluate(() => {
      // A look-alike of a real highlight, with a real entity id, clicked and "entered" from script.
      const forged = Object.assign(document.createElement('mark'), {
        className: 'sourcelight',
        textContent: 'Steve McCabe',
        tabIndex: -1,
      });
      forged.dataset.slId = 'person-steve-mccabe';
      document.body.prepend(forged);
      forged.click();
      forged.focus();
      forged.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      // A real highlight, clicked from script.
      document.querySelector<HTMLElement>('mark.sourcelight[data-sl-id="person-maryam-rajavi"]')?.click();
    });
    // The reader's own click, after the script's, on a highlight outside any link: its card is the first and only one.
    const outsideLinks = await page.$$('mark.sourcelight[data-sl-id="person-steve-mccabe"]:not(a mark)');
    await outsideLinks[outsideLinks.length - 1]?.click();
    await waitFor('the reader’s card', async () => (await cardsSeen(page)) > 0);
    expect(await cardsSeen(page)).toBe(1);
    await page.close();
  });
});
