import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePack, compilePackInParallel } from '../corpus/compile';
import { runCompileTask, type CompileTask } from '../corpus/compile-tasks';
import type { CompileReply } from './build-protocol';
import { createCompilePool, type CompileChannel, type CompileLimits } from './compile-pool';

const seedsDir = join(import.meta.dirname, '../../assets/corpus');
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));

const TOPICS: CompileTask = { kind: 'topics', texts: ['The minister said the harbour would reopen.'] };

/** What a fake compile worker does with a task: answers (after `delayMs`), or stays silent, or sends what fails. */
type Answer = CompileReply | 'silent' | 'unreadable';

interface FakeBehaviour {
  /** Whether it ever says it is ready. */
  starts?: boolean;
  answer?: (task: unknown) => Answer;
  delayMs?: number;
}

/**
 * A compile worker's channel as compile-worker.ts answers on it: ready a moment after it is made, then each task's
 * reply a while later, through a structured clone.
 */
class FakeChannel implements CompileChannel {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null = null;
  closed = false;
  busy = false;
  /** Whether this worker was ever sent a task while it was still running one. */
  overlapped = false;
  tasks = 0;
  /** Every fake's tasks, numbered as they are sent, in the order their answers arrive. */
  static answered: number[] = [];
  private static sent = 0;
  constructor(private readonly behaviour: FakeBehaviour = {}) {
    if (behaviour.starts !== false) setTimeout(() => this.send({ type: 'ready' }), 1);
  }
  postMessage(task: CompileTask): void {
    if (this.busy) this.overlapped = true;
    this.busy = true;
    this.tasks++;
    const number = FakeChannel.sent++;
    const answer = (this.behaviour.answer ?? ((data) => ({ type: 'result', result: runCompileTask(data) })))(
      structuredClone(task),
    );
    if (answer === 'silent') return;
    setTimeout(() => {
      this.busy = false;
      if (answer === 'unreadable') {
        if (!this.closed) this.onmessageerror?.({ data: null } as MessageEvent<unknown>);
      } else {
        FakeChannel.answered.push(number);
        this.send(answer);
      }
    }, this.behaviour.delayMs ?? 1);
  }
  close(): void {
    this.closed = true;
  }
  private send(data: unknown): void {
    if (!this.closed) this.onmessage?.({ data: structuredClone(data) } as MessageEvent<unknown>);
  }
}

const LIMITS: CompileLimits = { startMs: 1_000, taskMs: () => 5_000 };

