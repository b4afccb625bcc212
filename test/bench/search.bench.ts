// Per-keystroke search latency: every prefix of a few realistic queries, on the default pack and on a synthetic
// pack of 100,000 statements, against a plain lowercase substring scan over the same texts in the same run.
// Goal (issue 6): p95 under 10 ms at 100,000 statements and at least 20 times faster than the scan. Ratios are
// printed per statistic: the scan's median over the search's median, and the scan's p95 over the search's p95.
// With `-- --search-baseline=DIR`, another checkout's search (e.g. main before a change) runs beside them too.
// Usage: npm run bench search [-- --search-baseline=/path/to/checkout]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import type { StoredSearchIndex } from '../../src/background/database';
import { buildPrefixTable, type PrefixAnswer } from '../../src/background/search-prefix-table';
import { POPUP_SEARCH_OPTIONS } from '../../src/shared/search-results';
import { median, spread } from './stats';
import { corpusPack, type CorpusPack, type Entity, type Question, type Statement } from '../../src/corpus/pack';
import {
  buildSearchIndex,
  exportSearchIndex,
  searchCorpus,
  type SerializedSearchIndex,
} from '../../src/background/search-index';
import { makeSeedPack } from '../fixtures/search-seed-pack';

const QUERIES = ['rajavi', 'pourmohamadi', 'crime against humanity', 'raisi', 'jones', 'executions'];
/** Five passes, each giving a median and a p95 of its keystrokes: the spread between them is reported. */
const PASSES = 5;
const SYNTHETIC_STATEMENTS = 100_000;

/** Every prefix a reader types on the way to each query. */
function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

interface Timing {
  /** Each pass's median and p95, so the spread between passes shows how sure a figure is. */
  medians: number[];
  p95s: number[];
  /** The slowest keystrokes, for finding what to fix. */
  slowest: string[];
}

/**
 * Times every keystroke with each runner, pass by pass, the runners taking turns within each pass: a ratio between
 * them is then taken from runs made side by side, under the same load.
 */
function timeSideBySide(runners: readonly ((query: string) => unknown)[]): Timing[] {
  const inputs = keystrokes();
  for (const run of runners) inputs.forEach(run); // warm-up: JIT and caches, as after the popup's first few keys
  const timings = runners.map(() => ({
    all: [] as { ms: number; input: string }[],
    medians: [] as number[],
    p95s: [] as number[],
  }));
  for (let pass = 0; pass < PASSES; pass++) {
    runners.forEach((run, r) => {
      const timing = timings[r] as (typeof timings)[number];
      const times: number[] = [];
      for (const input of inputs) {
        const start = performance.now();
        run(input);
        const ms = performance.now() - start;
        times.push(ms);
        timing.all.push({ ms, input });
      }
      times.sort((a, b) => a - b);
      timing.medians.push(percentile(times, 0.5));
      timing.p95s.push(percentile(times, 0.95));
    });
  }
  return timings.map(({ all, medians, p95s }) => {
    all.sort((a, b) => a.ms - b.ms);
    const slowest = all
      .slice(-3)
      .reverse()
      .map((t) => `"${t.input}" ${t.ms.toFixed(1)} ms`);
    return { medians, p95s, slowest };
  });
}

/** The baseline: every searchable text lowercased once, then scanned with includes() per keystroke. */
function substringScanner(pack: CorpusPack): (query: string) => number {
  const names = new Map(pack.entities.map((e) => [e.id, e.name]));
  const texts = [
    ...pack.entities.map((e) => [e.name, ...e.aliases, e.description ?? ''].join('\n')),
    ...pack.statements.map((s) => `${s.text}\n${s.speakerId === null ? '' : (names.get(s.speakerId) ?? '')}`),
    ...pack.questions.map((q) => [q.questionText, q.answerText ?? '', names.get(q.askerId) ?? ''].join('\n')),
    ...pack.documents.map((d) => `${d.title}\n${d.text}`),
  ].map((t) => t.toLowerCase());
  return (query) => {
    const needle = query.toLowerCase();
    let found = 0;
    for (const text of texts) if (text.includes(needle)) found++;
    return found;
  };
}

