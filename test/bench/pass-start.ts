// Runs in the page, bundled into the benches' in-page scripts: how every path's pass starts, so that the paths compared
// start alike: the page left to settle, its main thread watched from then on, and the matcher opened, timed.
import { openMatcher, type CompiledMatcher } from '../../src/content/matcher';
import type { Dictionary } from '../../src/shared/dictionary';
import { watchMainThread, type MainThreadWatch } from './page-watch';

export const settle = (ms = 300): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, ms));

/** A new animation frame, and the task after it (where its rendering has been done). */
export const frame = (): Promise<unknown> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function startPass(dictionary: Dictionary): Promise<{
  watched: () => MainThreadWatch;
  started: number;
  matcher: CompiledMatcher;
  compileMs: number;
}> {
  await settle();
  const watched = watchMainThread();
  await settle(0);
  const started = performance.now();
  const matcher = openMatcher(dictionary);
  return { watched, started, matcher, compileMs: performance.now() - started };
}
