import type { Page } from 'puppeteer-core';

/** Polls until the callback returns a truthy value, or fails with the last value seen. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T | undefined | null | false | 0 | ''>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const value = await read();
    if (value) return value;
    last = value;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/**
 * Clicks the element a selector names once it is there, trying again if the page re-rendered it between finding
 * and clicking ("Node is detached"): lists that redraw after a save do that.
 */
export async function clickWhenReady(page: Page, selector: string): Promise<void> {
  await waitFor(`${selector} to be clicked`, async () => {
    try {
      const element = await page.waitForSelector(selector, { timeout: 5_000 });
      await element?.click();
      return true;
    } catch (error) {
      if (String(error).includes('detached')) return false;
      throw error;
    }
  });
}
