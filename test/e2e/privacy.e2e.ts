// What a web page can do against the reader's corpus: forge highlights and click them, click real ones from script,
// read the card the reader opened, or fetch the extension's files to learn it is there. It must get nothing.
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { allBrowsers, distDir } from './browsers';
import { cardState, closeCardWithEscape, inCard } from './card-frame';
import { useSession } from './session';
import { waitForMarks, waitForNoMarks } from './page-state';
import { askTabAt, importPackJson, sendRaw, storeSettings, waitUntilSettled } from './extension-page';
import { highlightPixels, textBox } from './screen';
import { moveBetweenHighlights } from './keyboard';
import { compilePack } from '../../src/corpus/compile';
import { waitFor } from './wait-for';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });

/** Counts, in the page's own world, every card the extension puts into the page. */
function countCards(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen = { cards: 0 };
    (window as unknown as { sourcelightCardsSeen: typeof seen }).sourcelightCardsSeen = seen;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeName === 'SOURCELIGHT-CARD') seen.cards++;
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
}

/** What the probing page (fixtures/probe-many.html) can read of the reader's corpora, by its own count. */
interface Probed {
  learnedNames: number;
  learnedSentences: number;
  learnedElsewhere: boolean;
  signals: Record<string, number | boolean>;
  registeredHighlights: number;
  canary: string[];
  marksOutsideCanary: number;
  hosts: {
    tag: string;
    markup: string;
    children: number;
    shadowRoot: boolean;
    box: number[];
    sizes: number[];
    coversTheViewport: boolean;
    style: string;
  }[];
}

const probe = (page: Page): Promise<Probed> => page.evaluate(() => (window as unknown as { probe(): Probed }).probe());

const cardsSeen = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { sourcelightCardsSeen: { cards: number } }).sourcelightCardsSeen.cards);

/**
 * The reader goes to the end of the page and back with the keyboard: the canary, below the thousand names, is marked
 * when it comes near the viewport.
 */
async function visitTheCanary(page: Page): Promise<void> {
  await page.keyboard.press('End');
  await waitFor('the canary marked', () => page.evaluate(() => document.querySelector('#canary mark') !== null));
  await page.keyboard.press('Home');
  await waitFor('the page back at its top', () => page.evaluate(() => scrollY === 0));
}

