// The UI in the browser's language: with Persian chosen (Chromium --lang=fa, Firefox intl.locale.requested=fa), a
// reader who follows a statement from the card to its source reads the viewer in Persian, laid out right to left,
// while the corpus's English text keeps its own direction; axe finds nothing.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { expectNoViolations } from './axe';
import { cardState, inCard } from './card-frame';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
const STATEMENT_LINK = '.sl-statement blockquote [role="link"]';

describe.each(allBrowsers)('the UI in Persian in %s', (browserName) => {
  const session = useSession(browserName, { language: 'fa' });

  it('shows the source viewer in Persian, right to left, with the English source text left to right', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 3);
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]'))?.click();
    await waitFor('the card', async () => (await cardState(page)).statementLinks.length > 0);
    const known = await session.ext.browser.pages();
    await (await inCard(page, STATEMENT_LINK))?.click();
    const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    const shown = await waitFor('the viewer in Persian', () =>
      viewer.evaluate(() => {
        const kicker = document.querySelector('.kicker')?.textContent ?? '';
        const paragraph = document.querySelector('.text p');
        if (!kicker || !paragraph) return undefined;
        return {
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          direction: getComputedStyle(document.body).direction,
          kicker,
          notice: document.querySelector('.notice')?.textContent ?? '',
          textDirection: getComputedStyle(paragraph).direction,
          title: document.title,
        };
      }),
    );
    expect(shown.lang, 'the browser runs in Persian: install chromium-l10n and firefox-esr-l10n-fa').toMatch(/^fa/);
    expect(shown.dir).toBe('rtl');
    expect(shown.direction).toBe('rtl');
    expect(shown.kicker).toMatch(/^سند منبع · /);
    expect(shown.notice).toMatch(/Sourcelight نشان می‌دهد/);
    // The source is English: its paragraphs read left to right inside the right-to-left page.
    expect(shown.textDirection).toBe('ltr');
    expect(shown.title).toMatch(/— Sourcelight$/);
    await expectNoViolations(viewer, `the viewer in Persian (${browserName})`);
    mkdirSync(outDir, { recursive: true });
    await viewer.evaluate(() => scrollTo(0, 0));
    await viewer.screenshot({ path: resolve(outDir, `viewer-fa-${browserName}.png`) });
  });
});
