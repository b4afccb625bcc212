// The build worker's compile workers: a few module workers that run the compiler's tasks (corpus/compile-tasks.ts),
// one task each at a time, the rest waiting in order. They are the build worker's own, so cancelling the build
// (which terminates the build worker) ends them too.
import type { CompilePool, CompileTask } from '../corpus/compile-tasks';
import { compileReplySchema } from './build-protocol';

/** Past this many, more workers mostly cost memory: the merge between the compiler's two stages runs on one thread. */
const MAX_WORKERS = 8;

/** One worker per core, capped, and no more than there are documents; one where nested workers are unavailable. */
export function compileWorkerCount(documents: number): number {
  if (typeof Worker === 'undefined') return 1;
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS, documents));
}

export interface WorkerPool extends CompilePool {
  terminate(): void;
}

interface Job {
  task: CompileTask;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export function createWorkerPool(size: number): WorkerPool {
  const workers = Array.from(
    { length: size },
    // Built by Vite as a file of its own, as the build worker is; a worker may start workers of its own origin.
    () => new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' }),
  );
  const idle = [...workers];
  const waiting: Job[] = [];

  const runNext = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop();
      const job = waiting.shift();
      if (worker === undefined || job === undefined) return;
      const done = (): void => {
        idle.push(worker);
        runNext();
      };
      worker.onmessage = (event: MessageEvent<unknown>) => {
        const reply = compileReplySchema.safeParse(event.data);
        if (!reply.success) job.reject(new Error('A compile worker sent a reply Sourcelight does not understand.'));
        else if (reply.data.ok) job.resolve(reply.data.result);
        else job.reject(new Error(reply.data.message));
        done();
      };
      worker.onerror = (event) => {
        job.reject(new Error(`A compile worker stopped: ${event.message || 'it could not run'}.`));
        done();
      };
      worker.postMessage(job.task);
    }
  };

  return {
    size,
    run: (task) =>
      new Promise((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        runNext();
      }),
    terminate: () => {
      for (const worker of workers) worker.terminate();
    },
  };
}