/** Deterministic PRNG (mulberry32), so every run benchmarks the same synthetic corpus. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticPack(statementCount: number): CorpusPack {
  const random = seededRandom(1988);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const seedWords = makeSeedPack()
    .documents.flatMap((d) => d.text.split(/[^\p{L}]+/u))
    .filter((w) => w.length > 2);
  const syllables = [
    'ka',
    'ri',
    'mo',
    'ha',
    'za',
    'de',
    'lu',
    'ne',
    'sa',
    'vi',
    'to',
    'bar',
    'gol',
    'pur',
    'jav',
    'man',
  ];
  const invented = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
  );
  const vocabulary = [...seedWords, ...invented];
  const firstNames = [
    'Maryam',
    'Mostafa',
    'Ebrahim',
    'David',
    'Steve',
    'Bob',
    'James',
    'Sadegh',
    'Hossein',
    'Ali',
    'Sarah',
    'Helen',
  ];
  const surnames = [
    'Rajavi',
    'Pourmohammadi',
    'Pour-Mohammadi',
    'Raisi',
    'Jones',
    'McCabe',
    'Blackman',
    'Cleverly',
    'Zibakalam',
    'Nayyeri',
    ...invented.slice(0, 200),
  ];
  const entities: Entity[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `e${i}`,
    kind: i % 10 === 0 ? 'topic' : i % 7 === 0 ? 'organisation' : 'person',
    name: `${pick(firstNames)} ${pick(surnames)}`,
    aliases: i % 3 === 0 ? [pick(surnames)] : [],
    description: Array.from({ length: 8 }, () => pick(vocabulary)).join(' '),
  }));
  const documentCount = 2000;
  const statements: Statement[] = [];
  const documentTexts: string[] = Array.from({ length: documentCount }, () => '');
  for (let i = 0; i < statementCount; i++) {
    const words = Array.from({ length: 12 + Math.floor(random() * 30) }, () => pick(vocabulary));
    if (random() < 0.05) words.splice(Math.floor(random() * words.length), 0, 'crime', 'against', 'humanity');
    if (random() < 0.05) words.splice(Math.floor(random() * words.length), 0, pick(firstNames), pick(surnames));
    const text = words.join(' ');
    // Statements are slices of their document, as the pack schema checks.
    const documentIndex = i % documentCount;
    const start = (documentTexts[documentIndex] ?? '').length;
    documentTexts[documentIndex] = `${documentTexts[documentIndex] ?? ''}${text}\n`;
    statements.push({
      id: `s${i}`,
      documentId: `d${documentIndex}`,
      speakerId: random() < 0.1 ? null : `e${Math.floor(random() * entities.length)}`,
      text,
      start,
      end: start + text.length,
      cue: 'said',
    });
  }
  const documents = documentTexts.map((text, i) => ({
    id: `d${i}`,
    title: Array.from({ length: 8 }, () => pick(vocabulary)).join(' '),
    publisher: pick(['Iran Focus', 'BCFIF', 'Hansard']),
    date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    text,
  }));
  const questions: Question[] = Array.from({ length: 5000 }, (_, i) => ({
    id: `q${i}`,
    documentId: `d${i % documentCount}`,
    house: i % 4 ? 'commons' : 'lords',
    askerId: `e${i % entities.length}`,
    questionText: `To ask ${Array.from({ length: 25 }, () => pick(vocabulary)).join(' ')}`,
    answererId: `e${(i * 7) % entities.length}`,
    answerText: Array.from({ length: 40 }, () => pick(vocabulary)).join(' '),
    dateAnswered: '2021-09-15',
  }));
  return corpusPack.parse({
    format: 'sourcelight-corpus',
    version: 1,
    id: 'synthetic',
    title: `Synthetic ${statementCount} statements`,
    createdAt: '2025-01-01T00:00:00.000Z',
    documents,
    entities,
    statements,
    questions,
    mentions: [],
  });
}

function defaultPack(): { pack: CorpusPack; source: string } {
  const path = join(import.meta.dirname, '../../.build/default-pack.json');
  if (existsSync(path)) {
    const pack = corpusPack.parse(JSON.parse(readFileSync(path, 'utf8')));
    // A pack with no statements says nothing about statement search: the seed pack stands in until it has some.
    if (pack.statements.length) return { pack, source: '.build/default-pack.json' };
  }
  return {
    pack: makeSeedPack(),
    source: 'seed texts (hand-made pack; .build/default-pack.json missing or without statements)',
  };
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Fresh processes started per pack: each gives one cold start, and the warm keystrokes after it. */
const COLD_STARTS = 5;

