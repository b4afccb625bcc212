// Two ways to paint the built-in corpus's names, in headless Chromium and Firefox, on the highlight bench's real and
// dense pages: today's marks (each match wrapped in a <mark>, src/content/highlighter.ts) and the CSS Custom
// Highlight API (the same matches as ranges in CSS.highlights, painted by ::highlight, no element inserted). Each of
// five rounds runs, on fresh pages side by side, the page with no highlights, the marks and the Custom Highlights:
// first the pass (the same paced walk and matcher for both: src/content/highlighter.ts `passOverRuns`), then the
// reader scrolling 40 screens a frame apart. Each is timed by our script's time, the longest task and the longest
// frame, and in Chromium by main-thread time (TaskDuration: the style, layout and paint the pass causes count too) and
// the page's JavaScript heap and DOM nodes after it. Every figure is a median with its range; ratios are taken within
// a round. The README's "Paint path" section says what was decided from these figures.
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { benchPages, loadCorpus } from './bench-pages';
import { bundleForPage, fixed, launchBenchChromium } from './in-page';
import type { MainThreadWatch } from './page-watch';
import { spread } from './stats';
import { findBrowserBinary } from '../e2e/browsers';
import { dictionaryTerms, packDictionary } from '../../src/corpus/dictionary-build';
import type { Dictionary } from '../../src/shared/dictionary';

const ROUNDS = 5;
/** Screens scrolled, each 80% of the viewport's height, a frame apart. */
const SCROLL_STEPS = 40;

/**
 * `highlights` adds each run's ranges to a registered highlight as they are found, so the page paints them as the
 * marks appear; `highlights-at-end` registers the highlight once every range is in it, one repaint in all.
 */
type Path = 'none' | 'marks' | 'highlights' | 'highlights-at-end';
const PATHS: readonly Path[] = ['none', 'marks', 'highlights', 'highlights-at-end'];

/** Runs in the page: one path's pass, and the reader's scrolling after it. */
const IN_PAGE = `
import { highlight, passOverRuns } from './highlighter';
import { showMarkStyle } from './mark-style';
import { findMatches } from './matcher';
import { piecesBetween, readTextRun, textPieceOf } from './text-range';
import { watchMainThread } from '../../test/bench/page-watch';
import { frame, settle, startPass } from '../../test/bench/pass-start';


/** The marks' look, as far as ::highlight allows (no border): a tint and an underline. */
const HIGHLIGHT_STYLE =
  '::highlight(sourcelight) { background-color: rgba(255, 214, 102, 0.45); text-decoration: underline 2px #b07d00; }';

/** The same matches as the marks, as static ranges in one Custom Highlight, added a run of text at a time. */
async function paintHighlights(matcher, atEnd) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_STYLE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const painted = new Highlight();
  if (!atEnd) CSS.highlights.set('sourcelight', painted);
  const namedSoFar = new Set();
  const result = await passOverRuns([document.body], {
    workFor: (nodes) => {
      let done = false;
      return {
        get done() { return done; },
        layoutUnits: 0,
        step() {
          done = true;
          const run = readTextRun(nodes);
          let found = 0;
          for (const { start, end } of findMatches(run.text, matcher, namedSoFar)) {
            for (const piece of piecesBetween(run, start, end)) {
              const { node, start: from, end: to } = textPieceOf(run, piece);
              painted.add(new StaticRange({ startContainer: node, startOffset: from, endContainer: node, endOffset: to }));
            }
            found++;
          }
          return found;
        },
      };
    },
  });
  if (atEnd) CSS.highlights.set('sourcelight', painted);
  return result;
}

window.paintBench = {
  async pass(dictionary, path) {
    const text = document.body.textContent;
    const { watched, started, matcher, compileMs } = await startPass(dictionary);
    let result = { matches: 0, busyMs: 0 };
    if (path === 'marks') {
      showMarkStyle(true);
      result = await highlight(document.body, matcher);
    } else if (path !== 'none') {
      result = await paintHighlights(matcher, path === 'highlights-at-end');
    }
    const passMs = performance.now() - started;
    await frame();
    await frame();
    await settle();
    return {
      found: result.matches,
      scriptMs: compileMs + (result.busyMs ?? 0),
      passMs,
      mainThread: watched(),
      textKept: path === 'marks' || document.body.textContent === text,
    };
  },
  async scroll(steps) {
    await settle();
    const watched = watchMainThread();
    const started = performance.now();
    const by = Math.round(innerHeight * 0.8);
    for (let k = 0; k < steps; k++) {
      scrollBy(0, by);
      await frame();
    }
    const scrollMs = performance.now() - started;
    await settle();
    return { scrollMs, mainThread: watched() };
  },
};
`;

interface PassResult {
  found: number;
  scriptMs: number;
  passMs: number;
  mainThread: MainThreadWatch;
  textKept: boolean;
}

interface Run {
  pass: PassResult;
  /** Wall time of the 40 scrolled frames: 40 frames at 60 Hz is 667 ms, and every frame held up adds to it. */
  scrollMs: number;
  scroll: MainThreadWatch;
  /** Chromium only: main-thread time of the pass until quiet, and of the scrolling; the heap and nodes after. */
  passTaskMs?: number;
  scrollTaskMs?: number;
  heapMb?: number;
  nodes?: number;
}

interface PageWindow {
  paintBench: {
    pass(dictionary: unknown, path: string): Promise<PassResult>;
    scroll(steps: number): Promise<{ scrollMs: number; mainThread: MainThreadWatch }>;
  };
}

