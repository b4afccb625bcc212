// The highlight pass on a 1 MB article in headless Chromium, with the default dictionary and with a synthetic
// 5,000-term one, against (a) mark.js mark(terms), (b) a bare walk that only reads every text node and (c) a floor:
// the bare walk, our matcher's matches over each text node and plain splitText/createElement wrapping of them, with
// no mark.js, pacing or checks, all in the same run. Goals: at least 10 times faster than (a), our script's own time
// within 3 times of (c), no task over 50 ms. Ours is the content script's path (highlightAndObserve with
// nearTheViewport), so after the pass the reader pages down and the frames of wrapping what comes near are measured.
import type { Page } from 'puppeteer-core';
import { buildDensePage, buildRealPage, loadCorpus, random } from './bench-pages';
import { bundleForPage, fixed, launchBenchChromium } from './in-page';
import type { MainThreadWatch } from './page-watch';
import { median, spread } from './stats';
import { type Dictionary } from '../../src/shared/dictionary';
import { dictionaryTerms, packDictionary, type DictionaryTerm } from '../../src/corpus/dictionary-build';

const SYNTHETIC_TERMS = 5000;
/** Rounds of the floor and our pass, each on a fresh page. */
const ROUNDS = 5;
/** How long the page is watched doing nothing, beside each round: what the machine's load alone does to frames. */
const IDLE_MS = 1_500;
/** mark.js makes one DOM pass per term; past this it is stopped and its time extrapolated from the terms done. */
const MARKJS_CAP_MS = Number(process.env.BENCH_MARKJS_CAP_MS ?? 15_000);
/** BENCH_PROFILE=1 adds a CPU profile and a trace of the long tasks of our pass (slower; not for the figures). */
const PROFILE = process.env.BENCH_PROFILE === '1';

/** The realistic terms plus fillers that share prefixes with real words, so the trie is walked but rarely matches. */
function syntheticDictionary(realistic: DictionaryTerm[], texts: string[]): DictionaryTerm[] {
  const next = random(11);
  const words = [...new Set(texts.join(' ').match(/\p{Lu}\p{Ll}{3,}/gu) ?? [])];
  const terms = [...realistic];
  for (let i = 0; terms.length < SYNTHETIC_TERMS; i++) {
    const word = words[Math.floor(next() * words.length)] ?? 'Term';
    const kind = i % 4 === 0 ? 'topic' : 'person';
    terms.push({ text: `${word} ${word.slice(0, 3)}${i.toString(36)}`, kind, ids: [`synthetic-${i}`] });
  }
  return terms;
}

