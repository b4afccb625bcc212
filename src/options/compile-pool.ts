// The build worker's side of its compile workers: runs the compiler's tasks (corpus/compile-tasks.ts) on them, one
// task each at a time, the rest waiting in order. The page starts the workers (compile-workers.ts); this end has only
// a channel to each, so every way a worker can go quiet is bounded here: one that does not say it is ready in time
// is left out, one that takes far longer than its task should is given up on, and one the page saw stop fails the
// task it had. Whatever happens, every task's promise settles.
import type { CompilePool, CompileTask } from '../corpus/compile-tasks';
import { compileReplySchema } from './build-protocol';

/** A compile worker's channel as the pool uses it: a MessagePort, or a fake one in the tests. */
export interface CompileChannel {
  postMessage(task: CompileTask): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
  close(): void;
}

export interface CompileLimits {
  /** How long the workers have to say they are ready, counted from the pool's creation. */
  startMs: number;
  /** How long a task may take before its worker is given up on, from the amount of text it carries. */
  taskMs(task: CompileTask): number;
}

/**
 * The compiler reads about 0.7 MB a second on one quiet core (README, Benchmarks); a task is allowed a minute plus a
 * second for every 10 kB of its text, 70 times slower than that, so that only a worker that has stopped runs out.
 */
export const COMPILE_LIMITS: CompileLimits = {
  startMs: 10_000,
  taskMs: (task) => 60_000 + taskTextLength(task) / 10,
};

function taskTextLength(task: CompileTask): number {
  const texts = task.kind === 'topics' ? task.texts : task.documents.map((doc) => doc.text);
  return texts.reduce((sum, text) => sum + text.length, 0);
}

export interface CompileWorkerPool extends CompilePool {
  /** Resolves once every worker is ready or has dropped out: then `size` is how many will run the tasks. */
  readonly started: Promise<void>;
  /** Why the workers that dropped out did, in order. */
  readonly dropped: readonly string[];
  /** The page saw worker `index` stop (it could not load, or it died): the task it had fails with `message`. */
  stopped(index: number, message: string): void;
  close(): void;
}

interface Job {
  task: CompileTask;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Member {
  channel: CompileChannel;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  job?: Job;
  deadline?: ReturnType<typeof setTimeout>;
}

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

export function createCompilePool(
  channels: readonly CompileChannel[],
  limits: CompileLimits = COMPILE_LIMITS,
): CompileWorkerPool {
  const members: Member[] = channels.map((channel) => ({ channel, state: 'starting' }));
  const waiting: Job[] = [];
  const dropped: string[] = [];
  let lastFailure = 'No compile worker started';
  let markStarted = (): void => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const startTimer = setTimeout(() => {
    for (const member of members)
      if (member.state === 'starting') drop(member, `A compile worker did not start within ${seconds(limits.startMs)}`);
  }, limits.startMs);

  const live = (): Member[] => members.filter((member) => member.state === 'idle' || member.state === 'busy');

  function checkStarted(): void {
    if (members.some((member) => member.state === 'starting')) return;
    clearTimeout(startTimer);
    markStarted();
  }

  /** Frees a worker of its task and its deadline, and gives back the task for the caller to settle. */
  function finishJob(member: Member): Job | undefined {
    const { job } = member;
    clearTimeout(member.deadline);
    member.job = undefined;
    member.deadline = undefined;
    return job;
  }

  /** Takes a worker out for good: its task fails with `reason`, and if none is left, so does every waiting task. */
  function drop(member: Member, reason: string): void {
    if (member.state === 'gone') return;
    const wasStarting = member.state === 'starting';
    member.state = 'gone';
    member.channel.onmessage = null;
    member.channel.onmessageerror = null;
    member.channel.close();
    finishJob(member)?.reject(new Error(`${reason}.`));
    if (wasStarting) dropped.push(reason);
    lastFailure = reason;
    checkStarted();
    runNext();
  }

  function receive(member: Member, data: unknown): void {
    const reply = compileReplySchema.safeParse(data);
    if (member.state === 'starting') {
      if (reply.success && reply.data.type === 'ready') {
        member.state = 'idle';
        checkStarted();
        runNext();
      } else drop(member, 'A compile worker said something before it was ready');
      return;
    }
    if (member.state !== 'busy') return;
    const job = finishJob(member);
    member.state = 'idle';
    if (!reply.success || reply.data.type === 'ready')
      job?.reject(new Error('A compile worker sent a reply Sourcelight does not understand.'));
    else if (reply.data.type === 'result') job?.resolve(reply.data.result);
    else job?.reject(new Error(reply.data.message));
    runNext();
  }

  function runNext(): void {
    for (;;) {
      const member = members.find((candidate) => candidate.state === 'idle');
      const job = member && waiting.shift();
      if (member === undefined || job === undefined) break;
      member.state = 'busy';
      member.job = job;
      const allowed = limits.taskMs(job.task);
      member.deadline = setTimeout(
        () => drop(member, `A compile worker gave no answer in ${seconds(allowed)}`),
        allowed,
      );
      try {
        member.channel.postMessage(job.task);
      } catch (error) {
        finishJob(member)?.reject(error instanceof Error ? error : new Error(String(error)));
        member.state = 'idle';
      }
    }
    // Nothing left to run the waiting tasks: they fail now rather than wait forever.
    if (waiting.length > 0 && !members.some((member) => member.state !== 'gone'))
      for (const job of waiting.splice(0)) job.reject(new Error(`${lastFailure}, and no compile worker is left.`));
  }

  members.forEach((member) => {
    member.channel.onmessage = (event) => receive(member, event.data);
    member.channel.onmessageerror = () => {
      if (member.state === 'busy') {
        finishJob(member)?.reject(new Error('A compile worker’s reply could not be read.'));
        member.state = 'idle';
        runNext();
      } else drop(member, 'A compile worker’s first message could not be read');
    };
  });
  checkStarted();

  return {
    get size() {
      return live().length;
    },
    started,
    dropped,
    run: (task) =>
      new Promise((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        runNext();
      }),
    stopped(index, message) {
      const member = members[index];
      if (member) drop(member, `A compile worker stopped: ${message}`);
    },
    close() {
      clearTimeout(startTimer);
      for (const member of members) drop(member, 'The build ended');
    },
  };
}
