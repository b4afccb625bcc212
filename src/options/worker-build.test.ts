import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuildReply } from './build-protocol';
import { BuildCancelled, buildPackInWorker } from './worker-build';

/** A Worker as the page sees one: what it was sent, and the events the test fires at the page. */
class FakeWorker {
  static all: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: URL) {
    FakeWorker.all.push(this);
  }
  get isBuildWorker(): boolean {
    return this.url.pathname.endsWith('build-worker.ts');
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(data: unknown): void {
    this.sent.push(data);
  }
  terminate(): void {
    this.terminated = true;
  }
  fire(type: string, event: object): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ preventDefault: () => undefined, ...event });
  }
  reply(data: BuildReply): void {
    this.fire('message', { data });
  }
}

const buildWorker = (): FakeWorker => FakeWorker.all.find((worker) => worker.isBuildWorker) as FakeWorker;
const compileWorkers = (): FakeWorker[] => FakeWorker.all.filter((worker) => !worker.isBuildWorker);
const files = [new File(['One.'], 'one.txt'), new File(['Two.'], 'two.txt')];
const request = { title: 'Harbour notes', id: 'own-harbour-notes', files };

describe('a build in the build worker, seen from the page', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 4 });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    FakeWorker.all = [];
  });

  it('starts a compile worker per document and core, and hands the build worker their channels', async () => {
    const built = buildPackInWorker(request, () => undefined, new AbortController().signal);
    expect(compileWorkers()).toHaveLength(2);
    const [sent] = buildWorker().sent as { type: string; compilePorts: MessagePort[] }[];
    expect(sent?.type).toBe('build');
    expect(sent?.compilePorts).toHaveLength(2);
    buildWorker().reply({ type: 'done', json: '{}' });
    await expect(built).resolves.toEqual({ json: '{}', note: undefined });
    expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
    for (const port of sent?.compilePorts ?? []) port.close();
  });

  it('tells the build worker which compile worker stopped, and why', () => {
    void buildPackInWorker(request, () => undefined, new AbortController().signal).catch(() => undefined);
    compileWorkers()[1]?.fire('error', { message: 'NetworkError: failed to load the script' });
    expect(buildWorker().sent.at(-1)).toEqual({
      type: 'compileWorkerStopped',
      index: 1,
      message: 'NetworkError: failed to load the script',
    });
    expect(compileWorkers().map((worker) => worker.terminated)).toEqual([false, true]);
  });

  it('fails with a clear error when the build worker says nothing in its first 20 seconds, and stops every worker', async () => {
    vi.useFakeTimers();
    const built = buildPackInWorker(request, () => undefined, new AbortController().signal);
    const outcome = built.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(buildWorker().terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('The build did not start within 20 seconds; try again.');
    expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
  });

  it('waits as long as the build takes once the build worker has answered', async () => {
    vi.useFakeTimers();
    const progress: unknown[] = [];
    const built = buildPackInWorker(request, (step) => progress.push(step), new AbortController().signal);
    buildWorker().reply({ type: 'progress', read: 0, total: 2 });
    await vi.advanceTimersByTimeAsync(120_000);
    buildWorker().reply({
      type: 'done',
      json: '{}',
      fallback: { reasons: ['it did not start within 10 s'], threads: 1 },
    });
    await expect(built).resolves.toEqual({
      json: '{}',
      note: 'it did not start within 10 s, so the documents were compiled on 1 thread.',
    });
    expect(progress).toEqual([{ phase: 'reading', read: 0, total: 2 }]);
  });

  it('rejects at once when the reader cancels, and stops every worker', async () => {
    const cancel = new AbortController();
    const built = buildPackInWorker(request, () => undefined, cancel.signal);
    cancel.abort();
    await expect(built).rejects.toBeInstanceOf(BuildCancelled);
    expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
  });

  it('rejects with the build worker’s error, and with a reply it could not read', async () => {
    const failed = buildPackInWorker(request, () => undefined, new AbortController().signal);
    buildWorker().fire('error', { message: 'SyntaxError: unexpected token' });
    await expect(failed).rejects.toThrow('The build stopped: SyntaxError: unexpected token.');
    FakeWorker.all = [];
    const unreadable = buildPackInWorker(request, () => undefined, new AbortController().signal);
    buildWorker().fire('messageerror', {});
    await expect(unreadable).rejects.toThrow('The build stopped with a reply Sourcelight does not understand.');
  });
});
