import { describe, expect, it } from 'vitest';
import { SupersededCheck, TurnQueue } from './check-queue';

/** A pause the test steps by hand: each call to `step` lets one check run. */
function manualPause(): { pause: (next: () => void) => void; step: () => void; pending: () => number } {
  const queue: (() => void)[] = [];
  return {
    pause: (next) => queue.push(next),
    step: () => queue.shift()?.(),
    pending: () => queue.length,
  };
}

describe('TurnQueue', () => {
  it('runs one check per turn, and tabs take turns in the order they asked', async () => {
    const clock = manualPause();
    const queue = new TurnQueue(clock.pause);
    const ran: string[] = [];
    const a = queue.enqueue('tab-a', () => ran.push('a1'));
    const b = queue.enqueue('tab-b', () => ran.push('b1'));
    const c = queue.enqueue('tab-c', () => ran.push('c1'));
    expect(ran).toEqual([]);
    clock.step();
    expect(ran).toEqual(['a1']);
    // Tab a asks again at once: it waits behind b and c, whose turns come first.
    const a2 = queue.enqueue('tab-a', () => ran.push('a2'));
    clock.step();
    clock.step();
    clock.step();
    expect(ran).toEqual(['a1', 'b1', 'c1', 'a2']);
    await expect(Promise.all([a, b, c, a2])).resolves.toHaveLength(4);
  });

  it('pauses between two checks, so other messages are answered in between', () => {
    const clock = manualPause();
    const queue = new TurnQueue(clock.pause);
    void queue.enqueue('tab-a', () => 1);
    void queue.enqueue('tab-b', () => 2);
    clock.step();
    expect(queue.size).toBe(1);
    expect(clock.pending()).toBe(1);
  });

  it("drops a tab's waiting check when the tab asks again, and runs only the newer one", async () => {
    const clock = manualPause();
    const queue = new TurnQueue(clock.pause);
    const ran: string[] = [];
    const first = queue.enqueue('tab-a', () => ran.push('old'));
    const second = queue.enqueue('tab-a', () => ran.push('new'));
    await expect(first).rejects.toBeInstanceOf(SupersededCheck);
    clock.step();
    expect(ran).toEqual(['new']);
    await expect(second).resolves.toBe(1);
    expect(queue.size).toBe(0);
  });

  it('passes on a check that throws, and goes on with the next', async () => {
    const clock = manualPause();
    const queue = new TurnQueue(clock.pause);
    const failing = queue.enqueue('tab-a', () => {
      throw new Error('index gone');
    });
    const next = queue.enqueue('tab-b', () => 'fine');
    clock.step();
    clock.step();
    await expect(failing).rejects.toThrow('index gone');
    await expect(next).resolves.toBe('fine');
  });
});
