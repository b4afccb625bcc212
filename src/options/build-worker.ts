import '../shared/zod-config';
// The build worker: reads the reader's documents and compiles them into a pack, off the options page's thread, so
// the page keeps drawing its progress and its Cancel button answers at once. The documents are compiled on every core,
// in the compile workers the page started for this build (compile-workers.ts), and merged here; if none of them
// starts in time, here on one thread. It stores nothing: the page imports the pack it returns, so a build ended early
// (the page terminates this worker and the compile workers) leaves the stored corpora as they were.
import { compilePack, compilePackInParallel, type CompileOptions, type DocumentInput } from '../corpus/compile';
import type { CorpusPack } from '../corpus/pack';
import { errorText } from '../shared/error-text';
import { buildWorkerMessageSchema, type BuildReply, type BuildRequest } from './build-protocol';
import { createCompilePool, type CompileWorkerPool } from './compile-pool';
import { readDocument } from './document-reader';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's, not WebWorker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(reply: BuildReply): void;
};

/** This build's compile workers, made as the request arrives, so that they start while the documents are read. */
let pool: CompileWorkerPool | undefined;

type BuildFallback = Extract<BuildReply, { type: 'done' }>['fallback'];

/** In the compile workers that started; here if fewer than two did, saying which dropped out and why. */
async function compile(
  documents: readonly DocumentInput[],
  options: CompileOptions,
): Promise<{ pack: CorpusPack; fallback: BuildFallback | undefined }> {
  if (pool === undefined) return { pack: compilePack(documents, options), fallback: undefined };
  await pool.started;
  const parallel = pool.size > 1;
  return {
    pack: parallel ? await compilePackInParallel(documents, pool, options) : compilePack(documents, options),
    fallback: pool.dropped.length === 0 ? undefined : { reasons: [...pool.dropped], threads: parallel ? pool.size : 1 },
  };
}

async function build({ title, id, files }: BuildRequest): Promise<BuildReply> {
  scope.postMessage({ type: 'progress', read: 0, total: files.length });
  const documents: DocumentInput[] = [];
  for (const file of files) {
    documents.push(readDocument(file.name, new Uint8Array(await file.arrayBuffer())));
    scope.postMessage({ type: 'progress', read: documents.length, total: files.length });
  }
  scope.postMessage({ type: 'compiling' });
  const { pack, fallback } = await compile(documents, { title, id });
  return { type: 'done', json: JSON.stringify(pack), fallback };
}

scope.onmessage = (event) => {
  const message = buildWorkerMessageSchema.safeParse(event.data);
  if (!message.success) {
    // i18n-exempt: only the options page sends this worker messages, so this is a build mistake, said to the developer.
    scope.postMessage({ type: 'error', message: 'The build worker was sent a message it does not understand.' });
    return;
  }
  if (message.data.type === 'compileWorkerStopped') {
    pool?.stopped(message.data.index, message.data.message);
    return;
  }
  if (message.data.compilePorts.length > 0) pool = createCompilePool(message.data.compilePorts);
  void build(message.data)
    .then(
      (reply) => scope.postMessage(reply),
      (error: unknown) => scope.postMessage({ type: 'error', message: errorText(error) }),
    )
    .finally(() => pool?.close());
};
