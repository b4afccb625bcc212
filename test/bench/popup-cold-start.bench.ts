// Issue 15 in real browsers: the popup's first search after the background was stopped, as a browser stops an idle
// one, against the same with the background running, in one run per browser. The built extension holds a
// 100,000-statement pack, imported as the options page imports one, and its stored search index; a page served from
// 127.0.0.1 names some of the pack's people, so the popup also asks for their names ("On this page"). Each run opens
// the popup over that page, types a query key by key as a reader does, and times the first results in the popup's
// DOM from the first keystroke and from the popup's opening.
//
// Chromium's worker is stopped through the DevTools protocol (ServiceWorker.stopAllWorkers); Firefox suspends its
// event page after an idle time, shortened here to 20 s, as after a reader's pause. Either way the
// background that answered is checked to be a new one, by a part of a pack upload it holds in memory (a probe sent
// at the end of the run before: a new background has none). Run `npm run build` first.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'puppeteer-core';
import { MAX_PACK_JSON_LENGTH } from '../../src/shared/pack-parts';
import { launchWithExtension, type BrowserName, type ExtensionBrowser } from '../e2e/browsers';
import { importPackJson, sendRaw, tabAt } from '../e2e/extension-page';
import { waitForMarks } from '../e2e/page-state';
import { waitFor } from '../e2e/wait-for';
import { syntheticPack } from './search.bench';
import { fixed } from './in-page';

const STATEMENTS = 100_000;
/** Cold and warm runs, interleaved. */
const RUNS = 5;
/** Typed key by key into the popup's search field. */
const QUERY = 'rajavi';
/** Between keystrokes: a quick reader. */
const KEY_DELAY_MS = 120;
/** People of the pack the page names, one sentence each. */
const NAMED_ON_PAGE = 20;
/**
 * Firefox suspends its event page after this long idle (30 s by default), and a cold run waits a little longer. It
 * suspends it even while a reply is pending, so this is longer than the first search's index build (10 s here).
 */
const FIREFOX_IDLE_MS = 20_000;
const FIREFOX_IDLE_WAIT_MS = FIREFOX_IDLE_MS + 3_000;

/**
 * The synthetic pack of the search bench, with as many of its questions as keep it under the import's size cap
 * (MAX_PACK_JSON_LENGTH): all 100,000 statements and their documents come to just under it.
 */
function benchPackJson(): { json: string; questions: number } {
  const pack = syntheticPack(STATEMENTS);
  for (let questions = pack.questions.length; questions >= 0; questions -= 250) {
    const json = JSON.stringify({ ...pack, questions: pack.questions.slice(0, questions) });
    if (json.length <= MAX_PACK_JSON_LENGTH) return { json, questions };
  }
  throw new Error('the synthetic pack does not fit under the import cap');
}

/** A page that names some of the pack's people, served from 127.0.0.1. */
async function servePage(names: string[]): Promise<{ server: Server; url: string }> {
  const body = names.map((name) => `<p>In a statement on Monday, ${name} answered the report's findings.</p>`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title></head><body><article><h1>The report</h1>${body.join('')}</article></body></html>`;
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/report.html` };
}

/**
 * Runs in the popup: notes when each message to the background is sent and answered, the first keystroke, and when
 * the results list, the corpus line and "On this page" first show something. Times are `performance.now()`, from the
 * popup's navigation start. Chromium runs it before the popup's own scripts; Firefox runs no script of ours in an
 * extension page before its own, so there it starts after the popup loaded, in time for the typing only.
 */
