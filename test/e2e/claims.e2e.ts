// Claim check as a reader meets it: a news page quoting the corpus's statements (exactly, with an ellipsis, with a
// changed word, given to another person) and printing its figures (one the sources give, one they do not). Each
// marked claim opens the card, by mouse or by Enter; the card says how the page stands to the sources and links each
// source to the viewer.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBrowsers, launchWithExtension } from './browsers';
import { expectNoViolations } from './axe';
import { cardFrame, cardState, closeCardWithEscape, inCard } from './card-frame';
import { moveBetweenHighlights } from './keyboard';
import { storeSettings, tabAt, waitUntilSettled } from './extension-page';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

const FIRST_CLAIMS = 'mark.sourcelight-claim:not([data-sl-continued])';
/** Each paragraph of the fixture and what claim check must mark in it. */
const EXPECTED_MARKS = [
  ['exact', 'quote'],
  ['ellipsis', 'quote'],
  ['reworded', 'quote'],
  ['other-speaker', 'quote'],
  ['same-figure', 'figure'],
  ['other-figure', 'figure'],
];

function claimMarksOn(page: Page): Promise<string[][]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((mark) => [
        mark.closest('[id]')?.id ?? '',
        mark.dataset.slClaim ?? '',
      ]),
    FIRST_CLAIMS,
  );
}

