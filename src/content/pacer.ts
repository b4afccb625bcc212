import { hasRendered } from './rendering';

/**
 * Paces a long pass over the page so that neither its own tasks nor the rendering they cause grow long.
 *
 * Two costs land on the page's main thread: our script (matching and wrapping), which a time budget bounds, and
 * the style, layout and paint of the paragraphs we wrapped, which the browser does later in a rendering task
 * of its own. Traced in Chromium on a 1 MB article, the second was the long task: a burst of wrapping between
 * two frames dirtied hundreds of paragraphs, and one frame then spent 70 to 400 ms laying them out again. So the
 * pacer also counts the layout we cause (in units of text re-laid out), and a chunk that caused any waits for the
 * frame that renders it: one chunk a frame, whose script and rendering together are the frame the reader sees. It
 * times that frame (requestAnimationFrame, in every browser) and scales the next chunk's share of layout to keep
 * frames within their budget; in Chromium, a long animation frame reported meanwhile halves that share too, as the
 * browser's own count of a frame we may have timed short.
 *
 * Before the page's first paint there is no frame to keep short (see `hasRendered`): the pass is paced by its time
 * budget alone, and what it wrapped is laid out with the rest of the page in the first frame.
 */

export interface PacerOptions {
  /** Longest stretch of our own script before yielding, in milliseconds. */
  budgetMs: number;
  /** Target for a frame that renders a chunk: the chunk's script and the rendering it causes, in milliseconds. */
  frameBudgetMs?: number;
}

/** Layout units per frame to start with (about a dozen paragraphs): small, as page CSS can make them dear; the frames measured then grow it. */
const INITIAL_UNITS = 6_000;
const MIN_UNITS = 2_000;
const MAX_UNITS = 2_000_000;
/**
 * A frame's budget, script and rendering: 50 ms is a long animation frame, and the same frame on a busy two-core
 * machine takes about twice as long as on an idle one.
 */
const FRAME_BUDGET_MS = 24;
/** Least share of a frame given to what we wrapped, when the frame's fixed part alone is near or over its budget. */
const MIN_ROOM_MS = 6;
/** Frames whose cheapest stands for the fixed part of a frame's cost; it drifts as marks accumulate. */
const RECENT_FRAMES = 8;
/** A frame that never comes (a throttled or occluded page) must not stall the pass. */
const FRAME_TIMEOUT_MS = 100;
/**
 * The most of our chunks since the page's last frame before the next yield waits for one: the browser runs a yielded
 * pass's next task before rendering, and Chromium held frames back for 100 ms that way on a pass that only reads.
 */
const MAX_FRAME_GAP_MS = 30;

/** Lets the page's other tasks run before the caller goes on. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves after the page has rendered once, with how long that rendering took: a requestAnimationFrame
 * callback runs just before the frame's style, layout and paint, and a task queued from it runs after them.
 * Undefined when no frame came in time.
 */
export function nextFrame(doc: Document): Promise<number | undefined> {
  const view = doc.defaultView;
  if (view === null || doc.visibilityState === 'hidden') {
    return nextTask().then(() => undefined);
  }
  // Whichever comes first settles it: a promise ignores being resolved again.
  return new Promise((resolve) => {
    const timeout = setTimeout(() => resolve(undefined), FRAME_TIMEOUT_MS);
    view.requestAnimationFrame(() => {
      const renderingStarted = performance.now();
      setTimeout(() => {
        clearTimeout(timeout);
        resolve(performance.now() - renderingStarted);
      }, 0);
    });
  });
}

export class Pacer {
  readonly #doc: Document;
  readonly #budgetMs: number;
  readonly #frameBudgetMs: number;
  #chunkStart = performance.now();
  /** The last chunk's script time, which shares its frame with the rendering it causes. */
  #chunkMs = 0;
  #units = 0;
  #unitBudget = INITIAL_UNITS;
  /** The last frames' costs: their cheapest is the part of a frame's cost that does not grow with what we wrapped. */
  readonly #recentRenderMs: number[] = [];
  /** Whether the page had rendered at the last yield; until then layout is not counted against frames. */
  #rendered: boolean;
  /** When the page last started a frame that we saw. */
  #frameAt = performance.now();
  /** The longest stretch of our script between two yields, in milliseconds. */
  longestChunkMs = 0;
  /** Our script's time in all, in milliseconds: the pass's cost apart from the time it leaves to the page. */
  busyMs = 0;
  /** How many times the pass waited for a frame. */
  frames = 0;
  /** Chromium's long animation frames while the pass runs; none elsewhere. */
  readonly #longFrames: PerformanceObserver;