const WATCH_POPUP = `(() => {
  const watch = { messages: [], keydown: null, results: null, corpus: null, names: null };
  window.__popupWatch = watch;
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  const send = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (message, ...rest) => {
    const entry = { type: message && message.type, sent: performance.now(), answered: null };
    watch.messages.push(entry);
    const reply = send(message, ...rest);
    Promise.resolve(reply).finally(() => { entry.answered = performance.now(); });
    return reply;
  };
  document.addEventListener('keydown', (event) => { watch.keydown ??= event.timeStamp; }, true);
  new MutationObserver(() => {
    const now = performance.now();
    if (watch.results === null && document.querySelector('#results [role="option"]')) watch.results = now;
    const status = document.getElementById('corpus-status');
    if (watch.corpus === null && status && status.dataset.documents !== undefined) watch.corpus = now;
    if (watch.names === null && document.querySelector('#page-entities li')) watch.names = now;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

interface Watch {
  messages: { type: string; sent: number; answered: number | null }[];
  keydown: number | null;
  results: number | null;
  corpus: number | null;
  names: number | null;
}

interface Run {
  /** From the first keystroke to the first results in the popup's DOM. */
  fromKey: number;
  /** From the popup's navigation start to the same. */
  fromOpen: number;
  /** The first search's answer, from its keystroke. */
  firstAnswer: number;
  keydown: number;
  /** When the answering background started, from the popup's navigation start (Chromium only). */
  workerStart: number;
  corpus: number;
  names: number;
  answered: Record<string, number>;
}

/**
 * Chromium's worker through the DevTools protocol: its running status (ServiceWorker domain, through a blank page, so
 * no extension page is open while it is stopped), and an expression evaluated in it. Attaching to the worker is
 * undone at once: a DevTools client that stays attached keeps a restarted worker waiting for it.
 */
class ChromiumWorker {
  private status = 'unknown';

  private constructor(
    private readonly ext: ExtensionBrowser,
    private readonly root: CDPSession,
    private readonly control: CDPSession,
  ) {}

  static async open(ext: ExtensionBrowser): Promise<ChromiumWorker> {
    const page = await ext.browser.newPage();
    const control = await page.createCDPSession();
    const worker = new ChromiumWorker(ext, await ext.browser.target().createCDPSession(), control);
    control.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.find((version) => version.scriptURL.startsWith(ext.extensionUrl));
      if (ours) worker.status = ours.runningStatus;
    });
    await control.send('ServiceWorker.enable');
    await waitFor('the worker to run', async () => worker.status === 'running');
    return worker;
  }

  /** Stops every service worker, and waits until Chromium reports the extension's stopped. */
  async stop(): Promise<void> {
    await this.control.send('ServiceWorker.stopAllWorkers');
    await waitFor('the worker to stop', async () => this.status === 'stopped');
  }

  /** When the running worker started (its time origin, in ms since the epoch). */
  async timeOrigin(): Promise<number> {
    const { targetInfos } = await this.root.send('Target.getTargets');
    const target = targetInfos.find(
      (info) => info.type === 'service_worker' && info.url.startsWith(this.ext.extensionUrl),
    );
    if (!target) throw new Error('the extension has no worker');
    const { sessionId } = await this.root.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
    try {
      const session = this.root.connection()?.session(sessionId);
      if (!session) throw new Error('no session with the worker');
      const { result } = await session.send('Runtime.evaluate', {
        expression: 'performance.timeOrigin',
        returnByValue: true,
      });
      return result.value as number;
    } finally {
      await this.root.send('Target.detachFromTarget', { sessionId });
    }
  }
}

/**
 * Which background answers: each run leaves the first part of a pack upload in it (held in memory only), and the
 * next run sends the second part. The same background takes it; a new one refuses it, having no first part.
 */
class BackgroundProbe {
  private upload = 0;

  /** Whether the background is the one the last `mark` reached; then marks it for the next run. */
  async isSame(page: Page): Promise<boolean> {
    const second = (await sendRaw(page, {
      type: 'importPackPart',
      uploadId: `probe-${this.upload}`,
      index: 1,
      text: '',
    })) as { ok: boolean };
    await this.mark(page);
    return second.ok;
  }

  async mark(page: Page): Promise<void> {
    this.upload++;
    await sendRaw(page, { type: 'importPackPart', uploadId: `probe-${this.upload}`, index: 0, text: '' });
  }
}

/** Opens the popup over the page's tab, as a reader does from the toolbar: its field has focus once it has loaded. */
async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.browser.newPage();
  const url = `${ext.extensionUrl}src/popup/popup.html?tab=${tabId}`;
  if (ext.name === 'chromium') {
    await popup.evaluateOnNewDocument(WATCH_POPUP);
    await popup.goto(url, { waitUntil: 'domcontentloaded' });
    return popup;
  }
  // Firefox reports no navigation to an extension page (see browsers.ts): start it and wait for the popup's focus.
  popup.goto(url, { timeout: 0 }).catch(() => undefined);
  await waitFor('the popup', () => popup.evaluate(() => document.activeElement?.id === 'search').catch(() => false));
  await popup.evaluate(WATCH_POPUP);
  return popup;
}

/** Types the query and reads the popup's timings once results show, then checks which background answered. */
async function popupRun(
  ext: ExtensionBrowser,
  tabId: number,
  probe: BackgroundProbe,
): Promise<{ watch: Watch; timeOrigin: number; sameBackground: boolean }> {
  const popup = await openPopup(ext, tabId);
  try {
    await popup.keyboard.type(QUERY, { delay: KEY_DELAY_MS });
    const watch = await waitFor(
      'the first results in the popup',
      async () => {
        const seen = (await popup.evaluate('window.__popupWatch')) as Watch;
        // Firefox's watch starts after the corpus line and names may have shown: only the results are waited for.
        const shown = ext.name === 'firefox' || (seen.corpus !== null && seen.names !== null);
        return seen.results !== null && shown ? seen : undefined;
      },
      60_000,
    );
    const timeOrigin = (await popup.evaluate('performance.timeOrigin')) as number;
    return { watch, timeOrigin, sameBackground: await probe.isSame(popup) };
  } finally {
    await popup.close();
  }
}

function runOf(watch: Watch, popupOrigin: number, workerOrigin: number): Run {
  const keydown = watch.keydown ?? Number.NaN;
  const answered: Record<string, number> = {};
  for (const { type, answered: at } of watch.messages) if (at !== null) answered[type] ??= at;
  const firstSearch = watch.messages.find((message) => message.type === 'search');
  return {
    fromKey: (watch.results ?? Number.NaN) - keydown,
    fromOpen: watch.results ?? Number.NaN,
    firstAnswer: (firstSearch?.answered ?? Number.NaN) - keydown,
    keydown,
    workerStart: workerOrigin - popupOrigin,
    corpus: watch.corpus ?? Number.NaN,
    names: watch.names ?? Number.NaN,
    answered,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${fixed(value, 0)} ms`);

