import '../shared/zod-config';
// The build worker: reads the reader's documents and compiles them into a pack, off the options page's thread, so
// the page keeps drawing its progress and its Cancel button answers at once. It stores nothing: the page imports
// the pack it returns, so a build ended early (the page terminates this worker) leaves the stored corpora as they were.
import { compilePack } from '../corpus/compile';
import type { DocumentInput } from '../corpus/compile';
import { errorText } from '../shared/error-text';
import { buildRequestSchema, type BuildReply } from './build-protocol';
import { readDocument } from './document-reader';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's, not WebWorker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(reply: BuildReply): void;
};

async function build(data: unknown): Promise<BuildReply> {
  const { title, id, files } = buildRequestSchema.parse(data);
  const documents: DocumentInput[] = [];
  for (const file of files) {
    documents.push(readDocument(file.name, new Uint8Array(await file.arrayBuffer())));
    scope.postMessage({ type: 'progress', read: documents.length, total: files.length });
  }
  scope.postMessage({ type: 'compiling' });
  return { type: 'done', json: JSON.stringify(compilePack(documents, { title, id })) };
}

scope.onmessage = (event) => {
  void build(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ type: 'error', message: errorText(error) }),
  );
};
