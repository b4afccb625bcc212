// What Sourcelight adds to a tab's memory, in headless Chromium: the page's JavaScript heap after garbage collection
// (the content script runs in an isolated world of the page's own V8 heap, so the tab's figure holds it), a tab with
// Sourcelight against the same page without it, with the default corpus and with 200,000 entities (issue 26's goal:
// at most +5 MB a tab at 200,000). "With" does what the content script keeps once its first pass is over, two ways
// side by side: sent the whole dictionary (as every tab was before the share: parsed, checked against the message
// schema and kept, the matcher opened from it), or only its share (the runs the first pass reads, sent to the
// background, here Node through an exposed function, and the lines it answers merged into the matcher); then the
// marks of the first pass with the observer still watching. Each tab is at a site of its own, so each is a renderer
// process of its own. Five interleaved runs of one tab each (without, whole, share), median and range; then 20 tabs
// of each, their heaps added up.
import type { Browser, Page } from 'puppeteer-core';
import { buildDensePage, buildRealPage, loadCorpus } from './bench-pages';
import { generateEntities } from './generated-corpus';
import { bundleForPage, fixed, launchBenchChromium } from './in-page';
import { median, spread } from './stats';
import { buildDictionary } from '../../src/corpus/dictionary-build';
import { dictionaryShare, shareable, type SharedDictionary } from '../../src/background/dictionary-share';

const RUNS = 5;
const ENTITIES = 200_000;
const TABS = 20;
const GOAL_MB = 5;

/** Runs in the page: the content script's start, from the background's reply to the end of its first pass. */
const IN_PAGE = `
import { dictionary } from '../shared/dictionary';
import { openMatcher } from './matcher';
import { highlightAndObserve } from './observer';
import { learnRuns, pageMatcher } from './page-dictionary';
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
  // The share: the matcher holds it, and asks for more as the page adds text.
  async learn() {
    const matcher = pageMatcher(
      async (text) => dictionary.parse(JSON.parse(await window.sourcelightAsk(text)).data),
      undefined,
      new Set(),
    );
    await learnRuns([document.body], matcher);
    window.sourcelightKept = { matcher };
  },
  async pass() {
    const { matcher } = window.sourcelightKept;
    const learn = matcher.learn;
    // Asked for already, above (and then timed apart).
    delete matcher.learn;
    await highlightAndObserve(document.body, matcher, { signal: new AbortController().signal, namedSoFar: new Set() });
    matcher.learn = learn;
    return document.querySelectorAll(HIGHLIGHT_SELECTOR).length;
  },
};
`;

/** How a tab is sent the dictionary: not at all (Sourcelight off), whole, or its share. */
type Mode = 'without' | 'whole' | 'share';

interface Corpus {
  label: string;
  wholeReply: string;
  shared: SharedDictionary;
}

interface Tab {
  page: Page;
  heapMb: number;
  nodes: number;
  /** With Sourcelight: the heap once the dictionary (or share) is kept, and once the matcher is opened from it. */
  parsedMb?: number;
  openedMb?: number;
  /** The share's reply, in characters. */
  shareChars?: number;
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

/** Opens the page in a new tab at a new site, with Sourcelight's start run in it (one way or the other) or not. */
async function openTab(browser: Browser, html: string, script: string, corpus: Corpus, mode: Mode): Promise<Tab> {
  const page = await browser.newPage();
  page.setDefaultTimeout(180_000);
  const url = `http://memory-${site++}.test/article.html`;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url) void request.respond({ status: 200, contentType: 'text/html', body: html });
    else void request.abort();
  });
  let shareChars = 0;
  if (mode === 'share')
    await page.exposeFunction('sourcelightAsk', (text: string) => {
      const reply = JSON.stringify({ ok: true, data: dictionaryShare(corpus.shared, text) });
      shareChars += reply.length;
      return reply;
    });
  await page.goto(url, { waitUntil: 'load' });
  if (mode === 'without') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { page, ...(await heapOf(page)) };
  }
  await page.addScriptTag({ content: script });
  if (mode === 'whole') {
    await page.evaluate(
      (text) => void ((window as unknown as { sourcelightReply: string }).sourcelightReply = text),
      corpus.wholeReply,
    );
    await page.evaluate('window.memoryBench.parse()');
  } else {
    await page.evaluate('window.memoryBench.learn()');
  }
  const parsed = await heapOf(page);
  if (mode === 'whole') await page.evaluate('window.memoryBench.open()');
  const opened = await heapOf(page);
  await page.evaluate('window.memoryBench.pass()');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { page, ...(await heapOf(page)), parsedMb: parsed.heapMb, openedMb: opened.heapMb, shareChars };
}

