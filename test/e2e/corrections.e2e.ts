// The reader's corrections as a reader makes them on a card, finds them applied, keeps them through a rebuild of the
// corpus, and undoes them on the options page: "Not this person" on one site (the fixture server is one site as
// 127.0.0.1 and another as localhost), "Wrong speaker" chosen by keyboard, and the corrections file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack, type DocumentInput } from '../../src/corpus/compile';
import { allBrowsers } from './browsers';
import { cardFrame, cardState, closeCardWithEscape, inCard, pressKeyThatClosesCard } from './card-frame';
import { sendRaw, storeSettings, tabAt } from './extension-page';
import { marksOn, waitForMarks } from './page-state';
import { expectNoViolations } from './axe';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

const MCCABE = 'person-steve-mccabe';
const WORDS = 'The inquiry must hear every family before it hears a single minister.';

/** The reader's own notes, dated later than the default corpus, so that Steve McCabe's card shows them first. */
const copy: DocumentInput = {
  name: 'notes.txt',
  text: `Conference notes\n\nMP David Jones opened the session on the inquiry.\n\nBritish MP Steve McCabe said: “${WORDS}”\n`,
  metadata: { title: 'Conference notes', date: '2030-01-01' },
};
const packOptions = { id: 'reader-copy', title: 'Reader copy' };

/**
 * The same corpus rebuilt: a document added before it, and a quote added before Steve McCabe's, so the statement's
 * id and offsets change.
 */
const rebuiltPack = compilePack(
  [
    { name: '000_added.txt', text: 'An added report\n\nJane Okafor said: “The inquiry must open this year.”\n' },
    {
      ...copy,
      text: copy.text.replace(
        'British MP Steve McCabe said:',
        'Jane Okafor said: “Every family deserves an answer.”\n\nBritish MP Steve McCabe said:',
      ),
    },
  ],
  packOptions,
);

const textIn = (page: Page, selector: string): Promise<string> =>
  page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent ?? '').join(' ')).catch(() => '');

const waitForText = (page: Page, selector: string, pattern: RegExp): Promise<string> =>
  waitFor(`${selector} to match ${pattern}`, async () => {
    const text = await textIn(page, selector);
    return pattern.test(text) ? text : undefined;
  });

const mccabeMarks = async (page: Page): Promise<number> =>
  (await marksOn(page)).filter((mark) => mark.id === MCCABE).length;

