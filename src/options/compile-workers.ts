// The compile workers of one build, started by the options page rather than by the build worker: a worker that starts
// workers of its own waits, in Firefox, until the browser's thread has registered each one with its debugger
// listeners (WebDriver BiDi, the developer tools), and we saw that wait never end, the build worker stuck in its
// second `new Worker()`. The page starts them without waiting and hands each a channel to the build worker.
import { t } from '../shared/i18n';
import type { CompileWorkerStart } from './build-protocol';

/** Past this many, more workers mostly cost memory: the merge between the compiler's two stages runs on one thread. */
const MAX_WORKERS = 8;

/** One worker per core, capped, and no more than there are documents; none for one core or one document. */
export function compileWorkerCount(documents: number): number {
  const count = Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS, documents);
  return count > 1 ? count : 0;
}

export interface CompileWorkers {
  /** The build worker's ends of the channels, to transfer to it. */
  ports: MessagePort[];
  terminate(): void;
}

/** `onStopped`: a worker could not load or died; it is terminated, and the build worker must hear of it. */
export function startCompileWorkers(
  count: number,
  onStopped: (index: number, message: string) => void,
): CompileWorkers {
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  for (let index = 0; index < count; index++) {
    // Built by Vite as a file of its own, as the build worker is.
    const worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
    const channel = new MessageChannel();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      onStopped(index, event.message || t('buildWorkerFailed'));
    });
    const start: CompileWorkerStart = { port: channel.port1 };
    worker.postMessage(start, [channel.port1]);
    workers.push(worker);
    ports.push(channel.port2);
  }
  return {
    ports,
    terminate: () => {
      for (const worker of workers) worker.terminate();
    },
  };
}