/** Runs in the page: our highlighter and mark.js, bundled, behind `window.sourcelightBench`. */
const IN_PAGE = `
import Mark from 'mark.js';
import { removeHighlights, HIGHLIGHT_SELECTOR } from './highlighter';
import { openMatcher, findMatches } from './matcher';
import { nearTheViewport } from './nearby';
import { highlightAndObserve } from './observer';
import { watchMainThread } from '../../test/bench/page-watch';

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

window.sourcelightBench = {
  bareWalk() {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
    return { ms: performance.now() - started, chars };
  },
  floor(dictionary) {
    // The least any highlighter with this matcher must do: read the text, match it, split and wrap each match.
    const matcher = openMatcher(dictionary);
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    const walked = performance.now();
    const named = new Set();
    const found = nodes.map((node) => findMatches(node.data, matcher, named));
    const matched = performance.now();
    let wrapped = 0;
    nodes.forEach((node, k) => {
      const matches = found[k];
      // Last first, so earlier offsets stay valid as the node is split.
      for (let m = matches.length - 1; m >= 0; m--) {
        const { start, end } = matches[m];
        const tail = node.splitText(start);
        tail.splitText(end - start);
        const mark = document.createElement('mark');
        tail.replaceWith(mark);
        mark.append(tail);
        wrapped++;
      }
    });
    const finished = performance.now();
    return { ms: finished - started, walkMs: walked - started, matchMs: matched - walked, wrapMs: finished - matched, wrapped };
  },
  async ours(dictionary, scrollScreens) {
    const textBefore = document.body.innerText;
    // Long tasks are counted from here: the page has loaded, laid out and gone quiet, so every one that follows
    // is the pass's own (compiling, matching, wrapping) or the style, layout and GC work it causes.
    await settle();
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { longTasks.push(...list.getEntries()); });
    observer.observe({ type: 'longtask' });
    const watched = watchMainThread();
    // The pass starts in a task of its own, as the content script's does after the dictionary arrives.
    await settle(0);
    performance.mark('sourcelight-pass');
    const started = performance.now();
    const matcher = openMatcher(dictionary);
    const compiled = performance.now();
    // The content script's path: the first pass, then what comes near the reader (nearby.ts).
    const session = new AbortController();
    const result = await highlightAndObserve(document.body, matcher, { signal: session.signal, nearby: nearTheViewport });
    const finished = performance.now();
    const marks = document.querySelectorAll(HIGHLIGHT_SELECTOR).length;
    // Rendering the marks happens after the pass's last task: wait for it, and count its tasks too.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await settle();
    performance.mark('sourcelight-quiet');
    observer.disconnect();
    const mainThread = watched();
    // Then a reader pages down, a screen every 150 ms: what is wrapped as it comes near, and the frames meanwhile.
    const scrolling = watchMainThread();
    for (let k = 0; k < scrollScreens; k++) {
      scrollBy(0, innerHeight);
      await settle(150);
    }
    await settle();
    const scrolled = scrolling();
    const marksAfterScrolling = document.querySelectorAll(HIGHLIGHT_SELECTOR).length;
    session.abort();
    scrollTo(0, 0);
    const textHighlighted = document.body.innerText;
    removeHighlights(document.body);
    const textRestored = document.body.innerText;
    return {
      compileMs: compiled - started,
      ms: finished - started,
      matches: result.matches,
      marks,
      marksAfterScrolling,
      scrolled,
      longestChunkMs: result.longestChunkMs,
      busyMs: result.busyMs,
      frames: result.frames,
      longTasks: longTasks.map((task) => ({ start: task.startTime - started, ms: task.duration })),
      mainThread,
      textKept: textBefore === textHighlighted && textHighlighted === textRestored,
    };
  },
  async idle(ms) {
    // The page doing nothing for as long as a pass takes: the frames the machine itself holds up.
    await settle();
    const watched = watchMainThread();
    await settle(ms);
    return watched();
  },
  markjs(terms, capMs) {
    const done = new Set();
    const started = performance.now();
    let error;
    try {
      new Mark(document.body).mark(terms, {
        accuracy: 'exactly',
        separateWordSearch: false,
        filter: (_node, term) => { done.add(term); return true; },
        noMatch: (term) => {
          done.add(term);
          if (performance.now() - started > capMs) throw new Error('stopped at the time cap');
        },
      });
    } catch (caught) {
      error = String(caught && caught.message ? caught.message : caught);
    }
    return { ms: performance.now() - started, termsDone: done.size, error };
  },
};
`;

interface OursResult {
  compileMs: number;
  ms: number;
  matches: number;
  marks: number;
  marksAfterScrolling: number;
  scrolled: MainThreadWatch;
  longestChunkMs: number;
  busyMs?: number;
  frames?: number;
  longTasks: { start: number; ms: number }[];
  mainThread: MainThreadWatch;
  textKept: boolean;
}
interface FloorResult {
  ms: number;
  walkMs: number;
  matchMs: number;
  wrapMs: number;
  wrapped: number;
}
interface MarkJsResult {
  ms: number;
  termsDone: number;
  error?: string;
}

async function freshPage(page: Page, html: string, script: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
}

/** Screens the reader pages down after the pass. */
const SCROLL_SCREENS = 10;

function oursCall(dictionary: Dictionary): string {
  return `window.sourcelightBench.ours(${JSON.stringify(dictionary)}, ${SCROLL_SCREENS})`;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string } };
}

