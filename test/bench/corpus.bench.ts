// Compile throughput on the seed documents repeated to about 1 MB and 10 MB, with every person renamed in each
// copy so the entity and mention work grows with the input. The cost must grow linearly: the ratio of the two
// rates should stay near 1. Beside it, in the same run, a plain pass of the compiler's tokeniser over the same text,
// so the compile time reads as a multiple of the least any reading of the words costs. And the same corpora compiled
// in a pool of worker threads, one per core, each parallel run beside a single-thread one: the speed-up, the
// processor time both use, the serial part (the compiler's own work while no worker has a task), and from those
// what more cores would give, on paper.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, compilePackInParallel, type DocumentInput } from '../../src/corpus/compile';
import type { CompilePool } from '../../src/corpus/compile-tasks';
import { createCompilePool } from '../../src/corpus/cli-pool';
import type { CorpusPack } from '../../src/corpus/pack';
import { tokenize } from '../../src/corpus/tokens';
import { spread } from './stats';

const seedsDir = join(dirname(fileURLToPath(import.meta.url)), '../../assets/corpus');
const MB = 1024 * 1024;

function seedDocuments(): DocumentInput[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
}

/** Copies of the seeds up to `bytes`, each copy with its people's names given a distinct made-up suffix. */
function corpusOfSize(bytes: number): DocumentInput[] {
  const seeds = seedDocuments();
  const people = new Set<string>();
  for (const seed of seeds)
    for (const m of seed.text.matchAll(
      /\b(?:Mr|Mrs|Dr|Sir|Lord|Baroness)\.? ([A-Z][a-z]+ [A-Z][a-z]+)|([A-Z][a-z]+ [A-Z][a-z]+) (?:MP|QC)\b/g,
    ))
      people.add(m[1] ?? m[2] ?? '');
  const surnames = [...people]
    .filter(Boolean)
    .map((p) => p.split(' ')[1] ?? '')
    .filter(Boolean);
  const pattern = new RegExp(`\\b(${surnames.join('|')})\\b`, 'g');
  const docs: DocumentInput[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    const suffix = copy.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? 'x');
    for (const seed of seeds) {
      const text = seed.text.replace(pattern, (s) => `${s}${suffix}`);
      docs.push({ name: `${copy}-${seed.name}`, text });
      size += text.length;
    }
  }
  return docs;
}

/** Milliseconds for one tokenising pass over the documents, the best of three. */
function tokenisingTime(docs: readonly DocumentInput[]): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let words = 0;
    for (const doc of docs) words += tokenize(doc.text).length;
    best = Math.min(best, performance.now() - started);
    if (words === 0) throw new Error('no words');
  }
  return best;
}

interface CompileRun {
  milliseconds: number;
  /** Processor time of the whole process, every thread together, in milliseconds. */
  cpuMilliseconds: number;
  mbPerSecond: number;
  summary: string;
}

/** Milliseconds of processor time the process has used so far, on all its threads. */
const cpuTime = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function timedCompile(
  docs: readonly DocumentInput[],
  compile: () => CorpusPack | Promise<CorpusPack>,
): Promise<CompileRun> {
  const cpuBefore = cpuTime();
  const started = performance.now();
  const pack = await compile();
  const milliseconds = performance.now() - started;
  const size = docs.reduce((n, d) => n + d.text.length, 0);
  return {
    milliseconds,
    cpuMilliseconds: cpuTime() - cpuBefore,
    mbPerSecond: size / MB / (milliseconds / 1000),
    summary: `${(size / MB).toFixed(1)} MB, ${docs.length} documents (${pack.entities.length} entities, ${pack.statements.length} statements, ${pack.mentions.length} mentions)`,
  };
}

/** One compile on this thread: its rate, and its time as a multiple of a tokenising pass over the same text. */
async function singleRun(docs: readonly DocumentInput[]): Promise<CompileRun & { ofTokenising: number }> {
  const run = await timedCompile(docs, () => compilePack(docs, { now: new Date(0) }));
  return { ...run, ofTokenising: run.milliseconds / tokenisingTime(docs) };
}

/**
 * A pool that keeps the processor time used while none of its tasks is under way: the compiler's serial work on the
 * calling thread (preparing the documents, merging the entities, assembling the pack), which more workers cannot
 * shorten. Processor time, not time on the clock, so that other work on the machine does not swell it.
 */
function timedPool(pool: CompilePool): CompilePool & { start(): void; serialCpuMilliseconds(): number } {
  let running = 0;
  let idleFrom = 0;
  let idle = 0;
  return {
    size: pool.size,
    run: async (task) => {
      if (running++ === 0) idle += cpuTime() - idleFrom;
      try {
        return await pool.run(task);
      } finally {
        if (--running === 0) idleFrom = cpuTime();
      }
    },
    start() {
      idle = 0;
      idleFrom = cpuTime();
    },
    serialCpuMilliseconds: () => idle + (cpuTime() - idleFrom),
  };
}

/** One compile in the pool: its rate, and the processor time of its serial part. */
async function parallelRun(
  docs: readonly DocumentInput[],
  pool: ReturnType<typeof timedPool>,
): Promise<CompileRun & { serialCpuMilliseconds: number }> {
  pool.start();
  const run = await timedCompile(docs, () => compilePackInParallel(docs, pool, { now: new Date(0) }));
  return { ...run, serialCpuMilliseconds: pool.serialCpuMilliseconds() };
}

/**
 * The speed-up on `cores` cores, on paper: the serial part as measured, the rest of the parallel build's processor
 * time (its workers' share, with what crossing to them costs) spread evenly over the cores; Amdahl's law, with the
 * parallel build's own overhead counted. The machine's other work is left out, since processor time is not swelled
 * by waiting.
 */
