// Runs every benchmark in this folder (files named *.bench.ts, each exporting `bench()`), one after another,
// so each prints ratios against a baseline measured in the same run. Each bench is framed by the machine's load
// average, since a figure means little without how busy the machine was. With `--busy`, each bench runs twice: on
// the machine as it is, then with a CPU-bound process on one core beside it, as a reader's machine often is.
// Usage: npm run bench [-- NAME] [-- --busy]
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const busy = args.includes('--busy');
const only = args.find((arg) => !arg.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)))
  .sort();
if (files.length === 0) {
  console.log('No benchmarks found.');
}

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** A process that keeps one core busy until it is stopped. */
function startCpuHog(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

async function runBench(file: string, label: string): Promise<void> {
  console.log(`\n## ${file}${label}`);
  console.log(`load average before (1, 5, 15 min): ${load()}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench: () => Promise<void> };
  await mod.bench();
  console.log(`load average after: ${load()}`);
}

for (const file of files) {
  await runBench(file, busy ? ' (quiet)' : '');
  if (!busy) continue;
  const hog = startCpuHog();
  try {
    await runBench(file, ' (busy: one core held by a CPU-bound process)');
  } finally {
    hog.kill();
  }
}
