// What the reader's own corpora cost a page, drawn where no page script can read them (src/content/overlay.ts),
// against the built-in corpus's marks, in headless Chromium, on the highlight bench's pages: a real news page
// lengthened to 1 MB, and the dense stress page. Both paths use the same dictionary. Each of five rounds runs, on fresh
// pages side by side, the page with no highlights, the mark path and the overlay path: first the pass (from the
// dictionary to the page quiet after it, the overlay's drawing included), then the reader scrolling through 40 screens
// a frame apart, which the overlay follows by drawing again. Each is timed as main-thread time (Chromium's
// TaskDuration, so the style, layout, paint and garbage collection they cause count too) and by its longest task; each
// ratio is taken within its round, and every figure is a median with its range.
import type { Page } from 'puppeteer-core';
import { benchPages, loadCorpus } from './bench-pages';
import { bundleForPage, fixed, launchBenchChromium } from './in-page';
import type { MainThreadWatch } from './page-watch';
import { median, spread } from './stats';
import { dictionaryTerms, packDictionary } from '../../src/corpus/dictionary-build';
import type { Dictionary } from '../../src/shared/dictionary';

const ROUNDS = 5;
/** Screens scrolled, each 80% of the viewport's height, a frame apart. */
const SCROLL_STEPS = 40;

type Path = 'none' | 'marks' | 'overlay';
const PATHS: readonly Path[] = ['none', 'marks', 'overlay'];

/** Runs in the page: one path's pass, and the reader's scrolling after it. */
const IN_PAGE = `
import { highlight } from './highlighter';
import { showMarkStyle } from './mark-style';
import { createOverlay } from './overlay';
import { findOwnNames } from './own-highlights';
import { watchMainThread } from '../../test/bench/page-watch';
import { frame, settle, startPass } from '../../test/bench/pass-start';


window.ownBench = {
  async pass(dictionary, path) {
    const { watched, matcher, compileMs } = await startPass(dictionary);
    let found = 0;
    let busyMs = 0;
    if (path === 'marks') {
      showMarkStyle(true);
      const result = await highlight(document.body, matcher);
      found = result.matches;
      busyMs = result.busyMs ?? 0;
    } else if (path === 'overlay') {
      const overlay = createOverlay(() => undefined);
      const draw = (highlight) => {
        overlay.add(highlight);
        found++;
      };
      const signal = new AbortController().signal;
      const result = await findOwnNames([document.body], matcher, { signal, namedSoFar: new Set() }, draw);
      busyMs = result.busyMs ?? 0;
    }
    // The overlay draws at the next frame, and again once its IntersectionObserver has said what is near.
    await frame();
    await frame();
    await settle();
    return { found, scriptMs: compileMs + busyMs, mainThread: watched() };
  },
  async scroll(steps) {
    await settle();
    const watched = watchMainThread();
    const by = Math.round(innerHeight * 0.8);
    for (let k = 0; k < steps; k++) {
      scrollBy(0, by);
      await frame();
    }
    await settle();
    return { mainThread: watched() };
  },
};
`;

interface Run {
  found: number;
  /** Our script's own time in the pass. */
  scriptMs: number;
  /** Main-thread time from the pass's start until the page is quiet after it. */
  passMs: number;
  pass: MainThreadWatch;
  /** Main-thread time of the scrolling. */
  scrollMs: number;
  scroll: MainThreadWatch;
}

const taskMs = async (page: Page): Promise<number> => ((await page.metrics()).TaskDuration ?? 0) * 1000;

async function runOnce(page: Page, html: string, script: string, dictionary: Dictionary, path: Path): Promise<Run> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
  const beforePass = await taskMs(page);
  const pass = (await page.evaluate(
    (value, which) =>
      (
        window as unknown as {
          ownBench: {
            pass(d: unknown, p: string): Promise<{ found: number; scriptMs: number; mainThread: MainThreadWatch }>;
          };
        }
      ).ownBench.pass(value, which),
    dictionary as never,
    path,
  )) as { found: number; scriptMs: number; mainThread: MainThreadWatch };
  const afterPass = await taskMs(page);
  const scroll = (await page.evaluate(
    (steps) =>
      (
        window as unknown as { ownBench: { scroll(n: number): Promise<{ mainThread: MainThreadWatch }> } }
      ).ownBench.scroll(steps),
    SCROLL_STEPS,
  )) as { mainThread: MainThreadWatch };
  const afterScroll = await taskMs(page);
  return {
    found: pass.found,
    scriptMs: pass.scriptMs,
    passMs: afterPass - beforePass,
    pass: pass.mainThread,
    scrollMs: afterScroll - afterPass,
    scroll: scroll.mainThread,
  };
}

