// Compile throughput on the seed documents repeated to about 1 MB and 10 MB, with every person renamed in each
// copy so the entity and mention work grows with the input. The cost must grow linearly: the ratio of the two
// rates should stay near 1. Beside it, in the same run, a plain pass of the compiler's tokeniser over the same text,
// so the compile time reads as a multiple of the least any reading of the words costs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, type DocumentInput } from '../../src/corpus/compile';
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

/** One compile of a corpus: its rate, and its time as a multiple of a tokenising pass over the same text. */
function compileRun(docs: readonly DocumentInput[]): { mbPerSecond: number; ofTokenising: number; summary: string } {
  const size = docs.reduce((n, d) => n + d.text.length, 0);
  const started = performance.now();
  const pack = compilePack([...docs], { now: new Date(0) });
  const milliseconds = performance.now() - started;
  return {
    mbPerSecond: size / MB / (milliseconds / 1000),
    ofTokenising: milliseconds / tokenisingTime(docs),
    summary: `${(size / MB).toFixed(1)} MB, ${docs.length} documents (${pack.entities.length} entities, ${pack.statements.length} statements, ${pack.mentions.length} mentions)`,
  };
}

/** Runs of each size, interleaved (1 MB, 10 MB, 1 MB, …), so that a busy moment weighs on both alike. */
const RUNS = 5;

export async function bench(): Promise<void> {
  compileRun(corpusOfSize(0.2 * MB)); // warm-up
  const small = corpusOfSize(1 * MB);
  const large = corpusOfSize(10 * MB);
  const smallRuns: ReturnType<typeof compileRun>[] = [];
  const largeRuns: ReturnType<typeof compileRun>[] = [];
  for (let run = 0; run < RUNS; run++) {
    smallRuns.push(compileRun(small));
    largeRuns.push(compileRun(large));
  }
  for (const [runs, label] of [
    [smallRuns, '1 MB'],
    [largeRuns, '10 MB'],
  ] as const) {
    console.log(
      `${runs[0]?.summary ?? label}: ${spread(
        runs.map((r) => r.mbPerSecond),
        2,
      )} MB/s over ${RUNS} runs; compile = ${spread(
        runs.map((r) => r.ofTokenising),
        0,
      )}× a tokenising pass`,
    );
  }
  // Each ratio from a pair of runs made side by side.
  const ratios = smallRuns.map((s, i) => s.mbPerSecond / (largeRuns[i]?.mbPerSecond ?? s.mbPerSecond));
  console.log(`rate ratio 1 MB / 10 MB, run by run: ${spread(ratios, 2)} (1.0 is perfectly linear)`);
  await Promise.resolve();
}
