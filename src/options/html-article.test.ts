import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../corpus/compile';
import { articleTextOf } from './html-article';

const fixture = readFileSync(
  resolve(import.meta.dirname, '../../test/fixtures/documents/harbour-article.html'),
  'utf8',
);

describe('articleTextOf', () => {
  it('gives the article, one paragraph a line, without the menus, search box, sidebar or footer', () => {
    const text = articleTextOf(fixture) ?? '';
    expect(text).toMatch(/^“We have kept the crossing going through two hard winters, .*Saltmarsh Ferry Company\.$/m);
    expect(text).not.toMatch(/Most read|Sport|Search the Gazette|All rights reserved/);
  });

  it('opens with the date, publisher, address and title as the compiler reads them', () => {
    const lines = (articleTextOf(fixture) ?? '').split('\n\n');
    expect(lines.slice(0, 3)).toEqual([
      'date 2024-04-02 Northport Gazette',
      'url: https://gazette.example/news/ferry-cut',
      'Ferry service to Saltmarsh Island cut to three days a week',
    ]);
  });

  it('runs none of the page’s scripts', () => {
    expect(articleTextOf(fixture)).not.toMatch(/changed by a script/);
  });

  it('gives a compiled document its date, publisher and statements', () => {
    const pack = compilePack([{ name: 'ferry.html', text: articleTextOf(fixture) ?? '' }]);
    expect(pack.documents[0]).toMatchObject({
      title: 'Ferry service to Saltmarsh Island cut to three days a week',
      publisher: 'Northport Gazette',
      date: '2024-04-02',
      url: 'https://gazette.example/news/ferry-cut',
    });
    const speakers = pack.statements.map((s) => pack.entities.find((e) => e.id === s.speakerId)?.name);
    expect(speakers).toEqual(expect.arrayContaining(['Rowena Pike', 'Tobias Quill']));
  });

  it('gives nothing for a page with no text', () => {
    expect(articleTextOf('<!doctype html><html><head><title>x</title></head><body><nav></nav></body></html>')).toBe(
      undefined,
    );
  });
});
