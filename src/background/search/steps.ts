/**
 * Long work written as steps: a generator that yields between steps, where its caller may let other work run. Building
 * the search index takes seconds at 100,000 statements. Done in one task, it leaves the background deaf to messages
 * all that while; in Firefox, whose extension pages share one thread with the event page, the popup and options page
 * freeze with it, and the event page, which no message can reach, is suspended as idle in the middle of the build.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once: for tests and Node, where nothing else waits. */
export function finishSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A new task, after the ones queued: a message to itself, which unlike setTimeout is not held back by the browsers'
 * minimum delay for timers set from timers.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs the steps in tasks of about `sliceMs` each, letting the tasks queued meanwhile run between them. */
export async function finishStepsPaced<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
}
