// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/pack';
import { buildDictionary } from '../corpus/dictionary-build';
import {
  deferredMatches,
  highlight,
  HIGHLIGHT_SELECTOR,
  isDeferred,
  isOwnNode,
  linkOf,
  madeMarksUnder,
  removeHighlights,
  wrapDeferred,
  wrapDeferredAt,
} from './highlighter';
import { openMatcher } from './matcher';
import type { NearbyWatch } from './nearby';
import { hasRendered } from './rendering';

const entities: Entity[] = [
  { id: 'maryam', kind: 'person', name: 'Maryam Rajavi', aliases: [] },
  { id: 'massoud', kind: 'person', name: 'Massoud Rajavi', aliases: [] },
  { id: 'raisi', kind: 'person', name: 'Ebrahim Raisi', aliases: [] },
  { id: 'pmoi', kind: 'organisation', name: 'PMOI', aliases: ['MEK'] },
  { id: 'iran', kind: 'place', name: 'Iran', aliases: [] },
  { id: 'rights', kind: 'topic', name: 'human rights', aliases: [] },
];
const matcher = openMatcher(buildDictionary(entities));

/** Puts markup in the body without the innerHTML property. */
function setBody(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
  return document.body;
}

function serialise(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

function allNodes(root: Node): Node[] {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let node: Node | null = walker.currentNode; node !== null; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

/** Each mark as "text=id", in document order. */
function marks(root: ParentNode = document.body): string[] {
  return Array.from(
    root.querySelectorAll(HIGHLIGHT_SELECTOR),
    (mark) => `${mark.textContent}=${mark.getAttribute('data-sl-id')}`,
  );
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('highlight', () => {
  it('wraps a name in a mark that carries its entity id and kind', async () => {
    setBody('<p>Today Maryam Rajavi spoke.</p>');
    const result = await highlight(document.body, matcher);
    const mark = document.querySelector('mark.sourcelight[data-sl-id="maryam"]');
    expect(mark?.textContent).toBe('Maryam Rajavi');
    expect(mark?.getAttribute('data-sl-kind')).toBe('person');
    expect(mark?.hasAttribute('tabindex')).toBe(false);
    expect(result).toMatchObject({ matches: 1, aborted: false });
  });

  it('marks names beside possessives and punctuation without the punctuation', async () => {
    setBody("<p>Ebrahim Raisi's aides; Ebrahim Raisi? The (PMOI/MEK) and Iran, Iran.</p>");
    await highlight(document.body, matcher);
    expect(marks()).toEqual([
      'Ebrahim Raisi=raisi',
      'Ebrahim Raisi=raisi',
      'PMOI=pmoi',
      'MEK=pmoi',
      'Iran=iran',
      'Iran=iran',
    ]);
  });

  it('marks a name split across inline elements, one mark per element, without moving page nodes', async () => {
    setBody('<p>Said <b>Maryam</b> Rajavi and <b>Maryam</b> <i>Rajavi</i>.</p>');
    const bold = document.querySelector('b');
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Maryam=maryam', 'Rajavi=maryam', 'Maryam=maryam', 'Rajavi=maryam']);
    expect(bold?.firstElementChild?.matches(HIGHLIGHT_SELECTOR)).toBe(true);
    expect(document.querySelectorAll('mark[data-sl-continued]')).toHaveLength(2);
    // The space between the two elements is not wrapped: a highlighted space shows.
    expect(Array.from(document.querySelectorAll(HIGHLIGHT_SELECTOR), (mark) => mark.textContent?.trim())).not.toContain(
      '',
    );
  });

  it('matches a name broken over lines in the source but not across blocks or line breaks', async () => {
    setBody('<p>Maryam\n   Rajavi</p>');
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Maryam\n   Rajavi=maryam']);
    setBody('<p>Maryam</p><p>Rajavi and Iran<br>human rights</p><p>Massoud<br>Rajavi</p>');
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Iran=iran', 'human rights=rights']);
  });

  it('keeps a mark inside a link, so the click still reaches the link', async () => {
    setBody('<p><a href="#person">Maryam Rajavi</a> spoke</p>');
    const link = document.querySelector('a');
    let clicked: Event | undefined;
    link?.addEventListener('click', (event) => {
      clicked = event;
      event.preventDefault();
    });
    await highlight(document.body, matcher);
    const mark = link?.querySelector(HIGHLIGHT_SELECTOR);
    expect(mark?.parentElement).toBe(link);
    mark?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(clicked?.target).toBe(mark);
  });

  it('leaves form fields, editable areas, code, media and the extension UI alone', async () => {
    setBody(
      [
        '<textarea>Maryam Rajavi</textarea><input value="Maryam Rajavi"><select><option>Iran</option></select>',
        '<div contenteditable="true"><p>Maryam Rajavi</p></div><div contenteditable="false">Iran</div>',
        '<script>var s = "Maryam Rajavi";</script><style>.Iran{}</style><noscript>Iran</noscript>',
        '<template><p>Iran</p></template><svg><text>Iran</text></svg><math><mi>Iran</mi></math>',
        '<sourcelight-card>Maryam Rajavi</sourcelight-card><div data-sourcelight-ui><p>Iran</p></div>',
        '<p>   </p>',
      ].join(''),
    );
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Iran=iran']);
    expect(document.querySelector('[contenteditable="false"] mark')).not.toBeNull();
  });

  it('does nothing when the root itself is inside the extension UI', async () => {
    setBody('<div data-sourcelight-ui><p id="inner">Iran</p></div>');
    const inner = document.getElementById('inner');
    if (inner === null) throw new Error('fixture');
    await highlight(inner, matcher);
    expect(marks()).toEqual([]);
  });

  it('marks nothing twice when run again', async () => {
    setBody('<p>Maryam Rajavi of the PMOI on human rights in <b>Iran</b>.</p><p>Then Rajavi left.</p>');
    await highlight(document.body, matcher);
    const once = serialise(document.body);
    const again = await highlight(document.body, matcher);
    expect(again.matches).toBe(0);
    expect(serialise(document.body)).toBe(once);
  });

  it('resolves a surname from a full name in an earlier paragraph', async () => {
    setBody('<p>Massoud Rajavi founded it.</p><p>Rajavi vanished in 2003.</p>');
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Massoud Rajavi=massoud', 'Rajavi=massoud']);
  });

  describe('on a long page, with only what is near the reader wrapped', () => {
    /** Stands in for the viewport (happy-dom has no layout): the blocks in `near` are reported near, the others not. */
    function nearbyOf(near: readonly Element[]): { nearby: NearbyWatch; comeNear(blocks: Element[]): void } {
      let onNear: (elements: Element[]) => void = () => undefined;
      return {
        nearby: (callback) => {
          onNear = callback;
          return {
            watch: (elements) => callback(elements.filter((element) => near.includes(element))),
            reported: () => Promise.resolve(),
            stop: () => (onNear = () => undefined),
          };
        },
        comeNear: (blocks) => onNear(blocks),
      };
    }

    beforeEach(async () => {
      // Only a page that has rendered has a viewport to be near.
      hasRendered(document);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    afterEach(() => removeHighlights(document.body));

    it('wraps the blocks near the reader and leaves those far below matched but unwrapped until they come near', async () => {
      setBody('<p>Maryam Rajavi spoke.</p><p>Then Iran replied.</p><p>The PMOI answered.</p>');
      const [first, second, third] = Array.from(document.querySelectorAll('p'));
      const { nearby } = nearbyOf([first as Element]);
      const result = await highlight(document.body, matcher, { nearby });
      expect(marks()).toEqual(['Maryam Rajavi=maryam']);
      expect(result.deferred).toEqual([second, third]);
      expect(
        deferredMatches().map((match) => `${match.node.data.slice(match.offset)}=${match.piece.entityId}`),
      ).toEqual(['Iran replied.=iran', 'PMOI answered.=pmoi']);
      // The page's text is untouched where nothing is wrapped.
      expect(third?.childNodes).toHaveLength(1);

      await wrapDeferred([third as Element], {});
      expect(marks()).toEqual(['Maryam Rajavi=maryam', 'PMOI=pmoi']);
      expect(isDeferred(third as Element)).toBe(false);
      expect(isDeferred(second as Element)).toBe(true);
    });

    it('wraps the blocks reported near while it reads on, in the order they are reported', async () => {
      setBody('<p>Maryam Rajavi spoke.</p><p>Then Iran replied.</p><p>The PMOI answered.</p>');
      const paragraphs = Array.from(document.querySelectorAll('p'));
      const order: string[] = [];
      const unobserved = (change: () => void): void => {
        change();
        order.push(...marks().filter((mark) => !order.includes(mark)));
      };
      // The second paragraph is in view and reported first; the first lies in the screen above it.
      const reported = [paragraphs[1], paragraphs[0]] as Element[];
      const nearby: NearbyWatch = (onNear) => ({
        watch: () => undefined,
        reported: () => {
          onNear(reported);
          return Promise.resolve();
        },
        stop: () => undefined,
      });
      await highlight(document.body, matcher, { nearby, unobserved });
      expect(order).toEqual(['Iran=iran', 'Maryam Rajavi=maryam']);
    });

    it('still reads the page in its order: a surname far below links to the full name above it', async () => {
      setBody('<p>Massoud Rajavi founded it.</p><p>Rajavi vanished in 2003.</p>');
      const [first, second] = Array.from(document.querySelectorAll('p'));
      const { nearby } = nearbyOf([first as Element]);
      await highlight(document.body, matcher, { nearby });
      await wrapDeferred([second as Element], {});
      expect(marks()).toEqual(['Massoud Rajavi=massoud', 'Rajavi=massoud']);
    });

    it('wraps a far block at once when something needs its marks, and removal undoes it exactly', async () => {
      setBody('<p>Maryam Rajavi spoke.</p><p>Then <i>Iran</i> replied to the PMOI.</p>');
      const before = serialise(document.body);
      const [first, second] = Array.from(document.querySelectorAll('p'));
      const { nearby } = nearbyOf([first as Element]);
      await highlight(document.body, matcher, { nearby });
      const [iran] = deferredMatches();
      expect(wrapDeferredAt([iran?.node as Node])).toBe(true);
      expect(marks(second)).toEqual(['Iran=iran', 'PMOI=pmoi']);
      expect(iran?.piece.mark?.textContent).toBe('Iran');
      // Its matches are wrapped, but it waits to come near before anything reads it as a wrapped block.
      expect(deferredMatches()).toEqual([]);
      expect(isDeferred(second as Element)).toBe(true);
      removeHighlights(document.body);
      expect(serialise(document.body)).toBe(before);
    });

    it('wraps everything before the page has rendered: there is no viewport to be near yet', async () => {
      setBody('<p>Maryam Rajavi spoke.</p><p>Then Iran replied.</p>');
      const fresh = document.implementation.createHTMLDocument('');
      fresh.body.append(...Array.from(document.body.childNodes, (node) => fresh.importNode(node, true)));
      const { nearby } = nearbyOf([]);
      await highlight(fresh.body, matcher, { nearby });
      expect(marks(fresh.body)).toEqual(['Maryam Rajavi=maryam', 'Iran=iran']);
    });
  });

  it('stops at once when aborted', async () => {
    setBody('<p>Iran</p>'.repeat(50));
    const controller = new AbortController();
    controller.abort();
    const result = await highlight(document.body, matcher, { signal: controller.signal });
    expect(result.aborted).toBe(true);
    expect(marks()).toEqual([]);
  });

  it('finishes a long page in chunks, yielding between them', async () => {
    setBody('<p>Maryam Rajavi on human rights in Iran.</p>'.repeat(60));
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    const result = await highlight(document.body, matcher, { chunkBudgetMs: 0 });
    clearInterval(ticking);
    expect(result.matches).toBe(180);
    // With no budget the pass yields after every paragraph: the page's timer runs dozens of times, not once at the end
    // (a pacer that never yields gives 1).
    expect(ticks).toBeGreaterThanOrEqual(30);
  });

  it('wraps a paragraph with more names than mark.js is given at once, in order and without gaps', async () => {
    const sentence = 'Maryam Rajavi met <b>Maryam</b> Rajavi in Iran on human rights; ';
    setBody(`<p>${sentence.repeat(30)}</p>`);
    const result = await highlight(document.body, matcher, { chunkBudgetMs: 0 });
    expect(result.matches).toBe(120);
    expect(marks()).toEqual(
      Array.from({ length: 30 }, () => [
        'Maryam Rajavi=maryam',
        'Maryam=maryam',
        'Rajavi=maryam',
        'Iran=iran',
        'human rights=rights',
      ]).flat(),
    );
    expect(document.querySelectorAll('mark[data-sl-continued]')).toHaveLength(30);
  });

  it('yields inside one long paragraph between batches of its names', async () => {
    setBody(`<p>${'Iran and Maryam Rajavi. '.repeat(200)}</p>`);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    const result = await highlight(document.body, matcher, { chunkBudgetMs: 0 });
    clearInterval(ticking);
    expect(result.matches).toBe(400);
    expect(ticks).toBeGreaterThan(1);
  });

  it('leaves the rest of a paragraph alone when the page rewrites it while the pass yields', async () => {
    setBody(`<p>${'Iran and Maryam Rajavi. '.repeat(50)}</p>`);
    const paragraph = document.querySelector('p');
    const head = paragraph?.firstChild;
    if (!(head instanceof Text) || paragraph === null) throw new Error('fixture');
    // The first batch wraps the paragraph's last names; the page then rewrites the text before them.
    const observer = new MutationObserver(() => {
      observer.disconnect();
      head.data = 'Rewritten by the page: Iran';
    });
    observer.observe(paragraph, { childList: true });
    const result = await highlight(document.body, matcher, { chunkBudgetMs: 0 });
    expect(result.matches).toBeLessThan(100);
    expect(result.matches).toBeGreaterThan(0);
    expect(head.data).toBe('Rewritten by the page: Iran');
    expect(head.nextSibling).toBeInstanceOf(HTMLElement);
    expect(marks()).toHaveLength(result.matches);
  });

  it('treats contenteditable="false" in any case as not editable, and an empty value as editable', async () => {
    setBody(
      '<div contenteditable="FALSE">Iran</div><div contenteditable="">Iran</div><div contenteditable="plaintext-only">Iran</div>',
    );
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Iran=iran']);
    expect(document.querySelector('[contenteditable="FALSE"] mark')).not.toBeNull();
  });

  it('knows its own marks and split text from page nodes', async () => {
    setBody('<p>Hello Iran today</p>');
    const pageText = document.querySelector('p')?.firstChild;
    await highlight(document.body, matcher);
    const mark = document.querySelector(HIGHLIGHT_SELECTOR);
    expect(mark !== null && isOwnNode(mark)).toBe(true);
    expect(mark?.nextSibling !== null && mark?.nextSibling !== undefined && isOwnNode(mark.nextSibling)).toBe(true);
    expect(pageText !== null && pageText !== undefined && isOwnNode(pageText)).toBe(false);
  });
});

describe('removeHighlights', () => {
  const page = [
    '<h1>Maryam Rajavi and Iran</h1>',
    '<p class="lead">Said <b>Maryam</b> Rajavi of the <a href="/pmoi">PMOI/MEK</a>: “human rights in Iran.”</p>',
    '<ul><li>Ebrahim Raisi’s</li><li>Iran, Iran. Iran?</li></ul>',
    '<p>Nothing here.</p><textarea>Iran</textarea>',
  ].join('');

  it('restores the same nodes with the same text and markup', async () => {
    setBody(page);
    const before = serialise(document.body);
    const nodesBefore = allNodes(document.body);
    const textBefore = document.body.textContent;
    await highlight(document.body, matcher);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR).length).toBeGreaterThan(8);
    expect(document.body.textContent).toBe(textBefore);
    removeHighlights(document.body);
    expect(serialise(document.body)).toBe(before);
    expect(document.body.textContent).toBe(textBefore);
    const nodesAfter = allNodes(document.body);
    expect(nodesAfter).toHaveLength(nodesBefore.length);
    nodesAfter.forEach((node, index) => expect(node).toBe(nodesBefore[index]));
  });

  it('keeps apart text nodes that the page kept apart', async () => {
    setBody('<p></p>');
    const paragraph = document.querySelector('p');
    const parts = ['Iran', ' and ', 'Maryam Rajavi', ' said'].map((text) => document.createTextNode(text));
    paragraph?.append(...parts);
    await highlight(document.body, matcher);
    expect(marks()).toEqual(['Iran=iran', 'Maryam Rajavi=maryam']);
    removeHighlights(document.body);
    expect(Array.from(paragraph?.childNodes ?? [])).toEqual(parts);
    expect(parts.map((part) => part.data)).toEqual(['Iran', ' and ', 'Maryam Rajavi', ' said']);
  });

  it('restores a long paragraph wrapped in several batches to its own nodes', async () => {
    setBody(`<p>Said ${'<b>Maryam</b> Rajavi of the PMOI in Iran, '.repeat(20)}and more.</p>`);
    const before = serialise(document.body);
    const nodesBefore = allNodes(document.body);
    await highlight(document.body, matcher, { chunkBudgetMs: 0 });
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(80);
    removeHighlights(document.body);
    expect(serialise(document.body)).toBe(before);
    allNodes(document.body).forEach((node, index) => expect(node).toBe(nodesBefore[index]));
  });

  it('can highlight again after removal and remove again', async () => {
    setBody(page);
    const before = serialise(document.body);
    for (let round = 0; round < 3; round++) {
      await highlight(document.body, matcher);
      removeHighlights(document.body);
    }
    expect(serialise(document.body)).toBe(before);
  });

  it('leaves a page without marks untouched', () => {
    setBody(page);
    const before = serialise(document.body);
    removeHighlights(document.body);
    expect(serialise(document.body)).toBe(before);
  });

  it('never unwraps, counts or links a mark the page made to look like its own', async () => {
    setBody(
      '<p>Maryam Rajavi spoke.</p><p id="forged"><mark class="sourcelight" data-sl-id="maryam">forged</mark></p>',
    );
    await highlight(document.body, matcher);
    const forged = document.querySelector('#forged mark');
    const real = document.querySelector('p:first-child mark');
    expect(forged && linkOf(forged)).toBeUndefined();
    expect(real && linkOf(real)).toEqual({ entityId: 'maryam', reason: { rule: 'full-name' } });
    expect(madeMarksUnder(document, HIGHLIGHT_SELECTOR)).toEqual([real]);
    removeHighlights(document.body);
    expect(document.querySelector('#forged mark')?.textContent).toBe('forged');
    expect(document.querySelector('p:first-child mark')).toBeNull();
  });
});
