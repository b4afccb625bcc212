// Issue 15 in real browsers: the popup's first search after the background was stopped, as a browser stops an idle
// one, against the same with the background running, in one run per browser. The built extension holds a
// 100,000-statement pack, imported as the options page imports one, and its stored search index; a page served from
// 127.0.0.1 names some of the pack's people, so the popup also asks for their names ("On this page"). Each run opens
// the popup over that page, types a query key by key as a reader does, and times the first results in the popup's
// DOM (and the frame that paints them) from the first keystroke and from the popup's opening. A cold run also says
// where the time went, from the background's start marks (src/background/start-marks.ts): its start, its script
// evaluated, the prefix table's record and the index read, the first search answered.
//
// Chromium's worker is stopped through the DevTools protocol (ServiceWorker.stopAllWorkers); Firefox suspends its
// event page after an idle time, shortened here to 20 s, as after a reader's pause. Either way the
// background that answered is checked to be a new one, by a part of a pack upload it holds in memory (a probe sent
// at the end of the run before: a new background has none). Run `npm run build` first; POPUP_BENCH_ONLY=chromium
// (or firefox) runs one browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'puppeteer-core';
import { MAX_PACK_JSON_LENGTH } from '../../src/shared/pack-parts';
import { launchWithExtension, type BrowserName, type ExtensionBrowser } from '../e2e/browsers';
import { importPackJson, sendRaw, sendToAllTabs, storeSettings, tabAt } from '../e2e/extension-page';
import { waitFor } from '../e2e/wait-for';
import { syntheticPack } from './search.bench';
import { fixed } from './in-page';
import { median, spread } from './stats';
import { START_MARK_PREFIX, type StartMark } from '../../src/background/start-marks';

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
 * Runs in the popup: notes when each message to the background is sent and answered (a search with its query), the
 * first keystroke, and when the results list, the corpus line and "On this page" first show something; and the frame
 * after the first results were put in the DOM, as their paint. Times are `performance.now()`, from the popup's
 * navigation start. Chromium runs it before the popup's own scripts; Firefox runs no script of ours in an extension
 * page before its own, so there it starts after the popup loaded, in time for the typing only.
 */
