// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { comparePositions, PageOrder, type PagePosition } from './page-position';

beforeEach(() => document.body.replaceChildren());

/** Two paragraphs' text nodes, "Amara Okafor and Efe Dara" and "Petra Lindqvist", and a bold word between them. */
function page(): { first: Text; bold: HTMLElement; second: Text } {
  const one = document.createElement('p');
  one.append('Amara Okafor and Efe Dara');
  const bold = document.createElement('b');
  bold.append('then');
  const two = document.createElement('p');
  two.append('Petra Lindqvist');
  document.body.append(one, bold, two);
  return { first: one.firstChild as Text, bold, second: two.firstChild as Text };
}

describe('places in the page', () => {
  it('orders places by the page, and within one text node by offset; an element before what it holds', () => {
    const { first, bold, second } = page();
    expect(comparePositions({ node: first, offset: 0 }, { node: first, offset: 17 })).toBeLessThan(0);
    expect(comparePositions({ node: second, offset: 0 }, { node: first, offset: 17 })).toBeGreaterThan(0);
    expect(comparePositions({ node: bold, offset: 0 }, { node: bold.firstChild as Text, offset: 0 })).toBeLessThan(0);
  });

  it('keeps items in page order however they are added, and finds where a place falls among them', () => {
    const { first, bold, second } = page();
    const order = new PageOrder((item: PagePosition & { name: string }) => item);
    const at = (node: Node, offset: number, name: string) => ({ node, offset, name });
    order.add(at(first, 17, 'Efe Dara'));
    order.add(at(second, 0, 'Petra Lindqvist'));
    order.add(at(first, 0, 'Amara Okafor'));
    expect(order.items.map((item) => item.name)).toEqual(['Amara Okafor', 'Efe Dara', 'Petra Lindqvist']);
    expect(order.indexAt({ node: first, offset: 5 })).toBe(1);
    expect(order.indexAt({ node: bold, offset: 0 })).toBe(2);
    expect(order.indexAt({ node: second, offset: 3 })).toBe(3);
    order.remove((item) => item.name === 'Efe Dara');
    expect(order.items.map((item) => item.name)).toEqual(['Amara Okafor', 'Petra Lindqvist']);
  });
});
