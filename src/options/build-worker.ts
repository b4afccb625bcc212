import '../shared/zod-config';
// The build worker: reads the reader's documents and compiles them into a pack, off the options page's thread, so
// the page keeps drawing its progress and its Cancel button answers at once. The documents are compiled on every core,
// in compile workers of its own, and merged here. It stores nothing: the page imports the pack it returns, so a build
// ended early (the page terminates this worker, and with it its compile workers) leaves the stored corpora as they were.
import { compilePack, compilePackInParallel, type CompileOptions, type DocumentInput } from '../corpus/compile';
import type { CorpusPack } from '../corpus/pack';
import { errorText } from '../shared/error-text';
import { buildRequestSchema, type BuildReply } from './build-protocol';
import { compileWorkerCount, createWorkerPool } from './compile-pool';
import { readDocument } from './document-reader';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's, not WebWorker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(reply: BuildReply): void;
};

/** In compile workers when there is more than one document and more than one core; here otherwise. */
async function compile(documents: readonly DocumentInput[], options: CompileOptions): Promise<CorpusPack> {
  const workers = compileWorkerCount(documents.length);
  if (workers === 1) return compilePack(documents, options);
  const pool = createWorkerPool(workers);
  try {
    return await compilePackInParallel(documents, pool, options);
  } finally {
    pool.terminate();
  }
}

async function build(data: unknown): Promise<BuildReply> {
  const { title, id, files } = buildRequestSchema.parse(data);
  const documents: DocumentInput[] = [];
  for (const file of files) {
    documents.push(readDocument(file.name, new Uint8Array(await file.arrayBuffer())));
    scope.postMessage({ type: 'progress', read: documents.length, total: files.length });
  }
  scope.postMessage({ type: 'compiling' });
  return { type: 'done', json: JSON.stringify(await compile(documents, { title, id })) };
}

scope.onmessage = (event) => {
  void build(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ type: 'error', message: errorText(error) }),
  );
};
