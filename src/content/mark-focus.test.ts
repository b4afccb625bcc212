// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDictionary } from '../corpus/dictionary-build';
import { highlight } from './highlighter';
import { focusAdjacentHighlight } from './mark-focus';
import { openMatcher } from './matcher';

const matcher = openMatcher(
  buildDictionary([
    { id: 'maryam', kind: 'person', name: 'Maryam Rajavi', aliases: [] },
    { id: 'iran', kind: 'place', name: 'Iran', aliases: [] },
  ]),
);

/** A paragraph holding "Maryam" in bold, then " Rajavi and Iran", highlighted. */
async function highlightedParagraph(): Promise<void> {
  const bold = document.createElement('b');
  bold.append('Maryam');
  const paragraph = document.createElement('p');
  paragraph.append(bold, ' Rajavi and Iran');
  document.body.replaceChildren(paragraph);
  await highlight(document.body, matcher);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('focusAdjacentHighlight', () => {
  it('makes only the first mark of a split name reachable by the highlight shortcut', async () => {
    await highlightedParagraph();
    const first = focusAdjacentHighlight(document.body, 'next')?.node as HTMLElement | undefined;
    expect(first?.textContent).toBe('Maryam');
    expect(first?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(first);
    expect(focusAdjacentHighlight(document.body, 'next')?.node.textContent).toBe('Iran');
    expect(focusAdjacentHighlight(document.body, 'previous')?.node.textContent).toBe('Maryam');
  });

  it('wraps round from the last mark to the first, and back', async () => {
    await highlightedParagraph();
    expect(focusAdjacentHighlight(document.body, 'previous')?.node.textContent).toBe('Iran');
    expect(focusAdjacentHighlight(document.body, 'next')?.node.textContent).toBe('Maryam');
  });

  it('takes the reader’s own highlights, which are no elements of the page, in page order with the marks', async () => {
    await highlightedParagraph();
    const tail = document.createElement('p');
    tail.append('Amara Okafor and Efe Dara');
    const head = document.createElement('p');
    head.append('Petra Lindqvist');
    document.body.prepend(head);
    document.body.append(tail);
    // Stops drawn elsewhere (the overlay), at places in the page's text; two of them in one text node.
    let current: { node: Node; offset: number } | undefined;
    const stop = (node: Node, offset: number, words: string) => {
      const position = { node, offset };
      return { ...position, words, focus: () => (current = position) };
    };
    const own = [
      stop(tail.firstChild as Text, 17, 'Efe Dara'),
      stop(tail.firstChild as Text, 0, 'Amara Okafor'),
      stop(head.firstChild as Text, 0, 'Petra Lindqvist'),
    ];
    const move = (direction: 'next' | 'previous') => {
      const reached = focusAdjacentHighlight(document.body, direction, { stops: own, current });
      const drawn = own.find((candidate) => candidate.node === reached?.node && candidate.offset === reached.offset);
      if (!drawn) current = undefined;
      return drawn ? drawn.words : reached?.node.textContent;
    };
    expect(move('next')).toBe('Petra Lindqvist');
    expect(move('next')).toBe('Maryam');
    expect(move('next')).toBe('Iran');
    expect(move('next')).toBe('Amara Okafor');
    expect(move('next')).toBe('Efe Dara');
    expect(move('next')).toBe('Petra Lindqvist');
    expect(move('previous')).toBe('Efe Dara');
    expect(move('previous')).toBe('Amara Okafor');
    expect(move('previous')).toBe('Iran');
  });

  it('focuses nothing on a page without highlights', () => {
    document.body.append('Nothing here');
    expect(focusAdjacentHighlight(document.body, 'next')).toBeUndefined();
    expect(document.activeElement).toBe(document.body);
  });
});
