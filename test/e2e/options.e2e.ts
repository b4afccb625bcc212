import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBrowsers, type ExtensionBrowser } from './browsers';
import { useSession } from './session';
import { sendRaw } from './extension-page';
import { clickWhenReady, waitFor } from './wait-for';
import { textOf, waitForText } from './page-state';
import { writeDocumentSet } from '../fixtures/document-set';
import { largePackJson } from '../fixtures/large-pack';
import { parsePack } from '../../src/corpus/pack';
import { LINE_END, TERM_START, unpackTerms, type Dictionary } from '../../src/shared/dictionary';
import { MAX_PACK_JSON_LENGTH } from '../../src/shared/pack-parts';

const packsDir = resolve(import.meta.dirname, '../fixtures/packs');
const outDir = resolve(import.meta.dirname, '../../out');
const OPTIONS = 'src/options/options.html';

interface Summary {
  packs: {
    id: string;
    title: string;
    enabled: boolean;
    builtIn: boolean;
    installedAt: string;
    counts: Record<string, number>;
  }[];
  totals: { documents: number; people: number; organisations: number };
  problems: string[];
}
/** The storage API as both browsers expose it to extension pages. */
interface StorageApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}
declare const chrome: StorageApi;

interface StoredSettings {
  enabled: boolean;
  disabledSites: string[];
  highlightKinds: string[];
}

async function summaryOf(page: Page): Promise<Summary> {
  const reply = (await sendRaw(page, { type: 'getCorpusSummary' })) as { ok: boolean; data: Summary };
  expect(reply.ok).toBe(true);
  return reply.data;
}

/** The people these tests' packs hold, named as a page would name them. */
const NAMED_ON_A_PAGE = 'Tobias Quill spoke; Rowena Pike and Amos Fennick replied.';

/**
 * The ids a page naming them is sent of the reader's own corpora, which the packs these tests import are: a page is
 * sent only its share of the dictionary, the lines its text can match.
 */
async function dictionaryIds(page: Page): Promise<Set<string>> {
  const reply = (await sendRaw(page, { type: 'getDictionary', corpora: 'own', text: NAMED_ON_A_PAGE })) as {
    ok: boolean;
    data: Dictionary;
  };
  expect(reply.ok).toBe(true);
  const ids = new Set<string>();
  for (const line of reply.data.lines.split(LINE_END).filter(Boolean)) {
    const keyEnd = line.indexOf(TERM_START);
    for (const term of unpackTerms(line.slice(0, keyEnd), line.slice(keyEnd + 1)))
      for (const id of term.ids) ids.add(id);
  }
  return ids;
}

/** The settings as stored, read the way the extension reads them. */
function storedSettings(page: Page): Promise<StoredSettings | undefined> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: StorageApi }).browser ?? chrome;
    return ((await api.storage.local.get('settings')) as { settings?: StoredSettings }).settings;
  });
}

function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active ? `${active.tagName.toLowerCase()}:${active.textContent?.trim() ?? ''}` : '';
  });
}

