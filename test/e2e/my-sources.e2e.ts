// "Add this page to my sources", as a reader does it: open an article, press the popup's button, then find the
// article's statements in a search and in a card, with the date and publisher the page gives; add it again and it is
// updated, not repeated.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { cardFrame, cardState, closeCardWithEscape, inCard } from './card-frame';
import { askTabAt, importPackJson, sendRaw, storeSettings, tabAt } from './extension-page';
import { textBox } from './screen';
import { compilePack } from '../../src/corpus/compile';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { waitForNewTab } from './tabs';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

describe.each(allBrowsers)('my own sources in %s', (browserName) => {
  const session = useSession(browserName);
  let settings: Page;
  let article: Page;
  let articleTab: number;

  beforeAll(async () => {
    settings = await session.ext.openExtensionPage('src/options/options.html');
    await storeSettings(settings, { enabled: true, disabledSites: [], showOwnCorpora: true });
    article = await session.ext.browser.newPage();
    await article.goto(session.server.url('article.html'), { waitUntil: 'load' });
    articleTab = await tabAt(settings, session.server.url('article.html'));
  });

  afterAll(async () => {
    await sendRaw(settings, { type: 'removePack', packId: 'my-sources' });
  });

  const openPopup = () => session.ext.openExtensionPage(`src/popup/popup.html?tab=${articleTab}`);
  const addStatus = (popup: Page) =>
    popup.evaluate(() => document.getElementById('add-page-status')?.textContent ?? '');

  it('adds the article from the popup, with its statements, date and publisher, and opens it in the viewer', async () => {
    const popup = await openPopup();
    await popup.click('#add-page');
    const status = await waitFor('the page added', async () => {
      const text = await addStatus(popup);
      return /^Added/.test(text) ? text : undefined;
    });
    expect(status).toMatch(
      /^Added “Harbour inquiry to open next month, trust says” in My sources: [1-9]\d* statements?/,
    );
    await popup.screenshot({ path: resolve(outDir, `popup-add-page-${browserName}.png`) });

    // The search finds a statement, cited with the page's publisher and its publication date (not the JSON-LD's,
    // not the <time> of the byline, not today).
    await popup.focus('#search');
    await popup.keyboard.type('every family has an answer');
    const hit = await waitFor('the statement in the search', () =>
      popup.evaluate(() => {
        const option = document.querySelector<HTMLElement>('#results [role="option"][data-type="statement"]');
        return option?.textContent ?? undefined;
      }),
    );
    expect(hit).toContain('Amara Okafor');
    expect(hit).toContain('The Harbour Gazette');
    expect(hit).toContain('March 14, 2026');

    // "Open it in the viewer" opens the whole article.
    const known = await session.ext.browser.pages();
    await popup.click('#add-page-status a');
    const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
    const shown = await waitFor('the article in the viewer', () =>
      viewer.evaluate(() => (document.body.innerText.includes('harbour wall') ? document.body.innerText : undefined)),
    );
    expect(shown).toContain('The Harbour Gazette');
    await viewer.close();
    await popup.close();
  });

  it('shows the added statements in a card on the article itself', async () => {
    await article.reload({ waitUntil: 'load' });
    // The reader's own sources are highlighted where the page cannot read them: the reader clicks the name they see.
    const url = session.server.url('article.html');
    await waitFor('the speaker highlighted', async () => {
      const listed = await askTabAt<{ entities: { entityId: string }[] }>(settings, url, { type: 'getPageEntities' });
      return listed?.entities.some(({ entityId }) => entityId.includes('amara-okafor'));
    });
    expect(await article.$('mark[data-sl-id*="amara-okafor"]')).toBeNull();
    const name = await textBox(article, 'article p:nth-of-type(3)', 'Amara Okafor');
    await article.mouse.click(name.left + name.width / 2, name.top + name.height / 2);
    const card = await waitFor('the card', async () => {
      const state = await cardState(article);
      return state.statementLinks.length > 0 ? state : undefined;
    });
    expect(card.label).toBe('Amara Okafor');
    expect(card.statementLinks.map((link) => link.text).join(' ')).toContain('every family has an answer');
    const source = await (await inCard(article, '.sl-statement .sl-source'))?.evaluate((node) => node.textContent);
    // Cited from the host the text was read from; the site's name is what the page says of itself.
    expect(source).toContain('127.0.0.1 (says it is The Harbour Gazette), March 14, 2026');
    await closeCardWithEscape(article);
  });

  it('updates the article when it is added again, rather than adding it twice', async () => {
    const popup = await openPopup();
    await popup.click('#add-page');
    await waitFor('the page updated', async () => /^Updated “Harbour inquiry/.test(await addStatus(popup)));
    const summary = (await sendRaw(settings, { type: 'getCorpusSummary' })) as {
      data: { packs: { id: string; counts: { documents: number } }[] };
    };
    expect(summary.data.packs.find((pack) => pack.id === 'my-sources')?.counts.documents).toBe(1);
    await popup.close();
  });

  it('adds nothing from a page that is not an article, and says so', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('not-article.html'), { waitUntil: 'load' });
    const tab = await tabAt(settings, session.server.url('not-article.html'));
    const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tab}`);
    await popup.click('#add-page');
    const status = await waitFor('the answer', async () => {
      const text = await addStatus(popup);
      return text && text !== 'Reading the page…' ? text : undefined;
    });
    expect(status).toMatch(/does not look like an article|nothing was added/);
    await popup.close();
    await page.close();
  });

  it('shows one card for a person two corpora quote, each statement saying which corpus it comes from', async () => {
    // The reader's own notes, compiled as the command line compiles them, quoting a person the default corpus quotes.
    const notes = compilePack(
      [
        {
          name: 'harbour-meeting.txt',
          text: 'Notes from the harbour meeting\n\nDavid Jones said: “The inquiry must hear every family before the summer.”\n',
        },
      ],
      { id: 'reader-notes', title: 'Reader notes' },
    );
    expect(notes.statements.map((statement) => statement.speakerId)).toEqual(['person-david-jones']);
    expect(await importPackJson(settings, JSON.stringify(notes))).toMatchObject({ ok: true });
    const page = await session.ext.browser.newPage();
    try {
      await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
      await waitForMarks(page, 10);
      await (await page.$('mark.sourcelight[data-sl-id="person-david-jones"]:not([data-sl-continued])'))?.click();
      const card = await waitFor('the card', async () => {
        const state = await cardState(page);
        return state.statementLinks.length > 1 ? state : undefined;
      });
      expect(card.label).toBe('David Jones');
      await page.screenshot({ path: resolve(outDir, `card-two-corpora-${browserName}.png`) });
      expect(card.statementLinks.map((link) => link.text).join(' ')).toContain('every family before the summer');
      const corpora = await (
        await cardFrame(page)
      )?.evaluate(() => [...document.querySelectorAll('.sl-statement .sl-corpus')].map((node) => node.textContent));
      expect(new Set(corpora)).toEqual(
        new Set([' · in Reader notes', ' · in 1988 prison massacre in Iran: statements and parliamentary questions']),
      );
    } finally {
      await page.close();
      await sendRaw(settings, { type: 'removePack', packId: 'reader-notes' });
    }
  });

  it('copies a statement’s citation, as text and as a Web Annotation whose selectors find it in the source, and again from the viewer', async () => {
    const page = await session.ext.browser.newPage();
    const origin = new URL(session.server.url('demo.html')).origin;
    if (browserName === 'chromium')
      await session.ext.browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read']);
    // Read as a test must; a read before the page has focus is refused, and tried again.
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
    try {
      await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
      await page.bringToFront();
      await waitForMarks(page, 10);
      await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]:not(a mark)'))?.click();
      await waitFor('the card', async () => (await cardState(page)).statementLinks.length > 0);
      await (await inCard(page, '.sl-statement .sl-copy'))?.click();
      const text = await waitFor('the citation copied', async () => {
        const copied = await clipboard();
        return copied.includes('Steve McCabe') ? copied : undefined;
      });
      const copyAnnotation = await inCard(page, '.sl-statement .sl-copy ~ .sl-copy');
      const source = await (await inCard(page, '.sl-statement .sl-source'))?.evaluate((node) => node.textContent ?? '');
      // “words” — Steve McCabe, role, publisher, date, address or title: the card's own source, whole words.
      expect(text).toMatch(/^“[^”]+” — Steve McCabe, /);
      const publisherAndDate = (source ?? '').split(' — ')[1] ?? '';
      for (const part of publisherAndDate.split(', ')) expect(text).toContain(part);

      await copyAnnotation?.click();
      const annotation = JSON.parse(
        await waitFor('the annotation copied', async () => {
          const copied = await clipboard();
          return copied.startsWith('{') ? copied : undefined;
        }),
      ) as {
        type: string;
        target: { selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
      };
      expect(annotation.type).toBe('Annotation');
      const [quote, position] = annotation.target.selector;
      expect(text.startsWith(`“${quote.exact}”`)).toBe(true);
      expect(position.end - position.start).toBe(quote.exact.length);
      // The source the statement links to shows those very words at that place.
      const known = await session.ext.browser.pages();
      await (await inCard(page, '.sl-statement blockquote [role="link"]'))?.click();
      const viewer = await waitForNewTab(session.ext.browser, known, 'viewer.html');
      const passage = await waitFor('the passage in the viewer', () =>
        viewer.evaluate(() => document.getElementById('passage')?.textContent ?? undefined),
      );
      expect(passage.replace(/\s+/g, ' ')).toBe(quote.exact.replace(/\s+/g, ' '));
      // The viewer, opened at that statement, cites it as the card does.
      await viewer.bringToFront();
      await viewer.click('.sl-copy');
      await viewer.screenshot({ path: resolve(outDir, `viewer-copy-citation-${browserName}.png`) });
      await page.bringToFront();
      const fromViewer = await waitFor('the citation copied in the viewer', async () => {
        const copied = await clipboard();
        return copied.startsWith('“') ? copied : undefined;
      });
      expect(fromViewer).toBe(text);
      await viewer.close();
    } finally {
      await page.close();
    }
  });

  it('removes one document of a reader’s corpus from the options page, and what only it held', async () => {
    const notes = compilePack(
      [
        {
          name: 'harbour.txt',
          text: 'Harbour notes\n\nAmara Okafor said: “We will not stop until the inquiry opens.”\n',
        },
        {
          name: 'council.txt',
          text: 'Council notes\n\nPetra Lindqvist said: “Nothing will be kept back from anyone.”\n',
        },
      ],
      { id: 'two-notes', title: 'Two notes' },
    );
    expect(await importPackJson(settings, JSON.stringify(notes))).toMatchObject({ ok: true });
    const options = await session.ext.openExtensionPage('src/options/options.html');
    try {
      await options.waitForSelector('[data-pack-documents="two-notes"] summary');
      await options.click('[data-pack-documents="two-notes"] summary');
      await options.waitForSelector('[data-pack-documents="two-notes"] [data-document-remove="council"]');
      await options.click('[data-pack-documents="two-notes"] [data-document-remove="council"]');
      await waitFor('the document removed', () =>
        options.evaluate(() =>
          /Removed “Council notes” from “Two notes”/.test(document.getElementById('corpus-status')?.textContent ?? ''),
        ),
      );
      const counts = await waitFor('the list redrawn', () =>
        options.evaluate(() => {
          const text = document.querySelector('[data-pack-id="two-notes"] .pack-counts')?.textContent ?? '';
          return text.startsWith('1 document') ? text : undefined;
        }),
      );
      expect(counts).toMatch(/^1 document, 1 person/);
      // The person only that document named is gone with it; the other stays.
      expect(await sendRaw(settings, { type: 'getEntityCard', entityId: 'person-petra-lindqvist' })).toEqual({
        ok: true,
        data: null,
      });
      expect(await sendRaw(settings, { type: 'getEntityCard', entityId: 'person-amara-okafor' })).toMatchObject({
        ok: true,
        data: { entity: { name: 'Amara Okafor' } },
      });
    } finally {
      await options.close();
      await sendRaw(settings, { type: 'removePack', packId: 'two-notes' });
    }
  });

  it('stores a page that claims another site’s address under its own, and never lets it replace that site’s document', async () => {
    // The Harbour Gazette's article, added from its own site (127.0.0.1)…
    const gazette = await openPopup();
    await gazette.click('#add-page');
    await waitFor('the article in my sources', async () =>
      /^(?:Added|Updated) “Harbour inquiry/.test(await addStatus(gazette)),
    );
    await gazette.close();
    // …and a page on the same server as "localhost", another site, that claims the Gazette's address.
    const url = session.server.url('borrowed-name.html').replace('127.0.0.1', 'localhost');
    const page = await session.ext.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const tab = await tabAt(settings, url);
    const popup = await session.ext.openExtensionPage(`src/popup/popup.html?tab=${tab}`);
    await popup.click('#add-page');
    const status = await waitFor('the page added', async () => {
      const text = await addStatus(popup);
      return /^(?:Added|Updated)/.test(text) ? text : undefined;
    });
    // A new document, not the Gazette's article updated.
    expect(status).toMatch(/^Added “Harbour wall never inspected/);
    const summary = (await sendRaw(settings, { type: 'getCorpusSummary' })) as {
      data: { packs: { id: string; counts: { documents: number } }[] };
    };
    expect(summary.data.packs.find((pack) => pack.id === 'my-sources')?.counts.documents).toBe(2);
    // Its statement is cited from the host it was read from; the Gazette's name is what the page says.
    await popup.focus('#search');
    await popup.keyboard.type('never inspected, not once');
    // The statement's own result (other statements of the corpus may rank beside it).
    const hit = await waitFor('the statement in the search', () =>
      popup.evaluate(() => {
        const options = document.querySelectorAll<HTMLElement>('#results [role="option"][data-type="statement"]');
        return [...options].map((o) => o.textContent ?? '').find((text) => text.includes('never inspected'));
      }),
    );
    expect(hit).toContain('localhost (says it is The Harbour Gazette, from http://127.0.0.1:');
    await popup.close();
    await page.close();
  });
});
