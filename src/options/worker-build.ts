// Runs one corpus build in the build worker, with the compile workers the page starts for it (compile-workers.ts), and
// gives back the pack's JSON. The promise always settles: with the pack, with the build's error, with an error if a
// worker fails or the build worker says nothing in its first seconds, or, when the reader cancels, at once. Then every
// worker of the build is terminated, wherever it was: nothing was imported, so nothing changes.
import { buildReplySchema, type BuildRequest, type BuildWorkerMessage } from './build-protocol';
import { compileWorkerCount, startCompileWorkers } from './compile-workers';
import { formatNumber, plural, t } from '../shared/i18n';

export type BuildProgress = { phase: 'reading'; read: number; total: number } | { phase: 'compiling' };

/** `note`: how the build fell back from what was planned (fewer compile workers), said to the reader. */
export interface BuiltPack {
  json: string;
  note?: string;
}

/** Which compile workers dropped out and why (the browser's words, the first three), and what ran instead. */
function fallbackNote({ reasons, threads }: { reasons: readonly string[]; threads: number }): string {
  const named = reasons.slice(0, 3).join(t('semicolonSeparator'));
  return plural('buildFallback', threads, reasons.length > 3 ? t('andMore', named, reasons.length - 3) : named);
}

export class BuildCancelled extends Error {
  override name = 'BuildCancelled';
  constructor() {
    super(t('buildCancelled'));
  }
}

/** How long the build worker has to answer at all; its first message comes as soon as it has the request. */
const BUILD_WORKER_START_MS = 20_000;

export function buildPackInWorker(
  request: Pick<BuildRequest, 'title' | 'id' | 'files'>,
  onProgress: (progress: BuildProgress) => void,
  signal: AbortSignal,
): Promise<BuiltPack> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BuildCancelled());
      return;
    }
    // An extension page's own script: allowed by its `script-src 'self'`, and built by Vite as a file of its own.
    const worker = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' });
    const send = (message: BuildWorkerMessage, transfer: Transferable[] = []): void =>
      worker.postMessage(message, transfer);
    const compileWorkers = startCompileWorkers(compileWorkerCount(request.files.length), (index, message) =>
      send({ type: 'compileWorkerStopped', index, message }),
    );
    const finish = (): void => {
      clearTimeout(startTimer);
      worker.terminate();
      compileWorkers.terminate();
      signal.removeEventListener('abort', cancel);
    };
    const fail = (error: Error): void => {
      finish();
      reject(error);
    };
    const cancel = (): void => fail(new BuildCancelled());
    signal.addEventListener('abort', cancel);
    const startTimer = setTimeout(
      () => fail(new Error(t('buildDidNotStart', formatNumber(BUILD_WORKER_START_MS / 1000)))),
      BUILD_WORKER_START_MS,
    );
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      clearTimeout(startTimer);
      const reply = buildReplySchema.safeParse(event.data);
      if (!reply.success) {
        fail(new Error(t('buildBadReply')));
        return;
      }
      const message = reply.data;
      if (message.type === 'progress') onProgress({ phase: 'reading', read: message.read, total: message.total });
      else if (message.type === 'compiling') onProgress({ phase: 'compiling' });
      else if (message.type === 'error') fail(new Error(message.message));
      else {
        finish();
        resolve({ json: message.json, note: message.fallback && fallbackNote(message.fallback) });
      }
    });
    worker.addEventListener('messageerror', () => fail(new Error(t('buildBadReply'))));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new Error(t('buildStopped', event.message || t('buildWorkerFailed'))));
    });
    send({ type: 'build', ...request, compilePorts: compileWorkers.ports }, compileWorkers.ports);
  });
}
