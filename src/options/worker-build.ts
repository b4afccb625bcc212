// Runs one corpus build in the build worker and gives back the pack's JSON. Cancelling terminates the worker at
// once, wherever it is, and the promise rejects: nothing was imported, so nothing changes.
import { buildReplySchema, type BuildRequest } from './build-protocol';
import { t } from '../shared/i18n';

export type BuildProgress = { phase: 'reading'; read: number; total: number } | { phase: 'compiling' };

export class BuildCancelled extends Error {
  override name = 'BuildCancelled';
  constructor() {
    super(t('buildCancelled'));
  }
}

export function buildPackInWorker(
  request: BuildRequest,
  onProgress: (progress: BuildProgress) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BuildCancelled());
      return;
    }
    // An extension page's own script: allowed by its `script-src 'self'`, and built by Vite as a file of its own.
    const worker = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      worker.terminate();
      signal.removeEventListener('abort', cancel);
    };
    const cancel = (): void => {
      finish();
      reject(new BuildCancelled());
    };
    signal.addEventListener('abort', cancel);
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = buildReplySchema.safeParse(event.data);
      if (!reply.success) {
        finish();
        reject(new Error(t('buildBadReply')));
        return;
      }
      const message = reply.data;
      if (message.type === 'progress') onProgress({ phase: 'reading', read: message.read, total: message.total });
      else if (message.type === 'compiling') onProgress({ phase: 'compiling' });
      else {
        finish();
        if (message.type === 'done') resolve(message.json);
        else reject(new Error(message.message));
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(t('buildStopped', event.message || t('buildWorkerFailed'))));
    });
    worker.postMessage(request);
  });
}