interface ColdStart {
  /** The first keystroke answered from the prefix table: its one record read, checked and turned into the answer. */
  prefix: number;
  /** Reading the file alone, a part of `read`. */
  file: number;
  read: number;
  index: number;
  firstQuery: number;
  partsRead: number;
  total: number;
  warm: number[];
}

/**
 * Cold against warm in the same run: a restarted worker reads the stored index record (v8.serialize is the
 * structured clone IndexedDB stores), checks and imports it, and answers the first keystroke, reading the text parts
 * that keystroke ranks; then the later keystrokes. The packs are not read before the first answer, so the fresh
 * process is not given them.
 */
function coldStarts(
  storedIndex: SerializedSearchIndex,
  textParts: string[],
  prefixes: PrefixAnswer[],
): {
  runs: ColdStart[];
  storedBytes: number;
  tableBytes: number;
  textBytes: number;
  prefixBytes: number;
} {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-search-'));
  try {
    const record: StoredSearchIndex = { key: 'current', build: 'bench', data: storedIndex };
    const indexFile = join(dir, 'index.bin');
    const indexBytes = serialize(record);
    writeFileSync(indexFile, indexBytes);
    let textBytes = 0;
    textParts.forEach((text, part) => {
      const bytes = serialize({ key: `bench/${part}`, text });
      textBytes += bytes.byteLength;
      writeFileSync(join(dir, `part-${part}.bin`), bytes);
    });
    let prefixBytes = 0;
    for (const answer of prefixes) {
      const bytes = serialize(answer);
      prefixBytes += bytes.byteLength;
      writeFileSync(join(dir, `prefix-${answer.key}.bin`), bytes);
    }
    const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
    const script = join(import.meta.dirname, 'search-cold-start.ts');
    const keys = [...QUERIES.slice(0, 2).flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)))];
    const runs = Array.from({ length: COLD_STARTS }, () => {
      const out = execFileSync(tsx, [script, indexFile, ...keys], { encoding: 'utf8' });
      return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ColdStart;
    });
    return {
      runs,
      storedBytes: indexBytes.byteLength,
      tableBytes: serialize(storedIndex.table).byteLength,
      textBytes,
      prefixBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * With `-- --search-baseline=DIR`, the search of another checkout (its src/background/search-index.ts, e.g. main
 * before a change) is timed beside this one's on the same pack, pass by pass.
 */
async function baselineSearch(pack: CorpusPack): Promise<{ label: string; run: (query: string) => unknown } | null> {
  const dir = process.argv.find((arg) => arg.startsWith('--search-baseline='))?.split('=')[1];
  if (!dir) return null;
  const other = (await import(pathToFileURL(join(dir, 'src/background/search-index.ts')).href)) as {
    buildSearchIndex: typeof buildSearchIndex;
    searchCorpus: typeof searchCorpus;
  };
  const index = other.buildSearchIndex([pack]);
  return { label: dir, run: (query) => other.searchCorpus(index, query, POPUP_SEARCH_OPTIONS) };
}

/** "median 2.10 (range 1.90 to 2.60) ms". */
const msSpread = (values: readonly number[]): string => `${spread(values, 2)} ms`;

async function benchPack(label: string, pack: CorpusPack): Promise<void> {
  const buildStart = performance.now();
  const index = buildSearchIndex([pack]);
  const buildTime = performance.now() - buildStart;
  const prefixStart = performance.now();
  const prefixes = buildPrefixTable(index, POPUP_SEARCH_OPTIONS);
  const prefixTime = performance.now() - prefixStart;
  const serialized = exportSearchIndex(index);
  const cold = coldStarts(serialized.index, serialized.textParts, prefixes);

  const baseline = await baselineSearch(pack);
  const [search, scan, before] = timeSideBySide([
    (q) => searchCorpus(index, q, POPUP_SEARCH_OPTIONS),
    substringScanner(pack),
    ...(baseline ? [baseline.run] : []),
  ]) as [Timing, Timing, Timing | undefined];
  console.log(`\n### ${label}`);
  console.log(
    `${pack.statements.length} statements, ${pack.entities.length} entities, ${pack.questions.length} questions, ${pack.documents.length} documents; ${keystrokes().length} keystrokes x ${PASSES} passes`,
  );
  console.log(
    `search, over ${PASSES} passes: p50 ${msSpread(search.medians)}, p95 ${msSpread(search.p95s)}; slowest ${search.slowest.join(', ')}`,
  );
  console.log(`scan, over ${PASSES} passes:   p50 ${msSpread(scan.medians)}, p95 ${msSpread(scan.p95s)}`);
  // Each ratio is taken within a pass, where the search and the scan ran side by side.
  const ratios = (scanOf: number[], searchOf: number[]): string =>
    spread(
      scanOf.map((value, pass) => value / (searchOf[pass] ?? Number.NaN)),
      1,
    );
  console.log(
    `scan / search, pass by pass (the two take turns within each pass): p50 ${ratios(scan.medians, search.medians)}x, p95 ${ratios(scan.p95s, search.p95s)}x`,
  );
  if (baseline && before) {
    console.log(
      `baseline (${baseline.label}), over ${PASSES} passes: p50 ${msSpread(before.medians)}, p95 ${msSpread(before.p95s)}; slowest ${before.slowest.join(', ')}`,
    );
    console.log(
      `baseline / search, pass by pass: p50 ${ratios(before.medians, search.medians)}x, p95 ${ratios(before.p95s, search.p95s)}x`,
    );
  }
  console.log(
    `index build ${ms(buildTime)}, stored size ${mb(cold.storedBytes)} (structured clone), of which the table of what hits show ${mb(cold.tableBytes)}; the documents' texts ${mb(cold.textBytes)} beside it in ${serialized.textParts.length} parts, read as searches need them`,
  );
  console.log(
    `prefix table: ${prefixes.length} answers (every one- and two-letter prefix of an indexed word), built in ${ms(prefixTime)}, ${mb(cold.prefixBytes)} stored, ${(cold.prefixBytes / Math.max(1, prefixes.length) / 1024).toFixed(1)} KB an answer`,
  );
  const first = `"${QUERIES[0]?.[0] ?? ''}"`;
  const over = (pick: (run: ColdStart) => number): string => msSpread(cold.runs.map(pick));
  console.log(
    `cold start, first keystroke ${first} in ${COLD_STARTS} fresh processes: from the prefix table ${over((r) => r.prefix)} (one record read and checked); from the index ${over((r) => r.total)} = read the stored index ${over((r) => r.read)} (of which the file ${over((r) => r.file)}) + check and import it ${over((r) => r.index)} + first query ${over((r) => r.firstQuery)} (reading ${median(cold.runs.map((r) => r.partsRead))} text parts)`,
  );
  const warmMedians = cold.runs.map((r) =>
    percentile(
      [...r.warm].sort((a, b) => a - b),
      0.5,
    ),
  );
  const warmP95s = cold.runs.map((r) =>
    percentile(
      [...r.warm].sort((a, b) => a - b),
      0.95,
    ),
  );
  console.log(
    `warm, the later keystrokes of each fresh process (reading the text parts they rank for the first time): p50 ${msSpread(warmMedians)}, p95 ${msSpread(warmP95s)}`,
  );
}

export async function bench(): Promise<void> {
  const { pack, source } = defaultPack();
  await benchPack(`default pack: ${source}`, pack);
  await benchPack(`synthetic pack: ${SYNTHETIC_STATEMENTS} statements`, syntheticPack(SYNTHETIC_STATEMENTS));
}
