// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from './pacer';
import { hasRendered } from './rendering';

vi.mock('./rendering', () => ({ hasRendered: vi.fn(() => true) }));

beforeEach(() => {
  vi.mocked(hasRendered).mockReturnValue(true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Pacer', () => {
  it('asks to yield once the chunk has used its time', async () => {
    const pacer = new Pacer(document, { budgetMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(pacer.shouldYield()).toBe(true);
    await pacer.yield();
    expect(pacer.frames).toBe(0);
    expect(pacer.longestChunkMs).toBeGreaterThan(0);
  });

  it('asks to yield once the chunk caused a frame of layout, and then waits for the page to render', async () => {
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    const pacer = new Pacer(document, { budgetMs: 1_000 });
    expect(pacer.shouldYield()).toBe(false);
    pacer.addLayoutWork(1_000_000);
    expect(pacer.shouldYield()).toBe(true);
    await pacer.yield();
    expect(frame).toHaveBeenCalledTimes(1);
    expect(pacer.frames).toBe(1);
    expect(pacer.shouldYield()).toBe(false);
  });

  it('paces by time alone before the page first paints, and waits for frames once it has', async () => {
    vi.mocked(hasRendered).mockReturnValue(false);
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    const pacer = new Pacer(document, { budgetMs: 1_000 });
    pacer.addLayoutWork(1_000_000);
    // A page whose stylesheet is still loading renders no frame: asking for one would only wait out the timeout.
    expect(pacer.shouldYield()).toBe(false);
    await pacer.yield();
    expect(frame).not.toHaveBeenCalled();
    expect(pacer.frames).toBe(0);

    vi.mocked(hasRendered).mockReturnValue(true);
    pacer.addLayoutWork(1_000_000);
    await pacer.yield();
    expect(frame).toHaveBeenCalledTimes(1);
    expect(pacer.frames).toBe(1);
    // Layout counts again: a frame's largest share of it asks for the next frame.
    pacer.addLayoutWork(2_000_000);
    expect(pacer.shouldYield()).toBe(true);
  });

  it('waits for a frame once none has come for a while, though the pass caused no layout', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    // A page that never gets to render between our tasks, as when a yielded pass's next task goes first.
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const pacer = new Pacer(document, { budgetMs: 10 });
    now = 10;
    await pacer.yield();
    expect(pacer.frames).toBe(0);
    now = 40;
    await pacer.yield();
    expect(pacer.frames).toBe(1);
    expect(frame).toHaveBeenCalled();
  });

  it('waits for the frame after any chunk that caused layout, so that no two chunks render in one frame', async () => {
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    const pacer = new Pacer(document, { budgetMs: 1_000 });
    pacer.addLayoutWork(10);
    expect(pacer.shouldYield()).toBe(false);
    await pacer.yield();
    expect(frame).toHaveBeenCalledTimes(1);
    expect(pacer.frames).toBe(1);
  });

  it('halves the layout share a frame when the browser reports a long animation frame', () => {
    let report = (): void => undefined;
    class LongFrames {
      static readonly supportedEntryTypes = ['long-animation-frame'];
      constructor(callback: () => void) {
        report = callback;
      }
      observe(): void {}
      disconnect(): void {}
    }
    vi.stubGlobal('PerformanceObserver', LongFrames);
    try {
      const pacer = new Pacer(document, { budgetMs: 1_000 });
      pacer.addLayoutWork(4_000);
      expect(pacer.shouldYield()).toBe(false);
      report();
      expect(pacer.shouldYield()).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('goes on when no frame comes, as in a throttled page', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const pacer = new Pacer(document, { budgetMs: 1_000 });
    pacer.addLayoutWork(1_000_000);
    const started = performance.now();
    await pacer.yield();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(pacer.frames).toBe(1);
  });

  it('shrinks the layout share after a slow frame and grows it after fast ones', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      setTimeout(() => {
        callback(now);
        // This frame's style, layout and paint take 100 ms.
        now += 100;
      }, 0);
      return 1;
    });
    const pacer = new Pacer(document, { budgetMs: 1_000, frameBudgetMs: 25 });
    pacer.addLayoutWork(6_000);
    await pacer.yield();
    pacer.addLayoutWork(2_000);
    expect(pacer.shouldYield()).toBe(true);
    vi.mocked(window.requestAnimationFrame).mockImplementation((callback) => {
      setTimeout(() => callback(now), 0);
      return 1;
    });
    pacer.addLayoutWork(1_000);
    await pacer.yield();
    // Grown by a quarter of the 3,000 units that frame rendered at once: no more, as a frame's cost jumps on a busy machine.
    pacer.addLayoutWork(3_700);
    expect(pacer.shouldYield()).toBe(false);
    pacer.addLayoutWork(100);
    expect(pacer.shouldYield()).toBe(true);
  });
});