/** What the long tasks of one pass were made of: each task over 50 ms, and its costliest events by name. */
async function traceLongTasks(page: Page, html: string, script: string, dictionary: Dictionary): Promise<void> {
  await freshPage(page, html, script);
  await page.tracing.start({
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'],
  });
  await page.evaluate(oursCall(dictionary));
  const buffer = await page.tracing.stop();
  const events = (JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find(
    (event) => event.name === 'thread_name' && (event.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  const onMain = events.filter((event) => event.tid === main?.tid && event.ph === 'X' && event.dur !== undefined);
  // Only the pass's tasks: from its start until the page is quiet after it, as the longtask figure counts.
  const from = events.find((event) => event.name === 'sourcelight-pass')?.ts ?? 0;
  const to = events.find((event) => event.name === 'sourcelight-quiet')?.ts ?? Number.POSITIVE_INFINITY;
  const tasks = onMain.filter(
    (event) =>
      event.name === 'RunTask' && (event.dur ?? 0) > 50_000 && event.ts + (event.dur ?? 0) >= from && event.ts <= to,
  );
  const inside = [
    'FunctionCall',
    'TimerFire',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'MajorGC',
    'MinorGC',
    'V8.GC_MARK_COMPACTOR',
    'V8.GC_SCAVENGER',
    'ParseHTML',
    'EvaluateScript',
    'v8.compile',
    'HitTest',
    'UpdateLayerTree',
  ];
  console.log(`  trace: ${tasks.length} task(s) over 50 ms`);
  for (const task of tasks.slice(0, 6)) {
    const end = task.ts + (task.dur ?? 0);
    const totals = new Map<string, number>();
    for (const event of onMain) {
      if (event.ts < task.ts || event.ts >= end || !inside.includes(event.name)) continue;
      totals.set(event.name, (totals.get(event.name) ?? 0) + (event.dur ?? 0));
    }
    const parts = [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, us]) => `${name} ${fixed(us / 1000)}`);
    console.log(`    task ${fixed((task.dur ?? 0) / 1000)} ms: ${parts.join(', ')} (ms, nested events overlap)`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Where our pass spends its time: the CPU profile's top functions by self time. */
async function profilePass(page: Page, html: string, script: string, dictionary: Dictionary): Promise<void> {
  await freshPage(page, html, script);
  const session = await page.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.evaluate(oursCall(dictionary));
  const { profile } = (await session.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  };
  await session.detach();
  const perSample = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * perSample);
  }
  const top = [...self]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1]);
  console.log(`  profile (self ms, including the settle and text checks around the pass):`);
  for (const [key, ms] of top.slice(0, 18)) console.log(`    ${fixed(ms)}  ${key}`);
}

