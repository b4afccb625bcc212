// What loading the content script costs a page, in headless Chromium: the built dist/chrome/assets/content.js is
// parsed, compiled and run to the end of its first task (its modules set up, its schemas built, its listeners added;
// the extension's API is a stand-in that never answers, so no highlighting starts), timed around the script's
// insertion on a fresh page. Beside it, in the same rounds: an inert script of the same size (one string literal, so
// the bytes are read and nothing is built), and with `-- --content-baseline=PATH` another build of content.js (an
// older one, to compare). Each source gets a comment unique to its run, so no run reuses another's compiled code.
// Usage: npm run build && npm run bench content-parse [-- --content-baseline=/path/to/old/content.js]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { fixed, launchBenchChromium } from './in-page';
import { spread } from './stats';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT = join(repo, 'dist', 'chrome', 'assets', 'content.js');
const RUNS = Number(process.env.BENCH_CONTENT_PARSE_RUNS ?? 9);
const PAGE_URL = 'http://content-parse.test/page.html';
const PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Parse bench</title></head><body><p>A page.</p></body></html>';

/** Stands in for the extension's API before the script runs: it registers listeners, and its requests stay pending. */
const EXTENSION_API = `
const pending = () => new Promise(() => {});
const event = { addListener() {}, removeListener() {} };
const api = {
  runtime: { id: 'content-parse-bench', onMessage: event, sendMessage: pending, getURL: (path) => path },
  storage: { local: { get: pending, set: pending }, onChanged: event },
};
window.chrome = api;
window.browser = api;
`;

interface Case {
  label: string;
  source: string;
}

/** Inserts `source` as a script into a fresh page and returns how long its insertion took (parse, compile and run). */
async function timeOnce(browser: Browser, source: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(EXTENSION_API);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === PAGE_URL) void request.respond({ status: 200, contentType: 'text/html', body: PAGE });
      else void request.abort();
    });
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    const { ms, error } = await page.evaluate((text) => {
      const script = document.createElement('script');
      script.text = text;
      let thrown: string | undefined;
      // No named function here: the bench's TypeScript build would name it with a helper the page does not have.
      const listening = new AbortController();
      window.addEventListener('error', (event) => void (thrown = event.message), { signal: listening.signal });
      const started = performance.now();
      // An inline script runs as it is inserted, so this times its parse, compilation and first task.
      document.head.append(script);
      const elapsed = performance.now() - started;
      listening.abort();
      return { ms: elapsed, error: thrown };
    }, source);
    // A script that stopped at an error did not do all its work: its time would flatter it.
    if (error !== undefined) throw new Error(`the script threw as it ran: ${error}`);
    return ms;
  } finally {
    await page.close();
  }
}

export async function bench(): Promise<void> {
  if (!existsSync(BUILT)) throw new Error(`No ${BUILT}: run \`npm run build\` first.`);
  const built = readFileSync(BUILT, 'utf8');
  const baselinePath = process.argv.find((arg) => arg.startsWith('--content-baseline='))?.split('=')[1];
  const cases: Case[] = [
    // `void "xx…x";`: as many bytes as the build, read and thrown away.
    { label: 'inert script of the same size', source: `void "${'x'.repeat(Buffer.byteLength(built) - 8)}";` },
    { label: 'content.js (this build)', source: built },
    ...(baselinePath ? [{ label: `content.js (${baselinePath})`, source: readFileSync(baselinePath, 'utf8') }] : []),
  ];
  for (const { label, source } of cases) console.log(`${label}: ${fixed(Buffer.byteLength(source) / 1000)} kB`);
  const browser = await launchBenchChromium();
  try {
    const times = cases.map((): number[] => []);
    // Interleaved, so a slow moment of the machine falls on every case alike.
    for (let round = 0; round < RUNS; round++) {
      for (const [i, { source }] of cases.entries()) {
        times[i]?.push(await timeOnce(browser, `${source}\n// run ${round}.${i}\n`));
      }
    }
    console.log(`\n${RUNS} interleaved rounds, each case on a fresh page:`);
    for (const [i, { label }] of cases.entries()) console.log(`  ${label}: ${spread(times[i] ?? [], 2)} ms`);
    const [inert = [], ours = [], baseline] = times;
    const ratio = (a: number[], b: number[]): number[] => a.map((value, round) => value / (b[round] ?? NaN));
    console.log(`  this build / the inert script, round by round: ${spread(ratio(ours, inert), 2)}`);
    if (baseline) console.log(`  the baseline build / this build, round by round: ${spread(ratio(baseline, ours), 2)}`);
  } finally {
    await browser.close();
  }
}
