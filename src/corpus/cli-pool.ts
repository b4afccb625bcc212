// The command line's worker pool: tinypool's worker threads, each running the compiler's tasks (compile-tasks.ts).
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { CompilePool } from './compile-tasks';

/** A worker takes about half a second to start (tsx reads the compiler anew): less text is compiled sooner without. */
const MIN_BYTES_PER_WORKER = 512 * 1024;

/** How many threads are worth starting for `bytes` of text: one per core at most, one for a small corpus. */
export function threadsFor(bytes: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(bytes / MIN_BYTES_PER_WORKER)));
}

export interface NodeCompilePool extends CompilePool {
  destroy(): Promise<void>;
}

export function createCompilePool(threads: number): NodeCompilePool {
  const pool = new Tinypool({
    filename: new URL('./cli-pool-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  return { size: threads, run: (task) => pool.run(task), destroy: () => pool.destroy() };
}
