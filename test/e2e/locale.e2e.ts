// The UI in the browser's language: with Persian chosen (Chromium --lang=fa, Firefox intl.locale.requested=fa), the
// popup, the options page, the card and the source viewer speak Persian and are laid out right to left, while the
// corpus's English text keeps its own direction; axe finds nothing. Screenshots go to out/ (the README shows three).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { expectNoViolations } from './axe';
import { cardFrame, cardState, inCard } from './card-frame';
import { tabAt } from './extension-page';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
const STATEMENT_LINK = '.sl-statement blockquote [role="link"]';
/** Persian letters: what a Persian message is written in. */
const PERSIAN = /[\u0600-\u06FF]/;

/** How a page or frame is laid out: its language and direction, as set and as the browser computes them. */
const layoutOf = (context: Page | Frame) =>
  context.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
  }));

/** The direction the browser lays an element out in: "ltr" for the corpus's English in a Persian page. */
const directionOf = (context: Page | Frame, selector: string) =>
  context.$eval(selector, (element) => getComputedStyle(element).direction);

describe.each(allBrowsers)('the UI in Persian in %s', (browserName) => {
  const session = useSession(browserName, { language: 'fa' });
  let demo: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    demo = await session.ext.browser.newPage();
    if (browserName === 'chromium') await demo.setViewport({ width: 1200, height: 900 });
    await demo.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(demo, 3);
  });

  it('runs the browser in Persian', async () => {
    const options = await session.ext.openExtensionPage('src/options/options.html');
    expect((await layoutOf(options)).lang, 'install chromium-l10n and firefox-esr-l10n-fa').toMatch(/^fa/);
    await options.close();
  });

  it('shows the popup in Persian, right to left, searched by typing, with English excerpts left to right', async () => {
    const settings = await session.ext.openExtensionPage('src/options/options.html');
    const tabId = await tabAt(settings, session.server.url('demo.html'));
    await settings.close();
    const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tabId}`);
    if (browserName === 'chromium') await popup.setViewport({ width: 400, height: 600 });
    await waitFor('the corpus loaded', () =>
      popup.evaluate(() => document.getElementById('corpus-status')?.dataset.documents),
    );
    await popup.waitForSelector('#page-entities button');
    expect(await layoutOf(popup)).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl' });
    const status = await popup.$eval('#corpus-status', (node) => node.textContent ?? '');
    // "۵ سند، ۳۳ گفته، ۴۰ نفر": Persian words and Persian digits.
    expect(status).toMatch(/^[۰-۹]+ سند، [۰-۹]+ گفته، [۰-۹]+ نفر$/);
    expect(await popup.$eval('#page-title', (node) => node.textContent)).toBe('در این صفحه');
    await popup.screenshot({ path: resolve(outDir, `popup-fa-empty-${browserName}.png`) });
    await expectNoViolations(popup, `the empty popup in Persian (${browserName})`);

    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search');
    await popup.keyboard.type('rajavi');
    await waitFor('results for rajavi', () =>
      popup.evaluate(() => {
        const results = document.getElementById('results');
        return results?.dataset.query === 'rajavi' && results.querySelector('[data-type="statement"]') !== null;
      }),
    );
    const shown = await popup.evaluate(() => ({
      groups: [...document.querySelectorAll('#results .group-title')].map((title) => title.textContent),
      person: document.querySelector('#results [data-type="entity"] .sub')?.textContent ?? '',
      announced: document.getElementById('search-status')?.textContent ?? '',
    }));
    expect(shown.groups).toContain('افراد و سازمان‌ها');
    // Items apart with a bullet: a middle dot beside Persian digits reads as a zero (۰).
    expect(shown.person).toMatch(/^شخص • [۰-۹]+ گفته/);
    expect(shown.announced).toMatch(/^[۰-۹]+ نتیجه نشان داده شد$/);
    // An English statement reads left to right inside the right-to-left list.
    expect(await directionOf(popup, '#results [data-type="statement"] .line')).toBe('ltr');
    expect(await directionOf(popup, '#results [data-type="statement"] .sub')).toBe('rtl');
    await popup.screenshot({ path: resolve(outDir, `popup-fa-${browserName}.png`) });
    await expectNoViolations(popup, `the popup with results in Persian (${browserName})`);
    await popup.close();
  });

  it('shows the options page in Persian, right to left, with the corpus’s English title left to right', async () => {
    const page = await session.ext.openExtensionPage('src/options/options.html');
    if (browserName === 'chromium') await page.setViewport({ width: 900, height: 1000 });
    await page.waitForSelector('body[data-ready="true"]');
    expect(await layoutOf(page)).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl' });
    expect(await page.title()).toBe('تنظیمات Sourcelight');
    expect(await page.$eval('#corpora-title', (node) => node.textContent)).toBe('پیکره‌ها');
    expect(await page.$eval('#corpus-totals', (node) => node.textContent)).toMatch(
      /^[۰-۹]+ پیکره ذخیره شده، [۰-۹]+ در حال استفاده: [۰-۹]+ سند، /,
    );
    // The built-in corpus's title is English: it keeps its direction in the Persian list.
    expect(await page.$eval('#pack-list .pack-title', (node) => node.textContent)).toMatch(/^1988 prison massacre/);
    expect(await directionOf(page, '#pack-list .pack-title')).toBe('ltr');
    expect(await page.$eval('#pack-list .pack-counts', (node) => node.textContent)).toMatch(PERSIAN);
    await page.screenshot({ path: resolve(outDir, `options-fa-${browserName}.png`) });
    await expectNoViolations(page, `the options page in Persian (${browserName})`);
    await page.close();
  });

  it('shows the card in Persian, right to left, opened from a highlight, with English statements left to right', async () => {
    await demo.bringToFront();
    await (await demo.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]'))?.click();
    await waitFor('the card in Persian', async () => PERSIAN.test((await cardState(demo)).reason ?? '') || undefined);
    await inCard(demo, STATEMENT_LINK);
    const frame = await cardFrame(demo);
    if (!frame) throw new Error('no card frame');
    const card = await cardState(demo);
    expect(card.label).toBe('Steve McCabe');
    expect(card.reason).toMatch(/^پیوند داده شد چون این صفحه/);
    expect(await layoutOf(frame)).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl' });
    const shown = await frame.evaluate(() => ({
      kind: document.querySelector('.sl-kind')?.textContent,
      sections: [...document.querySelectorAll('.sl-section h3')].map((heading) => heading.textContent ?? ''),
      buttons: [...document.querySelectorAll('.sl-entity-corrections .sl-confirmable > button')].map(
        (button) => button.textContent,
      ),
    }));
    expect(shown.kind).toBe('شخص');
    expect(shown.sections[0]).toMatch(/^گفته‌ها \([۰-۹]+\)$/);
    expect(shown.buttons).toEqual(['این شخص نیست', 'پنهان کردن در همه‌جا']);
    // The name and the English statements keep their own direction.
    expect(await directionOf(frame, '.sl-name')).toBe('ltr');
    expect(await directionOf(frame, '.sl-statement blockquote')).toBe('ltr');
    expect(await directionOf(frame, '.sl-reason')).toBe('rtl');
    await demo.screenshot({ path: resolve(outDir, `card-fa-${browserName}.png`) });
    await expectNoViolations(frame, `the card in Persian (${browserName})`);
  });

  it('shows the source viewer in Persian, right to left, with the English source text left to right', async () => {
    await waitFor('the card', async () => (await cardState(demo)).statementLinks.length > 0);
    const known = await session.ext.browser.pages();
    await (await inCard(demo, STATEMENT_LINK))?.click();
    const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    const shown = await waitFor('the viewer in Persian', () =>
      viewer.evaluate(() => {
        const kicker = document.querySelector('.kicker')?.textContent ?? '';
        const paragraph = document.querySelector('.text p');
        if (!kicker || !paragraph) return undefined;
        return {
          kicker,
          notice: document.querySelector('.notice')?.textContent ?? '',
          textDirection: getComputedStyle(paragraph).direction,
          title: document.title,
        };
      }),
    );
    expect(await layoutOf(viewer)).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl' });
    expect(shown.kicker).toMatch(/^سند منبع · /);
    expect(shown.notice).toMatch(/Sourcelight نشان می‌دهد/);
    // The source is English: its paragraphs read left to right inside the right-to-left page.
    expect(shown.textDirection).toBe('ltr');
    expect(shown.title).toMatch(/— Sourcelight$/);
    await expectNoViolations(viewer, `the viewer in Persian (${browserName})`);
    await viewer.evaluate(() => scrollTo(0, 0));
    await viewer.screenshot({ path: resolve(outDir, `viewer-fa-${browserName}.png`) });
    await viewer.close();
  });
});
