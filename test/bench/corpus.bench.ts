// Compile throughput on the seed documents repeated to about 1 MB and 10 MB, with every person renamed in each
// copy so the entity and mention work grows with the input. The cost must grow linearly: the ratio of the two
// rates should stay near 1. Beside it, in the same run, a plain pass of the compiler's tokeniser over the same text,
// so the compile time reads as a multiple of the least any reading of the words costs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, type DocumentInput } from '../../src/corpus/compile';
import { tokenize } from '../../src/corpus/tokens';

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

function rate(bytes: number): number {
  const docs = corpusOfSize(bytes);
  const size = docs.reduce((n, d) => n + d.text.length, 0);
  const started = performance.now();
  const pack = compilePack(docs, { now: new Date(0) });
  const milliseconds = performance.now() - started;
  const mbPerSecond = size / MB / (milliseconds / 1000);
  const tokenising = tokenisingTime(docs);
  console.log(
    `${(size / MB).toFixed(1)} MB, ${docs.length} documents: ${(milliseconds / 1000).toFixed(2)} s, ${mbPerSecond.toFixed(2)} MB/s ` +
      `(${pack.entities.length} entities, ${pack.statements.length} statements, ${pack.mentions.length} mentions); ` +
      `tokenising pass ${tokenising.toFixed(0)} ms, compile = ${(milliseconds / tokenising).toFixed(0)}× the tokenising pass`,
  );
  return mbPerSecond;
}

export async function bench(): Promise<void> {
  rate(0.2 * MB); // warm-up
  const small = rate(1 * MB);
  const large = rate(10 * MB);
  console.log(`rate ratio 1 MB / 10 MB: ${(small / large).toFixed(2)} (1.0 is perfectly linear)`);
  await Promise.resolve();
}