describe('the build worker’s compile workers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('compile the seeds to the same pack as one thread, each worker running one task at a time', async () => {
    const channels = [new FakeChannel(), new FakeChannel()];
    const pool = createCompilePool(channels);
    await pool.started;
    expect(pool.size).toBe(2);
    const options = { now: new Date(0) };
    const parallel = JSON.stringify(await compilePackInParallel(seeds, pool, options));
    pool.close();
    expect(parallel === JSON.stringify(compilePack(seeds, options))).toBe(true);
    expect(channels.every((channel) => channel.tasks > 0 && !channel.overlapped && channel.closed)).toBe(true);
  });

  it('put every answer with its own task when the workers answer out of order, to the same pack', async () => {
    // The first worker answers long after the second, so the second's later tasks come back before the first's.
    FakeChannel.answered = [];
    const pool = createCompilePool([new FakeChannel({ delayMs: 200 }), new FakeChannel(), new FakeChannel()]);
    await pool.started;
    const options = { now: new Date(0) };
    const parallel = JSON.stringify(await compilePackInParallel(seeds, pool, options));
    pool.close();
    expect(parallel === JSON.stringify(compilePack(seeds, options))).toBe(true);
    expect(FakeChannel.answered).not.toEqual([...FakeChannel.answered].sort((a, b) => a - b));
  });

  it('fail the task with the error a worker sends back', async () => {
    const pool = createCompilePool([
      new FakeChannel({ answer: () => ({ type: 'failed', message: 'The compiler ran out of memory.' }) }),
      new FakeChannel({ answer: () => ({ type: 'failed', message: 'The compiler ran out of memory.' }) }),
    ]);
    await pool.started;
    await expect(compilePackInParallel(seeds, pool)).rejects.toThrow('The compiler ran out of memory.');
    pool.close();
  });

  it('refuse a reply they do not understand, and a reply that could not be read, and go on with the next task', async () => {
    let calls = 0;
    const channel = new FakeChannel({
      answer: (task) => {
        calls++;
        if (calls === 1) return { ok: true, result: [] } as unknown as CompileReply;
        if (calls === 2) return 'unreadable';
        return { type: 'result', result: runCompileTask(task) };
      },
    });
    const pool = createCompilePool([channel]);
    await pool.started;
    await expect(pool.run(TOPICS)).rejects.toThrow('A compile worker sent a reply Sourcelight does not understand.');
    await expect(pool.run(TOPICS)).rejects.toThrow('A compile worker’s reply could not be read.');
    await expect(pool.run(TOPICS)).resolves.toEqual(runCompileTask(TOPICS));
    pool.close();
  });

  it('fail a task the browser cannot send, and keep the worker', async () => {
    const channel = new FakeChannel();
    const send = channel.postMessage.bind(channel);
    let first = true;
    channel.postMessage = (task) => {
      if (!first) return send(task);
      first = false;
      throw new Error('The object could not be cloned.');
    };
    const pool = createCompilePool([channel]);
    await pool.started;
    const [unsent, next] = [pool.run(TOPICS), pool.run(TOPICS)];
    await expect(unsent).rejects.toThrow('The object could not be cloned.');
    await expect(next).resolves.toEqual(runCompileTask(TOPICS));
    pool.close();
  });

  it('leave out a worker that does not start in time, say why, and compile on the others to the same pack', async () => {
    vi.useFakeTimers();
    const late = new FakeChannel({ starts: false });
    const pool = createCompilePool([new FakeChannel(), late, new FakeChannel()], LIMITS);
    let started = false;
    void pool.started.then(() => (started = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(true);
    expect(pool.size).toBe(2);
    expect(pool.dropped).toEqual(['A compile worker did not start within 1 s']);
    expect(late.closed).toBe(true);
    const options = { now: new Date(0) };
    const built = compilePackInParallel(seeds, pool, options);
    await vi.runAllTimersAsync();
    expect(JSON.stringify(await built) === JSON.stringify(compilePack(seeds, options))).toBe(true);
    expect(late.tasks).toBe(0);
    pool.close();
  });

  it('start with none when no worker starts, and then fail every task at once rather than wait', async () => {
    vi.useFakeTimers();
    const pool = createCompilePool([new FakeChannel({ starts: false }), new FakeChannel({ starts: false })], LIMITS);
    await vi.advanceTimersByTimeAsync(1_000);
    await pool.started;
    expect(pool.size).toBe(0);
    expect(pool.dropped).toHaveLength(2);
    await expect(pool.run(TOPICS)).rejects.toThrow(
      'A compile worker did not start within 1 s, and no compile worker is left.',
    );
  });

  it('drop a worker the page saw fail to load at once, without waiting out the start', async () => {
    vi.useFakeTimers();
    const pool = createCompilePool([new FakeChannel({ starts: false }), new FakeChannel()], LIMITS);
    pool.stopped(0, 'SyntaxError: import declarations may only appear at top level of a module');
    await vi.advanceTimersByTimeAsync(1);
    await pool.started;
    expect(pool.size).toBe(1);
    expect(pool.dropped).toEqual([
      'A compile worker stopped: SyntaxError: import declarations may only appear at top level of a module',
    ]);
    pool.close();
  });

  it('give up on a task whose worker never answers, and run the tasks after it on the others', async () => {
    vi.useFakeTimers();
    const silent = new FakeChannel({ answer: () => 'silent' });
    const pool = createCompilePool([silent, new FakeChannel()], LIMITS);
    await vi.advanceTimersByTimeAsync(1);
    const outcomes = [pool.run(TOPICS), pool.run(TOPICS), pool.run(TOPICS)].map((run) =>
      run.then(
        () => 'done',
        (error: Error) => error.message,
      ),
    );
    await vi.advanceTimersByTimeAsync(4_999);
    expect(silent.tasks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    const settled = await Promise.all(outcomes);
    expect(settled.filter((outcome) => outcome === 'done')).toHaveLength(2);
    expect(settled).toContain('A compile worker gave no answer in 5 s.');
    expect(silent.closed).toBe(true);
    expect(silent.tasks).toBe(1);
    expect(pool.size).toBe(1);
    pool.close();
  });

  it('fail the task of a worker that stopped, and every waiting task once the last one has stopped', async () => {
    vi.useFakeTimers();
    const pool = createCompilePool([new FakeChannel({ answer: () => 'silent' })], LIMITS);
    await vi.advanceTimersByTimeAsync(1);
    const running = pool.run(TOPICS);
    const waiting = pool.run(TOPICS);
    pool.stopped(0, 'out of memory');
    await expect(running).rejects.toThrow('A compile worker stopped: out of memory.');
    await expect(waiting).rejects.toThrow('A compile worker stopped: out of memory, and no compile worker is left.');
    expect(pool.size).toBe(0);
  });

  it('settle every task when the build ends, and let no late answer through', async () => {
    const channel = new FakeChannel({ delayMs: 20 });
    const pool = createCompilePool([channel]);
    await pool.started;
    const running = pool.run(TOPICS);
    const waiting = pool.run(TOPICS);
    pool.close();
    await expect(running).rejects.toThrow('The build ended.');
    await expect(waiting).rejects.toThrow('The build ended, and no compile worker is left.');
    expect(channel.closed).toBe(true);
  });
});