const WATCH_POPUP = `(() => {
  const watch = { fromStart: document.readyState === 'loading', messages: [], keydown: null, results: null, resultsQuery: null, painted: null, corpus: null, names: null };
  window.__popupWatch = watch;
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  const send = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (message, ...rest) => {
    const entry = { type: message && message.type, query: message && message.query, sent: performance.now(), answered: null };
    watch.messages.push(entry);
    const reply = send(message, ...rest);
    Promise.resolve(reply).then(() => { entry.answered = performance.now(); }, () => undefined);
    return reply;
  };
  document.addEventListener('keydown', (event) => { watch.keydown ??= event.timeStamp; }, true);
  new MutationObserver(() => {
    const now = performance.now();
    if (watch.results === null && document.querySelector('#results [role="option"]')) {
      watch.results = now;
      watch.resultsQuery = document.getElementById('results').dataset.query ?? null;
      // The second frame's callback runs once the frame that drew the results was produced.
      requestAnimationFrame(() => requestAnimationFrame(() => { watch.painted = performance.now(); }));
    }
    const status = document.getElementById('corpus-status');
    if (watch.corpus === null && status && status.dataset.documents !== undefined) watch.corpus = now;
    if (watch.names === null && document.querySelector('#page-entities li')) watch.names = now;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

interface Watch {
  /** Whether the watch began before the popup's own scripts, so that it saw every message they sent. */
  fromStart: boolean;
  messages: { type: string; query?: string; sent: number; answered: number | null }[];
  keydown: number | null;
  results: number | null;
  /** The query whose results showed first: an answer to an earlier keystroke that comes late is not shown. */
  resultsQuery: string | null;
  painted: number | null;
  corpus: number | null;
  names: number | null;
}

/** The background's start marks (src/background/start-marks.ts) and its time origin, in ms since the epoch. */
interface BackgroundTimeline {
  timeOrigin: number;
  marks: Partial<Record<StartMark, number>>;
}

/** An expression that reads the start marks from a `performance` given as `PERFORMANCE`: the background's own. */
const readMarks = (performanceOf: string): string => `((performance) => {
  const prefix = ${JSON.stringify(START_MARK_PREFIX)};
  return {
    timeOrigin: performance.timeOrigin,
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith(prefix))
      .map((mark) => [mark.name.slice(prefix.length), mark.startTime])),
  };
})(${performanceOf})`;

/**
 * One run's times, in ms from the first keystroke (negative before it), each NaN when not seen. Phases read from the
 * background are its start marks; the rest are the popup's.
 */
interface Run {
  /** From the popup's navigation start to the first keystroke. */
  keydown: number;
  /** The popup's first message to the background, which starts a stopped one. */
  firstMessage: number;
  /** When the answering background started (its time origin). */
  backgroundStart: number;
  marks: Partial<Record<StartMark, number>>;
  /** The first search's answer, as the popup received it. */
  firstAnswer: number;
  /** The results first shown, and the query they answer. */
  results: number;
  resultsQuery: string;
  /** The shown query's search: sent, and received by the popup. */
  shownSent: number;
  shownAnswered: number;
  painted: number;
  corpus: number;
  names: number;
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

  /** When the running worker started and its start marks. */
  async timeline(): Promise<BackgroundTimeline> {
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
        expression: readMarks('performance'),
        returnByValue: true,
      });
      return result.value as BackgroundTimeline;
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

  /** Marks whichever background runs now, from a page of its own: after a failed run, whose state is unknown. */
  async markAnyPage(ext: ExtensionBrowser): Promise<void> {
    const page = await ext.openExtensionPage('src/popup/popup.html');
    try {
      await this.mark(page);
    } finally {
      await page.close();
    }
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

/** Where the start marks are read: Chromium's worker through the protocol, Firefox's event page from the popup. */
type TimelineReader = (popup: Page) => Promise<BackgroundTimeline>;

const NO_TIMELINE: BackgroundTimeline = { timeOrigin: Number.NaN, marks: {} };

/** Firefox's event page is a page of the extension: the popup reaches its `performance` directly. */
const firefoxTimeline: TimelineReader = async (popup) =>
  ((await popup
    .evaluate(`(async () => ${readMarks('(await browser.runtime.getBackgroundPage()).performance')})()`)
    .catch(() => undefined)) as BackgroundTimeline | undefined) ?? NO_TIMELINE;

/**
 * Types the query and reads the popup's timings once results show, and the background's marks; then checks which
 * background answered.
 */
async function popupRun(
  ext: ExtensionBrowser,
  tabId: number,
  probe: BackgroundProbe,
  timeline: TimelineReader,
): Promise<{ run: Run; sameBackground: boolean }> {
  const popup = await openPopup(ext, tabId);
  try {
    await popup.keyboard.type(QUERY, { delay: KEY_DELAY_MS });
    const watch = await waitFor(
      'the first results in the popup',
      async () => {
        const seen = (await popup.evaluate('window.__popupWatch')) as Watch;
        // Firefox's watch starts after the corpus line and names may have shown: only the results are waited for.
        const shown = ext.name === 'firefox' || (seen.corpus !== null && seen.names !== null);
        return seen.results !== null && seen.painted !== null && shown ? seen : undefined;
      },
      60_000,
    );
    // The run ends once the whole query is answered: a search still in the background would slow the next run.
    await waitFor(
      'the answer to the whole query',
      () => popup.evaluate((query) => document.getElementById('results')?.dataset.query === query, QUERY),
      60_000,
    );
    const popupOrigin = (await popup.evaluate('performance.timeOrigin')) as number;
    const background = await timeline(popup);
    return { run: runOf(watch, popupOrigin, background), sameBackground: await probe.isSame(popup) };
  } finally {
    await popup.close();
  }
}

const orNaN = (value: number | null | undefined): number => value ?? Number.NaN;

/** The popup's times and the background's marks, on one clock: ms from the first keystroke. */
function runOf(watch: Watch, popupOrigin: number, background: BackgroundTimeline): Run {
  const keydown = orNaN(watch.keydown);
  const fromKey = (popupTime: number | null | undefined): number => orNaN(popupTime) - keydown;
  // The background's times move to the popup's clock through the two time origins, both ms since the epoch.
  const shift = background.timeOrigin - popupOrigin - keydown;
  const searches = watch.messages.filter((message) => message.type === 'search');
  const shown = searches.find((message) => message.query === watch.resultsQuery);
  return {
    keydown,
    firstMessage: watch.fromStart ? fromKey(watch.messages[0]?.sent) : Number.NaN,
    backgroundStart: shift,
    marks: Object.fromEntries(Object.entries(background.marks).map(([name, at]) => [name, at + shift])),
    firstAnswer: fromKey(searches[0]?.answered),
    results: fromKey(watch.results),
    resultsQuery: watch.resultsQuery ?? '',
    shownSent: fromKey(shown?.sent),
    shownAnswered: fromKey(shown?.answered),
    painted: fromKey(watch.painted),
    corpus: fromKey(watch.corpus),
    names: fromKey(watch.names),
  };
}

/** "median 212 (range 190 to 380) ms", over the runs that saw it. */
function msSpread(values: number[]): string {
  const seen = values.filter((value) => !Number.isNaN(value));
  if (!seen.length) return 'n/a';
  return `${spread(seen, 0)} ms${seen.length < values.length ? ` (${seen.length} of ${values.length} runs)` : ''}`;
}

const mark = (name: StartMark) => (run: Run) => orNaN(run.marks[name]);

/** Each step on the way to the first results, ms from the first keystroke; each a median and range over the runs. */
const TIMELINE: [string, (run: Run) => number][] = [
  ['popup opened', (r) => -r.keydown],
  ["popup's first message sent", (r) => r.firstMessage],
  ['background started', (r) => r.backgroundStart],
  ['background script evaluated', mark('evaluated')],
  ['first-keystroke table asked of IndexedDB', mark('prefix-read-start')],
  ['first-keystroke table read and checked', mark('prefix-read')],
  ['search index asked of IndexedDB', mark('index-read-start')],
  ["search index read (IndexedDB's get, with the browser's structured clone)", mark('index-read')],
  ['search index checked and imported', mark('index-imported')],
  ['first search received by the background', mark('search-received')],
  ['first search answered by the background', mark('search-answered')],
  ["first search's answer in the popup", (r) => r.firstAnswer],
  ['shown search sent', (r) => r.shownSent],
  ["shown search's answer in the popup", (r) => r.shownAnswered],
  ['first results in the DOM', (r) => r.results],
  ['first results painted (the next frame)', (r) => r.painted],
];

/** The lengths of the steps a cold start takes, from the same marks. */
const PHASES: [string, (run: Run) => number][] = [
  ['background start to script evaluated', (r) => mark('evaluated')(r) - r.backgroundStart],
  ['first-keystroke table read', (r) => mark('prefix-read')(r) - mark('prefix-read-start')(r)],
  ['search index read from IndexedDB', (r) => mark('index-read')(r) - mark('index-read-start')(r)],
  ['search index checked and imported', (r) => mark('index-imported')(r) - mark('index-read')(r)],
  // From the table, the answer waits for the table's record only; from the index, for the index too.
  ['first search, from its message to its answer', (r) => mark('search-answered')(r) - mark('search-received')(r)],
  ['shown answer: sent to received', (r) => r.shownAnswered - r.shownSent],
  ['shown answer received to painted', (r) => r.painted - r.shownAnswered],
];

function report(label: string, runs: Run[], breakdown: boolean): void {
  const over = (pick: (run: Run) => number): string => msSpread(runs.map(pick));
  const queries = new Map<string, number>();
  for (const run of runs) queries.set(run.resultsQuery, (queries.get(run.resultsQuery) ?? 0) + 1);
  const shownQueries = [...queries].map(([query, count]) => `"${query}" ${count}`).join(', ');
  console.log(
    `${label}: first results ${over((r) => r.results)} after the first keystroke (runs ${runs.map((r) => fixed(r.results, 0)).join(', ')}); painted ${over((r) => r.painted)}; after the popup opened ${over((r) => r.results + r.keydown)}; the results shown first answered ${shownQueries}`,
  );
  if (!breakdown) {
    console.log(
      `  steps, ms: keystroke to the shown search sent ${over((r) => r.shownSent)}; sent to answered ${over((r) => r.shownAnswered - r.shownSent)}; answered to painted ${over((r) => r.painted - r.shownAnswered)}`,
    );
    return;
  }
  console.log('  where the time goes, ms from the first keystroke (negative: before it):');
  for (const [name, pick] of TIMELINE) console.log(`    ${name}: ${over(pick)}`);
  console.log('  steps:');
  for (const [name, pick] of PHASES) console.log(`    ${name}: ${over(pick)}`);
  console.log(
    `  the popup's other panels: corpus line shown ${over((r) => r.corpus)}, "On this page" ${over((r) => r.names)}`,
  );
}

