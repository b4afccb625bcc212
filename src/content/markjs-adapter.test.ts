// @vitest-environment happy-dom
import Mark from 'mark.js';
// @ts-expect-error -- mark.js ships types for its UMD wrapper only; the adapter patches the class that wrapper hides.
import MarkSource from 'mark.js/src/lib/mark.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markerOver } from './markjs-adapter';

/** A paragraph of three text nodes: "Said ", "Maryam Rajavi" and " in Iran". */
function paragraph(): { p: HTMLParagraphElement; texts: Text[] } {
  const p = document.createElement('p');
  const texts = ['Said ', 'Maryam Rajavi', ' in Iran'].map((text) => document.createTextNode(text));
  p.append(...texts);
  document.body.replaceChildren(p);
  return { p, texts };
}

function markedTexts(): (string | null)[] {
  return Array.from(document.querySelectorAll('mark'), (mark) => mark.textContent);
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('the mark.js internals the adapter relies on', () => {
  it('are a getter named `iterator` on the class mark.js hides behind its wrapper', () => {
    const prototype = (MarkSource as { prototype: object }).prototype;
    expect(typeof Object.getOwnPropertyDescriptor(prototype, 'iterator')?.get).toBe('function');
  });

  it('make mark.js create a NodeIterator when left unpatched, so the spy below can see one', () => {
    const { p } = paragraph();
    const created = vi.spyOn(document, 'createNodeIterator');
    new Mark(p).markRanges([{ start: 5, length: 13 }]);
    expect(markedTexts()).toEqual(['Maryam Rajavi']);
    expect(created).toHaveBeenCalled();
  });
});

describe('markerOver', () => {
  it('wraps ranges without creating a NodeIterator', () => {
    const { texts } = paragraph();
    const created = vi.spyOn(document, 'createNodeIterator');
    markerOver(texts).markRanges([{ start: 5, length: 13 }], { element: 'mark' });
    expect(markedTexts()).toEqual(['Maryam Rajavi']);
    expect(created).not.toHaveBeenCalled();
  });

  it('counts range offsets in the text of the nodes it was given, not of their parent', () => {
    const { texts } = paragraph();
    markerOver(texts.slice(1)).markRanges(
      [
        { start: 0, length: 6 },
        { start: 17, length: 4 },
      ],
      { element: 'mark' },
    );
    expect(markedTexts()).toEqual(['Maryam', 'Iran']);
  });

  it('wraps no further than the nodes it was given', () => {
    const { texts } = paragraph();
    markerOver(texts.slice(0, 1)).markRanges([{ start: 0, length: 18 }], { element: 'mark' });
    expect(markedTexts()).toEqual(['Said ']);
    expect(texts[1]?.parentElement?.tagName).toBe('P');
  });
});