describe.each(allBrowsers)('claim check in %s', (browserName) => {
  const session = useSession(browserName);
  let settingsPage: Page;

  beforeAll(async () => {
    settingsPage = await session.ext.openExtensionPage('src/options/options.html');
    await storeSettings(settingsPage, { enabled: true, disabledSites: [], claimCheck: true });
  });

  async function openFixture(ext = session.ext): Promise<Page> {
    const page = await ext.browser.newPage();
    if (browserName === 'chromium') await page.setViewport({ width: 1200, height: 900 });
    await page.goto(session.server.url('claims.html'), { waitUntil: 'load' });
    // The reader's tab in front: a viewer tab a test opened and closed may have left another one there.
    await page.bringToFront();
    // A browser just started installs its default corpus first, which takes a while on a busy machine.
    await waitFor(
      'the claims marked',
      async () => (await claimMarksOn(page)).length >= EXPECTED_MARKS.length,
      ext === session.ext ? 15_000 : 40_000,
    );
    return page;
  }

  /** Clicks the first mark of the claim in a paragraph, as a reader's mouse does, and waits for its card. */
  async function openByMouse(page: Page, paragraph: string) {
    await (await page.$(`#${paragraph} ${FIRST_CLAIMS}`))?.click();
    return waitFor(`the card of #${paragraph}`, async () => {
      const state = await cardState(page);
      return state.shown && state.text.includes('Sourcelight does not judge') ? state : undefined;
    });
  }

  /** Clicks a source in the open card and reads the passage the new viewer tab shows. */
  async function followSource(page: Page, selector: string): Promise<string> {
    const known = await session.ext.browser.pages();
    await (await inCard(page, selector))?.click();
    const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    const passage = await waitFor('the passage in the viewer', () =>
      viewer.evaluate(() => document.getElementById('passage')?.textContent ?? undefined),
    );
    await viewer.close();
    return passage;
  }

  it('marks the quotes and figures the sources hold, and nothing the sources do not hold', async () => {
    const page = await openFixture();
    expect(await claimMarksOn(page)).toEqual(EXPECTED_MARKS);
    // The names are still marked as before, and the claim marks are the quiet ones, not the names' tint.
    expect(await page.$('#exact mark.sourcelight[data-sl-id="person-michelle-mulherin"]')).not.toBeNull();
    const style = await page.$eval(`#exact ${FIRST_CLAIMS}`, (mark) => {
      const computed = getComputedStyle(mark);
      return { background: computed.backgroundColor, line: computed.textDecorationLine };
    });
    expect(style).toEqual({ background: 'rgba(0, 0, 0, 0)', line: 'underline' });
    await page.close();
  });

  it('opens a quote’s card by mouse: the same words, the same person, and the source a click away', async () => {
    const page = await openFixture();
    const card = await openByMouse(page, 'exact');
    expect(card.role).toBe('dialog');
    expect(card.label).toContain('When a government turns on its own people');
    expect(card.text).toContain('The page gives these words to Michelle Mulherin.');
    expect(card.text).toContain('Same words');
    expect(card.text).toContain('This source also gives these words to Michelle Mulherin.');
    expect(card.text).not.toMatch(/false|misquot|untrue|wrong/i);

    expect(await followSource(page, '.sl-claim-source blockquote [role="link"]')).toContain(
      'When a government turns on its own people',
    );
    await page.close();
  });

  it('opens by Enter the card of words the sources give to someone else, and says so as a fact about them', async () => {
    const page = await openFixture();
    // Alt+Shift+N moves through the names and claims in reading order, as for names alone.
    await waitFor('the claim focused', async () => {
      await moveBetweenHighlights(page, 'next');
      return page.evaluate(() => document.activeElement?.matches('#other-speaker mark.sourcelight-claim') === true);
    });
    await page.keyboard.press('Enter');
    const card = await waitFor('the card', async () => {
      const state = await cardState(page);
      return state.shown && state.text.includes('Part of a longer statement') ? state : undefined;
    });
    expect(card.focusInside).toBe(true);
    expect(card.text).toContain('The page gives these words to Bob Blackman.');
    expect(card.text).toContain('This source gives these words to Roger Gale; the page gives them to Bob Blackman.');
    // The card shows the whole statement the page quotes a part of.
    expect(card.text).toContain('I want to reiterate the fact that there is a significant number of parliamentary');
    await closeCardWithEscape(page);
    await page.close();
  });

  it('shows close wording word by word, and a quote with an ellipsis as a part of its statement', async () => {
    const page = await openFixture();
    const reworded = await openByMouse(page, 'reworded');
    expect(reworded.text).toContain('Close wording');
    expect(reworded.text).toContain('Word by word: It is appalling shameful that 32 years after this atrocity');
    await page.screenshot({ path: resolve(outDir, `claim-card-light-${browserName}.png`) });
    const frame = await cardFrame(page);
    if (frame) await expectNoViolations(frame, `a close quote's card (${browserName}, light)`);
    await closeCardWithEscape(page);
    const cut = await openByMouse(page, 'ellipsis');
    expect(cut.text).toContain('Part of a longer statement');
    expect(cut.text).toContain('This source also gives these words to Kirsty Brimelow.');
    await page.close();
  });

  it('lists who in the sources gives which figure, and reaches each source by a click', async () => {
    const page = await openFixture();
    const same = await openByMouse(page, 'same-figure');
    expect(same.text).toContain('Figures the sources give for “prisoner”');
    expect(same.text).toContain('Same figure');
    expect(same.text).toContain('Bob Blackman, in a statement: 30,000 political prisoners');
    const frame = await cardFrame(page);
    if (frame) await expectNoViolations(frame, `a figure's card (${browserName})`);
    await closeCardWithEscape(page);

    const other = await openByMouse(page, 'other-figure');
    expect(other.text).toContain('A different figure');
    expect(other.text).not.toContain('Same figure');
    expect(await followSource(page, '.sl-claim-source .sl-excerpt [role="link"]')).toMatch(
      /30[,.]000 political prisoners/,
    );
    await page.close();
  });

  it('lists the page’s quotes and figures in the popup, and choosing one opens its card on the page', async () => {
    const page = await openFixture();
    // The newest tab at the fixture's address is this test's.
    const tab = await tabAt(settingsPage, session.server.url('claims.html'));
    const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tab}`);
    const listed = await waitFor('the quotes and figures listed', () =>
      popup.evaluate(() => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('#page-claims button')];
        return buttons.length > 0 ? buttons.map((button) => button.textContent ?? '') : undefined;
      }),
    );
    expect(listed).toHaveLength(EXPECTED_MARKS.length);
    expect(listed[0]).toContain('When a government turns on its own people');
    expect(listed[0]).toContain('same words in the sources');
    expect(listed[5]).toContain('3,800 political prisoners — the sources give other figures');
    await popup.click('#page-claims li:nth-child(5) button');
    await waitFor('the figure’s card on the page', async () =>
      (await cardState(page)).text.includes('Figure on this page'),
    );
    await popup.close();
    await page.close();
  });

  it('marks a quote far below once the reader comes near it, or at once when the reader chooses it in the popup', async () => {
    const url = session.server.url('claims-far-below.html');
    const openFar = async (): Promise<Page> => {
      const page = await session.ext.browser.newPage();
      if (browserName === 'chromium') await page.setViewport({ width: 1200, height: 900 });
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      await waitUntilSettled(settingsPage, url);
      return page;
    };
    const page = await openFar();
    // Many screens below the reader: checked, not yet marked, and its paragraph's names not wrapped either.
    expect(await claimMarksOn(page)).toEqual([]);
    expect(await page.$('#exact mark')).toBeNull();
    const tab = await tabAt(settingsPage, url);
    const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tab}`);
    const listed = await waitFor('the quote listed', () =>
      popup.evaluate(() => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('#page-claims button')];
        return buttons.length > 0 ? buttons.map((button) => button.textContent ?? '') : undefined;
      }),
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('When a government turns on its own people');
    await popup.click('#page-claims li:nth-child(1) button');
    // The popup here is a tab of its own: the reader looks at the page again, as when a real popup closes.
    await page.bringToFront();
    await waitFor('the quote’s card shown on the page', async () => {
      const state = await cardState(page);
      return state.shown && state.text.includes('Sourcelight does not judge');
    });
    expect(await claimMarksOn(page)).toEqual([['exact', 'quote']]);
    expect(await page.$('#exact mark.sourcelight[data-sl-id="person-michelle-mulherin"]')).not.toBeNull();
    await page.screenshot({ path: resolve(outDir, `claim-far-below-${browserName}.png`) });
    await popup.close();
    await page.close();

    const reader = await openFar();
    expect(await claimMarksOn(reader)).toEqual([]);
    // The reader goes to the end of the article with the keyboard.
    await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await reader.keyboard.press('End');
    await waitFor('the quote marked', async () => (await claimMarksOn(reader)).length === 1 || undefined);
    expect(await claimMarksOn(reader)).toEqual([['exact', 'quote']]);
    expect(await reader.$('#exact mark.sourcelight[data-sl-id="person-michelle-mulherin"]')).not.toBeNull();
    await reader.close();
  });

  it('draws the claim card in dark mode too', async () => {
    const dark = await launchWithExtension(browserName, { colorScheme: 'dark' });
    try {
      const page = await openFixture(dark);
      const card = await openByMouse(page, 'other-speaker');
      expect(card.text).toContain('Roger Gale');
      await page.screenshot({ path: resolve(outDir, `claim-card-dark-${browserName}.png`) });
      const frame = await cardFrame(page);
      if (frame) await expectNoViolations(frame, `a quote's card (${browserName}, dark)`);
    } finally {
      await dark.close();
    }
  });

  it('marks no claims when the reader turns claim check off, and marks them again when it is turned on', async () => {
    const page = await openFixture();
    await storeSettings(settingsPage, { claimCheck: false });
    try {
      await waitFor('the claim marks removed', async () => (await claimMarksOn(page)).length === 0);
      await waitFor('the names marked again', () => page.$('mark.sourcelight[data-sl-id="person-bob-blackman"]'));
    } finally {
      await storeSettings(settingsPage, { claimCheck: true });
    }
    await waitFor('the claims marked again', async () => (await claimMarksOn(page)).length === EXPECTED_MARKS.length);
    await page.close();
  });
});