describe.each(allBrowsers)('the reader’s corrections in %s', (browserName) => {
  const session = useSession(browserName);
  let options: Page;
  const files = join(tmpdir(), `sourcelight-corrections-${browserName}`);

  const demoOn = (host: '127.0.0.1' | 'localhost'): string =>
    session.server.url('demo.html').replace('127.0.0.1', host);

  async function openDemo(host: '127.0.0.1' | 'localhost'): Promise<Page> {
    const page = await session.ext.browser.newPage();
    await page.goto(demoOn(host), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    return page;
  }

  /** Opens Steve McCabe's card from his name in the text (not the one in the link), as a reader clicks it. */
  async function openMcCabeCard(page: Page): Promise<void> {
    // The reader's tab is in front: a tab behind others may not take input or paint at once.
    await page.bringToFront();
    await (await page.$(`mark.sourcelight[data-sl-id="${MCCABE}"]:not(a mark)`))?.click();
    await waitFor('the card', async () => (await cardState(page)).statementLinks.length > 0);
  }

  async function importThroughOptions(name: string, json: string, done: RegExp): Promise<void> {
    const path = join(files, name);
    writeFileSync(path, json);
    const input = (await options.$('#pack-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await waitForText(options, '#import-status', done);
  }

  beforeAll(async () => {
    mkdirSync(files, { recursive: true });
    options = await session.ext.openExtensionPage('src/options/options.html');
    await options.waitForSelector('body[data-ready="true"]');
    await storeSettings(options, { enabled: true, disabledSites: [] });
    await importThroughOptions('reader-copy.json', JSON.stringify(compilePack([copy], packOptions)), /Imported/);
  });

  afterAll(async () => {
    await sendRaw(options, { type: 'removePack', packId: 'reader-copy' });
  });

  it('“Not this person” removes the link on this site, after a reload too, and another site keeps it', async () => {
    const page = await openDemo('127.0.0.1');
    expect(await mccabeMarks(page)).toBeGreaterThan(0);
    await openMcCabeCard(page);
    await (await inCard(page, '.sl-entity-corrections .sl-confirmable > button'))?.click();
    const frame = await cardFrame(page);
    const question = await frame?.$eval('.sl-confirm:not([hidden]) p', (node) => node.textContent);
    expect(question).toBe('Stop linking these words to Steve McCabe on 127.0.0.1? Other sites keep the link.');
    if (frame) await expectNoViolations(frame, `the card asking “Not this person?” (${browserName})`);
    // Confirmed by keyboard: focus is on the confirming button.
    expect(await frame?.evaluate(() => document.activeElement?.textContent)).toBe('Stop linking on 127.0.0.1');
    // The page is highlighted again without him, and his card closes with his highlights.
    await pressKeyThatClosesCard(page, 'Enter');
    // Taking the old marks off removes his too: wait for the page to be highlighted again, without him.
    await waitFor(
      'the page highlighted again, without him',
      async () => (await mccabeMarks(page)) === 0 && (await marksOn(page)).length > 5,
    );
    expect(await mccabeMarks(page)).toBe(0);
    expect((await marksOn(page)).length).toBeGreaterThan(5);

    await page.reload({ waitUntil: 'load' });
    // David Jones is named after him in the text: once he is highlighted, the pass has gone past Steve McCabe.
    await waitFor('David Jones highlighted', async () =>
      (await marksOn(page)).some((mark) => mark.id === 'person-david-jones'),
    );
    expect(await mccabeMarks(page)).toBe(0);

    const elsewhere = await openDemo('localhost');
    expect(await mccabeMarks(elsewhere)).toBeGreaterThan(0);
    await elsewhere.close();
    await page.close();
  });

  it('“Wrong speaker”, chosen by keyboard, shows in the card and the popup, and survives a rebuild', async () => {
    const page = await openDemo('localhost');
    await openMcCabeCard(page);
    const frame = await cardFrame(page);
    if (!frame) throw new Error('no card');
    // The first statement is the reader's own notes' (dated latest): its "Wrong speaker", reached by keyboard.
    const first = await frame.$eval('.sl-statement', (item) => item.textContent ?? '');
    expect(first).toContain(WORDS);
    expect(first).toContain('in Reader copy');
    await frame.focus('.sl-statement .sl-statement-corrections button');
    await page.keyboard.press('Enter');
    await waitFor('the picker', () =>
      frame.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox'),
    );
    // Its document's people are offered first; typing narrows to the corpus's.
    await page.keyboard.type('David Jon');
    await waitFor('the search’s answer', () =>
      frame.evaluate(() => document.querySelector<HTMLElement>('[role="listbox"]')?.dataset.query === 'David Jon'),
    );
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: resolve(outDir, `card-speaker-picker-${browserName}.png`) });
    await expectNoViolations(frame, `the card with the speaker picker open (${browserName})`);
    expect(await frame.evaluate(() => document.querySelector('[aria-selected="true"]')?.textContent)).toMatch(
      /^David Jones/,
    );
    await page.keyboard.press('Enter');
    const note = await waitFor('the statement marked', () =>
      frame.evaluate(() => document.querySelector('.sl-statement .sl-correction-note')?.textContent ?? undefined),
    );
    expect(note).toBe('Corrected by you David Jones said this; the source’s text gives it to Steve McCabe.');
    // Focus is back on the statement's control, and the change is announced.
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toMatch(/^Wrong speaker/);
    await waitFor('the announcement', () =>
      frame.evaluate(() =>
        /Saved: David Jones said this/.test(
          document.querySelector('.sl-statement .sl-correction-status')?.textContent ?? '',
        ),
      ),
    );
    await page.screenshot({ path: resolve(outDir, `card-correction-${browserName}.png`) });

    // His own page, opened from the card, marks it too.
    const known = await session.ext.browser.pages();
    await (await inCard(page, '.sl-entity-page [role="link"]'))?.click();
    const personPage = await waitForNewTab(session.ext.browser, known, 'person.html');
    const onPage = await waitFor('the statement on his page', () =>
      personPage.evaluate(
        (words) =>
          [...document.querySelectorAll('.sl-statement')].find((item) => item.textContent?.includes(words))
            ?.textContent ?? undefined,
        WORDS,
      ),
    );
    expect(onPage).toContain('Corrected by you David Jones said this; the source’s text gives it to Steve McCabe.');
    await personPage.close();
    await page.bringToFront();
    await closeCardWithEscape(page);

    // The popup's search gives the words to David Jones, beside the source's speaker.
    const tab = await tabAt(options, demoOn('localhost'));
    const searchFor = async (): Promise<string> => {
      const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tab}`);
      await popup.focus('#search');
      await popup.keyboard.type('hear every family before it hears');
      const hits = await waitFor('the statements found', () =>
        popup.evaluate(() => {
          const found = [...document.querySelectorAll('#results [role="option"][data-type="statement"]')];
          return found.length > 0 ? found.map((option) => option.textContent ?? '').join('\n') : undefined;
        }),
      );
      await popup.evaluate(() =>
        [...document.querySelectorAll('#results [role="option"]')]
          .find((option) => option.textContent?.includes('corrected by you'))
          ?.scrollIntoView({ block: 'center' }),
      );
      await popup.screenshot({ path: resolve(outDir, `popup-correction-${browserName}.png`) });
      await popup.close();
      return hits;
    };
    expect(await searchFor()).toContain(
      'David Jones (corrected by you; the source’s text gives it to Steve McCabe) · Conference notes',
    );

    // Rebuilt and imported again through the options page: the statement has another id, and is still corrected.
    const idIn = (pack: { statements: { id: string; text: string }[] }) =>
      pack.statements.find((s) => s.text === WORDS)?.id;
    expect(idIn(rebuiltPack)).not.toBe(idIn(compilePack([copy], packOptions)));
    await importThroughOptions('reader-copy-rebuilt.json', JSON.stringify(rebuiltPack), /Replaced “Reader copy”/);
    await page.reload({ waitUntil: 'load' });
    await waitForMarks(page, 10);
    await openMcCabeCard(page);
    const again = await (await cardFrame(page))?.$eval('.sl-statement', (item) => item.textContent ?? '');
    expect(again).toContain('Corrected by you David Jones said this');
    expect(await searchFor()).toContain('David Jones (corrected by you; the source’s text gives it to Steve McCabe)');
    await page.close();
  });

  it('lists the corrections on the options page, exports them, undoes each, and imports them back', async () => {
    await options.bringToFront();
    const listed = await waitForText(options, '#correction-groups', /Steve McCabe is not linked on 127\.0\.0\.1/);
    expect(listed).toMatch(/said by David Jones; the source gives it to Steve McCabe/);
    await (
      await options.$('#corrections')
    )?.screenshot({ path: resolve(outDir, `options-corrections-${browserName}.png`) });

    await options.click('#corrections-export');
    const exported = join(session.ext.downloadDir, 'sourcelight-corrections.json');
    const file = await waitFor('the corrections file', async () =>
      existsSync(exported)
        ? (JSON.parse(readFileSync(exported, 'utf8')) as { format: string; corrections: unknown[] })
        : undefined,
    );
    expect(file.format).toBe('sourcelight-corrections');
    expect(file.corrections).toHaveLength(2);

    // Undone by keyboard, one by one; focus moves to the next Undo.
    await options.focus('#correction-groups [data-correction^="unlink"]');
    await options.keyboard.press('Enter');
    await waitForText(options, '#corrections-status', /Undone: Steve McCabe is not linked on 127\.0\.0\.1/);
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-correction'))).toMatch(/^speaker/);
    await options.keyboard.press('Enter');
    await waitForText(options, '#corrections-status', /Undone: “The inquiry must hear every family/);
    expect(await options.$eval('#corrections-empty', (node) => (node as HTMLElement).hidden)).toBe(false);

    const page = await openDemo('127.0.0.1');
    expect(await mccabeMarks(page)).toBeGreaterThan(0);
    await openMcCabeCard(page);
    expect(await (await cardFrame(page))?.$('.sl-correction-note')).toBeNull();
    await closeCardWithEscape(page);
    await page.close();

    // A file that is not a corrections file is refused, and changes nothing; the exported one brings both back.
    const input = (await options.$('#corrections-file')) as ElementHandle<HTMLInputElement>;
    const bad = join(files, 'not-corrections.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'sourcelight-corrections', version: 1, corrections: [{ kind: 'mute' }] }),
    );
    await input.uploadFile(bad);
    expect(await waitForText(options, '#corrections-alert', /not imported/)).toMatch(
      /your corrections are as they were: invalid corrections file: corrections\.0\.entity/,
    );
    expect(await sendRaw(options, { type: 'getCorrections' })).toEqual({ ok: true, data: [] });
    await input.uploadFile(exported);
    await waitForText(
      options,
      '#corrections-status',
      /Imported 2 corrections from sourcelight-corrections\.json; you now have 2\./,
    );
    expect(await textIn(options, '#correction-groups')).toMatch(/not linked on 127\.0\.0\.1.*said by David Jones/s);
  });

  it('“Hide everywhere” takes a name off every site, and the options page gives it back', async () => {
    const RAJAVI = 'person-maryam-rajavi';
    const rajaviMarks = async (page: Page): Promise<number> =>
      (await marksOn(page)).filter((mark) => mark.id === RAJAVI).length;
    const page = await openDemo('localhost');
    await (await page.$(`mark.sourcelight[data-sl-id="${RAJAVI}"]:not(a mark)`))?.click();
    await waitFor('the card', async () => (await cardState(page)).label === 'Maryam Rajavi' || undefined);
    const hide = await inCard(page, '.sl-entity-corrections .sl-confirmable:last-of-type > button');
    expect(await hide?.evaluate((node) => node.textContent)).toBe('Hide everywhere');
    await hide?.click();
    // Focus is on the confirming button.
    await pressKeyThatClosesCard(page, 'Enter');
    await waitFor('her highlights gone', async () => (await rajaviMarks(page)) === 0);
    const other = await openDemo('127.0.0.1');
    expect(await rajaviMarks(other)).toBe(0);

    await options.bringToFront();
    await waitForText(
      options,
      '#correction-groups',
      /Never highlighted \(1\)Maryam Rajavi is not highlighted on any site/,
    );
    await options.focus('#correction-groups [data-correction^="mute"]');
    await options.keyboard.press('Enter');
    await waitForText(options, '#corrections-status', /Undone: Maryam Rajavi is not highlighted on any site/);
    // Open tabs take her back as soon as the reader looks at them: a tab behind another has nothing near a viewport.
    await other.bringToFront();
    await waitFor('her highlights back', async () => (await rajaviMarks(other)) > 0);
    await page.bringToFront();
    await waitFor('her highlights back in the first tab', async () => (await rajaviMarks(page)) > 0);
    await other.close();
    await page.close();
  });
});
