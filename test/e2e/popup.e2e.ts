import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allBrowsers, launchWithExtension } from './browsers';
import { useSession } from './session';
import { storeSettings, tabAt } from './extension-page';
import { marksOn, readToTheEnd, waitForMarks, waitForNoMarks } from './page-state';
import { waitFor } from './wait-for';
import { cardState } from './card-frame';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

/** The options offered by the popup's search, as a reader sees them. */
function searchOptions(popup: Page) {
  return optionsFor(popup, null);
}

/** One option of the popup's search, as a reader sees it. */
interface Option {
  type: string;
  text: string;
  selected: boolean;
}

/** The options once the list shows the results of `query` (or of whatever query, when null). */
function optionsFor(popup: Page, query: string | null): Promise<Option[]> {
  return popup.evaluate((wanted) => {
    if (wanted !== null && document.getElementById('results')?.dataset.query !== wanted) return [];
    return [...document.querySelectorAll<HTMLElement>('#results [role="option"]')].map((option) => ({
      type: option.dataset.type ?? '',
      text: option.textContent ?? '',
      selected: option.getAttribute('aria-selected') === 'true',
    }));
  }, query);
}

async function typeQuery(popup: Page, query: string): Promise<void> {
  await popup.focus('#search');
  await popup.keyboard.type(query);
}