export async function bench(): Promise<void> {
  const corpus = loadCorpus();
  const realistic = dictionaryTerms(corpus.entities);
  const termLists: [string, DictionaryTerm[]][] = [
    [`default dictionary (${corpus.label})`, realistic],
    [`synthetic ${SYNTHETIC_TERMS} terms`, syntheticDictionary(realistic, corpus.texts)],
  ];
  const pages: [string, string][] = [];
  const real = buildRealPage(corpus.texts);
  if (real === undefined)
    console.log('realistic page skipped: guardian-1.html not found in shared/pages or test/fixtures/pages');
  else pages.push(['realistic: guardian-1.html, article body lengthened with corpus paragraphs', real]);
  pages.push(['dense stress case: corpus paragraphs only', buildDensePage(corpus.texts)]);
  const script = await bundleForPage(IN_PAGE);

  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    for (const [pageLabel, html] of pages) {
      const megabytes = html.length / 1e6;
      console.log(`\n### page: ${pageLabel}: ${fixed(megabytes, 2)} MB of markup`);
      for (const [label, termList] of termLists) {
        const dictionary = packDictionary(termList);
        await freshPage(page, html, script);
        const walks: { ms: number; chars: number }[] = [];
        for (let k = 0; k < 3; k++)
          walks.push((await page.evaluate('window.sourcelightBench.bareWalk()')) as { ms: number; chars: number });
        const walkMs = median(walks.map((walk) => walk.ms));
        const chars = walks[0]?.chars ?? 0;

        // Rounds of the floor and our pass, side by side on fresh pages: each ratio is taken within its round, and
        // every figure is a median with its range. Long tasks and the text check count every run.
        const floors: FloorResult[] = [];
        const runs: OursResult[] = [];
        const idles: MainThreadWatch[] = [];
        for (let k = 0; k < ROUNDS; k++) {
          await freshPage(page, html, script);
          idles.push((await page.evaluate(`window.sourcelightBench.idle(${IDLE_MS})`)) as MainThreadWatch);
          await freshPage(page, html, script);
          floors.push(
            (await page.evaluate(`window.sourcelightBench.floor(${JSON.stringify(dictionary)})`)) as FloorResult,
          );
          await freshPage(page, html, script);
          runs.push((await page.evaluate(oursCall(dictionary))) as OursResult);
        }
        const scriptMs = (run: OursResult): number => run.compileMs + (run.busyMs ?? run.ms);
        const floorRatios = runs.map((run, k) => scriptMs(run) / (floors[k]?.ms ?? scriptMs(run)));
        // The run whose script time is the median's, for the counts and parts printed beside the figures.
        const typical = [...runs].sort((a, b) => scriptMs(a) - scriptMs(b))[runs.length >> 1] ?? runs[0];
        const typicalFloor = [...floors].sort((a, b) => a.ms - b.ms)[floors.length >> 1] ?? floors[0];
        if (typical === undefined || typicalFloor === undefined) throw new Error('no runs');
        const floor = typicalFloor;
        const ours = {
          ...typical,
          longTasks: runs.flatMap((run) => run.longTasks),
          longestChunkMs: Math.max(...runs.map((run) => run.longestChunkMs)),
          textKept: runs.every((run) => run.textKept),
        };

        await freshPage(page, html, script);
        const terms = termList.map((term) => term.text);
        const markjs = (await page.evaluate(
          `window.sourcelightBench.markjs(${JSON.stringify(terms)}, ${MARKJS_CAP_MS})`,
        )) as MarkJsResult;
        const markjsFinished = markjs.error === undefined;
        const markjsMs = markjsFinished ? markjs.ms : (markjs.ms * terms.length) / Math.max(1, markjs.termsDone);
        const oursMs = median(runs.map((run) => run.ms));
        const longest = ours.longTasks.reduce((max, task) => Math.max(max, task.ms), 0);

        console.log(`\n#### ${label}: ${termList.length} terms; ${fixed(chars / 1e6, 2)} M characters of text`);
        console.log(
          `  ours over ${ROUNDS} rounds: ${spread(
            runs.map((run) => run.ms),
            0,
          )} ms from start to end (compile included); our script ${spread(runs.map(scriptMs), 0)} ms (the rest is left to the page: ${typical.frames ?? 0} frame waits in the median run)`,
        );
        console.log(
          `  matches wrapped in the first pass: ${ours.matches} (${Math.round(ours.matches / megabytes)} per MB of markup, ${Math.round(ours.matches / (chars / 1e6))} per M characters of text), ${ours.marks} marks after the first pass, ${ours.marksAfterScrolling} once the reader has paged down ${SCROLL_SCREENS} screens`,
        );
        console.log(`  (b) bare walk: ${fixed(walkMs, 2)} ms`);
        console.log(
          markjsFinished
            ? `  (a) mark.js mark(): ${fixed(markjs.ms)} ms`
            : `  (a) mark.js mark(): stopped at the ${MARKJS_CAP_MS / 1000} s cap after ${markjs.termsDone} of ${terms.length} terms; extrapolated ${fixed(markjsMs / 1000)} s`,
        );
        console.log(
          `  ratio (a)/ours: ${fixed(markjsMs / oursMs)}x faster than mark.js, against our median${markjsFinished ? '' : ' (extrapolated)'}  [goal >= 10x]`,
        );
        console.log(
          `  (c) floor: ${spread(
            floors.map((run) => run.ms),
            0,
          )} ms (median run: walk ${fixed(floor.walkMs)}, match ${fixed(floor.matchMs)}, plain splitText wrapping ${fixed(floor.wrapMs)}; ${floor.wrapped} matches wrapped)`,
        );
        console.log(
          `  ratio ours/(c), round by round, our script only: ${spread(floorRatios, 2)}x the floor  [goal <= 3x]`,
        );
        console.log(`  ratio ours/(b): ${fixed(oursMs / walkMs)}x the bare walk (medians)`);
        console.log(
          `  longest task ${fixed(longest)} ms (longtask API, ${ours.longTasks.length} over 50 ms in ${ROUNDS} runs, from the pass's start until the page is quiet after it); longest chunk ${fixed(ours.longestChunkMs)} ms  [goal <= 50 ms]`,
        );
        console.log(
          `  per run, longest task: ${spread(
            runs.map((run) => run.mainThread.longestTaskMs),
            0,
          )} ms; longest frame (animation frame to frame): ${spread(
            runs.map((run) => run.mainThread.longestFrameMs),
            0,
          )} ms, long animation frames ${spread(
            runs.map((run) => run.mainThread.longestAnimationFrameMs),
            0,
          )} ms; the same page idle for ${IDLE_MS / 1000} s beside them: longest frame ${spread(
            idles.map((idle) => idle.longestFrameMs),
            0,
          )} ms  [0: none over 50 ms; goal: no task or frame over 50 ms]`,
        );
        console.log(
          `  paging down ${SCROLL_SCREENS} screens after the pass, per run: longest task ${spread(
            runs.map((run) => run.scrolled.longestTaskMs),
            0,
          )} ms, longest frame ${spread(
            runs.map((run) => run.scrolled.longestFrameMs),
            0,
          )} ms, long animation frames ${spread(
            runs.map((run) => run.scrolled.longestAnimationFrameMs),
            0,
          )} ms`,
        );
        if (ours.longTasks.length > 0)
          console.log(
            `  long tasks (start ms after the pass began: duration): ${ours.longTasks.map((task) => `${fixed(task.start)}: ${fixed(task.ms)}`).join(', ')}`,
          );
        console.log(`  page text identical before, during and after: ${ours.textKept ? 'yes' : 'NO'}`);
        if (PROFILE) {
          await traceLongTasks(page, html, script, dictionary);
          await profilePass(page, html, script, dictionary);
        }
      }
    }
  } finally {
    await browser.close();
  }
}
