import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWorkerCount, startCompileWorkers } from './compile-workers';

/** A Worker as the page sees one: what it was sent, and an error event the test can fire. */
class FakeWorker {
  static all: FakeWorker[] = [];
  sent: { data: unknown; transfer: unknown[] }[] = [];
  terminated = false;
  private readonly errorListeners: ((event: ErrorEvent) => void)[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, listener: (event: ErrorEvent) => void): void {
    if (type === 'error') this.errorListeners.push(listener);
  }
  postMessage(data: unknown, transfer: unknown[]): void {
    this.sent.push({ data, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): ErrorEvent {
    const event = { message, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    for (const listener of this.errorListeners) listener(event as unknown as ErrorEvent);
    return event as unknown as ErrorEvent;
  }
}

describe('the compile workers the page starts for a build', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    for (const worker of FakeWorker.all) for (const { transfer } of worker.sent) (transfer[0] as MessagePort).close();
    FakeWorker.all = [];
  });

  it('are one per core, at most eight and at most one per document; none for one core or one document', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 16 });
    expect(compileWorkerCount(50)).toBe(8);
    expect(compileWorkerCount(3)).toBe(3);
    expect(compileWorkerCount(1)).toBe(0);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    expect(compileWorkerCount(50)).toBe(2);
    vi.stubGlobal('navigator', {});
    expect(compileWorkerCount(50)).toBe(0);
  });

  it('are module workers, each handed its end of a channel whose other end goes to the build worker', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const started = startCompileWorkers(2, () => undefined);
    expect(FakeWorker.all).toHaveLength(2);
    expect(started.ports).toHaveLength(2);
    for (const worker of FakeWorker.all) {
      expect(worker.options).toEqual({ type: 'module' });
      expect(worker.url.pathname).toMatch(/compile-worker\.ts$/);
      const [first] = worker.sent;
      const port = (first?.data as { port: MessagePort }).port;
      expect(port).toBeInstanceOf(MessagePort);
      expect(first?.transfer.length === 1 && first.transfer[0] === port).toBe(true);
      expect(started.ports.includes(port)).toBe(false);
    }
    started.terminate();
    expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
  });

  it('report a worker that could not load or died, by its index, and terminate it', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const stops: [number, string][] = [];
    startCompileWorkers(3, (index, message) => stops.push([index, message]));
    const event = FakeWorker.all[1]?.fail('NetworkError: failed to load the worker script');
    FakeWorker.all[2]?.fail('');
    expect(stops).toEqual([
      [1, 'NetworkError: failed to load the worker script'],
      [2, 'the worker could not run'],
    ]);
    expect(event?.defaultPrevented).toBe(true);
    expect(FakeWorker.all.map((worker) => worker.terminated)).toEqual([false, true, true]);
  });
});