/**
 * Firefox suspends an idle event page even while it works on a reply, and on a busy machine the index build takes
 * longer than the idle time: a ping every few seconds is an event that keeps it awake. A request cut off by a
 * suspension anyway is sent again.
 */
async function keptAwake<T>(page: Page, request: () => Promise<T>): Promise<T> {
  const pings = setInterval(() => void sendRaw(page, { type: 'ping' }).catch(() => undefined), 3_000);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        if (attempt === ATTEMPTS) throw error;
      }
    }
  } finally {
    clearInterval(pings);
  }
}

/** A run that fails is tried again this many times in all, and then left out and reported, never ending the bench. */
const ATTEMPTS = 3;

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
    const imported = (await keptAwake(setup, () => importPackJson(setup, json))) as { ok: boolean; error?: string };
    if (!imported.ok) throw new Error(`the pack did not import: ${imported.error ?? ''}`);
    const importMs = performance.now() - started;
    started = performance.now();
    // The first search builds the index and stores it, as after any change of the packs.
    const built = (await keptAwake(setup, () => sendRaw(setup, { type: 'search', query: QUERY }))) as {
      ok: boolean;
      error?: string;
    };
    if (!built.ok) throw new Error(`the index was not built: ${built.error ?? ''}`);
    console.log(
      `setup: import ${fixed(importMs / 1000)} s, first search (index built and stored) ${fixed((performance.now() - started) / 1000)} s`,
    );
    // The imported pack is the reader's own: pages show it in the overlay no page can read, not as marks.
    await storeSettings(setup, { showOwnCorpora: true });
    const article = await ext.browser.newPage();
    await article.goto(url, { waitUntil: 'load' });
    const tabId = await tabAt(setup, url);
    // The popup lists the names found on the page; wait until the page has found the reader's own.
    await waitFor(
      'the page to find the reader’s own names',
      async () => {
        const [reply] = (await sendToAllTabs(setup, { type: 'pingContent' })).filter((r) => r.tabId === tabId);
        return (reply?.reply as { data?: { firstOwnHighlightAt?: number | null } } | undefined)?.data
          ?.firstOwnHighlightAt;
      },
      60_000,
    );
    const probe = new BackgroundProbe();
    await probe.mark(setup);
    await setup.close();
    const chromium = name === 'chromium' ? await ChromiumWorker.open(ext) : undefined;
    const timeline: TimelineReader = chromium ? () => chromium.timeline().catch(() => NO_TIMELINE) : firefoxTimeline;

    const cold: Run[] = [];
    const warm: Run[] = [];
    const failures: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          if (chromium) await chromium.stop();
          else await new Promise((done) => setTimeout(done, FIREFOX_IDLE_WAIT_MS));
          const coldRun = await popupRun(ext, tabId, probe, timeline);
          if (coldRun.sameBackground) throw new Error('the background was not restarted: it still holds the probe');
          const warmRun = await popupRun(ext, tabId, probe, timeline);
          if (!warmRun.sameBackground) throw new Error('the background restarted during a warm run');
          cold.push(coldRun.run);
          warm.push(warmRun.run);
          break;
        } catch (error) {
          failures.push(`run ${i + 1}, attempt ${attempt}: ${String(error).split('\n')[0]}`);
          // The probe's state is unknown after a failure: the next attempt starts from a marked background.
          await probe.markAnyPage(ext).catch(() => undefined);
        }
      }
    }
    const stopped =
      name === 'chromium'
        ? 'worker stopped before the popup opened'
        : `event page suspended after ${FIREFOX_IDLE_MS / 1000} s idle`;
    if (failures.length) console.log(`failed runs, tried again (${failures.length}):\n  ${failures.join('\n  ')}`);
    if (!cold.length) return;
    report(`cold (${stopped}; a new background answered, checked; ${cold.length} runs)`, cold, true);
    report(`warm (the same background, index in memory; ${warm.length} runs)`, warm, false);
    const ratio = median(cold.map((r) => r.results)) / median(warm.map((r) => r.results));
    console.log(`cold / warm, first results after the first keystroke: ${fixed(ratio)}x`);
  } catch (error) {
    console.log(
      `${name}: the bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
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
  for (const name of ['chromium', 'firefox'] as const) {
    if (process.env.POPUP_BENCH_ONLY && process.env.POPUP_BENCH_ONLY !== name) continue;
    await benchBrowser(name, json, people.slice(0, NAMED_ON_PAGE));
  }
}
