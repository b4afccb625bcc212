// A compile in a pool of workers gives the very pack a compile on one thread gives: the seeds and the labelled news
// articles, compiled together both ways, serialise to the same bytes, whatever order the workers finish in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePack, compilePackInParallel, type DocumentInput } from '../../../src/corpus/compile';
import { runCompileTask, type CompilePool, type CompileTask } from '../../../src/corpus/compile-tasks';
import { createCompilePool } from '../../../src/corpus/cli-pool';

const repo = join(import.meta.dirname, '../../..');
const seedsDir = join(repo, 'assets/corpus');
const newsDir = join(repo, 'test/corpus/news');

const seeds: DocumentInput[] = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
const news: DocumentInput[] = readdirSync(newsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((site) => ({ name: `${site}.txt`, text: readFileSync(join(newsDir, site, 'source.txt'), 'utf8') }));
const documents = [...seeds, ...news];
const options = { now: new Date(0), title: 'Seeds and news' };

/** Where two serialised packs first differ, with a little of each around it; null when they are the same. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let at = 0;
  while (a[at] === b[at]) at++;
  return `at ${at}: …${a.slice(at - 40, at + 40)}… vs …${b.slice(at - 40, at + 40)}…`;
}

/** Workers in this thread: every task and result crosses a structured clone, and the results come back in reverse. */
function reversingPool(size: number): CompilePool {
  let pending: (() => void)[] = [];
  return {
    size,
    run(task: CompileTask) {
      return new Promise((resolve) => {
        const result = structuredClone(runCompileTask(structuredClone(task)));
        pending.push(() => resolve(result));
        // Release the waiting tasks, last first, once the caller has handed over all it can.
        queueMicrotask(() => {
          const waiting = pending.reverse();
          pending = [];
          for (const release of waiting) release();
        });
      });
    },
  };
}

describe('compiling in parallel', () => {
  const single = JSON.stringify(compilePack(documents, options));
  const pool = createCompilePool(2);
  afterAll(() => pool.destroy());

  it('compiles the seeds and the news set in worker threads to the same bytes as on one thread', async () => {
    expect(documents.length).toBeGreaterThanOrEqual(40);
    const parallel = JSON.stringify(await compilePackInParallel(documents, pool, options));
    expect(firstDifference(single, parallel)).toBeNull();
  }, 120_000);

  it('merges in document order, not in the order the workers finish', async () => {
    const parallel = JSON.stringify(await compilePackInParallel(documents, reversingPool(3), options));
    expect(firstDifference(single, parallel)).toBeNull();
  }, 60_000);

  it('refuses a worker result that is not what the compiler makes', async () => {
    const broken: CompilePool = {
      size: 2,
      run: (task) => Promise.resolve(task.kind === 'candidates' ? [{ metadata: { title: 7 } }] : runCompileTask(task)),
    };
    await expect(compilePackInParallel(seeds, broken, options)).rejects.toThrow(
      /candidates result that crossed to or from a compile worker is malformed at 0\.metadata\.title/,
    );
  });
});
