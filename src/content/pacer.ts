import { hasRendered } from './rendering';

/**
 * Paces a long pass over the page so that neither its own tasks nor the rendering they cause grow long.
 *
 * Two costs land on the page's main thread: our script (matching and wrapping), which a time budget bounds, and
 * the style, layout and paint of the paragraphs we wrapped, which the browser does later in a rendering task
 * of its own. Traced in Chromium on a 1 MB article, the second was the long task: a burst of wrapping between
 * two frames dirtied hundreds of paragraphs, and one frame then spent 70 to 400 ms laying them out again. So the
 * pacer also counts the layout we cause (in units of text re-laid out), waits for a frame between chunks when
 * the page is visible, times that frame, and scales the next chunk's share of layout to keep frames short.
 *
 * Before the page's first paint there is no frame to keep short (see `hasRendered`): the pass is paced by its time
 * budget alone, and what it wrapped is laid out with the rest of the page in the first frame.
 */

export interface PacerOptions {
  /** Longest stretch of our own script before yielding, in milliseconds. */
  budgetMs: number;
  /** Target for the rendering work one chunk causes, in milliseconds. */
  frameBudgetMs?: number;
}

/** Layout units per frame to start with (about a dozen paragraphs): small, as page CSS can make them dear; the frames measured then grow it. */
const INITIAL_UNITS = 6_000;
const MIN_UNITS = 2_000;
const MAX_UNITS = 2_000_000;
/** Least share of a frame given to what we wrapped, when the frame's fixed part alone is near or over its budget. */
const MIN_ROOM_MS = 8;
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
function nextFrame(doc: Document): Promise<number | undefined> {
  const view = doc.defaultView;
  if (view === null || doc.visibilityState === 'hidden') {
    return nextTask().then(() => undefined);
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: number | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      resolve(value);
    };
    const timeout = setTimeout(() => finish(undefined), FRAME_TIMEOUT_MS);
    view.requestAnimationFrame(() => {
      const renderingStarted = performance.now();
      setTimeout(() => finish(performance.now() - renderingStarted), 0);
    });
  });
}

export class Pacer {
  readonly #doc: Document;
  readonly #budgetMs: number;
  readonly #frameBudgetMs: number;
  #chunkStart = performance.now();
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

  constructor(doc: Document, options: PacerOptions) {
    this.#doc = doc;
    this.#budgetMs = options.budgetMs;
    this.#frameBudgetMs = options.frameBudgetMs ?? 25;
    this.#rendered = hasRendered(doc);
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
   * Ends the chunk. Once the layout caused since the last frame reaches the frame's share, or no frame has come for
   * a while, waits for the page to render, so that rendering is not piled onto the next; otherwise, and before the
   * page's first paint, only lets the page's other tasks run.
   */
  async yield(): Promise<void> {
    this.#closeChunk();
    const units = this.#units;
    this.#rendered ||= hasRendered(this.#doc);
    if (!this.#rendered) {
      // The first frame lays out the whole page, what we wrapped so far included: nothing to spread over frames.
      this.#units = 0;
      await nextTask();
    } else if (units >= this.#unitBudget || performance.now() - this.#frameAt > MAX_FRAME_GAP_MS) {
      this.frames++;
      const renderMs = await nextFrame(this.#doc);
      this.#frameAt = performance.now();
      if (renderMs !== undefined && units >= this.#unitBudget) {
        // Rendering cost grows with the text re-laid out, on top of a part that does not: a container of 20,000
        // paragraphs takes 30 ms to lay out again however few of them changed. Scaling the whole cost shrank the
        // chunks to nothing there (1,800 frames, 90 s), so only the growing part is scaled, into the room left.
        this.#recentRenderMs.push(renderMs);
        if (this.#recentRenderMs.length > RECENT_FRAMES) this.#recentRenderMs.shift();
        // One frame cannot tell the two parts apart: take it all as growing, as a dear first frame may well be.
        const base = this.#recentRenderMs.length < 2 ? 0 : Math.min(...this.#recentRenderMs);
        const room = Math.max(MIN_ROOM_MS, this.#frameBudgetMs - base);
        const scale = Math.min(2, Math.max(0.25, room / Math.max(1, renderMs - base)));
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
  }

  #closeChunk(): void {
    const chunkMs = performance.now() - this.#chunkStart;
    this.longestChunkMs = Math.max(this.longestChunkMs, chunkMs);
    this.busyMs += chunkMs;
  }
}
