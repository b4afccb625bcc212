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
    setTimeout(() => (ranAfter = done.steps), 0);
    expect(await finishStepsPaced(work(done), 5)).toBe('built');
    expect(ranAfter).toBeGreaterThan(0);
    expect(ranAfter).toBeLessThan(20);
  });
});
