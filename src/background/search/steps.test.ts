import { describe, expect, it } from 'vitest';
import { finishSteps, finishStepsPaced, type Steps } from './steps';

/** Twenty steps of about 2 ms of work each, counted in `done`. */
function* work(done: { steps: number }): Steps<string> {
  for (; done.steps < 20; done.steps++) {
    const until = performance.now() + 2;
    while (performance.now() < until);
    yield;
  }
  return 'built';
}

describe('steps', () => {
  it('run to the end at once, letting nothing else run in between', () => {
    const done = { steps: 0 };
    let ranAfter = -1;
    setTimeout(() => (ranAfter = done.steps), 0);
    expect(finishSteps(work(done))).toBe('built');
    expect(ranAfter).toBe(-1);
  });

  it('run paced, with the same result, letting a task queued meanwhile run before the work ends', async () => {
    const done = { steps: 0 };
    let ranAfter = -1;
    // Queued as a message, not a timer: Node runs a timer only when it is due and its turn among the loop's phases
    // comes, which a loaded machine can put off past the work's last step; a message queued first runs first.
    const queued = new MessageChannel();
    queued.port1.onmessage = () => {
      ranAfter = done.steps;
      queued.port1.close();
    };
    queued.port2.postMessage(null);
    expect(await finishStepsPaced(work(done), 5)).toBe('built');
    // It ran (after the first pause, which a loaded machine may reach within the first step) and before the end.
    expect(ranAfter).toBeGreaterThanOrEqual(0);
    expect(ranAfter).toBeLessThan(20);
  });
});