function report(label: string, runs: Run[]): void {
  const part = (pick: (run: Run) => number): string => ms(median(runs.map(pick)));
  console.log(
    `${label}: first results ${part((r) => r.fromKey)} after the first keystroke (runs ${runs.map((r) => ms(r.fromKey)).join(', ')}), ${part((r) => r.fromOpen)} after the popup opened`,
  );
  console.log(
    `  medians, from the popup's opening: background started ${part((r) => r.workerStart)}, first keystroke ${part((r) => r.keydown)}, corpus summary answered ${part((r) => r.answered.getCorpusSummary ?? Number.NaN)} (shown ${part((r) => r.corpus)}), names answered ${part((r) => r.answered.getEntityNames ?? Number.NaN)} (shown ${part((r) => r.names)}); first search answered ${part((r) => r.firstAnswer)} after its keystroke`,
  );
}

async function benchBrowser(name: BrowserName, json: string, names: string[]): Promise<void> {
  const { server, url } = await servePage(names);
  const ext = await launchWithExtension(name, { localOnly: true, backgroundIdleMs: FIREFOX_IDLE_MS });
  try {
    console.log(`\n### ${await ext.browser.version()}`);
    const setup = await ext.openExtensionPage('src/options/options.html');
    setup.setDefaultTimeout(600_000);
    // Firefox may not have started the background of an extension it has just installed.
    await waitFor('the background', () => sendRaw(setup, { type: 'ping' }).catch(() => undefined));
    let started = performance.now();
    const imported = (await importPackJson(setup, json)) as { ok: boolean; error?: string };
    if (!imported.ok) throw new Error(`the pack did not import: ${imported.error ?? ''}`);
    const importMs = performance.now() - started;
    started = performance.now();
    // The first search builds the index and stores it, as after any change of the packs.
    const built = (await sendRaw(setup, { type: 'search', query: QUERY })) as { ok: boolean; error?: string };
    if (!built.ok) throw new Error(`the index was not built: ${built.error ?? ''}`);
    console.log(
      `setup: import ${fixed(importMs / 1000)} s, first search (index built and stored) ${fixed((performance.now() - started) / 1000)} s`,
    );
    const article = await ext.browser.newPage();
    await article.goto(url, { waitUntil: 'load' });
    // Most of the names are linked (a name the matcher finds ambiguous on its own page may not be); the popup lists them.
    await waitForMarks(article, NAMED_ON_PAGE / 2, 60_000);
    const tabId = await tabAt(setup, url);
    const probe = new BackgroundProbe();
    await probe.mark(setup);
    await setup.close();
    const chromium = name === 'chromium' ? await ChromiumWorker.open(ext) : undefined;
    const backgroundOrigin = async (): Promise<number> => (chromium ? chromium.timeOrigin() : Number.NaN);

    const cold: Run[] = [];
    const warm: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (chromium) await chromium.stop();
      else await new Promise((done) => setTimeout(done, FIREFOX_IDLE_WAIT_MS));
      const coldRun = await popupRun(ext, tabId, probe);
      if (coldRun.sameBackground) throw new Error('the background was not restarted: it still holds the probe');
      cold.push(runOf(coldRun.watch, coldRun.timeOrigin, await backgroundOrigin()));

      const warmRun = await popupRun(ext, tabId, probe);
      if (!warmRun.sameBackground) throw new Error('the background restarted during a warm run');
      warm.push(runOf(warmRun.watch, warmRun.timeOrigin, await backgroundOrigin()));
    }
    const stopped =
      name === 'chromium'
        ? 'worker stopped before the popup opened'
        : `event page suspended after ${FIREFOX_IDLE_MS / 1000} s idle`;
    report(`cold (${stopped}; a new background answered, checked)`, cold);
    report('warm (the same background, index in memory)', warm);
    const ratio = median(cold.map((r) => r.fromKey)) / median(warm.map((r) => r.fromKey));
    console.log(`cold / warm, first results after the first keystroke: ${fixed(ratio)}x`);
  } finally {
    await ext.close();
    server.close();
  }
}

export async function bench(): Promise<void> {
  const { json, questions } = benchPackJson();
  const pack = JSON.parse(json) as ReturnType<typeof syntheticPack>;
  // Names written as a page writes them, each one person's only.
  const count = new Map<string, number>();
  for (const { name } of pack.entities) count.set(name, (count.get(name) ?? 0) + 1);
  const people = pack.entities
    .filter((e) => e.kind === 'person' && count.get(e.name) === 1 && /^(\p{Lu}\p{Ll}+ )+\p{Lu}\p{Ll}+$/u.test(e.name))
    .map((e) => e.name);
  console.log(
    `${pack.statements.length} statements, ${pack.entities.length} entities, ${questions} questions, ${pack.documents.length} documents (${fixed(json.length / 1e6)} M characters of JSON); query "${QUERY}" typed ${KEY_DELAY_MS} ms a key; ${RUNS} cold and ${RUNS} warm runs, interleaved`,
  );
  for (const name of ['chromium', 'firefox'] as const) await benchBrowser(name, json, people.slice(0, NAMED_ON_PAGE));
}
