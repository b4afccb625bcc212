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
    const first = focusAdjacentHighlight(document.body, 'next');
    expect(first?.textContent).toBe('Maryam');
    expect(first?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(first);
    expect(focusAdjacentHighlight(document.body, 'next')?.textContent).toBe('Iran');
    expect(focusAdjacentHighlight(document.body, 'previous')?.textContent).toBe('Maryam');
  });

  it('wraps round from the last mark to the first, and back', async () => {
    await highlightedParagraph();
    expect(focusAdjacentHighlight(document.body, 'previous')?.textContent).toBe('Iran');
    expect(focusAdjacentHighlight(document.body, 'next')?.textContent).toBe('Maryam');
  });

  it('focuses nothing on a page without highlights', () => {
    document.body.append('Nothing here');
    expect(focusAdjacentHighlight(document.body, 'next')).toBeUndefined();
    expect(document.activeElement).toBe(document.body);
  });
});