const onPaper = (single: CompileRun, parallel: Awaited<ReturnType<typeof parallelRun>>, cores: number): number =>
  single.cpuMilliseconds /
  (parallel.serialCpuMilliseconds + (parallel.cpuMilliseconds - parallel.serialCpuMilliseconds) / cores);

/** A fixed loop in a thread of its own: work that any number of threads share with no loss. */
function spin(iterations: number): Promise<void> {
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    let x = 0; for (let i = 0; i < workerData; i++) x = (x * 31 + i) % 1000003; parentPort.postMessage(x);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: iterations });
    worker.once('message', () => void worker.terminate().then(() => resolve()));
    worker.once('error', reject);
  });
}

const SPIN_ITERATIONS = 1e8;

/**
 * The speed-up the machine gives at this moment to work that shares perfectly over `threads` threads: the ceiling
 * for the compile's. On a machine shared with other work it is well under `threads`, since a Linux session's
 * threads share its part of the processors (the scheduler's autogroups) rather than each taking a part of its own.
 */
async function ceiling(threads: number): Promise<number> {
  let started = performance.now();
  await spin(SPIN_ITERATIONS);
  const one = performance.now() - started;
  started = performance.now();
  await Promise.all(Array.from({ length: threads }, () => spin(SPIN_ITERATIONS)));
  return (threads * one) / (performance.now() - started);
}

const RUNS = 5;

export async function bench(): Promise<void> {
  const cores = availableParallelism();
  const poolStarted = performance.now();
  const workers = createCompilePool(cores);
  const pool = timedPool(workers);
  const warmUp = corpusOfSize(0.2 * MB);
  await compilePackInParallel(warmUp, pool);
  const poolStart = performance.now() - poolStarted;
  await singleRun(warmUp);
  const sizes = [
    { label: '1 MB', docs: corpusOfSize(1 * MB) },
    { label: '10 MB', docs: corpusOfSize(10 * MB) },
  ];
  const single = sizes.map(() => [] as Awaited<ReturnType<typeof singleRun>>[]);
  const parallel = sizes.map(() => [] as Awaited<ReturnType<typeof parallelRun>>[]);
  const loads: number[] = [];
  const ceilings: number[] = [];
  try {
    // Runs interleaved (1 MB, 10 MB, 1 MB, …), and each parallel run beside a single-thread one, which goes first in
    // every other round, so that a busy moment weighs on both alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [i, { docs }] of sizes.entries()) {
        if (run % 2 === 0) single[i]?.push(await singleRun(docs));
        parallel[i]?.push(await parallelRun(docs, pool));
        if (run % 2 === 1) single[i]?.push(await singleRun(docs));
        loads.push(loadavg()[0] ?? 0);
        ceilings.push(await ceiling(cores));
      }
    }
  } finally {
    await workers.destroy();
  }

  console.log(`${cores} cores; the pool's ${cores} worker threads started and warmed up in ${poolStart.toFixed(0)} ms`);
  console.log(`load average (1 min) as each pair of runs ended: ${spread(loads, 2)}`);
  console.log(
    `ceiling: ${cores} threads of a fixed loop, beside each pair, run ${spread(ceilings, 2)}× faster than one thread`,
  );
  for (const [i, { label }] of sizes.entries()) {
    const one = single[i] ?? [];
    const many = parallel[i] ?? [];
    // Each ratio from a pair of runs made side by side.
    const pairs = many.flatMap((p, run) => {
      const s = one[run];
      return s === undefined ? [] : [{ s, p }];
    });
    const speedUps = pairs.map(({ s, p }) => s.milliseconds / p.milliseconds);
    console.log(`${one[0]?.summary ?? label}:`);
    console.log(
      `  one thread: ${spread(
        one.map((r) => r.mbPerSecond),
        2,
      )} MB/s over ${RUNS} runs; compile = ${spread(
        one.map((r) => r.ofTokenising),
        0,
      )}× a tokenising pass`,
    );
    console.log(
      `  ${cores} threads: ${spread(
        many.map((r) => r.mbPerSecond),
        2,
      )} MB/s; speed-up, run by run: ${spread(speedUps, 2)}×, which is ${spread(
        speedUps.map((speedUp, run) => speedUp / (ceilings[run * sizes.length + i] ?? NaN)),
        2,
      )} of the ceiling beside it`,
    );
    console.log(
      `  processor time, ${cores} threads / one: ${spread(
        pairs.map(({ s, p }) => p.cpuMilliseconds / s.cpuMilliseconds),
        2,
      )}; serial part (no worker busy): ${spread(
        pairs.map(({ s, p }) => (100 * p.serialCpuMilliseconds) / s.cpuMilliseconds),
        1,
      )}% of the single-thread build`,
    );
    console.log(
      `  on paper (Amdahl, with the parallel build's overhead): ${spread(
        pairs.map(({ s, p }) => onPaper(s, p, cores)),
        2,
      )}× on ${cores} cores, ${spread(
        pairs.map(({ s, p }) => onPaper(s, p, 8)),
        2,
      )}× on 8`,
    );
  }
  for (const [label, runs] of [
    ['one thread', single],
    [`${cores} threads`, parallel],
  ] as const) {
    const [small = [], large = []] = runs;
    const ratios = small.map((s, run) => s.mbPerSecond / (large[run]?.mbPerSecond ?? s.mbPerSecond));
    console.log(`rate ratio 1 MB / 10 MB on ${label}, run by run: ${spread(ratios, 2)} (1.0 is perfectly linear)`);
  }
}
