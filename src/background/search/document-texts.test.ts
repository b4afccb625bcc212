// The documents' texts, stored apart from the search index and read in parts as searches need them.
import { describe, expect, it } from 'vitest';
import { documentTextParts, DocumentTexts, documentTextsColumn } from './document-texts';

const short = (n: number): string => `Document ${n}. ${'x'.repeat(10_000)}`;
const texts = [short(0), short(1), short(2), short(3), 'L'.repeat(100_000), short(5), ''];

describe('documentTextParts', () => {
  const { column, parts } = documentTextParts(texts);

  it('cuts the texts into parts of whole documents, a long one a part of its own', () => {
    expect([...column.partRows]).toEqual([0, 3, 4, 5, 7]);
    expect(parts).toEqual([texts.slice(0, 3).join(''), texts[3], texts[4], texts.slice(5).join('')]);
    expect(documentTextsColumn.safeParse(structuredClone(column)).success).toBe(true);
  });

  it('has no parts for no documents', () => {
    const none = documentTextParts([]);
    expect(none.parts).toEqual([]);
    expect(new DocumentTexts(none.column).slice(0)).toBeUndefined();
  });
});

describe('DocumentTexts', () => {
  const { column, parts } = documentTextParts(texts);

  it('gives every text and passage once all parts are read', () => {
    const all = new DocumentTexts(column, parts);
    texts.forEach((text, row) => expect(all.slice(row)).toBe(text));
    expect(all.slice(5, 0, 10)).toBe('Document 5');
    expect(all.takeWanted()).toEqual([]);
    expect(all.allParts()).toEqual(parts);
  });

  it('notes the parts a reader asked for and gives their texts once they are filled in', () => {
    const lazy = new DocumentTexts(column);
    expect(lazy.slice(1)).toBeUndefined();
    expect(lazy.slice(2)).toBeUndefined();
    expect(lazy.slice(5)).toBeUndefined();
    expect(lazy.takeWanted()).toEqual([0, 3]);
    expect(lazy.takeWanted()).toEqual([]);
    lazy.fill(0, parts[0]);
    expect(lazy.slice(2)).toBe(texts[2]);
    expect(lazy.allParts()).toBeUndefined();
  });

  it('marks a part missing when it cannot be read or has another length, and asks for it no more', () => {
    const lazy = new DocumentTexts(column);
    lazy.slice(0);
    lazy.slice(4);
    lazy.fill(0, undefined);
    lazy.fill(2, `${parts[2]}extra`);
    expect(lazy.slice(0)).toBeUndefined();
    expect(lazy.slice(4)).toBeUndefined();
    expect(lazy.takeWanted()).toEqual([]);
    // A later reading does not bring back a part marked missing: its records stay out.
    lazy.fill(0, parts[0]);
    expect(lazy.slice(0)).toBeUndefined();
  });

  it('gives nothing for a row out of range', () => {
    const all = new DocumentTexts(column, parts);
    expect(all.slice(-1)).toBeUndefined();
    expect(all.slice(texts.length)).toBeUndefined();
    expect(all.takeWanted()).toEqual([]);
  });
});
