import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePack, compilePackInParallel } from '../corpus/compile';
import { runCompileTask } from '../corpus/compile-tasks';
import type { CompileReply } from './build-protocol';
import { compileWorkerCount, createWorkerPool } from './compile-pool';

const seedsDir = join(import.meta.dirname, '../../assets/corpus');
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));

/** A compile worker as compile-worker.ts is one, answering a while later, through a structured clone. */
class FakeWorker {
  static all: FakeWorker[] = [];
  static reply: (task: unknown) => CompileReply = (task) => ({ ok: true, result: runCompileTask(task) });
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  busy = false;
  /** Whether this worker was ever sent a task while it was still running one. */
  overlapped = false;
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(task: unknown): void {
    if (this.busy) this.overlapped = true;
    this.busy = true;
    const data = structuredClone(FakeWorker.reply(structuredClone(task)));
    setTimeout(() => {
      this.busy = false;
      this.onmessage?.({ data });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the build worker’s compile workers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.all = [];
    FakeWorker.reply = (task) => ({ ok: true, result: runCompileTask(task) });
  });

  it('compile the seeds to the same pack as one thread, each worker running one task at a time', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pool = createWorkerPool(2);
    const options = { now: new Date(0) };
    const parallel = JSON.stringify(await compilePackInParallel(seeds, pool, options));
    pool.terminate();
    expect(parallel === JSON.stringify(compilePack(seeds, options))).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all.some((worker) => worker.overlapped)).toBe(false);
    expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
  });

  it('fail the build with the error a worker sends back', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.reply = () => ({ ok: false, message: 'The compiler ran out of memory.' });
    const pool = createWorkerPool(2);
    await expect(compilePackInParallel(seeds, pool)).rejects.toThrow('The compiler ran out of memory.');
    pool.terminate();
  });

  it('refuse a reply they do not understand', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.reply = () => ({ result: [] }) as unknown as CompileReply;
    const pool = createWorkerPool(1);
    await expect(pool.run({ kind: 'topics', texts: [] })).rejects.toThrow(/a reply Sourcelight does not understand/);
    pool.terminate();
  });

  it('are one per core, at most eight and at most one per document; one where a worker cannot start workers', () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 16 });
    expect(compileWorkerCount(50)).toBe(8);
    expect(compileWorkerCount(3)).toBe(3);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    expect(compileWorkerCount(50)).toBe(2);
    vi.stubGlobal('navigator', {});
    expect(compileWorkerCount(50)).toBe(1);
    vi.stubGlobal('Worker', undefined);
    vi.stubGlobal('navigator', { hardwareConcurrency: 16 });
    expect(compileWorkerCount(50)).toBe(1);
  });
});
