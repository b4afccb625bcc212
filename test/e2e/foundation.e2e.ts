import { describe, expect, it } from 'vitest';
import { allBrowsers } from './browsers';
import { useSession } from './session';
import { sendRaw, sendToAllTabs } from './extension-page';
import { waitFor } from './wait-for';

describe.each(allBrowsers)('foundation in %s', (browserName) => {
  const session = useSession(browserName);

  it('installs the default corpus of five documents', async () => {
    const page = await session.ext.openExtensionPage('src/popup/popup.html');
    const reply = await waitFor('corpus summary', async () => {
      const raw = (await sendRaw(page, { type: 'getCorpusSummary' })) as {
        ok: boolean;
        data?: { totals: { documents: number } };
      };
      return raw.ok ? raw.data : undefined;
    });
    expect(reply.totals.documents).toBe(5);
    await page.close();
  });

  it('runs the content script on the demo page, which answers a ping', async () => {
    const demo = await session.ext.browser.newPage();
    await demo.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    const popup = await session.ext.openExtensionPage('src/popup/popup.html');
    const answers = await waitFor('a content script answer', async () => {
      const replies = await sendToAllTabs(popup, { type: 'pingContent' });
      return replies.length > 0 ? replies : undefined;
    });
    const demoAnswer = answers
      .map(({ reply }) => reply as { ok: boolean; data: { context: string; url: string } })
      .find((reply) => reply.ok && reply.data.url.startsWith(session.server.origin));
    expect(demoAnswer?.data.context).toBe('content');
    await popup.close();
    await demo.close();
  });

  it('shows the corpus name, size and date in the popup', async () => {
    const popup = await session.ext.openExtensionPage('src/popup/popup.html');
    const status = await popup.waitForSelector('#corpus-status[data-documents]');
    expect(await status?.evaluate((node) => node.textContent)).toMatch(/^5 documents/);
    expect(await popup.$eval('#corpus-name', (node) => node.textContent)).toMatch(
      // The date as the UI's language writes it; the e2e browsers speak American English.
      /^Corpus: .+ · built [A-Z][a-z]+ \d{1,2}, \d{4}$/,
    );
    await popup.close();
  });

  it('answers malformed and unknown messages with an error and keeps working', async () => {
    const page = await session.ext.openExtensionPage('src/popup/popup.html');
    for (const bad of [null, 'ping', 42, {}, { type: 7 }, { type: 'noSuchThing' }, { type: 'ping'.repeat(10_000) }]) {
      const reply = (await sendRaw(page, bad)) as { ok: boolean; error?: string };
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/Malformed|Unknown|Invalid/);
    }
    const ping = (await sendRaw(page, { type: 'ping' })) as { ok: boolean; data: { context: string } };
    expect(ping).toMatchObject({ ok: true, data: { context: 'background' } });
    await page.close();
  });

  it('gives a page-world script no way to reach the background', async () => {
    const demo = await session.ext.browser.newPage();
    await demo.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    const attempt = await demo.evaluate(async (id) => {
      window.postMessage({ type: 'getCorpusSummary' }, '*');
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } })
        .chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime in the page';
      try {
        await runtime.sendMessage(id, { type: 'getCorpusSummary' });
        return 'reached';
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, new URL(session.ext.extensionUrl).host);
    expect(attempt).not.toBe('reached');
    const page = await session.ext.openExtensionPage('src/popup/popup.html');
    expect(await sendRaw(page, { type: 'ping' })).toMatchObject({ ok: true });
    await page.close();
    await demo.close();
  });

  it('reports a corrupt stored pack and replaces it with the default', async () => {
    const page = await session.ext.openExtensionPage('src/popup/popup.html');
    const before = (await sendRaw(page, { type: 'getCorpusSummary' })) as {
      data: { packs: { id: string; builtIn: boolean }[] };
    };
    const defaultId = before.data.packs.find((pack) => pack.builtIn)?.id;
    expect(defaultId).toBeTruthy();
    // Damage the stored record as a crash or a bad version might, then restart the extension.
    await page.evaluate(
      (id) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('sourcelight');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('packs', 'readwrite');
            tx.objectStore('packs').put({
              id,
              enabled: true,
              builtIn: true,
              installedAt: 'now',
              pack: { format: 'sourcelight-corpus', documents: [{ id: 'x' }] },
            });
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          };
        }),
      defaultId,
    );
    await page.close();
    await session.ext.restartBackground();
    const summary = await waitFor(
      'the repaired corpus',
      async () => {
        const fresh = await session.ext.openExtensionPage('src/popup/popup.html').catch(() => undefined);
        if (!fresh) return undefined;
        const reply = (await sendRaw(fresh, { type: 'getCorpusSummary' }).catch(() => undefined)) as
          { ok: boolean; data: { totals: { documents: number }; problems: string[] } } | undefined;
        await fresh.close();
        return reply?.ok ? reply.data : undefined;
      },
      30_000,
    );
    expect(summary.totals.documents).toBe(5);
    expect(summary.problems.join(' ')).toMatch(/could not be read.*set aside/);
    expect(summary.problems.join(' ')).toMatch(/default corpus was reinstalled/);
  });
});