function report(label: string, runs: Record<Path, Run[]>): void {
  const { none, marks, overlay } = runs;
  const ratio = (pick: (run: Run) => number) =>
    overlay.map((run, k) => pick(run) / Math.max(0.01, pick(marks[k] ?? run)));
  console.log(`\n#### ${label}`);
  console.log(`  highlights: ${marks[0]?.found ?? 0} marked; ${overlay[0]?.found ?? 0} drawn in the overlay`);
  console.log(
    `  pass, our script: marks ${spread(
      marks.map((run) => run.scriptMs),
      0,
    )} ms; overlay ${spread(
      overlay.map((run) => run.scriptMs),
      0,
    )} ms; overlay/marks ${spread(
      ratio((run) => run.scriptMs),
      2,
    )}x`,
  );
  console.log(
    `  pass, main-thread time until quiet: marks ${spread(
      marks.map((run) => run.passMs),
      0,
    )} ms; overlay ${spread(
      overlay.map((run) => run.passMs),
      0,
    )} ms; overlay/marks ${spread(
      ratio((run) => run.passMs),
      2,
    )}x`,
  );
  console.log(
    `  scrolling ${SCROLL_STEPS} screens, main-thread time: no highlights ${spread(
      none.map((run) => run.scrollMs),
      0,
    )} ms; marks ${spread(
      marks.map((run) => run.scrollMs),
      0,
    )} ms; overlay ${spread(
      overlay.map((run) => run.scrollMs),
      0,
    )} ms; overlay/marks ${spread(
      ratio((run) => run.scrollMs),
      2,
    )}x`,
  );
  const watched = (stage: 'pass' | 'scroll', pick: (watch: MainThreadWatch) => number, paths: Path[]): string =>
    paths
      .map(
        (path) =>
          `${path} ${spread(
            runs[path].map((run) => pick(run[stage])),
            0,
          )}`,
      )
      .join('; ');
  for (const stage of ['pass', 'scroll'] as const) {
    const paths: Path[] = stage === 'pass' ? ['marks', 'overlay'] : ['none', 'marks', 'overlay'];
    console.log(
      `  ${stage === 'pass' ? 'pass' : 'scrolling'}, per run: longest task ${watched(stage, (watch) => watch.longestTaskMs, paths)} ms; longest frame (animation frame to frame) ${watched(stage, (watch) => watch.longestFrameMs, paths)} ms; long animation frames ${watched(stage, (watch) => watch.longestAnimationFrameMs, paths)} ms  [0: none over 50 ms]`,
    );
  }
  console.log(
    `  per frame of scrolling, the overlay's extra main-thread time over marks: ${fixed(median(overlay.map((run, k) => (run.scrollMs - (marks[k]?.scrollMs ?? 0)) / SCROLL_STEPS)), 2)} ms (median)`,
  );
}

export async function bench(): Promise<void> {
  const corpus = loadCorpus();
  const dictionary = packDictionary(dictionaryTerms(corpus.entities));
  const pages = benchPages(corpus.texts);
  const script = await bundleForPage(IN_PAGE);
  console.log(
    `dictionary: ${corpus.label}, ${dictionary.terms} terms, as the built-in corpus (marks) and as the reader's own (overlay)`,
  );
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(180_000);
    for (const [label, html] of pages) {
      const runs: Record<Path, Run[]> = { none: [], marks: [], overlay: [] };
      for (let k = 0; k < ROUNDS; k++)
        for (const path of PATHS) runs[path].push(await runOnce(page, html, script, dictionary, path));
      report(
        `${label}: ${fixed(html.length / 1e6, 2)} MB of markup; viewport ${page.viewport()?.width ?? 0}x${page.viewport()?.height ?? 0}`,
        runs,
      );
    }
  } finally {
    await browser.close();
  }
}
