// Reads what a reader would notice on a page: its highlights, its visible text, its links.
import type { Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

export interface MarkInfo {
  text: string;
  id: string;
  continued: boolean;
  inLink: boolean;
  parentId: string | null;
}

export function marksOn(page: Page): Promise<MarkInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('mark.sourcelight')].map((mark) => ({
      text: mark.textContent ?? '',
      id: mark.dataset.slId ?? '',
      continued: mark.hasAttribute('data-sl-continued'),
      inLink: mark.closest('a') !== null,
      parentId: mark.closest('[id]')?.id ?? null,
    })),
  );
}

export function waitForMarks(page: Page, atLeast = 1, timeoutMs = 15_000): Promise<MarkInfo[]> {
  return waitFor(
    `at least ${atLeast} highlights`,
    async () => {
      const marks = await marksOn(page);
      return marks.length >= atLeast ? marks : undefined;
    },
    timeoutMs,
  );
}

export function waitForNoMarks(page: Page): Promise<true> {
  return waitFor('every highlight to be removed', async () => (await marksOn(page)).length === 0 || undefined);
}

/** The page's visible text and its links, to compare before and after highlighting. */
export function pageSnapshot(page: Page): Promise<{ text: string; links: string[]; html: string }> {
  return page.evaluate(() => ({
    text: document.body.innerText,
    links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    html: new XMLSerializer().serializeToString(document.body),
  }));
}

/** The text of the first element a selector names, or '' when there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (node) => node.textContent ?? '').catch(() => '');
}

/** The text of an element once it matches: a status line that a change will fill. */
export function waitForText(page: Page, selector: string, pattern: RegExp, timeoutMs?: number): Promise<string> {
  return waitFor(
    `${selector} to match ${pattern}`,
    async () => {
      const text = await textOf(page, selector);
      return pattern.test(text) ? text : undefined;
    },
    timeoutMs,
  );
}

/**
 * The reader brings the tab to the front and pages down to the end with the keyboard, pausing on each screen:
 * Sourcelight marks a paragraph when it comes near the viewport, so after this every name on the page is marked.
 */
export async function readToTheEnd(page: Page): Promise<void> {
  // A tab behind another renders nothing, so nothing in it comes near a viewport: the reader looks at it.
  await page.bringToFront();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let screens = 0; screens < 200; screens++) {
    const atEnd = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    if (atEnd) break;
    await page.keyboard.press('PageDown');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The last screens' marks come in the frames after the last key.
  await new Promise((resolve) => setTimeout(resolve, 300));
}
