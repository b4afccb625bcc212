// The card as a reader meets it: an extension page in a frame on the web page. The tests read it through the
// browser's driver, which may enter any frame; the page itself cannot (privacy.e2e.ts checks that).
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

const CARD_PATH = '/src/card/card.html';

/** A frame's answer, or undefined when it gives none in a second (a frame still starting, or already gone). */
function askFrame<T>(frame: Frame, question: () => T): Promise<T | undefined> {
  return Promise.race([
    frame.evaluate(question).catch(() => undefined),
    new Promise<undefined>((done) => setTimeout(done, 1_000)),
  ]) as Promise<T | undefined>;
}

/** The open card's frame once its page runs. Firefox's driver reports the frame's address as about:blank, so ask it. */
export async function cardFrame(page: Page): Promise<Frame | undefined> {
  // The newest first: a card just closed for another may linger among the frames a moment.
  for (const frame of page.mainFrame().childFrames().reverse()) {
    if (!frame.detached && (await askFrame(frame, () => location.pathname)) === CARD_PATH) return frame;
  }
  return undefined;
}

export interface CardState {
  /** The card's element is on the page. */
  open: boolean;
  /** It has drawn what it shows and stands at its place. */
  shown: boolean;
  role: string | null;
  /** The name the dialog is announced by. */
  label: string | null;
  /** Keyboard focus is inside the card. */
  focusInside: boolean;
  statementLinks: { text: string }[];
  text: string;
  reason: string | null;
}

/** The card's dialog as a screen reader would meet it. */
export async function cardState(page: Page): Promise<CardState> {
  const { open, shown, hostFocused } = await page.evaluate(() => {
    const host = document.querySelector('sourcelight-card');
    return {
      open: host !== null,
      shown: host !== null && getComputedStyle(host).opacity === '1',
      hostFocused: host !== null && document.activeElement === host,
    };
  });
  const frame = open ? await cardFrame(page) : undefined;
  const inside = frame
    ? await askFrame(frame, () => {
        const dialog = document.querySelector('[role="dialog"]');
        const labelIds = dialog?.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
        return {
          role: dialog?.getAttribute('role') ?? null,
          label:
            labelIds.length > 0
              ? labelIds.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
              : (dialog?.getAttribute('aria-label') ?? null),
          hasFocus: document.hasFocus() && document.activeElement !== document.body,
          statementLinks: [...document.querySelectorAll<HTMLElement>('.sl-statement blockquote [role="link"]')].map(
            (a) => ({ text: a.textContent ?? '' }),
          ),
          text: document.querySelector('.sl-body')?.textContent ?? '',
          reason: document.querySelector('.sl-reason')?.textContent ?? null,
        };
      })
    : undefined;
  return {
    open,
    shown,
    role: inside?.role ?? null,
    label: inside?.label ?? null,
    focusInside: hostFocused && (inside?.hasFocus ?? false),
    statementLinks: inside?.statementLinks ?? [],
    text: inside?.text ?? '',
    reason: inside?.reason ?? null,
  };
}

/** An element of the card, to click or focus as a reader would, once the card stands at its place. */
export async function inCard(page: Page, selector: string): Promise<ElementHandle | null> {
  await waitFor('the card at its place', async () => (await cardState(page)).shown || undefined);
  // A reader clicks a card that has stopped moving: it is placed again when its content first changes its height.
  await waitFor('the card still', () =>
    page.evaluate(async () => {
      const where = () => JSON.stringify(document.querySelector('sourcelight-card')?.getBoundingClientRect());
      const before = where();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return before === where();
    }),
  );
  const frame = await cardFrame(page);
  return frame ? frame.$(selector) : null;
}

/**
/**
 * Presses a key in the open card that closes it, as a reader does, and waits for the card to close. The card closes
 * on the key's press, so its frame can be gone before the driver has finished with the key: Chromium's driver then
 * sometimes never confirms the release (a test hung there about one run in three), and now and then not the press
 * either, so neither is waited for past a second.
 */
export async function pressKeyThatClosesCard(page: Page, key: 'Escape' | 'Enter'): Promise<void> {
  const atMostASecond = (step: Promise<void>): Promise<void> =>
    Promise.race([step.catch(() => undefined), new Promise<void>((done) => setTimeout(done, 1_000))]);
  await atMostASecond(page.keyboard.down(key));
  await atMostASecond(page.keyboard.up(key));
  await waitFor('the card to close', async () => !(await cardState(page)).open);
}

/** Presses Escape in the open card and waits for it to close (`pressKeyThatClosesCard`). */
export const closeCardWithEscape = (page: Page): Promise<void> => pressKeyThatClosesCard(page, 'Escape');
