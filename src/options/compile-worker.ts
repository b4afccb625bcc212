import '../shared/zod-config';
// One of the build worker's compile workers (compile-pool.ts): runs each task it is sent, one at a time, and replies
// with its result or with why it failed.
import { runCompileTask } from '../corpus/compile-tasks';
import { errorText } from '../shared/error-text';
import type { CompileReply } from './build-protocol';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's, not WebWorker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(reply: CompileReply): void;
};

scope.onmessage = (event) => {
  let reply: CompileReply;
  try {
    reply = { ok: true, result: runCompileTask(event.data) };
  } catch (error) {
    reply = { ok: false, message: errorText(error) };
  }
  scope.postMessage(reply);
};
