// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/pack';
import { buildDictionary } from '../corpus/dictionary-build';
import { highlight, HIGHLIGHT_SELECTOR, removeHighlights, type HighlightResult } from './highlighter';
import { openMatcher } from './matcher';
import { everythingNear, type NearbyWatch } from './nearby';
import { highlightAndObserve, observeAddedContent } from './observer';
import { hasRendered } from './rendering';

const entities: Entity[] = [
  { id: 'maryam', kind: 'person', name: 'Maryam Rajavi', aliases: [] },
  { id: 'massoud', kind: 'person', name: 'Massoud Rajavi', aliases: [] },
  { id: 'iran', kind: 'place', name: 'Iran', aliases: [] },
];
const matcher = openMatcher(buildDictionary(entities));

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

function marks(): string[] {
  return Array.from(
    document.querySelectorAll(HIGHLIGHT_SELECTOR),
    (mark) => `${mark.textContent}=${mark.getAttribute('data-sl-id')}`,
  );
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition; generous, since a busy machine slows happy-dom, and the checks after it are exact. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await wait(5);
  }
}

let controller: AbortController;
let passes: HighlightResult[];

beforeEach(() => {
  document.body.replaceChildren(paragraph('Massoud Rajavi founded it.'));
  controller = new AbortController();
  passes = [];
});

afterEach(() => controller.abort());

function observe(namedSoFar?: Set<string>, nearby: NearbyWatch = everythingNear): void {
  const signal = controller.signal;
  observeAddedContent(document.body, matcher, {
    signal,
    namedSoFar,
    debounceMs: 20,
    // A pass that ends after its test stopped it (a slow machine) belongs to that test, not to the next one.
    onHighlighted: (result) => {
      if (!signal.aborted) passes.push(result);
    },
    nearby,
  });
}

