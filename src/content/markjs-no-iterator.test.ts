// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { markerOver } from './markjs-adapter';
import NoDomIterator from './markjs-no-iterator';

// As the content script's build does (vite.config.ts): mark.js gets a DOMIterator that throws if it is ever made.
vi.mock('mark.js/src/lib/domiterator', () => import('./markjs-no-iterator'));

describe("mark.js without its DOMIterator, as the content script's build ships it", () => {
  it('wraps ranges of the text nodes the adapter hands it', () => {
    const p = document.createElement('p');
    const texts = ['Said ', 'Maryam Rajavi', ' in Iran'].map((text) => document.createTextNode(text));
    p.append(...texts);
    document.body.replaceChildren(p);
    const each = vi.fn();
    markerOver(texts).markRanges([{ start: 5, length: 13 }], { element: 'mark', className: 'sourcelight', each });
    expect(Array.from(p.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual(['Maryam Rajavi']);
    expect(each).toHaveBeenCalledOnce();
    expect(p.textContent).toBe('Said Maryam Rajavi in Iran');
  });

  it('fails loudly if mark.js ever walks the page itself', () => {
    expect(() => NoDomIterator.matches()).toThrow(/page walk/);
  });
});