async function measureOnce(browser: Browser, html: string, script: string, corpus: Corpus, mode: Mode): Promise<Tab> {
  const tab = await openTab(browser, html, script, corpus, mode);
  await tab.page.close();
  return tab;
}

const sum = (tabs: Tab[]): number => tabs.reduce((total, tab) => total + tab.heapMb, 0);

export async function bench(): Promise<void> {
  const corpus = loadCorpus();
  const corpora: Corpus[] = [
    [`default corpus (${corpus.label})`, buildDictionary(corpus.entities)] as const,
    [
      `${ENTITIES.toLocaleString('en')} generated entities and the default corpus's`,
      buildDictionary([...corpus.entities, ...generateEntities(ENTITIES)]),
    ] as const,
  ].map(([label, dict]) => ({ label, wholeReply: JSON.stringify({ ok: true, data: dict }), shared: shareable(dict) }));
  const pages: [string, string][] = [];
  const real = buildRealPage(corpus.texts);
  if (real !== undefined) pages.push(['realistic page (guardian-1.html lengthened to 1 MB)', real]);
  pages.push(['dense page', buildDensePage(corpus.texts)]);
  const script = await bundleForPage(IN_PAGE);
  const browser = await launchBenchChromium();
  try {
    for (const corpus of corpora) {
      console.log(
        `\n### ${corpus.label}: the whole dictionary's reply is ${fixed(corpus.wholeReply.length / 1e6, 2)} MB of JSON`,
      );
      for (const [pageLabel, html] of pages) {
        const tabs: Record<Mode, Tab[]> = { without: [], whole: [], share: [] };
        for (let k = 0; k < RUNS; k++) {
          for (const mode of ['without', 'whole', 'share'] as const)
            tabs[mode].push(await measureOnce(browser, html, script, corpus, mode));
        }
        const { without } = tabs;
        console.log(
          `  ${pageLabel}, one tab: heap without ${spread(
            without.map((tab) => tab.heapMb),
            1,
          )} MB; DOM nodes ${median(without.map((tab) => tab.nodes))}`,
        );
        for (const mode of ['whole', 'share'] as const) {
          const withIt = tabs[mode];
          const added = withIt.map((tab, k) => tab.heapMb - (without[k]?.heapMb ?? 0));
          const step = (pick: (tab: Tab, k: number) => number): string => spread(withIt.map(pick), 1);
          console.log(
            `    sent the ${
              mode === 'whole'
                ? 'whole dictionary'
                : `page's share (${spread(
                    withIt.map((tab) => (tab.shareChars ?? 0) / 1e6),
                    3,
                  )} MB of JSON)`
            }: added, run by run, ${spread(added, 1)} MB [goal <= ${GOAL_MB} MB at ${ENTITIES.toLocaleString('en')}]; of which the ${mode === 'whole' ? 'dictionary kept' : 'share asked for and kept'} ${step((tab, k) => (tab.parsedMb ?? 0) - (without[k]?.heapMb ?? 0))} MB (the script's own code included), ${mode === 'whole' ? `the matcher opened from it ${step((tab) => (tab.openedMb ?? 0) - (tab.parsedMb ?? 0))} MB, ` : ''}the first pass and its marks ${step((tab) => tab.heapMb - (tab.openedMb ?? 0))} MB`,
          );
        }
      }
      // Twenty tabs open at once, each its own process: what the reader's machine holds for them in all.
      const html = pages[0]?.[1] ?? '';
      const totals: Partial<Record<Mode, number>> = {};
      for (const mode of ['without', 'whole', 'share'] as const) {
        const open: Tab[] = [];
        try {
          for (let k = 0; k < TABS; k++) open.push(await openTab(browser, html, script, corpus, mode));
          totals[mode] = sum(open);
        } finally {
          await Promise.all(open.map((tab) => tab.page.close()));
        }
      }
      const offMb = totals.without ?? 0;
      console.log(
        `  ${TABS} tabs of the ${pages[0]?.[0] ?? ''} open at once: heaps without ${fixed(offMb)} MB in all; sent the whole dictionary ${fixed(totals.whole ?? 0)} MB, ${fixed(((totals.whole ?? 0) - offMb) / TABS, 1)} MB a tab; sent their share ${fixed(totals.share ?? 0)} MB, ${fixed(((totals.share ?? 0) - offMb) / TABS, 1)} MB a tab`,
      );
    }
  } finally {
    await browser.close();
  }
}
