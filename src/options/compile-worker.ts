import '../shared/zod-config';
// One compile worker (see compile-workers.ts): the page starts it and hands it a channel to the build worker, over
// which it says it is ready, then runs each task it is sent, one at a time, and replies with its result or with why
// it failed. Every task gets an answer: a task it cannot read or a result it cannot send is answered with the error.
import { runCompileTask } from '../corpus/compile-tasks';
import { errorText } from '../shared/error-text';
import { compileWorkerStartSchema, type CompileReply } from './build-protocol';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's, not WebWorker's. */
const scope = self as unknown as { onmessage: ((event: MessageEvent<unknown>) => void) | null };

function reply(port: MessagePort, message: CompileReply): void {
  try {
    port.postMessage(message);
  } catch (error) {
    // A result the browser cannot copy (DataCloneError): say so rather than leave the task unanswered.
    port.postMessage({ type: 'failed', message: errorText(error) } satisfies CompileReply);
  }
}

scope.onmessage = (event) => {
  const { port } = compileWorkerStartSchema.parse(event.data);
  port.onmessage = (task: MessageEvent<unknown>) => {
    let answer: CompileReply;
    try {
      answer = { type: 'result', result: runCompileTask(task.data) };
    } catch (error) {
      answer = { type: 'failed', message: errorText(error) };
    }
    reply(port, answer);
  };
  // i18n-exempt: a worker has no i18n API; the page says in the UI language that the build stopped, then this.
  port.onmessageerror = () => reply(port, { type: 'failed', message: 'A compile worker could not read its task.' });
  reply(port, { type: 'ready' });
};
