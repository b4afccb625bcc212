// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { piecesBetween, readTextRun, stillHolds } from './text-range';

/** A paragraph holding one text node per part, read as a run. */
function runOf(...parts: string[]) {
  const p = document.createElement('p');
  const nodes = parts.map((part) => document.createTextNode(part));
  p.append(...nodes);
  return { run: readTextRun(nodes), nodes };
}

describe('readTextRun', () => {
  it('joins the nodes’ text and places each node in it', () => {
    const { run, nodes } = runOf('Said ', 'Maryam', ' Rajavi');
    expect(run.text).toBe('Said Maryam Rajavi');
    expect(run.spans).toEqual([
      { node: nodes[0], start: 0, end: 5, text: 'Said ' },
      { node: nodes[1], start: 5, end: 11, text: 'Maryam' },
      { node: nodes[2], start: 11, end: 18, text: ' Rajavi' },
    ]);
  });
});

describe('piecesBetween', () => {
  it('keeps a range inside one node whole', () => {
    const { run } = runOf('Said ', 'Maryam Rajavi', ' today');
    expect(piecesBetween(run, 5, 18)).toEqual([{ start: 5, end: 18, node: 1 }]);
  });

  it('cuts a range at the edges of the nodes it crosses', () => {
    const { run } = runOf('Said Mar', 'yam Raj', 'avi today');
    expect(piecesBetween(run, 5, 18)).toEqual([
      { start: 5, end: 8, node: 0 },
      { start: 8, end: 15, node: 1 },
      { start: 15, end: 18, node: 2 },
    ]);
  });

  it('leaves out the whitespace at either end of a piece, and a piece that is only whitespace', () => {
    const { run } = runOf('Maryam ', ' ', ' Rajavi');
    expect(piecesBetween(run, 0, 15)).toEqual([
      { start: 0, end: 6, node: 0 },
      { start: 9, end: 15, node: 2 },
    ]);
  });

  it('finds the node of a range that starts where a node starts, or in the last node', () => {
    const { run } = runOf('Iran', ' and ', 'Iran');
    expect(piecesBetween(run, 4, 9)).toEqual([{ start: 5, end: 8, node: 1 }]);
    expect(piecesBetween(run, 9, 13)).toEqual([{ start: 9, end: 13, node: 2 }]);
  });
});

describe('stillHolds', () => {
  it('holds while the nodes are in the page with the text read', () => {
    const { run } = runOf('Said ', 'Maryam Rajavi');
    expect(stillHolds(run, 0, 1, 18)).toBe(true);
  });

  it('holds when the last node lost only text after the end it needs, as wrapping a later piece does', () => {
    const { run, nodes } = runOf('Said ', 'Maryam Rajavi today');
    nodes[1]?.splitText(13);
    expect(stillHolds(run, 0, 1, 18)).toBe(true);
    expect(stillHolds(run, 0, 1, 19)).toBe(false);
  });

  it('fails when the page rewrote a node or took it out', () => {
    const rewritten = runOf('Said ', 'Maryam Rajavi');
    if (rewritten.nodes[0]) rewritten.nodes[0].data = 'Told ';
    expect(stillHolds(rewritten.run, 0, 1, 18)).toBe(false);
    const removed = runOf('Said ', 'Maryam Rajavi');
    removed.nodes[1]?.remove();
    expect(stillHolds(removed.run, 0, 1, 18)).toBe(false);
  });

  it('fails when an earlier node of the batch lost any of its text', () => {
    const { run, nodes } = runOf('Said Maryam', ' Rajavi');
    nodes[0]?.splitText(5);
    expect(stillHolds(run, 0, 1, 18)).toBe(false);
  });
});