async function chromiumMetrics(
  page: Page,
  withHeap: boolean,
): Promise<{ taskMs: number; heapMb?: number; nodes?: number }> {
  if (withHeap) {
    const session = await page.createCDPSession();
    await session.send('HeapProfiler.collectGarbage');
    await session.detach();
  }
  const metrics = await page.metrics();
  return {
    taskMs: (metrics.TaskDuration ?? 0) * 1000,
    ...(withHeap ? { heapMb: (metrics.JSHeapUsedSize ?? 0) / 1e6, nodes: metrics.Nodes ?? 0 } : {}),
  };
}

async function runOnce(
  browser: Browser,
  chromium: boolean,
  html: string,
  script: string,
  dictionary: Dictionary,
  path: Path,
): Promise<Run> {
  // A tab of its own, so that the heap and the nodes counted after are this run's alone.
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(180_000);
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    const before = chromium ? await chromiumMetrics(page, false) : undefined;
    const pass = await page.evaluate(
      (value, which) => (window as unknown as PageWindow).paintBench.pass(value, which),
      dictionary as never,
      path,
    );
    const afterPass = chromium ? await chromiumMetrics(page, false) : undefined;
    const scroll = await page.evaluate(
      (steps) => (window as unknown as PageWindow).paintBench.scroll(steps),
      SCROLL_STEPS,
    );
    const afterScroll = chromium ? await chromiumMetrics(page, true) : undefined;
    return {
      pass,
      scrollMs: scroll.scrollMs,
      scroll: scroll.mainThread,
      ...(before && afterPass && afterScroll
        ? {
            passTaskMs: afterPass.taskMs - before.taskMs,
            scrollTaskMs: afterScroll.taskMs - afterPass.taskMs,
            heapMb: afterScroll.heapMb,
            nodes: afterScroll.nodes,
          }
        : {}),
    };
  } finally {
    await page.close();
  }
}

function report(label: string, runs: Record<Path, Run[]>): void {
  const { marks } = runs;
  const ratio = (pick: (run: Run) => number | undefined, path: Path): number[] =>
    runs[path].map((run, k) => (pick(run) ?? 0) / Math.max(0.01, pick(marks[k] ?? run) ?? 0));
  const ratios = (pick: (run: Run) => number | undefined): string =>
    (['highlights', 'highlights-at-end'] as const)
      .map((path) => `${path}/marks ${spread(ratio(pick, path), 2)}x`)
      .join('; ');
  const each = (paths: readonly Path[], pick: (run: Run) => number | undefined, digits = 0): string =>
    paths
      .map(
        (path) =>
          `${path} ${spread(
            runs[path].map((run) => pick(run) ?? 0),
            digits,
          )}`,
      )
      .join('; ');
  const painting: Path[] = ['marks', 'highlights', 'highlights-at-end'];
  const chromium = marks[0]?.passTaskMs !== undefined;
  console.log(`\n#### ${label}`);
  console.log(
    `  matches: ${marks[0]?.pass.found ?? 0} marked; ${runs.highlights[0]?.pass.found ?? 0} as Custom Highlights; page text unchanged by the highlights: ${[...runs.highlights, ...runs['highlights-at-end']].every((run) => run.pass.textKept) ? 'yes' : 'NO'}`,
  );
  console.log(
    `  pass, our script: ${each(painting, (run) => run.pass.scriptMs)} ms; ${ratios((run) => run.pass.scriptMs)}`,
  );
  console.log(
    `  pass, start to end: ${each(painting, (run) => run.pass.passMs)} ms; ${ratios((run) => run.pass.passMs)}`,
  );
  if (chromium)
    console.log(
      `  pass, main-thread time until quiet: ${each(painting, (run) => run.passTaskMs)} ms; ${ratios((run) => run.passTaskMs)}`,
    );
  console.log(
    `  pass, per run: longest task ${each(painting, (run) => run.pass.mainThread.longestTaskMs)} ms; longest frame ${each(painting, (run) => run.pass.mainThread.longestFrameMs)} ms  [0: no task over 50 ms]`,
  );
  console.log(
    `  scrolling ${SCROLL_STEPS} screens, wall time of the frames: ${each(PATHS, (run) => run.scrollMs)} ms; ${ratios((run) => run.scrollMs)}; longest frame ${each(PATHS, (run) => run.scroll.longestFrameMs)} ms`,
  );
  if (chromium) {
    console.log(
      `  scrolling, main-thread time: ${each(PATHS, (run) => run.scrollTaskMs)} ms; ${ratios((run) => run.scrollTaskMs)}`,
    );
    console.log(
      `  after, the page's JavaScript heap: ${each(PATHS, (run) => run.heapMb, 1)} MB; DOM nodes: ${each(PATHS, (run) => run.nodes)}`,
    );
  }
}

async function launch(name: 'chromium' | 'firefox'): Promise<Browser> {
  if (name === 'chromium') return launchBenchChromium();
  return puppeteer.launch({ browser: 'firefox', executablePath: findBrowserBinary('firefox'), headless: true });
}

export async function bench(): Promise<void> {
  const corpus = loadCorpus();
  const dictionary = packDictionary(dictionaryTerms(corpus.entities));
  const pages = benchPages(corpus.texts);
  const script = await bundleForPage(IN_PAGE);
  console.log(`dictionary: ${corpus.label}, ${dictionary.terms} terms`);
  for (const name of ['chromium', 'firefox'] as const) {
    const browser = await launch(name);
    try {
      console.log(`\n### ${name} ${await browser.version()}`);
      for (const [label, html] of pages) {
        const runs: Record<Path, Run[]> = { none: [], marks: [], highlights: [], 'highlights-at-end': [] };
        for (let k = 0; k < ROUNDS; k++)
          for (const path of PATHS)
            runs[path].push(await runOnce(browser, name === 'chromium', html, script, dictionary, path));
        report(`${label}: ${fixed(html.length / 1e6, 2)} MB of markup`, runs);
      }
    } finally {
      await browser.close();
    }
  }
}