describe('observeAddedContent', () => {
  it('highlights added content only once it comes near the reader', async () => {
    let comesNear: (elements: Element[]) => void = () => undefined;
    const watched: Element[] = [];
    observe(undefined, (onNear) => {
      comesNear = onNear;
      return {
        watch: (elements) => watched.push(...elements),
        reported: () => Promise.resolve(),
        stop: () => undefined,
      };
    });
    const nearNow = paragraph('Maryam Rajavi spoke.');
    const farDown = paragraph('Maryam Rajavi spoke again in Iran.');
    document.body.append(nearNow, farDown);
    await until(() => watched.length === 2);
    comesNear([nearNow]);
    await until(() => passes.length === 1);
    expect(marks()).toEqual(['Maryam Rajavi=maryam']);
    // The reader scrolls down.
    comesNear([farDown]);
    await until(() => passes.length === 2);
    expect(marks()).toEqual(['Maryam Rajavi=maryam', 'Maryam Rajavi=maryam', 'Iran=iran']);
  });

  it('highlights an article added after load, like a single-page app', async () => {
    const namedSoFar = new Set<string>();
    await highlight(document.body, matcher, { namedSoFar });
    observe(namedSoFar);
    const article = document.createElement('article');
    article.append(paragraph('Rajavi spoke in Iran.'));
    document.body.append(article);
    await until(() => passes.length > 0);
    // The surname resolves from the full name the first pass saw.
    expect(marks()).toEqual(['Massoud Rajavi=massoud', 'Rajavi=massoud', 'Iran=iran']);
  });

  it('highlights what the page adds during the first pass, even behind it, once that pass is over', async () => {
    // A long page, and a script that adds a paragraph near its top while the first pass is further down.
    for (let i = 0; i < 400; i++) document.body.append(paragraph(`Report ${i} from Iran on Massoud Rajavi.`));
    let passOver = false;
    const firstPass = highlightAndObserve(document.body, matcher, {
      signal: controller.signal,
      debounceMs: 5,
      maxWaitMs: 10,
      onHighlighted: (result) => passes.push(result),
      nearby: everythingNear,
    }).then((result) => {
      passOver = true;
      return result;
    });
    await until(() => document.querySelector(`p:nth-child(50) ${HIGHLIGHT_SELECTOR}`) !== null);
    expect(passOver).toBe(false);
    const added = paragraph('Rajavi left Iran.');
    document.body.firstElementChild?.after(added);
    expect((await firstPass).matches).toBe(801);
    // Its own marks were never taken for added content, and what the page added waited for the pass.
    expect(passes).toEqual([]);
    await until(() => passes.length > 0);
    // The surname resolves from the full name the first pass saw.
    expect(
      Array.from(
        added.querySelectorAll(HIGHLIGHT_SELECTOR),
        (mark) => `${mark.textContent}=${mark.getAttribute('data-sl-id')}`,
      ),
    ).toEqual(['Rajavi=massoud', 'Iran=iran']);
    expect(passes).toEqual([expect.objectContaining({ matches: 2 })]);
    expect(document.querySelectorAll(`${HIGHLIGHT_SELECTOR} ${HIGHLIGHT_SELECTOR}`)).toHaveLength(0);
  });

  it('highlights text appended to an existing element', async () => {
    observe();
    document.body.firstElementChild?.append(document.createTextNode(' And Iran.'));
    await until(() => passes.length > 0);
    expect(marks()).toContain('Iran=iran');
  });

  it('gathers a burst of additions into one pass', async () => {
    observe();
    for (let i = 0; i < 5; i++) {
      document.body.append(paragraph(`Item ${i} on Iran.`));
      await wait(2);
    }
    await until(() => passes.length > 0);
    await wait(60);
    expect(passes).toHaveLength(1);
    expect(passes[0]?.matches).toBe(5);
  });

  it('ignores its own marks being added and removed', async () => {
    observe();
    await highlight(document.body, matcher);
    removeHighlights(document.body);
    await highlight(document.body, matcher);
    await wait(80);
    expect(passes).toEqual([]);
    expect(marks()).toEqual(['Massoud Rajavi=massoud']);
  });

  it('ignores the extension’s own interface', async () => {
    observe();
    const card = document.createElement('sourcelight-card');
    card.textContent = 'Iran';
    document.body.append(card);
    await until(() => passes.length > 0);
    expect(marks()).toEqual([]);
  });

  it('highlights each added root once, also when one was added inside another in the same burst', async () => {
    observe();
    const section = document.createElement('section');
    const inner = document.createElement('div');
    inner.append(paragraph('Maryam Rajavi went to Iran.'));
    section.append(inner);
    document.body.append(section);
    // Added after its ancestor, in the same task: two records, one of them inside the other.
    inner.append(paragraph('Iran again.'));
    section.append(document.createTextNode(' Iran at the end.'));
    await until(() => passes.length > 0);
    await wait(60);
    expect(passes).toEqual([expect.objectContaining({ matches: 4 })]);
    expect(marks()).toEqual(['Maryam Rajavi=maryam', 'Iran=iran', 'Iran=iran', 'Iran=iran']);
    expect(document.querySelectorAll(`${HIGHLIGHT_SELECTOR} ${HIGHLIGHT_SELECTOR}`)).toHaveLength(0);
  });

  it('leaves out what the page added and took away again before the pass', async () => {
    observe();
    const gone = paragraph('Iran, briefly.');
    document.body.append(gone, paragraph('Iran to stay.'));
    gone.remove();
    await until(() => passes.length > 0);
    expect(passes).toEqual([expect.objectContaining({ matches: 1 })]);
    expect(gone.querySelector(HIGHLIGHT_SELECTOR)).toBeNull();
  });

  it('highlights all of thousands of paragraphs appended one by one, in one pass, each once', async () => {
    // 20,000 are timed in Chromium by test/bench/observer.bench.ts; happy-dom re-registers an observer in time that
    // grows with the page, so fewer here.
    observe();
    const feed = document.createElement('section');
    document.body.append(feed);
    await until(() => passes.length > 0);
    passes = [];
    const added: HTMLParagraphElement[] = [];
    for (let i = 0; i < 2_000; i++) {
      const p = paragraph(`Update ${i} from Iran.`);
      added.push(p);
      feed.append(p);
    }
    await until(() => passes.length > 0, 60_000);
    expect(passes).toEqual([expect.objectContaining({ matches: 2_000, aborted: false })]);
    expect(added.filter((p) => p.querySelectorAll(HIGHLIGHT_SELECTOR).length !== 1)).toEqual([]);
  }, 90_000);

  it('highlights a thread nested 800 deep, added a level at a time, once', async () => {
    // Each reply is added inside the one before, in one task: 800 added roots, each inside all the earlier ones.
    observe();
    let parent: Element = document.body;
    for (let i = 0; i < 800; i++) {
      const reply = document.createElement('div');
      reply.append(`Reply ${i} on Iran.`);
      parent.append(reply);
      parent = reply;
    }
    // happy-dom's pass over 800 nested roots takes seconds on a busy machine; the wait is long, the check exact.
    await until(() => passes.length > 0, 20_000);
    expect(passes).toEqual([expect.objectContaining({ matches: 800, aborted: false })]);
    expect(marks()).toHaveLength(800);
    expect(document.querySelectorAll(`${HIGHLIGHT_SELECTOR} ${HIGHLIGHT_SELECTOR}`)).toHaveLength(0);
  }, 30_000);

  it('stops when aborted', async () => {
    observe();
    controller.abort();
    document.body.append(paragraph('Iran'));
    await wait(80);
    expect(passes).toEqual([]);
    expect(marks()).toEqual([]);
  });
});

describe('highlightAndObserve on a page longer than the reader sees', () => {
  it('wraps blocks far below the viewport only when they come near, and reads them after their names', async () => {
    // Only a page that has rendered has a viewport to be near.
    hasRendered(document);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const far = paragraph('Rajavi spoke in Iran.');
    document.body.append(far);
    /** Each watcher's callback while it is not stopped: the first pass's, then the observer's. */
    const watching = new Set<(elements: Element[]) => void>();
    const watched: Element[] = [];
    const read: Element[][] = [];
    const result = await highlightAndObserve(document.body, matcher, {
      signal: controller.signal,
      onHighlighted: (pass) => passes.push(pass),
      afterPass: async (roots) => void read.push([...roots]),
      // The first paragraph is near the reader; the one appended below it is not, until it is.
      nearby: (onNear) => {
        watching.add(onNear);
        return {
          watch: (elements) => {
            watched.push(...elements);
            onNear(elements.filter((element) => element !== far));
          },
          reported: () => Promise.resolve(),
          stop: () => watching.delete(onNear),
        };
      },
    });
    expect(result.deferred).toEqual([far]);
    expect(marks()).toEqual(['Massoud Rajavi=massoud']);
    await until(() => watched.filter((element) => element === far).length === 2);
    expect(far.childNodes).toHaveLength(1);

    for (const onNear of watching) onNear([far]);
    await until(() => passes.length === 1);
    // The surname links to the full name the first pass read above it.
    expect(marks()).toEqual(['Massoud Rajavi=massoud', 'Rajavi=massoud', 'Iran=iran']);
    expect(passes).toEqual([expect.objectContaining({ matches: 2 })]);
    expect(read).toEqual([[far]]);
  });
});
