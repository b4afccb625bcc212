import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allBrowsers, launchWithExtension } from './browsers';
import { useSession } from './session';
import { askTabAt, closeTab, importPackJson, sendRaw, storeSettings, tabAt, waitUntilSettled } from './extension-page';
import { highlightPixels, textBox } from './screen';
import { moveBetweenHighlights } from './keyboard';
import { isGenericBodyName } from '../../src/shared/body-qualifiers';
import { marksOn, pageSnapshot, waitForMarks, waitForNoMarks } from './page-state';
import { locationOf, tabIds, waitForNewBackgroundTab, waitForNewTab } from './tabs';
import { waitFor } from './wait-for';
import { cardFrame, cardState, closeCardWithEscape, inCard } from './card-frame';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

/** The first statement's link inside the open card, which a reader can click or focus. */
const STATEMENT_LINK = '.sl-statement blockquote [role="link"]';

describe.each(allBrowsers)('reading with context in %s', (browserName) => {
  const session = useSession(browserName);
  let settingsPage: Page;

  beforeAll(async () => {
    settingsPage = await session.ext.openExtensionPage('src/options/options.html');
  });
  beforeEach(async () => {
    await storeSettings(settingsPage, {
      enabled: true,
      disabledSites: [],
      highlightKinds: ['person', 'organisation', 'topic', 'place'],
      showOwnCorpora: true,
    });
  });

  async function open(path: string): Promise<Page> {
    const page = await session.ext.browser.newPage();
    await sizeWindow(page);
    await page.goto(session.server.url(path), { waitUntil: 'load' });
    return page;
  }

  /** Firefox's WebDriver BiDi cannot resize a page (no screen orientation override), so it keeps its default. */
  async function sizeWindow(page: Page): Promise<void> {
    if (browserName === 'chromium') await page.setViewport({ width: 1200, height: 900 });
  }

  it('highlights people, organisations and topics on the demo page, never inside form fields', async () => {
    const page = await open('demo.html');
    const expected = [
      'person-maryam-rajavi',
      'person-steve-mccabe',
      'person-bob-blackman',
      'person-ebrahim-raisi',
      'organisation-national-council-of-resistance-of-iran',
      'topic-1988-massacre',
    ];
    // The pass is paced, a frame between chunks: wait for it to reach every name, not only the first ten.
    const ids = await waitFor(`the demo page's names: ${expected.join(', ')}`, async () => {
      const found = new Set((await marksOn(page)).map((mark) => mark.id));
      return expected.every((id) => found.has(id)) ? found : undefined;
    });
    for (const id of expected) expect(ids, id).toContain(id);
    const inFields = await page.evaluate(
      () => document.querySelectorAll('textarea mark, input mark, form mark').length,
    );
    expect(inFields).toBe(0);
    await page.close();
  });

  it('handles names inside links, split across tags, beside punctuation and across line breaks', async () => {
    const page = await open('names.html');
    await waitForMarks(page, 8);
    const marks = await marksOn(page);
    const byParent = (id: string) => marks.filter((mark) => mark.parentId === id || (id === 'link' && mark.inLink));
    expect(byParent('link').map((m) => m.id)).toContain('person-maryam-rajavi');
    expect(byParent('split').map((m) => [m.text, m.id, m.continued])).toEqual([
      ['Maryam', 'person-maryam-rajavi', false],
      ['Rajavi', 'person-maryam-rajavi', true],
    ]);
    expect(byParent('possessive').map((m) => m.text)).toEqual(['Rajavi', 'Rajavi']);
    expect(byParent('question').map((m) => [m.text, m.id])).toEqual([
      ['Ebrahim Raisi', 'person-ebrahim-raisi'],
      ['Raisi', 'person-ebrahim-raisi'],
    ]);
    // A surname the page never gives in full links to nobody: this Jones is not the corpus's David Jones.
    expect(byParent('stranger')).toEqual([]);
    expect(byParent('comma').map((m) => m.id)).toEqual(['person-steve-mccabe', 'person-bob-blackman']);
    expect(byParent('brackets').map((m) => m.text)).toEqual(
      expect.arrayContaining(["People's Mojahedin Organization of Iran", 'PMOI', 'MEK']),
    );
    expect(
      byParent('linebreak')
        .filter((m) => !m.continued)
        .map((m) => m.id),
    ).toEqual(['person-maryam-rajavi']);
    expect(byParent('lowercase')).toEqual([]);
    expect(byParent('inside-word')).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('#editable mark, form mark').length)).toBe(0);

    // The link still works when its highlighted name is clicked: the click belongs to the link.
    const nameInLink = await page.$('#profile-link mark.sourcelight');
    await nameInLink?.click();
    await waitFor('the link to navigate', () => page.evaluate(() => location.hash === '#profile'));
    expect((await cardState(page)).open).toBe(false);
    await page.close();
  });

  it('highlights content a single-page app adds after load and after history navigation', async () => {
    const page = await open('spa.html');
    const first = await waitForMarks(page, 1);
    expect(first.map((m) => m.id)).toContain('person-steve-mccabe');
    await page.click('#next');
    const second = await waitFor('the second story highlighted', async () => {
      const marks = await marksOn(page);
      return marks.some((m) => m.id === 'person-maryam-rajavi') ? marks : undefined;
    });
    expect(second.map((m) => m.id)).toEqual(expect.arrayContaining(['person-maryam-rajavi', 'person-ebrahim-raisi']));
    // history.back() from the page: Firefox's BiDi goBack() never settles for same-document navigations.
    await page.evaluate(() => history.back());
    await waitFor('the first story highlighted again', async () =>
      (await marksOn(page)).some((m) => m.id === 'person-steve-mccabe'),
    );
    await page.close();
  });

  it('on a 1 MB article, counts every name at once, highlights what is near, and the end when the reader gets there', async () => {
    await storeSettings(settingsPage, { disabledSites: ['127.0.0.1'] });
    const page = await open('large.html');
    const before = await pageSnapshot(page);
    await storeSettings(settingsPage, { disabledSites: [] });
    await waitUntilSettled(settingsPage, page.url(), 60_000);
    const paragraphs = await page.evaluate(() => document.querySelectorAll('#long p').length);
    expect(paragraphs).toBeGreaterThan(4_000);
    // Every paragraph names someone once: the popup's count holds them all, marked or not yet.
    const ping = await askTabAt<{ highlights: number }>(settingsPage, page.url(), { type: 'pingContent' });
    expect(ping?.highlights).toBeGreaterThanOrEqual(paragraphs);
    // Only what is near the reader is wrapped: the end of the article, forty screens down, is not yet.
    const wrapped = await page.evaluate(() => document.querySelectorAll('#long p:has(mark.sourcelight)').length);
    expect(wrapped).toBeGreaterThan(0);
    expect(wrapped).toBeLessThan(paragraphs / 4);
    expect(await page.evaluate(() => document.querySelector('#last mark.sourcelight'))).toBeNull();
    // The reader goes to the end with the keyboard: the paragraphs there are highlighted when they come near.
    await page.keyboard.press('End');
    await waitFor('the page scrolled to its end', () =>
      page.evaluate(() => scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 1),
    );
    await waitFor(
      'the last paragraph highlighted',
      () => page.evaluate(() => document.querySelector('#last mark.sourcelight') !== null),
      20_000,
    );
    const end = await page.evaluate(() => {
      const inView = Array.from(document.querySelectorAll('#long p')).filter((paragraph) => {
        const box = paragraph.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      });
      return { inView: inView.length, marked: inView.filter((p) => p.querySelector('mark.sourcelight')).length };
    });
    expect(end.inView).toBeGreaterThan(3);
    expect(end.marked).toBe(end.inView);
    const after = await pageSnapshot(page);
    expect(after.text).toBe(before.text);
    await page.close();
  });

  it('on a long article read from its end, highlights what the reader sees first, and the top when they go back up', async () => {
    await storeSettings(settingsPage, { disabledSites: ['127.0.0.1'] });
    const page = await open('large.html');
    // The reader goes to the end of the article with the keyboard before Sourcelight is on for the site.
    await page.keyboard.press('End');
    // Chromium scrolls smoothly: wait until the page is at its end, not on its way there.
    await waitFor('the page scrolled to its end', () =>
      page.evaluate(() => scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 1),
    );
    // Where the first mark is made, seen by the page as it arrives.
    await page.evaluate(() => {
      const observer = new MutationObserver((records) => {
        const mark = records
          .flatMap((record) => Array.from(record.addedNodes))
          .find((node): node is Element => node instanceof Element && node.matches('mark.sourcelight'));
        if (mark === undefined) return;
        // Its paragraph, which may reach above the viewport's top edge.
        const box = (mark.closest('p') ?? mark).getBoundingClientRect();
        (window as unknown as { firstMarkInView?: boolean }).firstMarkInView = box.bottom > 0 && box.top < innerHeight;
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await storeSettings(settingsPage, { disabledSites: [] });
    await waitUntilSettled(settingsPage, page.url(), 60_000);
    expect(await page.evaluate(() => (window as unknown as { firstMarkInView?: boolean }).firstMarkInView)).toBe(true);
    // Back to the top, as find-in-page or the Home key takes a reader: what is in view there is highlighted.
    await page.keyboard.press('Home');
    await waitFor('the page scrolled to its top', () => page.evaluate(() => window.scrollY === 0));
    await waitFor(
      'the article highlighted at its first paragraph',
      () => page.evaluate(() => document.querySelector('#long p:first-child mark.sourcelight') !== null),
      20_000,
    );
    const top = await page.evaluate(() => {
      const paragraphs = Array.from(document.querySelectorAll('#long p')).filter(
        (paragraph) => paragraph.getBoundingClientRect().bottom <= innerHeight,
      );
      return {
        inView: paragraphs.length,
        marked: paragraphs.filter((p) => p.querySelector('mark.sourcelight')).length,
      };
    });
    expect(top.inView).toBeGreaterThan(3);
    expect(top.marked).toBe(top.inView);
    await page.close();
  });

  it('links a person the page names in another spelling, given name and surname agreeing, and says so in the card', async () => {
    const page = await open('variants.html');
    await waitForMarks(page, 3);
    const marks = await marksOn(page);
    const byParent = (id: string): string[][] =>
      marks.filter((mark) => mark.parentId === id).map((mark) => [mark.text, mark.id]);
    // Traps: another given name, another name that looks alike, a surname before anyone is named in full.
    expect(byParent('trap-given')).toEqual([]);
    expect(byParent('trap-unnamed')).toEqual([]);
    expect(byParent('translit')).toEqual(expect.arrayContaining([['Ebrahim Raïssi', 'person-ebrahim-raisi']]));
    expect(byParent('surname')).toEqual([['Raeesi', 'person-ebrahim-raisi']]);
    expect(byParent('apostrophe')).toEqual([["Ali Khamene'i", 'person-ali-khamenei']]);

    await (await page.$('#translit mark.sourcelight[data-sl-id="person-ebrahim-raisi"]'))?.click();
    const card = await waitFor('the card for the respelt name', async () => {
      const state = await cardState(page);
      return state.open && state.reason !== null ? state : undefined;
    });
    expect(card.label).toBe('Ebrahim Raisi');
    expect(card.reason).toBe('Linked because this page names Ebrahim Raisi here, spelt another way.');
    await page.screenshot({ path: resolve(outDir, `card-variant-${browserName}.png`) });
    await page.close();
  });

  it('opens a card on click, as a labelled dialog with a statement linked to the source viewer', async () => {
    const page = await open('demo.html');
    await waitForMarks(page, 10);
    const mark = await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]');
    await mark?.click();
    const card = await waitFor('the card with its statements', async () => {
      const state = await cardState(page);
      return state.statementLinks.length > 0 ? state : undefined;
    });
    expect(card.role).toBe('dialog');
    expect(card.label).toBe('Steve McCabe');
    expect(card.focusInside).toBe(true);
    expect(card.reason).toBe('Linked because this page names Steve McCabe here.');
    const firstStatement = card.statementLinks[0];
    if (!firstStatement) return;
    await page.screenshot({ path: resolve(outDir, `card-light-${browserName}.png`) });

    // Esc closes it and gives focus back to the highlight.
    await closeCardWithEscape(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.slId)).toBe(
      'person-steve-mccabe',
    );

    // Enter on the focused highlight opens it again; a click outside closes it.
    await page.keyboard.press('Enter');
    await waitFor('the card to reopen', async () => (await cardState(page)).open);
    await page.mouse.click(5, 580);
    expect((await cardState(page)).open).toBe(false);

    // A click on the statement opens the viewer in a new tab, with the passage marked and in view; the article stays.
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]'))?.click();
    await waitFor('the card to reopen', async () => (await cardState(page)).statementLinks.length > 0);
    const known = await session.ext.browser.pages();
    await (await inCard(page, STATEMENT_LINK))?.click();
    const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    const passage = await waitFor('the passage in the viewer', () =>
      viewer.evaluate(() => {
        const mark = document.getElementById('passage');
        if (!mark) return undefined;
        const rect = mark.getBoundingClientRect();
        return {
          text: mark.textContent ?? '',
          inView: rect.top >= 0 && rect.top < innerHeight,
          focused: document.activeElement === mark,
        };
      }),
    );
    expect(passage.inView).toBe(true);
    expect(passage.focused).toBe(true);
    const statementStart = firstStatement.text.replace(/^“(… )?/, '').slice(0, 30);
    expect(passage.text.replace(/\s+/g, ' ')).toContain(statementStart.replace(/\s+/g, ' '));
    await viewer.screenshot({ path: resolve(outDir, `viewer-${browserName}.png`) });
    await viewer.close();
    expect(await locationOf(page)).toBe(session.server.url('demo.html'));
    expect((await marksOn(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a statement from the card by keyboard, and in a background tab by Ctrl-click and middle-click', async () => {
    const page = await open('demo.html');
    await waitForMarks(page, 10);
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]'))?.click();
    await waitFor('the card with its statements', async () => (await cardState(page)).statementLinks.length > 0);

    // Keyboard: Tab from the dialog to the first link inside it, then Enter.
    const known = await session.ext.browser.pages();
    await (await inCard(page, STATEMENT_LINK))?.focus();
    await page.keyboard.press('Enter');
    const byKeyboard = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    await waitFor('the passage shown', () => byKeyboard.evaluate(() => document.getElementById('passage') !== null));
    // A plain Enter brings the viewer to the front.
    expect(await byKeyboard.evaluate(() => document.visibilityState)).toBe('visible');
    await byKeyboard.close();

    for (const how of ['ctrl', 'middle'] as const) {
      await page.bringToFront();
      await waitFor('the article in front', () => page.evaluate(() => document.visibilityState === 'visible'));
      const knownTabs = await tabIds(settingsPage);
      const link = await inCard(page, STATEMENT_LINK);
      if (how === 'ctrl') {
        await page.keyboard.down('Control');
        await link?.click();
        await page.keyboard.up('Control');
      } else {
        await link?.click({ button: 'middle' });
      }
      // The viewer waits behind; the article is still the tab in front, with its card open.
      const opened = await waitForNewBackgroundTab(settingsPage, knownTabs, 'viewer.html');
      expect(opened.active, how).toBe(false);
      expect(await page.evaluate(() => document.visibilityState), how).toBe('visible');
      expect((await cardState(page)).open, how).toBe(true);
      await closeTab(settingsPage, opened.id);
    }
    await page.close();
  });

  it('highlights a tab opened in the background within a second of its being shown', async () => {
    const url = session.server.url('demo.html');
    const known = await session.ext.browser.pages();
    await settingsPage.evaluate(async (address) => {
      const api =
        (globalThis as unknown as { browser?: { tabs: { create(o: object): Promise<unknown> } } }).browser ??
        (globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<unknown> } } }).chrome;
      await api.tabs.create({ url: address, active: false });
    }, url);
    const tab = await waitForNewTab(session.ext.browser, known, 'demo.html');
    expect(await tab.evaluate(() => document.visibilityState)).toBe('hidden');
    // The reader reads something else for a moment, then switches to the tab.
    await new Promise((done) => setTimeout(done, 500));
    await tab.bringToFront();
    const marks = await waitForMarks(tab, 10, 1_000);
    expect(marks.map((m) => m.id)).toContain('person-maryam-rajavi');
    await tab.close();
  });

  it('draws the card in dark mode too', async () => {
    const dark = await launchWithExtension(browserName, { colorScheme: 'dark' });
    try {
      const page = await dark.browser.newPage();
      await sizeWindow(page);
      await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
      await waitForMarks(page, 10);
      await (await page.$('mark.sourcelight[data-sl-id="person-maryam-rajavi"]'))?.click();
      await waitFor('the card', async () => (await cardState(page)).text.includes('Statements'));
      const background = await (
        await cardFrame(page)
      )?.evaluate(() => {
        const dialog = document.querySelector('.sl-card');
        return dialog ? getComputedStyle(dialog).backgroundColor : null;
      });
      expect(background).toBe('rgb(28, 30, 34)');
      await page.screenshot({ path: resolve(outDir, `card-dark-${browserName}.png`) });
    } finally {
      await dark.close();
    }
  });

  it('moves between highlights with Alt+Shift+N and opens the focused one with Enter', async () => {
    const page = await open('demo.html');
    const marks = await waitForMarks(page, 10);
    await moveBetweenHighlights(page, 'next', 2);
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.slId ?? null);
    expect(focused).toBe(marks.filter((mark) => !mark.continued)[1]?.id);
    await page.keyboard.press('Enter');
    await waitFor('the card for the focused highlight', async () => (await cardState(page)).open);
    await page.close();
  });

  it('highlights names of a newly imported corpus in an open tab, shows its markup as text, and cuts a long description', async () => {
    const page = await open('hostile.html');
    const url = session.server.url('hostile.html');
    const listsJanet = async () => {
      const listed = await askTabAt<{ entities: { entityId: string }[] }>(settingsPage, url, {
        type: 'getPageEntities',
      });
      return listed?.entities.some(({ entityId }) => entityId === 'person-janet-okonkwo-reyes') ?? false;
    };
    expect(await listsJanet()).toBe(false);
    const pack = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../fixtures/packs/hostile-pack.json'), 'utf8'),
    ) as { entities: { id: string; description?: string }[] };
    // A description at the pack's cap of 2,000 characters, markup and all.
    const description = 'A spokesperson for the <b>Hollow Oak Trust</b>, '.repeat(50).slice(0, 2_000);
    const janet = pack.entities.find((entity) => entity.id === 'person-janet-okonkwo-reyes');
    if (janet) janet.description = description;
    expect(await importPackJson(settingsPage, JSON.stringify(pack))).toMatchObject({ ok: true });
    try {
      // The open tab learns of the new corpus and highlights its names without a reload, where the page cannot read
      // them: the reader sees the name tinted, and clicks it.
      await waitFor('the new name highlighted', () => listsJanet());
      expect(await page.$('mark[data-sl-id="person-janet-okonkwo-reyes"]')).toBeNull();
      const name = await textBox(page, '#story', 'Janet Okonkwo-Reyes');
      await waitFor('the name drawn', async () => ((await highlightPixels(page, settingsPage, [name]))[0] ?? 0) > 20);
      await page.mouse.click(name.left + name.width / 2, name.top + name.height / 2);
      const card = await waitFor('the card', async () => {
        const state = await cardState(page);
        return state.statementLinks.length > 0 ? state : undefined;
      });
      expect(card.statementLinks[0]?.text).toContain('<img src=x onerror=alert(1)>');
      expect(card.statementLinks[0]?.text).toContain('<script>alert(2)</script>');
      const injected = await (
        await cardFrame(page)
      )?.evaluate(() => document.querySelectorAll('.sl-body img, .sl-body script, .sl-body b').length);
      expect(injected).toBe(0);
      // The card shows the start of the description; "Show more" shows the rest.
      const shownDescription = () =>
        cardFrame(page).then((frame) =>
          frame?.evaluate(() => document.querySelector('.sl-description')?.textContent ?? ''),
        );
      expect((await shownDescription())?.length).toBeLessThan(400);
      const more = await inCard(page, '.sl-description .sl-more-text');
      expect(more, 'the description’s "Show more"').not.toBeNull();
      await more?.click();
      await waitFor('the whole description', async () => (await shownDescription())?.startsWith(description));
    } finally {
      await sendRaw(settingsPage, { type: 'removePack', packId: 'hostile-markup-pack' });
    }
    await waitFor('the name no longer highlighted', async () => !(await listsJanet()));
    await page.close();
  });

  it('lists a name of the reader’s own corpus far below before the reader gets there; chosen, it is shown there', async () => {
    const pack = readFileSync(resolve(import.meta.dirname, '../fixtures/packs/hostile-pack.json'), 'utf8');
    expect(await importPackJson(settingsPage, pack)).toMatchObject({ ok: true });
    try {
      const page = await open('claims-far-below.html');
      await page.bringToFront();
      await waitUntilSettled(settingsPage, page.url(), 30_000);
      // Hundreds of screens below: not drawn yet, but counted in the popup's list.
      const listed = await askTabAt<{ entities: { entityId: string; count: number }[] }>(settingsPage, page.url(), {
        type: 'getPageEntities',
      });
      expect(listed?.entities.find(({ entityId }) => entityId === 'person-janet-okonkwo-reyes')?.count).toBe(1);
      expect(await page.evaluate(() => scrollY)).toBe(0);
      const tab = await tabAt(settingsPage, page.url());
      const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tab}`);
      await popup.waitForSelector('#page-entities button[data-entity-id="person-janet-okonkwo-reyes"]');
      await popup.click('#page-entities button[data-entity-id="person-janet-okonkwo-reyes"]');
      // The popup here is a tab of its own: the reader looks at the page again, as when a real popup closes.
      await page.bringToFront();
      const card = await waitFor('her card on the page', async () => {
        const state = await cardState(page);
        return state.shown && state.statementLinks.length > 0 ? state : undefined;
      });
      expect(card.statementLinks[0]?.text).toContain('<script>alert(2)</script>');
      const name = await textBox(page, '#own-far', 'Janet Okonkwo-Reyes');
      expect(name.top).toBeGreaterThanOrEqual(0);
      expect(name.top + name.height).toBeLessThanOrEqual(await page.evaluate(() => innerHeight));
      expect((await highlightPixels(page, settingsPage, [name]))[0] ?? 0).toBeGreaterThan(20);
      await page.screenshot({ path: resolve(outDir, `own-name-far-below-${browserName}.png`) });
      await popup.close();
      await page.close();
    } finally {
      await sendRaw(settingsPage, { type: 'removePack', packId: 'hostile-markup-pack' });
    }
  });

  it('survives a page that breaks DOM methods, rewrites its text and strips marks', async () => {
    const page = await open('hostile-page.html');
    await waitFor('the stable paragraph highlighted', () =>
      page.$('#stable mark.sourcelight[data-sl-id="person-steve-mccabe"]'),
    );
    await waitFor(
      'the churning paragraph highlighted at least once',
      () => page.$('#churn mark.sourcelight[data-sl-id="person-bob-blackman"]'),
      10_000,
    );
    // The page keeps running and answering while it fights; the card still opens where marks stay.
    await (await page.$('#stable mark.sourcelight'))?.click();
    await waitFor('the card', async () => (await cardState(page)).label === 'Steve McCabe');
    expect(await page.evaluate(() => document.getElementById('stable')?.textContent)).toBe('Steve McCabe spoke first.');
    await page.close();
  });

  it('removes every highlight when switched off for the site, restoring the page exactly', async () => {
    await storeSettings(settingsPage, { disabledSites: ['127.0.0.1'] });
    const page = await open('demo.html');
    const original = await pageSnapshot(page);
    await storeSettings(settingsPage, { disabledSites: [] });
    await waitForMarks(page, 10);
    const highlighted = await pageSnapshot(page);
    expect(highlighted.text).toBe(original.text);
    expect(highlighted.links).toEqual(original.links);
    await storeSettings(settingsPage, { disabledSites: ['127.0.0.1'] });
    await waitForNoMarks(page);
    const removed = await pageSnapshot(page);
    expect(removed.text).toBe(original.text);
    expect(removed.html).toBe(original.html);
    await page.close();
  });

  it('leaves the text and links of real published pages unchanged, and links only what each page supports', async () => {
    for (const name of ['guardian-1', 'nytimes-2', 'telegraph', 'wikipedia', 'lemonde-1', 'rtl-1']) {
      await storeSettings(settingsPage, { disabledSites: ['127.0.0.1'] });
      const page = await open(`pages/${name}.html`);
      const original = await pageSnapshot(page);
      await storeSettings(settingsPage, { disabledSites: [] });
      await waitUntilSettled(settingsPage, session.server.url(`pages/${name}.html`));
      const highlighted = await pageSnapshot(page);
      expect(highlighted.text, name).toBe(original.text);
      expect(highlighted.links, name).toEqual(original.links);
      await expectPageEvidence(page, name);
      await storeSettings(settingsPage, { disabledSites: ['127.0.0.1'] });
      await waitForNoMarks(page);
      expect((await pageSnapshot(page)).html, name).toBe(original.html);
      await page.close();
    }
  });

  /**
   * Every person is linked by a name the page writes in full, or after it: a surname's first mark on the page is never
   * its person's first full name. Every generic body's card says which qualifier the page gave it. Every card says why.
   */
  async function expectPageEvidence(page: Page, name: string): Promise<void> {
    const marks = (await marksOn(page)).filter((m) => !m.continued);
    const ids = [...new Set(marks.map((m) => m.id))];
    const names = (await sendRaw(settingsPage, { type: 'getEntityNames', ids })) as {
      data: Record<string, { name: string; kind: string }>;
    };
    const fullySeen = new Set<string>();
    for (const mark of marks) {
      const entity = names.data[mark.id];
      if (entity?.kind !== 'person') continue;
      const full =
        mark.text.trim().split(/\s+/).length > 1 && !/^(?:Mr|Mrs|Ms|Dr|Lord|Sir|President|Senator)\b/.test(mark.text);
      if (full) fullySeen.add(mark.id);
      else
        expect(
          fullySeen.has(mark.id),
          `${name}: "${mark.text}" linked to ${entity.name} before the page names them in full`,
        ).toBe(true);
    }
    for (const id of ids.filter(
      (i) => names.data[i]?.kind === 'organisation' && isGenericBodyName(names.data[i]?.name ?? ''),
    )) {
      await (await page.$(`mark.sourcelight[data-sl-id="${id}"]`))?.click();
      const reason = await waitFor('the card', async () => (await cardState(page)).reason ?? undefined);
      expect(reason, `${name}: ${id}`).toMatch(/writes it with “.+”|names .+ nearby/);
      await closeCardWithEscape(page);
    }
    const first = marks.findIndex((m) => !m.inLink);
    if (first === -1) return;
    await (await page.$$('mark.sourcelight:not([data-sl-continued])'))[first]?.click();
    const reason = await waitFor('the card and its reason', async () => (await cardState(page)).reason ?? undefined);
    expect(reason, name).toMatch(/^Linked because this page /);
    // The card's first passage (a statement, a question or a mention) opens the viewer in a new tab; the article stays.
    const link = await inCard(page, '.sl-body [role="link"]');
    expect(link, `${name}: a passage to follow`).not.toBeNull();
    const known = await session.ext.browser.pages();
    const articleUrl = await locationOf(page);
    await link?.click();
    const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    await waitFor(`${name}: the passage in the viewer`, () =>
      viewer.evaluate(() => document.getElementById('passage') !== null),
    );
    await viewer.close();
    expect(await locationOf(page), name).toBe(articleUrl);
    await page.bringToFront();
    await closeCardWithEscape(page);
  }
});