describe.each(allBrowsers)('toolbar popup in %s', (browserName) => {
  const session = useSession(browserName);
  let demo: Page;
  let demoTabId: number;

  beforeEach(async () => {
    const settings = await session.ext.openExtensionPage('src/options/options.html');
    await storeSettings(settings, { enabled: true, disabledSites: [] });
    demo = await session.ext.browser.newPage();
    await demo.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(demo, 10);
    demoTabId = await tabAt(settings, session.server.url('demo.html'));
    await settings.close();
  });

  afterEach(async () => {
    // One demo tab at a time, so that the tab found by its address is this test's.
    await demo.close();
  });

  const openPopup = () => session.ext.openExtensionPage(`src/popup/popup.html?tab=${demoTabId}`);

  it('finds a person from a partial name with a typo, and shows their statements by keyboard', async () => {
    const popup = await openPopup();
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search');
    await typeQuery(popup, 'mcabe');
    const options = await waitFor('results', async () => {
      const found = await optionsFor(popup, 'mcabe');
      return found.some((option) => option.type === 'entity') ? found : undefined;
    });
    expect(options[0]?.type).toBe('entity');
    expect(options[0]?.text).toContain('Steve McCabe');
    expect(options[0]?.selected).toBe(true);
    await popup.keyboard.press('Enter');
    const detail = await waitFor('the entity view', () =>
      popup.evaluate(() => {
        const view = document.querySelector('#detail:not([hidden]) .sl-entity');
        if (!view) return undefined;
        return {
          name: view.querySelector('.sl-name')?.textContent ?? '',
          statements: [...view.querySelectorAll<HTMLAnchorElement>('.sl-statement blockquote a[href]')].map(
            (a) => a.href,
          ),
        };
      }),
    );
    expect(detail.name).toBe('Steve McCabe');
    expect(detail.statements.length).toBeGreaterThan(0);
    expect(detail.statements[0]).toContain('/src/viewer/viewer.html?');
    await popup.keyboard.press('Escape');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search');
    await popup.close();
  });

  it('moves through grouped results with the arrow keys and clears with Esc', async () => {
    const popup = await openPopup();
    await typeQuery(popup, 'pourmohamadi');
    const first = await waitFor('results for a misspelt name', async () => {
      const found = await optionsFor(popup, 'pourmohamadi');
      return found.length > 0 ? found : undefined;
    });
    expect(first[0]?.text).toMatch(/Pour\s?-?Mohammadi|Pourmohammadi/i);
    // Down moves the active option from the first result to the second: the query has several.
    expect(first.length).toBeGreaterThan(1);
    await popup.keyboard.press('ArrowDown');
    const moved = await searchOptions(popup);
    expect(moved.findIndex((option) => option.selected)).toBe(1);
    await popup.keyboard.press('Escape');
    expect(await popup.evaluate(() => (document.getElementById('search') as HTMLInputElement).value)).toBe('');
    expect(await searchOptions(popup)).toEqual([]);
    await popup.close();
  });

  it('shows a joint statement as having no single speaker', async () => {
    const popup = await openPopup();
    await typeQuery(popup, '"the undersigned"');
    const options = await waitFor('the joint statement', async () => {
      const found = await optionsFor(popup, '"the undersigned"');
      return found.some((option) => option.type === 'statement') ? found : undefined;
    });
    expect(options.find((option) => option.type === 'statement')?.text).toContain(
      'A joint statement: no single speaker',
    );
    await popup.close();
  });

  /**
   * The results for a query in a popup opened before the background is stopped and in one opened after it started
   * again, each taken once `complete` says they are whole.
   */
  async function resultsAcrossRestart(query: string, complete: (found: Option[]) => boolean) {
    const resultsOf = async (popup: Page) => {
      await typeQuery(popup, query);
      return waitFor(`results for ${query}`, async () => {
        const found = await optionsFor(popup, query);
        return complete(found) ? found : undefined;
      });
    };
    const before = await openPopup();
    const warm = await resultsOf(before);
    await before.close();
    await session.ext.restartBackground();
    // Firefox restarts the add-on, closing its pages: the popup opens again once the new background is up.
    const after = await waitFor('the popup after the restart', () => openPopup().catch(() => undefined));
    const cold = await resultsOf(after);
    await after.close();
    return { warm, cold };
  }

  it('after the background was stopped, gives the same statements and documents from the stored index', async () => {
    const { warm, cold } = await resultsAcrossRestart('executions', (found) => {
      const types = new Set(found.map((option) => option.type));
      return types.has('statement') && types.has('document');
    });
    expect(cold).toEqual(warm);
  });

  it('after the background was stopped, gives the same results for the first two letters typed', async () => {
    const { warm, cold } = await resultsAcrossRestart('ex', (found) => found.length > 0);
    expect(cold).toEqual(warm);
    expect(warm.map((option) => option.type)).toContain('statement');
  });

  it('says clearly when nothing is found, whatever the query', async () => {
    const popup = await openPopup();
    for (const query of ['zzzzqqqq', '%%%***', 'آزادی زندانیان', 'x'.repeat(500)]) {
      await popup.evaluate(() => {
        (document.getElementById('search') as HTMLInputElement).value = '';
      });
      await typeQuery(popup, query);
      const state = await waitFor(`an answer for ${query.slice(0, 20)}`, () =>
        popup.evaluate((asked) => {
          if (document.getElementById('results')?.dataset.query !== asked) return undefined;
          const none = document.getElementById('no-results');
          const options = document.querySelectorAll('#results [role="option"]').length;
          const failed = document.querySelector('#results .error');
          return { none: Boolean(none), options, failed: failed?.textContent ?? null };
        }, query),
      );
      expect(state.none || state.options > 0).toBe(true);
      expect(state.failed).toBeNull();
    }
    await popup.close();
  });

  it('lists what is highlighted on the page, and choosing one opens its card on the page', async () => {
    // The list counts the names far below the reader too; paging through marks them all, to compare with it.
    await readToTheEnd(demo);
    const popup = await openPopup();
    const listed = await waitFor('the page list', () =>
      popup.evaluate(() => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('#page-entities button')];
        return buttons.length > 0
          ? buttons.map((b) => ({
              id: b.dataset.entityId ?? '',
              count: Number(b.querySelector('.count')?.textContent),
            }))
          : undefined;
      }),
    );
    const onPage = new Map<string, number>();
    for (const mark of (await marksOn(demo)).filter((m) => !m.continued))
      onPage.set(mark.id, (onPage.get(mark.id) ?? 0) + 1);
    expect(new Map(listed.map(({ id, count }) => [id, count]))).toEqual(onPage);
    await popup.click('#page-entities button[data-entity-id="person-maryam-rajavi"]');
    await waitFor('the card on the page', async () => (await cardState(demo)).label === 'Maryam Rajavi');
    await popup.close();
  });

  it('ignores marks the page forged: a 501-character id and 5,000 fake marks neither empty the list nor disable the switches', async () => {
    await readToTheEnd(demo);
    const real = new Set((await marksOn(demo)).filter((m) => !m.continued).map((m) => m.id));
    await demo.evaluate(() => {
      const forged = (id: string): HTMLElement => {
        const mark = Object.assign(document.createElement('mark'), { className: 'sourcelight', textContent: 'forged' });
        mark.dataset.slId = id;
        return mark;
      };
      document.body.append(forged('x'.repeat(501)));
      for (let i = 0; i < 5_000; i++) document.body.append(forged(`person-forged-${i}`));
    });
    const popup = await openPopup();
    const listed = await waitFor('the page list', () =>
      popup.evaluate(() => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('#page-entities button')];
        return buttons.length > 0 ? buttons.map((b) => b.dataset.entityId ?? '') : undefined;
      }),
    );
    expect(new Set(listed)).toEqual(real);
    // The switches come alive once the popup has read the settings; the forged marks must not stop that.
    await waitFor('both switches enabled', () =>
      popup.evaluate(() =>
        ['site-switch', 'global-switch'].every((id) => !(document.getElementById(id) as HTMLInputElement).disabled),
      ),
    );
    await popup.close();
  });

  it('switches the site off and on from the popup, live in the tab', async () => {
    const popup = await openPopup();
    await waitFor('the site switch', () =>
      popup.evaluate(() => !(document.getElementById('site-switch') as HTMLInputElement).disabled),
    );
    expect(await popup.evaluate(() => document.getElementById('site-label')?.textContent)).toBe('On for 127.0.0.1');
    await popup.click('#site-switch');
    await waitForNoMarks(demo);
    await popup.click('#site-switch');
    // The tab highlights what comes near the reader once they look at it again (the popup's tab is in front here).
    await readToTheEnd(demo);
    await waitForMarks(demo, 10);
    await popup.bringToFront();
    await popup.click('#global-switch');
    await waitForNoMarks(demo);
    await popup.click('#global-switch');
    await readToTheEnd(demo);
    await waitForMarks(demo, 10);
    await popup.close();
  });

  it('looks right with results, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const themed = await launchWithExtension(browserName, { colorScheme: scheme });
      try {
        const popup = await themed.openExtensionPage('src/popup/popup.html');
        if (browserName === 'chromium') await popup.setViewport({ width: 400, height: 600 });
        await typeQuery(popup, 'rajavi');
        await waitFor('results', async () => (await searchOptions(popup)).length > 2);
        const colours = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(colours).toBe(scheme === 'dark' ? 'rgb(28, 30, 34)' : 'rgb(255, 255, 255)');
        await popup.screenshot({ path: resolve(outDir, `popup-${scheme}-${browserName}.png`) });
      } finally {
        await themed.close();
      }
    }
  });
});
