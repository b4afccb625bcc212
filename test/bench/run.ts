// Runs every benchmark in this folder (files named *.bench.ts, each exporting `bench()`), one after another,
// so each prints ratios against a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)))
  .sort();
if (files.length === 0) {
  console.log('No benchmarks found.');
}
for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench: () => Promise<void> };
  await mod.bench();
}
