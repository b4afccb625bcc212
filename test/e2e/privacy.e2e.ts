// What a web page can do against the reader's corpus: forge highlights and click them, click real ones from script,
// read the card the reader opened, or fetch the extension's files to learn it is there. It must get nothing.
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { allBrowsers, distDir } from './browsers';
import { cardState, closeCardWithEscape, inCard } from './card-frame';
import { useSession } from './session';
import { waitForMarks } from './page-state';
import { importPackJson, sendRaw, storeSettings } from './extension-page';
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

const cardsSeen = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { sourcelightCardsSeen: { cards: number } }).sourcelightCardsSeen.cards);

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

  it('learns nothing of the reader’s own corpora from the page, unless the reader turns their highlights on', async () => {
    const settings = await session.ext.openExtensionPage('src/options/options.html');
    const notes = compilePack(
      [
        {
          name: 'harbour.txt',
          text: 'Harbour notes\n\nAmara Okafor said: “We will not stop until the inquiry opens.”\n\nPetra Lindqvist met her.\n',
        },
      ],
      { id: 'private-notes', title: 'Private notes' },
    );
    expect(await importPackJson(settings, JSON.stringify(notes))).toMatchObject({ ok: true });
    /** What the page's own script can read of Sourcelight's marks: ids of names, and claim marks. */
    const readable = (page: Page) =>
      page.evaluate(() => ({
        ids: [...new Set([...document.querySelectorAll<HTMLElement>('mark.sourcelight')].map((m) => m.dataset.slId))],
        claims: document.querySelectorAll('mark.sourcelight-claim').length,
      }));
    try {
      await storeSettings(settings, { enabled: true, disabledSites: [], claimCheck: true, ownCorporaOnPages: false });
      const page = await session.ext.browser.newPage();
      await page.goto(session.server.url('probe.html'), { waitUntil: 'load' });
      await waitForMarks(page, 1);
      // The built-in corpus's name is there (the canary); nothing of the private notes is, names or quote.
      await new Promise((done) => setTimeout(done, 1_000));
      expect(await readable(page)).toEqual({ ids: ['person-maryam-rajavi', 'topic-1988-massacre'], claims: 0 });
      // The reader who turns it on sees their own corpus's names, knowing the page can read them.
      await storeSettings(settings, { ownCorporaOnPages: true });
      const seen = await waitFor('the private name and quote marked', async () => {
        const now = await readable(page);
        return now.ids.includes('person-amara-okafor') && now.claims > 0 ? now : undefined;
      });
      expect(seen.ids).toContain('person-amara-okafor');
      await page.close();
    } finally {
      await storeSettings(settings, { ownCorporaOnPages: false });
      await sendRaw(settings, { type: 'removePack', packId: 'private-notes' });
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
