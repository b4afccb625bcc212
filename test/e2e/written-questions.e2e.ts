// Parliament's written questions, as a reader brings them in: an export of the UK Parliament written questions API
// chosen in the options page's file input, recognised as such, and then, on a page that names one of its (invented)
// members, that member's card with the holding answer, the correction and the withdrawal the record flags.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe';
import { allBrowsers } from './browsers';
import { cardFrame, cardState, closeCardWithEscape, inCard } from './card-frame';
import { askTabAt, sendRaw, storeSettings } from './extension-page';
import { waitForText } from './page-state';
import { textBox } from './screen';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';
import { writtenQuestionsExport } from '../fixtures/written-questions-set';

const fixtures = resolve(import.meta.dirname, '../fixtures/written-questions');
const outDir = resolve(import.meta.dirname, '../../out');
const PACK_ID = 'written-questions-questions';

interface Summary {
  packs: { id: string; counts: Record<string, number> }[];
}

async function summaryOf(page: Page): Promise<Summary> {
  return ((await sendRaw(page, { type: 'getCorpusSummary' })) as { data: Summary }).data;
}

describe.each(allBrowsers)('written questions in %s', (browserName) => {
  const session = useSession(browserName);
  let options: Page;

  beforeAll(async () => {
    options = await session.ext.openExtensionPage('src/options/options.html');
    await options.waitForSelector('body[data-ready="true"]');
    // An imported corpus is the reader's own: highlighted on pages where their scripts cannot read it.
    await storeSettings(options, { showOwnCorpora: true });
  });

  afterAll(async () => {
    await sendRaw(options, { type: 'removePack', packId: PACK_ID });
  });

  async function choose(path: string): Promise<void> {
    const input = (await options.$('#pack-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
  }

  it('imports an export through the file input, saying it recognised the written questions format', async () => {
    await choose(resolve(fixtures, 'questions.json'));
    const status = await waitForText(options, '#import-status', /^Imported/, 30_000);
    expect(status).toBe(
      'Imported “UK Parliament written questions (questions.json)” from “questions.json”: 6 documents, 5 people, ' +
        '1 organisation, 0 topics, 0 places, 0 statements, 6 questions. ' +
        'Recognised a UK Parliament written questions export (7 records).',
    );
    expect((await summaryOf(options)).packs.find((pack) => pack.id === PACK_ID)?.counts.questions).toBe(6);
    mkdirSync(outDir, { recursive: true });
    await options.screenshot({ path: resolve(outDir, `written-questions-import-${browserName}.png`) });
  });

  it('imports the same export again from an address, replacing the corpus it made', async () => {
    await options.type('#pack-url', session.server.url('written-questions/questions.json'));
    await options.click('#pack-url-submit');
    const status = await waitForText(options, '#import-status', /^Replaced/, 30_000);
    expect(status).toMatch(
      /^Replaced “UK Parliament written questions \(questions\.json\)” from 127\.0\.0\.1:\d+: 6 documents, .*6 questions\. Recognised a UK Parliament written questions export \(7 records\)\.$/,
    );
    expect((await summaryOf(options)).packs.filter((pack) => pack.id === PACK_ID)).toHaveLength(1);
  });

  it('shows the holding answer, the correction and the withdrawal on the card of the member a page names, with no axe violations', async () => {
    const page = await session.ext.browser.newPage();
    try {
      // Room for the whole card in the screenshot (Firefox's BiDi cannot set a viewport; its window is tall enough).
      if (browserName === 'chromium') await page.setViewport({ width: 900, height: 1300 });
      const url = session.server.url('written-questions.html');
      await page.goto(url, { waitUntil: 'load' });
      // The reader clicks the name they see highlighted; the page has no element for it.
      await waitFor('the member highlighted', async () => {
        const listed = await askTabAt<{ entities: { entityId: string }[] }>(options, url, { type: 'getPageEntities' });
        return listed?.entities.some(({ entityId }) => entityId === 'person-orla-tregarthen');
      });
      const name = await textBox(page, 'article p', 'Orla Tregarthen');
      await page.mouse.click(name.left + name.width / 2, name.top + name.height / 2);
      const card = await waitFor('the card with its questions', async () => {
        const state = await cardState(page);
        return state.text.includes('Parliamentary questions') ? state : undefined;
      });
      expect(card.label).toBe('Orla Tregarthen');
      const frame = await cardFrame(page);
      const questions = await frame?.evaluate(() =>
        [...document.querySelectorAll('.sl-question')].map((item) => ({
          meta: item.querySelector('.sl-meta')?.textContent ?? '',
          flags: [...item.querySelectorAll('.sl-flag')].map((flag) => flag.textContent ?? ''),
          answers: [...item.querySelectorAll('.sl-answer')].map((answer) => answer.textContent ?? ''),
        })),
      );
      const asker = 'asked by Orla Tregarthen (Labour MP for Wyndham North)';
      const answerer = 'by Caspar Wellbeloved (Conservative MP for Fenmoor)';
      const body = 'to the Department for Coastal Affairs';
      // Newest first: the withdrawn question, the holding answer, the correction.
      expect(questions).toEqual([
        {
          meta: `Asked House of Commons · question 10990 · ${asker} on April 2, 2024, ${body} · withdrawn before an answer`,
          flags: ['Withdrawn'],
          answers: ['No answer: the question was withdrawn.'],
        },
        {
          meta: `Asked House of Commons · question 10452 · ${asker} on March 4, 2024, ${body} · answered on March 11, 2024 ${answerer}`,
          flags: ['Holding answer on March 11, 2024'],
          answers: ['Holding answer (March 11, 2024): I will reply to the hon. Member as soon as possible.'],
        },
        {
          meta: `Asked House of Commons · question 10460 · ${asker} on February 12, 2024, ${body} · answered on February 19, 2024 ${answerer}`,
          flags: ['Corrected on February 26, 2024'],
          answers: [
            'Corrected answer (February 26, 2024): My Department allocated £4.2 million to sea defences in Wyndham North in 2022–23.',
            'Answer as first given (February 19, 2024): My Department allocated £2.4 million to sea defences in Wyndham North in 2022–23.',
          ],
        },
      ]);
      await page.screenshot({ path: resolve(outDir, `written-questions-card-${browserName}.png`) });
      if (frame) await expectNoViolations(frame, `the card with flagged questions (${browserName})`);

      // The question opens its record, the official document, in the viewer.
      const known = await session.ext.browser.pages();
      const corrected = await inCard(page, '.sl-question:nth-child(3) .sl-question-text [role="link"]');
      await corrected?.click();
      const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
      const record = await waitFor('the record in the viewer', () =>
        viewer.evaluate(() =>
          document.body.innerText.includes('The answer as first given') ? document.body.innerText : undefined,
        ),
      );
      expect(record).toContain('House of Commons written question 10460, tabled on 2024-02-12.');
      await viewer.close();
      await page.bringToFront();
      await closeCardWithEscape(page);
    } finally {
      await page.close();
    }
  });

  it('refuses a file with bad records, naming each by its uin and field, and keeps what was stored', async () => {
    const before = await summaryOf(options);
    await choose(resolve(fixtures, 'bad-records.json'));
    const alert = await waitForText(options, '#import-alert', /Nothing was imported/, 30_000);
    expect(alert).toBe(
      'Nothing was imported from “bad-records.json”. 2 records are not as the written questions API writes them: ' +
        'question "10461": dateAnswered: no such day; ' +
        'question "10462": askingMember.name: the asker\'s name is missing (export with expandMember=true).',
    );
    expect(await summaryOf(options)).toEqual(before);
    expect(await options.$eval('#import-progress', (panel) => (panel as HTMLElement).hidden)).toBe(true);
  });

  it('imports 10,000 questions, showing how many are checked, then storing', async () => {
    const file = resolve(tmpdir(), `written-questions-10000-${browserName}.json`);
    writeFileSync(file, JSON.stringify(writtenQuestionsExport(10_000)));
    await options.evaluate(() => {
      const shown: string[] = [];
      (globalThis as unknown as { progressLog: string[] }).progressLog = shown;
      const text = document.getElementById('import-progress-text');
      new MutationObserver(() => {
        const now = text?.textContent ?? '';
        if (now !== '' && now !== shown.at(-1)) shown.push(now);
      }).observe(text as Node, { childList: true, characterData: true, subtree: true });
    });
    const started = Date.now();
    await choose(file);
    const status = await waitForText(options, '#import-status', /^Imported/, 60_000);
    const took = Date.now() - started;
    console.log(`${browserName}: 10,000 written questions imported in ${took} ms`);
    expect(status).toMatch(/: 10,000 documents, 164 people, 10 organisations, .*10,000 questions\. Recognised/);
    const shown = await options.evaluate(() => (globalThis as unknown as { progressLog: string[] }).progressLog);
    const checked = shown.flatMap((line) => {
      const count = /^Checked ([\d,]+) of 10,000 questions \((\d+)%\)$/.exec(line);
      return count ? [Number(count[1]?.replace(/,/g, ''))] : [];
    });
    // Counted up in steps the reader sees, to every one of them, then stored.
    expect(checked.length).toBeGreaterThan(10);
    expect(checked).toEqual([...checked].sort((a, b) => a - b));
    expect(checked.at(-1)).toBe(10_000);
    expect(shown.at(-1)).toBe('Storing 10,000 questions…');
    expect(await options.$eval('#import-progress', (panel) => (panel as HTMLElement).hidden)).toBe(true);
    await sendRaw(options, { type: 'removePack', packId: `written-questions-written-questions-10000-${browserName}` });
  });
});
