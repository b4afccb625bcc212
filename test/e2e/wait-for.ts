import type { Page } from 'puppeteer-core';

/** How long one read may take before it counts as no answer and the next is tried. */
const READ_LIMIT_MS = 5_000;
const NO_ANSWER = Symbol('no answer');

/**
 * Polls until the callback returns a truthy value, or fails with the last value seen. A read that does not answer (a
 * driver call into a page that is navigating or closing can wait for ever) counts as no value, so the wait always
 * ends by its deadline, with a message that says what it waited for.
 */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T | undefined | null | false | 0 | ''>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const value = await Promise.race([
      read(),
      new Promise<typeof NO_ANSWER>((done) => {
        timer = setTimeout(() => done(NO_ANSWER), Math.min(READ_LIMIT_MS, Math.max(0, deadline - Date.now())));
      }),
    ]);
    clearTimeout(timer);
    if (value === NO_ANSWER) {
      last = `no answer within ${READ_LIMIT_MS / 1000} s`;
      continue;
    }
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