async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.openExtensionPage(OPTIONS);
  // Firefox's BiDi lacks the screen-orientation command setViewport sends; its default window is wide enough.
  if (ext.name === 'chromium') await page.setViewport({ width: 900, height: 1000 });
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe.each(allBrowsers)('options page in %s', (browserName) => {
  const session = useSession(browserName);
  let page: Page;

  beforeAll(async () => {
    page = await openOptions(session.ext);
  });

  async function uploadPack(name: string): Promise<void> {
    const input = (await page.$('#pack-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(resolve(packsDir, name));
  }

  it('lists the built-in corpus with its counts, an on switch and no Remove button', async () => {
    const items = await page.$$('#pack-list > li');
    expect(items).toHaveLength(1);
    const text = await textOf(page, '#pack-list > li');
    expect(text).toMatch(/Built-in/);
    expect(text).toMatch(/5 documents/);
    expect(await page.$eval('#pack-list input[role="switch"]', (box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(await page.$('#pack-list [data-pack-remove]')).toBeNull();
    expect(await textOf(page, '#corpus-totals')).toMatch(/1 corpus stored, 1 in use: 5 documents/);
  });

  it('imports a pack from a file: the list shows it and the corpus totals grow', async () => {
    const before = await summaryOf(page);
    await uploadPack('small-pack.json');
    const status = await waitForText(page, '#import-status', /Imported “Northport test pack”/);
    expect(status).toMatch(/2 documents, 3 people, 2 organisations/);
    await waitForText(page, '#pack-list', /Northport test pack/);
    expect(await textOf(page, '[data-pack-id="northport-test-pack"]')).toMatch(
      /Imported.*2 documents, 3 people.*Built April 3, 2024/s,
    );
    const after = await summaryOf(page);
    expect(after.totals.documents).toBe(before.totals.documents + 2);
    expect(after.totals.people).toBe(before.totals.people + 3);
    expect((await dictionaryIds(page)).has('person-tobias-quill')).toBe(true);
  });

  it('imports a pack file dropped onto the import box', async () => {
    await sendRaw(page, { type: 'removePack', packId: 'northport-test-pack' });
    const json = readFileSync(resolve(packsDir, 'small-pack.json'), 'utf8');
    // Puppeteer cannot drag a file from the desktop; a drop event carrying the same File is what the page receives.
    await page.$eval(
      '#drop-zone',
      (zone, text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped-pack.json', { type: 'application/json' }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      json,
    );
    await waitForText(page, '#import-status', /Imported “Northport test pack” from “dropped-pack\.json”: 2 documents/);
  });

  it('exports a pack as a file that imports again unchanged, and its statements as CSV', async () => {
    /** A file the browser has finished saving (Chromium writes a .crdownload first, then renames it). */
    const downloaded = (name: string): Promise<string> =>
      waitFor(`${name} in the downloads`, async () => {
        const path = join(session.ext.downloadDir, name);
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      });
    const before = await summaryOf(page);
    await clickWhenReady(page, '[data-pack-export-pack="northport-test-pack"]');
    await waitForText(page, '#corpus-status', /Saved “Northport test pack” as northport-test-pack\.sourcelight\.json/);
    const exported = await downloaded('northport-test-pack.sourcelight.json');
    const original = parsePack(JSON.parse(readFileSync(resolve(packsDir, 'small-pack.json'), 'utf8')));
    expect(parsePack(JSON.parse(exported))).toEqual(original);
    // Imported again, it replaces itself and nothing changes.
    const input = (await page.$('#pack-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(session.ext.downloadDir, 'northport-test-pack.sourcelight.json'));
    await waitForText(page, '#import-status', /Replaced “Northport test pack”/);
    // The same corpora with the same counts; only the day it was added is new.
    const withoutAdded = (summary: Summary) => ({
      ...summary,
      packs: summary.packs.map(({ installedAt: _added, ...pack }) => pack),
    });
    expect(withoutAdded(await summaryOf(page))).toEqual(withoutAdded(before));

    await clickWhenReady(page, '[data-pack-export-statements="northport-test-pack"]');
    const csv = (await downloaded('northport-test-pack-statements.csv')).split('\r\n');
    expect(csv[0]).toBe('speaker,role,text,document,publisher,date,url,cue,corrected,source speaker');
    expect(csv.length - 2).toBe(original.ok ? original.pack.statements.length : -1);
  });

  it('refuses an invalid pack or a file that is not JSON with the exact error, and changes no stored pack', async () => {
    const before = await summaryOf(page);
    await uploadPack('invalid-pack.json');
    const alert = await waitForText(page, '#import-alert', /Nothing was imported/);
    expect(alert).toMatch(/not a valid Sourcelight corpus pack/);
    expect(alert).toMatch(/createdAt/);
    expect(await textOf(page, '#import-status')).toBe('');

    await uploadPack('not-json.json');
    await waitForText(page, '#import-alert', /“not-json\.json”.*not JSON/);
    expect(await summaryOf(page)).toEqual(before);
    expect(await page.$$('#pack-list > li')).toHaveLength(before.packs.length);
  });

  it('imports a pack file just under the 50 MB cap, in a script of two bytes a character', async () => {
    // Persian quotations: a file this size crosses to the background in parts, under the browsers' message cap.
    const json = largePackJson(43_000_000, 'pack-at-the-cap', 'دربارهٔ تحقیق، با کلماتی به اندازهٔ یک نقل قول واقعی.');
    const bytes = Buffer.byteLength(json);
    expect(bytes).toBeGreaterThan(45_000_000);
    expect(bytes).toBeLessThan(MAX_PACK_JSON_LENGTH);
    const file = join(tmpdir(), 'pack-at-the-cap.json');
    writeFileSync(file, json);
    const input = (await page.$('#pack-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitForText(page, '#import-status', /Imported “A pack near the size cap”/, 60_000);
    await sendRaw(page, { type: 'removePack', packId: 'pack-at-the-cap' });
    await waitFor(
      'the pack removed',
      async () => !(await summaryOf(page)).packs.some((p) => p.id === 'pack-at-the-cap'),
    );
  });

  it('imports a pack from an address on 127.0.0.1', async () => {
    const before = await summaryOf(page);
    await page.type('#pack-url', session.server.url('packs/small-pack-url.json'));
    await clickWhenReady(page, '#pack-url-submit');
    await waitForText(
      page,
      '#import-status',
      /Imported “Northport pack from a URL” from 127\.0\.0\.1:\d+: 2 documents/,
    );
    expect((await summaryOf(page)).packs).toHaveLength(before.packs.length + 1);
    expect(await page.$eval('#permission-offer', (node) => (node as HTMLElement).hidden)).toBe(true);
  });

  it('reports a missing file at an address and a non-web address', async () => {
    await page.$eval('#pack-url', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#pack-url', session.server.url('packs/no-such-pack.json'));
    await clickWhenReady(page, '#pack-url-submit');
    await waitForText(page, '#import-alert', /answered 404/);
    await page.$eval('#pack-url', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#pack-url', 'file:///etc/passwd');
    await clickWhenReady(page, '#pack-url-submit');
    await waitForText(page, '#import-alert', /Only https:\/\/ and http:\/\/ addresses/);
  });

  it('imports from a server that sends no CORS header, through the host access the content scripts already hold', async () => {
    // The fixture server sends the CORS header only for .json files. Both browsers grant the content scripts'
    // http/https hosts at install, and that access lets extension pages read across origins; the permission request
    // is only needed when the reader has withheld site access, which these tests cannot set up.
    await page.$eval('#pack-url', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#pack-url', session.server.url('packs/small-pack-url.no-cors'));
    await clickWhenReady(page, '#pack-url-submit');
    await waitForText(page, '#import-status', /Replaced “Northport pack from a URL”/);
    expect(await page.$eval('#permission-offer', (node) => (node as HTMLElement).hidden)).toBe(true);
  });

  it('removes an imported pack by keyboard only after confirming, and Escape cancels', async () => {
    await page.focus('[data-pack-remove="northport-url-pack"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-pack-confirm-remove="northport-url-pack"]');
    expect(await focusedDescription(page)).toBe('button:Cancel');
    expect(await textOf(page, '[data-pack-id="northport-url-pack"] .confirm')).toMatch(
      /Remove “Northport pack from a URL” and its 2 documents\?/,
    );
    await page.keyboard.press('Escape');
    expect(await focusedDescription(page)).toMatch(/^button:Remove/);
    expect((await summaryOf(page)).packs.some((pack) => pack.id === 'northport-url-pack')).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-pack-confirm-remove="northport-url-pack"]');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focusedDescription(page)).toBe('button:Yes, remove');
    await page.keyboard.press('Enter');
    await waitForText(page, '#corpus-status', /Removed “Northport pack from a URL”/);
    expect((await summaryOf(page)).packs.some((pack) => pack.id === 'northport-url-pack')).toBe(false);
    expect(await page.$('[data-pack-id="northport-url-pack"]')).toBeNull();
    expect(await focusedDescription(page)).toMatch(/^h2:Corpora/);
  });

  it('turning a pack off takes its entities out of the dictionary, and on puts them back', async () => {
    await clickWhenReady(page, '[data-pack-switch="northport-test-pack"]');
    await waitForText(page, '#corpus-status', /“Northport test pack” is off/);
    expect((await dictionaryIds(page)).has('person-tobias-quill')).toBe(false);
    expect((await summaryOf(page)).packs.find((pack) => pack.id === 'northport-test-pack')?.enabled).toBe(false);
    expect(
      await page.$eval('[data-pack-switch="northport-test-pack"]', (box) => (box as HTMLInputElement).checked),
    ).toBe(false);

    await clickWhenReady(page, '[data-pack-switch="northport-test-pack"]');
    await waitForText(page, '#corpus-status', /“Northport test pack” is on/);
    expect((await dictionaryIds(page)).has('person-tobias-quill')).toBe(true);
  });

  it('removes the file-imported pack, and its entities with it', async () => {
    await clickWhenReady(page, '[data-pack-remove="northport-test-pack"]');
    await clickWhenReady(page, '[data-pack-confirm-remove="northport-test-pack"]');
    await waitForText(page, '#corpus-status', /Removed “Northport test pack”/);
    const summary = await summaryOf(page);
    expect(summary.packs.map((pack) => pack.id)).toHaveLength(1);
    expect(summary.totals.documents).toBe(5);
    expect((await dictionaryIds(page)).has('person-tobias-quill')).toBe(false);
  });

  it('builds a corpus from plain-text documents in the browser, and refuses a binary file by name', async () => {
    await page.type('#documents-title', 'Harbour notes');
    const files = (await page.$('#documents-files')) as ElementHandle<HTMLInputElement>;
    await files.uploadFile(
      resolve(packsDir, 'small-pack-src/001_harbour.txt'),
      resolve(packsDir, 'small-pack-src/002_ferry.txt'),
    );
    await clickWhenReady(page, '#documents-submit');
    await waitForText(page, '#import-status', /Imported “Harbour notes” from 2 documents/);
    const summary = await summaryOf(page);
    expect(summary.packs.find((pack) => pack.id === 'own-harbour-notes')?.counts.documents).toBe(2);
    expect((await dictionaryIds(page)).has('person-tobias-quill')).toBe(true);

    await files.uploadFile(resolve(import.meta.dirname, '../../assets/icons/icon-16.png'));
    await clickWhenReady(page, '#documents-submit');
    await waitForText(
      page,
      '#import-alert',
      /Nothing was imported from “icon-16\.png”\. “icon-16\.png”: (binary file|not valid UTF-8)/,
    );
    expect((await summaryOf(page)).packs.map((pack) => pack.id)).toEqual(summary.packs.map((pack) => pack.id));
    expect(await sendRaw(page, { type: 'removePack', packId: 'own-harbour-notes' })).toMatchObject({ ok: true });
  });

  /** Records every text the build's live line shows and every value of its bar, and how long the page's own timer
   * was kept waiting, from now until `stopBuildLog`. */
  async function startBuildLog(): Promise<void> {
    await page.evaluate(() => {
      const log = { texts: [] as string[], values: [] as number[], longestGap: 0, started: performance.now() };
      (globalThis as unknown as { buildLog: typeof log }).buildLog = log;
      const text = document.getElementById('documents-progress-text');
      const bar = document.getElementById('documents-progress-bar') as HTMLProgressElement | null;
      const observer = new MutationObserver(() => {
        const shown = text?.textContent ?? '';
        if (shown !== '' && shown !== log.texts.at(-1)) log.texts.push(shown);
        if (bar && bar.value !== log.values.at(-1)) log.values.push(bar.value);
      });
      if (text) observer.observe(text, { childList: true, characterData: true, subtree: true });
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        log.longestGap = Math.max(log.longestGap, now - last);
        last = now;
      }, 10);
      (globalThis as unknown as { stopBuildLog: () => void }).stopBuildLog = () => {
        observer.disconnect();
        clearInterval(timer);
      };
    });
  }

  function stopBuildLog(): Promise<{ texts: string[]; values: number[]; longestGap: number; started: number }> {
    return page.evaluate(() => {
      const scope = globalThis as unknown as {
        stopBuildLog: () => void;
        buildLog: { texts: string[]; values: number[]; longestGap: number; started: number };
      };
      scope.stopBuildLog();
      return { ...scope.buildLog, started: performance.now() - scope.buildLog.started };
    });
  }

  /** Types a corpus title over whatever the field held, as a reader does, and chooses the documents to build from. */
  async function chooseDocuments(title: string, paths: string[]): Promise<void> {
    await page.click('#documents-title', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#documents-title', title);
    const files = (await page.$('#documents-files')) as ElementHandle<HTMLInputElement>;
    await files.uploadFile(...paths);
  }

  it('builds a corpus of 50 documents (.txt, .md, .html) in a worker, showing documents read and a percentage', async () => {
    const paths = writeDocumentSet(join(tmpdir(), `sourcelight-documents-${browserName}`), 50);
    const before = await summaryOf(page);
    await chooseDocuments('Fifty documents', paths);
    await startBuildLog();
    await clickWhenReady(page, '#documents-submit');
    await waitForText(page, '#import-status', /Imported “Fifty documents” from 50 documents: 50 documents/, 60_000);
    const log = await stopBuildLog();

    // Every count from 0 to 50 in order, each with its percentage, then the compiling line, then storing.
    const counts = log.texts.flatMap((text) => {
      const read = /^Read (\d+) of 50 documents \((\d+)%\)$/.exec(text);
      if (read) expect(Number(read[2])).toBe(Math.floor(Number(read[1]) * 2));
      return read ? [Number(read[1])] : [];
    });
    expect(counts[0]).toBe(0);
    expect(counts.at(-1)).toBe(50);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.filter((count) => count > 0 && count < 50).length).toBeGreaterThan(5);
    expect(log.texts).toContain(
      'Read 50 of 50 documents (100%). Finding people, organisations, statements and questions…',
    );
    expect(log.texts.at(-1)).toBe('Storing the corpus…');
    expect(log.values.at(-1)).toBe(50);
    // The compiler ran off the page: the page's own 10 ms timer was never held up for long.
    console.log(
      `${browserName}: build ${Math.round(log.started)} ms, longest page timer gap ${Math.round(log.longestGap)} ms`,
    );
    expect(log.longestGap).toBeLessThan(Math.max(250, log.started / 4));

    expect(await page.$eval('#documents-progress', (panel) => (panel as HTMLElement).hidden)).toBe(true);
    const stored = (await summaryOf(page)).packs.find((pack) => pack.id === 'own-fifty-documents');
    expect(stored?.counts.documents).toBe(50);
    expect((await summaryOf(page)).packs).toHaveLength(before.packs.length + 1);
    const ids = await dictionaryIds(page);
    // From the saved web page and the Markdown file.
    expect(ids.has('person-rowena-pike')).toBe(true);
    expect(ids.has('person-amos-fennick')).toBe(true);
  });

  it('cancels a build from the keyboard, and a cancelled build changes nothing (screenshot in out/)', async () => {
    mkdirSync(outDir, { recursive: true });
    const paths = writeDocumentSet(join(tmpdir(), `sourcelight-documents-long-${browserName}`), 50, 3);
    const before = await summaryOf(page);
    // A rebuild under the same title would replace “Fifty documents”: cancelled, it must leave it as it was.
    await chooseDocuments('Fifty documents', paths);
    await startBuildLog();
    await page.focus('#documents-submit');
    await page.keyboard.press('Enter');
    await waitForText(page, '#documents-progress-text', /^Read [1-9]\d* of 50 documents \(\d+%\)/);
    // Focus moved to Cancel, so the keyboard reaches it at once.
    expect(await focusedDescription(page)).toBe('button:Cancel');
    expect(
      await page.$eval('#documents-progress-bar', (bar) => ({
        name: (bar as HTMLProgressElement).labels[0]?.textContent,
        max: (bar as HTMLProgressElement).max,
      })),
    ).toEqual({ name: 'Building the corpus', max: 50 });
    await page.screenshot({ path: resolve(outDir, `options-${browserName}-build-progress.png`) });
    await page.keyboard.press('Enter');
    await waitForText(page, '#import-alert', /^Nothing was imported from 50 documents\. The build was cancelled\.$/);
    const log = await stopBuildLog();
    expect(log.texts).not.toContain('Storing the corpus…');
    expect(await page.$eval('#documents-progress', (panel) => (panel as HTMLElement).hidden)).toBe(true);
    expect(await focusedDescription(page)).toBe('button:Build and import');

    // Longer than the build would have taken: nothing arrives late from the stopped worker.
    await new Promise((done) => setTimeout(done, 6_000));
    expect(await summaryOf(page)).toEqual(before);
    expect(await textOf(page, '#import-status')).toBe('');
    expect(await sendRaw(page, { type: 'removePack', packId: 'own-fifty-documents' })).toMatchObject({ ok: true });
  });

  it('adds a skipped site as a bare hostname and removes it again', async () => {
    await page.type('#site-input', 'HTTPS://www.Example.COM:8080/news/story?id=1');
    await page.keyboard.press('Enter');
    await waitForText(page, '#sites-status', /stay off on example\.com/);
    expect((await storedSettings(page))?.disabledSites).toEqual(['example.com']);
    expect(await textOf(page, '#site-list')).toMatch(/^example\.com/);
    expect(await page.$eval('#site-input', (input) => (input as HTMLInputElement).value)).toBe('');

    await page.type('#site-input', 'example.com');
    await page.keyboard.press('Enter');
    await waitForText(page, '#sites-status', /already skipped/);
    await page.type('#site-input', 'not a site');
    await page.keyboard.press('Enter');
    await waitForText(page, '#sites-alert', /“not a site” is not a site name/);
    expect((await storedSettings(page))?.disabledSites).toEqual(['example.com']);

    await clickWhenReady(page, '#site-list [data-site="example.com"]');
    await waitForText(page, '#sites-status', /runs on example\.com again/);
    expect((await storedSettings(page))?.disabledSites).toEqual([]);
    expect(await page.$$('#site-list li')).toHaveLength(0);
  });

  it('saves the global switch at once', async () => {
    await clickWhenReady(page, '#global-switch');
    await waitFor('the switch to be saved', async () => (await storedSettings(page))?.enabled === false);
    await clickWhenReady(page, '#global-switch');
    await waitFor('the switch to be saved', async () => (await storedSettings(page))?.enabled === true);
  });

  it('saves the highlighted kinds at once, places off until the reader turns them on', async () => {
    expect(await page.$eval('#kind-place', (box) => (box as HTMLInputElement).checked)).toBe(false);
    await clickWhenReady(page, '#kind-topic');
    await waitFor('topics to be left out', async () => {
      const kinds = (await storedSettings(page))?.highlightKinds;
      return kinds && !kinds.includes('topic') && kinds.includes('person');
    });
    await waitForText(page, '#kinds-status', /Saved: people, organisations are highlighted/);
    await clickWhenReady(page, '#kind-topic');
    await clickWhenReady(page, '#kind-place');
    await waitFor('topics and places to be on', async () => {
      const kinds = (await storedSettings(page))?.highlightKinds;
      return kinds?.includes('topic') && kinds.includes('place');
    });
    await waitForText(page, '#kinds-status', /Saved: people, organisations, topics, places are highlighted/);
    await clickWhenReady(page, '#kind-place');
    await waitFor(
      'places to be off again',
      async () => (await storedSettings(page))?.highlightKinds.includes('place') === false,
    );
  });

  it('shows the problems the store reported', async () => {
    await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: StorageApi }).browser ?? chrome;
      await api.storage.local.set({
        corpusProblems: ['2026-01-01: The stored corpus "x" could not be read; it was set aside.'],
      });
    });
    const fresh = await openOptions(session.ext);
    expect(await fresh.$eval('#corpus-problems', (node) => (node as HTMLElement).hidden)).toBe(false);
    expect(await textOf(fresh, '#corpus-problem-list')).toMatch(/could not be read; it was set aside/);
    await fresh.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: StorageApi }).browser ?? chrome;
      await api.storage.local.remove('corpusProblems');
    });
    await fresh.close();
  });

  it('draws in light and dark mode (screenshots in out/)', async () => {
    mkdirSync(outDir, { recursive: true });
    // A pack and a skipped site, so that the screenshots show every kind of row.
    await uploadPack('small-pack.json');
    await waitForText(page, '#import-status', /Imported/);
    await page.$eval('#site-input', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#site-input', 'example.com');
    await page.keyboard.press('Enter');
    await waitForText(page, '#sites-status', /stay off on example\.com/);
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    // Firefox's BiDi has no way to emulate prefers-color-scheme (puppeteer needs CDP for it): light only there.
    const dark = browserName === 'chromium';
    if (dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: resolve(outDir, `options-${browserName}-light.png`), fullPage: true });
    if (!dark) return;
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await background()).toBe('rgb(28, 30, 34)');
    await page.screenshot({ path: resolve(outDir, `options-${browserName}-dark.png`), fullPage: true });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });
});
