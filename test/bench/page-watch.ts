// Runs in the page, bundled into the benches' in-page scripts: what a stretch of the page's life cost its main thread
// as the reader feels it, the longest task and the longest frame.

export interface MainThreadWatch {
  /** The longest task over 50 ms (Chromium's longtask entries), 0 when none was; 0 in Firefox, which has none. */
  longestTaskMs: number;
  /** The longest gap between two animation frames: how long the screen stood still, in either browser. */
  longestFrameMs: number;
  /** The longest frame Chromium counted as a long animation frame (over 50 ms, rendering included), 0 when none. */
  longestAnimationFrameMs: number;
}

/** Starts watching; the function it returns stops and tells. */
export function watchMainThread(): () => MainThreadWatch {
  const observers: PerformanceObserver[] = [];
  const longest = (type: string): (() => number) => {
    let max = 0;
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return () => max;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) max = Math.max(max, entry.duration);
    });
    observer.observe({ type });
    observers.push(observer);
    return () => max;
  };
  const longestTask = longest('longtask');
  const longestAnimationFrame = longest('long-animation-frame');
  // Frame to frame, from each frame's start: a long task or a long rendering keeps the next frame from starting.
  let last: number | undefined;
  let longestGap = 0;
  let watching = true;
  const tick = (now: number): void => {
    if (last !== undefined) longestGap = Math.max(longestGap, now - last);
    last = now;
    if (watching) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    watching = false;
    for (const observer of observers) observer.disconnect();
    return {
      longestTaskMs: longestTask(),
      longestFrameMs: longestGap,
      longestAnimationFrameMs: longestAnimationFrame(),
    };
  };
}