describe.each(allBrowsers)('a page against the reader in %s', (browserName) => {
  const session = useSession(browserName);

  it('gets no card for a forged mark, nor for a real one clicked by script; the reader still gets one by clicking', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    await countCards(page);
    await page.evaluate(() => {
      // A look-alike of a real highlight, with a real entity id, clicked and "entered" from script.
      const forged = Object.assign(document.createElement('mark'), {
        className: 'sourcelight',
        textContent: 'Steve McCabe',
        tabIndex: -1,
      });
      forged.dataset.slId = 'person-steve-mccabe';
      document.body.prepend(forged);
      forged.click();
      forged.focus();
      forged.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      // A real highlight, clicked from script.
      document.querySelector<HTMLElement>('mark.sourcelight[data-sl-id="person-maryam-rajavi"]')?.click();
    });
    // The reader's own click, after the script's, on a highlight outside any link: its card is the first and only one.
    const outsideLinks = await page.$$('mark.sourcelight[data-sl-id="person-steve-mccabe"]:not(a mark)');
    await outsideLinks[outsideLinks.length - 1]?.click();
    await waitFor('the reader’s card', async () => (await cardsSeen(page)) > 0);
    expect(await cardsSeen(page)).toBe(1);
    await page.close();
  });

  it('cannot cover, fade or move the card the reader opened with its own CSS: it stays on top, as drawn', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    await page.addStyleTag({
      content: `
        sourcelight-card { opacity: 0.02 !important; transform: translateY(3000px) !important;
          filter: blur(6px) !important; clip-path: inset(50%) !important; visibility: hidden !important; }
        #decoy { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
          background: #ffffff !important; pointer-events: none; }
      `,
    });
    await page.evaluate(() => {
      document.body.append(Object.assign(document.createElement('div'), { id: 'decoy', textContent: 'A decoy' }));
    });
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]:not(a mark)'))?.click();
    await waitFor('the reader’s card', async () =>
      (await cardState(page)).statementLinks.length > 0 ? true : undefined,
    );
    const seen = await waitFor('the card drawn', () =>
      page.evaluate(() => {
        const host = document.querySelector('sourcelight-card') as HTMLElement;
        const box = host.getBoundingClientRect();
        const style = getComputedStyle(host);
        if (style.opacity !== '1') return undefined;
        return {
          onTop: document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host,
          inView: box.top >= 0 && box.bottom <= innerHeight && box.width > 0 && box.height > 0,
          style: [style.visibility, style.transform, style.filter, style.clipPath].join(' '),
        };
      }),
    );
    expect(seen).toEqual({ onTop: true, inView: true, style: 'visible none none none' });
    // Not refused: the page's rules did not reach it.
    expect(await inCard(page, '[role="alert"]')).toBeNull();
    await page.screenshot({ path: resolve(outDir, `card-over-page-css-${browserName}.png`) });
    await page.close();
  });

  it('refuses clicks in a card the page fades with everything else, and says so', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    await page.addStyleTag({ content: 'html { filter: opacity(0.2) !important; }' });
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]:not(a mark)'))?.click();
    const alert = await waitFor(
      'the refusal',
      async () =>
        (await (await inCard(page, '[role="alert"]'))?.evaluate((node) => node.textContent ?? '')) ?? undefined,
    );
    expect(alert).toMatch(/will not act on clicks/);
    // A reader's click on a statement opens nothing: the card's content is inert.
    const known = (await session.ext.browser.pages()).length;
    await (await inCard(page, '.sl-statement blockquote [role="link"]'))?.click().catch(() => undefined);
    await new Promise((done) => setTimeout(done, 500));
    expect((await session.ext.browser.pages()).length).toBe(known);
    await closeCardWithEscape(page);
    await page.close();
  });

  it('learns none of a thousand names and sentences of the reader’s own corpus, which the reader sees and opens by mouse and keyboard', async () => {
    const settings = await session.ext.openExtensionPage('src/options/options.html');
    const url = session.server.url('probe-many.html');
    await storeSettings(settings, { enabled: true, disabledSites: [], claimCheck: true, showOwnCorpora: true });
    const page = await session.ext.browser.newPage();
    if (browserName === 'chromium') await page.setViewport({ width: 1000, height: 800 });
    try {
      await page.goto(url, { waitUntil: 'load' });
      await waitUntilSettled(settings, url);
      await visitTheCanary(page);
      // What the page can read while the reader holds no corpus of their own: the built-in corpus's canary only.
      const before = await probe(page);
      expect(before).toMatchObject({
        learnedNames: 0,
        learnedSentences: 0,
        canary: ['person-maryam-rajavi', 'topic-1988-massacre'],
      });
      expect(before.hosts.map((host) => [host.tag, host.coversTheViewport, host.shadowRoot, host.children])).toEqual([
        ['sourcelight-overlay', true, true, 0],
      ]);

      // The reader's private notes, as the command line compiles them: each of the thousand people said one sentence.
      const { names, sentences } = await page.evaluate(
        () => (window as unknown as { candidates: { names: string[]; sentences: string[] } }).candidates,
      );
      expect([names.length, sentences.length]).toEqual([1_000, 1_000]);
      const text = names.map((name, i) => `${name} said: “${sentences[i] ?? ''}.”`).join('\n\n');
      const notes = compilePack([{ name: 'notes.txt', text: `Harbour notes\n\n${text}\n` }], {
        id: 'private-notes',
        title: 'Private notes',
      });
      expect(notes.entities.filter((entity) => entity.kind === 'person')).toHaveLength(1_000);
      expect(await importPackJson(settings, JSON.stringify(notes))).toMatchObject({ ok: true });
      const privateIds = new Set(notes.entities.map((entity) => entity.id));

      await page.reload({ waitUntil: 'load' });
      await waitUntilSettled(settings, url);
      // The reader's side, as the popup lists it: every one of the thousand people, and the quotes checked.
      const found = await waitFor('the private names found', async () => {
        const listed = await askTabAt<{ entities: { entityId: string }[] }>(settings, url, {
          type: 'getPageEntities',
        });
        const people = listed?.entities.filter(({ entityId }) => privateIds.has(entityId)) ?? [];
        return people.filter(({ entityId }) => entityId.startsWith('person-')).length === 1_000 ? people : undefined;
      });
      expect(found.length).toBeGreaterThanOrEqual(1_000);
      const claims = await askTabAt<{ claims: { text: string }[] }>(settings, url, { type: 'getPageClaims' });
      const privateQuotes = (claims?.claims ?? []).filter(({ text: quote }) =>
        sentences.some((s) => quote.includes(s)),
      );
      expect(privateQuotes.length).toBeGreaterThan(0);

      // The page's side: none of them, by any means it has; the canary still, so its means work.
      // Highlighting started again with the reader's corpus: the canary is marked again once the reader goes there.
      await visitTheCanary(page);
      const after = await probe(page);
      expect(after).toEqual({ ...before, hosts: after.hosts });
      expect(after.signals).toEqual({ dom: 0, mutations: 0, attributes: 0, highlights: 0, styles: 0 });
      expect(after.registeredHighlights).toBe(0);
      // Sourcelight's own element shows the page the same thing, the same size, as with no private corpus at all.
      expect(after.hosts).toEqual(before.hosts);

      // The reader sees them: the first name is tinted on the screen, a line of the page that names nobody is not.
      const first = await textBox(page, '#names li:first-child');
      const plain = await textBox(page, '#names li:last-child');
      const [tinted, untinted] = await waitFor('the private highlight drawn', async () => {
        const counts = await highlightPixels(page, settings, [first, plain]);
        return (counts[0] ?? 0) > 50 ? counts : undefined;
      });
      expect(untinted).toBe(0);
      expect(tinted).toBeGreaterThan(50);
      await highlightPixels(page, settings, [], resolve(outDir, `private-highlights-${browserName}.png`));

      // By keyboard from the top of the page: the shortcut reaches the first private name, Enter opens its card,
      // announced as a dialog named after the person; Escape gives the keyboard back to the name, and on to the next.
      await moveBetweenHighlights(page, 'next');
      await page.screenshot({ path: resolve(outDir, `private-highlight-focused-${browserName}.png`) });
      await page.keyboard.press('Enter');
      const byKeyboard = await waitFor('the card opened by keyboard', async () => {
        const state = await cardState(page);
        return state.statementLinks.length > 0 ? state : undefined;
      });
      expect(byKeyboard).toMatchObject({ role: 'dialog', label: names[0], focusInside: true });
      await closeCardWithEscape(page);
      await moveBetweenHighlights(page, 'next');
      await page.keyboard.press('Enter');
      const next = await waitFor('the next card opened by keyboard', async () => {
        const state = await cardState(page);
        return state.statementLinks.length > 0 ? state : undefined;
      });
      expect(next.label).toBe(names[1]);
      await closeCardWithEscape(page);

      // By mouse: a click on the third name opens its card, with the sentence that person said.
      const third = await textBox(page, '#names li:nth-child(3)');
      await page.mouse.click(third.left + third.width / 2, third.top + third.height / 2);
      const byMouse = await waitFor('the card opened by a click', async () => {
        const state = await cardState(page);
        return state.shown && state.statementLinks.length > 0 ? state : undefined;
      });
      expect(byMouse.label).toBe(names[2]);
      expect(byMouse.statementLinks[0]?.text).toContain(sentences[2]);
      await page.screenshot({ path: resolve(outDir, `private-highlight-card-${browserName}.png`) });
      await closeCardWithEscape(page);

      // A click on a private quote opens the quote's card, with the note it comes from.
      const firstQuote = privateQuotes[0]?.text ?? '';
      const index = sentences.findIndex((sentence) => firstQuote.includes(sentence));
      const quoted = `#sentences p:nth-child(${index + 1})`;
      await page.$eval(quoted, (paragraph) => paragraph.scrollIntoView({ block: 'center' }));
      const quote = await textBox(page, quoted, sentences[index]);
      await page.mouse.click(quote.left + quote.width / 2, quote.top + quote.height / 2);
      const quoteCard = await waitFor('the quote’s card', async () => {
        const state = await cardState(page);
        return state.shown && state.text.includes(sentences[index] ?? '') ? state : undefined;
      });
      expect(quoteCard.text).toContain('Harbour notes');
      await page.screenshot({ path: resolve(outDir, `private-quote-card-${browserName}.png`) });
      await closeCardWithEscape(page);

      // Turned off, the reader's own corpora are not highlighted at all.
      await storeSettings(settings, { showOwnCorpora: false });
      await waitFor('the private names gone', async () => {
        const listed = await askTabAt<{ entities: { entityId: string }[] }>(settings, url, {
          type: 'getPageEntities',
        });
        return listed && !listed.entities.some(({ entityId }) => privateIds.has(entityId));
      });
    } finally {
      await page.close();
      await storeSettings(settings, { showOwnCorpora: true });
      await sendRaw(settings, { type: 'removePack', packId: 'private-notes' });
      await settings.close();
    }
  });

  it('gives a page’s own mark.sourcelight none of Sourcelight’s look, where Sourcelight is on and where it is off', async () => {
    const settings = await session.ext.openExtensionPage('src/options/options.html');
    const page = await session.ext.browser.newPage();
    try {
      await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
      await waitForMarks(page, 10);
      /** A page's look-alikes of a name and a claim mark beside a plain mark, and a real highlight, as the page reads them. */
      const looks = () =>
        page.evaluate(() => {
          const look = (element: Element) => {
            const style = getComputedStyle(element);
            return [style.backgroundColor, style.borderBottomStyle, style.textDecorationLine, style.cursor].join(' ');
          };
          const make = (className: string) => {
            const mark = Object.assign(document.createElement('mark'), { className, textContent: 'Steve McCabe' });
            mark.dataset.slId = 'person-steve-mccabe';
            mark.dataset.slStyle = '';
            document.body.append(mark);
            return mark;
          };
          const real = document.querySelector('mark.sourcelight');
          const made = [make(''), make('sourcelight'), make('sourcelight-claim')];
          const [plain, name, claim] = made.map(look);
          for (const mark of made) mark.remove();
          return { plain, name, claim, real: real ? look(real) : null };
        });
      const on = await looks();
      expect([on.name, on.claim]).toEqual([on.plain, on.plain]);
      expect(on.real).not.toBe(on.plain);
      await storeSettings(settings, { disabledSites: ['127.0.0.1'] });
      await waitForNoMarks(page);
      const off = await looks();
      expect([off.name, off.claim]).toEqual([off.plain, off.plain]);
    } finally {
      await storeSettings(settings, { disabledSites: [] });
      await page.close();
      await settings.close();
    }
  });

  it('cannot read the card the reader opened, nor find where it comes from', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]:not(a mark)'))?.click();
    const card = await waitFor('the reader’s card', async () => {
      const state = await cardState(page);
      return state.statementLinks.length > 0 ? state : undefined;
    });
    // Words the card shows and the article does not.
    const secret = (card.statementLinks[0]?.text ?? '').replace(/^“/, '').slice(0, 40);
    expect(secret.length).toBe(40);
    expect(await page.evaluate((words) => document.body.innerText.includes(words), secret)).toBe(false);
    const attempts = await page.evaluate((words) => {
      const host = document.querySelector('sourcelight-card') as HTMLElement;
      const tryTo = (read: () => unknown): unknown => {
        try {
          return read() ?? null;
        } catch {
          return 'refused';
        }
      };
      // A frame in a shadow root is not even among the page's frames; any frame the page can reach must refuse.
      const frames = Array.from({ length: window.frames.length }, (_, i) => window.frames[i]);
      const everything = [
        new XMLSerializer().serializeToString(document.documentElement),
        ...performance.getEntries().map((entry) => entry.name),
      ].join('\n');
      return {
        shadowRoot: host.shadowRoot,
        attachShadow: tryTo(() => host.attachShadow({ mode: 'open' })),
        frameDocuments: frames.map((frame) => tryTo(() => frame?.document.body.innerText)),
        frameAddresses: frames.map((frame) => tryTo(() => frame?.location.href)),
        found: (window as unknown as { find?: (text: string) => boolean }).find?.(words) ?? false,
        seesWords: everything.includes(words),
        seesExtensionAddress: /(?:chrome|moz)-extension:/.test(everything),
      };
    }, secret);
    expect(attempts).toEqual({
      shadowRoot: null,
      attachShadow: 'refused',
      frameDocuments: attempts.frameDocuments.map(() => 'refused'),
      frameAddresses: attempts.frameAddresses.map(() => 'refused'),
      found: false,
      seesWords: false,
      seesExtensionAddress: false,
    });
    await page.close();
  });

  it('cannot fetch any of the extension’s files', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    const root = distDir(browserName);
    const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).replace(/\\/g, '/'))
      // Firefox has no per-session address for the card's page (Chromium's use_dynamic_url); its address there is
      // random per install, and the test above shows that the page cannot learn it.
      .filter((path) => !(browserName === 'firefox' && path === 'src/card/card.html'));
    expect(files).toContain('manifest.json');
    expect(files).toContain('assets/content.js');
    const fetched = await page.evaluate(
      (base, paths) =>
        Promise.all(
          paths.map((path) =>
            fetch(base + path).then(
              (response) => `${path}: ${response.status}`,
              () => null,
            ),
          ),
        ),
      session.ext.extensionUrl,
      files,
    );
    expect(fetched.filter((answer) => answer !== null)).toEqual([]);
    await page.close();
  });
});
