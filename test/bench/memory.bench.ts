// What Sourcelight adds to a tab's memory, in headless Chromium: the page's JavaScript heap after garbage collection
// (the content script runs in an isolated world of the page's own V8 heap, so the tab's figure holds it), a tab with
// Sourcelight against the same page without it, with the default corpus and with 200,000 entities (issue 26's goal:
// at most +5 MB a tab at 200,000). "With" does what the content script keeps once its first pass is over: the
// background's dictionary as messaging delivers it (parsed, checked against the message schema and kept, as the
// content script keeps it for the next pass), the matcher opened from it, and the marks of the first pass with the
// observer still watching. Each tab is at a site of its own, so each is a renderer process of its own. Five
// interleaved runs of one tab each, median and range; then 20 tabs with and 20 without, their heaps added up.
import type { Browser, Page } from 'puppeteer-core';
import { buildDensePage, buildRealPage, loadCorpus } from './bench-pages';
import { generateEntities } from './generated-corpus';
import { bundleForPage, fixed, launchBenchChromium } from './in-page';
import { median, spread } from './stats';
import { buildDictionary } from '../../src/corpus/dictionary-build';

const RUNS = 5;
const ENTITIES = 200_000;
const TABS = 20;
const GOAL_MB = 5;

/** Runs in the page: the content script's start, from the background's reply to the end of its first pass. */
const IN_PAGE = `
import { dictionary } from '../shared/dictionary';
import { openMatcher } from './matcher';
import { highlightAndObserve } from './observer';
import { HIGHLIGHT_SELECTOR } from './highlighter';

window.memoryBench = {
  // Kept as the content script keeps them: the dictionary for its next pass (a change of settings asks for none
  // anew), the matcher for the observer's passes over what the page adds.
  parse() {
    window.sourcelightKept = { loaded: dictionary.parse(JSON.parse(window.sourcelightReply).data) };
    delete window.sourcelightReply;
  },
  open() {
    window.sourcelightKept.matcher = openMatcher(window.sourcelightKept.loaded);
  },
  async pass() {
    const { matcher } = window.sourcelightKept;
    await highlightAndObserve(document.body, matcher, { signal: new AbortController().signal, namedSoFar: new Set() });
    return document.querySelectorAll(HIGHLIGHT_SELECTOR).length;
  },
};
`;

interface Tab {
  page: Page;
  heapMb: number;
  nodes: number;
  /** With Sourcelight: the heap once the dictionary is kept, and once the matcher is opened from it. */
  parsedMb?: number;
  openedMb?: number;
}

/** The tab's JavaScript heap after garbage collection, and its DOM nodes. */
async function heapOf(page: Page): Promise<{ heapMb: number; nodes: number }> {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
  const metrics = await page.metrics();
  return { heapMb: (metrics.JSHeapUsedSize ?? 0) / 1e6, nodes: metrics.Nodes ?? 0 };
}

let site = 0;

/** Opens the page in a new tab at a new site, with Sourcelight's start run in it or not, and measures it. */
async function openTab(browser: Browser, html: string, script: string, reply: string | undefined): Promise<Tab> {
  const page = await browser.newPage();
  page.setDefaultTimeout(180_000);
  const url = `http://memory-${site++}.test/article.html`;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url) void request.respond({ status: 200, contentType: 'text/html', body: html });
    else void request.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  if (reply === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { page, ...(await heapOf(page)) };
  }
  await page.evaluate(
    (text) => void ((window as unknown as { sourcelightReply: string }).sourcelightReply = text),
    reply,
  );
  await page.addScriptTag({ content: script });
  await page.evaluate('window.memoryBench.parse()');
  const parsed = await heapOf(page);
  await page.evaluate('window.memoryBench.open()');
  const opened = await heapOf(page);
  await page.evaluate('window.memoryBench.pass()');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { page, ...(await heapOf(page)), parsedMb: parsed.heapMb, openedMb: opened.heapMb };
}

async function measureOnce(browser: Browser, html: string, script: string, reply: string | undefined): Promise<Tab> {
  const tab = await openTab(browser, html, script, reply);
  await tab.page.close();
  return tab;
}

export async function bench(): Promise<void> {
  const corpus = loadCorpus();
  const corpora: [string, string][] = [
    [`default corpus (${corpus.label})`, JSON.stringify({ ok: true, data: buildDictionary(corpus.entities) })],
    [
      `${ENTITIES.toLocaleString('en')} generated entities and the default corpus's`,
      JSON.stringify({ ok: true, data: buildDictionary([...corpus.entities, ...generateEntities(ENTITIES)]) }),
    ],
  ];
  const pages: [string, string][] = [];
  const real = buildRealPage(corpus.texts);
  if (real !== undefined) pages.push(['realistic page (guardian-1.html lengthened to 1 MB)', real]);
  pages.push(['dense page', buildDensePage(corpus.texts)]);
  const script = await bundleForPage(IN_PAGE);
  const browser = await launchBenchChromium();
  try {
    for (const [corpusLabel, reply] of corpora) {
      console.log(`\n### ${corpusLabel}: the dictionary's reply is ${fixed(reply.length / 1e6, 2)} MB of JSON`);
      for (const [pageLabel, html] of pages) {
        const without: Tab[] = [];
        const withIt: Tab[] = [];
        for (let k = 0; k < RUNS; k++) {
          without.push(await measureOnce(browser, html, script, undefined));
          withIt.push(await measureOnce(browser, html, script, reply));
        }
        const added = withIt.map((tab, k) => tab.heapMb - (without[k]?.heapMb ?? 0));
        console.log(
          `  ${pageLabel}, one tab: heap without ${spread(
            without.map((tab) => tab.heapMb),
            1,
          )} MB, with ${spread(
            withIt.map((tab) => tab.heapMb),
            1,
          )} MB; added, run by run, ${spread(added, 1)} MB  [goal <= ${GOAL_MB} MB at ${ENTITIES.toLocaleString('en')}]; DOM nodes ${median(without.map((tab) => tab.nodes))} and ${median(withIt.map((tab) => tab.nodes))}`,
        );
        const step = (pick: (tab: Tab, k: number) => number): string => spread(withIt.map(pick), 1);
        console.log(
          `    of which the dictionary kept ${step((tab, k) => (tab.parsedMb ?? 0) - (without[k]?.heapMb ?? 0))} MB (the script's own code included), the matcher opened from it ${step((tab) => (tab.openedMb ?? 0) - (tab.parsedMb ?? 0))} MB, the first pass and its marks ${step((tab) => tab.heapMb - (tab.openedMb ?? 0))} MB`,
        );
      }
      // Twenty tabs open at once, each its own process: what the reader's machine holds for them in all.
      const html = pages[0]?.[1] ?? '';
      const open: Tab[] = [];
      try {
        for (let k = 0; k < TABS; k++) open.push(await openTab(browser, html, script, undefined));
        for (let k = 0; k < TABS; k++) open.push(await openTab(browser, html, script, reply));
        const sum = (tabs: Tab[]): number => tabs.reduce((total, tab) => total + tab.heapMb, 0);
        const offMb = sum(open.slice(0, TABS));
        const onMb = sum(open.slice(TABS));
        console.log(
          `  ${TABS} tabs of the ${pages[0]?.[0] ?? ''} open at once: heaps without ${fixed(offMb)} MB in all, with ${fixed(onMb)} MB; ${fixed((onMb - offMb) / TABS, 1)} MB a tab`,
        );
      } finally {
        await Promise.all(open.map((tab) => tab.page.close()));
      }
    }
  } finally {
    await browser.close();
  }
}