  constructor(doc: Document, options: PacerOptions) {
    this.#doc = doc;
    this.#budgetMs = options.budgetMs;
    this.#frameBudgetMs = options.frameBudgetMs ?? FRAME_BUDGET_MS;
    this.#rendered = hasRendered(doc);
    this.#longFrames = new PerformanceObserver(() => {
      this.#unitBudget = Math.max(MIN_UNITS, this.#unitBudget >> 1);
    });
    const type = 'long-animation-frame';
    if (PerformanceObserver.supportedEntryTypes.includes(type)) this.#longFrames.observe({ type });
  }

  /** Records layout work caused: roughly the characters of text whose lines the browser must break again. */
  addLayoutWork(units: number): void {
    this.#units += units;
  }

  /** Whether the chunk has used its time, or the frame its share of layout. */
  shouldYield(): boolean {
    return (this.#rendered && this.#units >= this.#unitBudget) || performance.now() - this.#chunkStart > this.#budgetMs;
  }

  /**
   * Ends the chunk. Once it caused any layout, or no frame has come for a while, waits for the page to render, so
   * that no two chunks' rendering piles into one frame; otherwise, and before the page's first paint, only lets the
   * page's other tasks run.
   */
  async yield(): Promise<void> {
    this.#closeChunk();
    const units = this.#units;
    this.#rendered ||= hasRendered(this.#doc);
    if (!this.#rendered) {
      // The first frame lays out the whole page, what we wrapped so far included: nothing to spread over frames.
      this.#units = 0;
      await nextTask();
    } else if (units > 0 || performance.now() - this.#frameAt > MAX_FRAME_GAP_MS) {
      this.frames++;
      const renderMs = await nextFrame(this.#doc);
      this.#frameAt = performance.now();
      // A chunk that stopped for time rather than layout says little about what its layout costs.
      if (renderMs !== undefined && units >= this.#unitBudget) {
        // Rendering cost grows with the text re-laid out, on top of a part that does not: a container of 20,000
        // paragraphs takes 30 ms to lay out again however few of them changed. Scaling the whole cost shrank the
        // chunks to nothing there (1,800 frames, 90 s), so only the growing part is scaled, into the room left.
        this.#recentRenderMs.push(renderMs);
        if (this.#recentRenderMs.length > RECENT_FRAMES) this.#recentRenderMs.shift();
        // One frame cannot tell the two parts apart: take it all as growing, as a dear first frame may well be.
        const base = this.#recentRenderMs.length < 2 ? 0 : Math.min(...this.#recentRenderMs);
        const room = Math.max(MIN_ROOM_MS, this.#frameBudgetMs - this.#chunkMs - base);
        // Grown by at most a quarter a frame: on a busy machine one frame in many costs several times the others.
        const scale = Math.min(1.25, Math.max(0.25, room / Math.max(1, renderMs - base)));
        this.#unitBudget = Math.min(MAX_UNITS, Math.max(MIN_UNITS, Math.round(units * scale)));
      }
      this.#units = 0;
    } else {
      // Frames the page renders between our tasks are seen here; one overdue makes a later yield wait for it.
      requestAnimationFrame(() => (this.#frameAt = performance.now()));
      await nextTask();
    }
    this.#chunkStart = performance.now();
  }

  /** Closes the last chunk's account. */
  finish(): void {
    this.#closeChunk();
    this.#longFrames.disconnect();
  }

  #closeChunk(): void {
    const chunkMs = (this.#chunkMs = performance.now() - this.#chunkStart);
    this.longestChunkMs = Math.max(this.longestChunkMs, chunkMs);
    this.busyMs += chunkMs;
  }
}
