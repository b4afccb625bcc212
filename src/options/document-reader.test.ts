import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from './document-reader';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/documents', name)));

describe('readDocument', () => {
  it('reads a .txt file as it is', () => {
    expect(readDocument('a.txt', bytes('**Not** Markdown.'))).toEqual({ name: 'a.txt', text: '**Not** Markdown.' });
  });

  it('reads a .md file without its Markdown syntax, header first', () => {
    const { text } = readDocument('lifeboat-notes.md', fixture('lifeboat-notes.md'));
    expect(text.split('\n\n').slice(0, 2)).toEqual([
      'date 2024-05-20 Northport Lifeboat Trust',
      'Lifeboat station to open a second boathouse',
    ]);
    expect(text).toMatch(/^“Two boats on two shores .* said Amos Fennick, coxswain of the Northport lifeboat\.$/m);
    expect(text).not.toMatch(/[*#>[\]`]/);
  });

  it('reads a .html file as its article', () => {
    expect(readDocument('ferry.HTML', fixture('harbour-article.html')).text).toMatch(
      /^date 2024-04-02 Northport Gazette\n\nurl: https:\/\/gazette\.example\/news\/ferry-cut\n\nFerry service/,
    );
  });

  it('refuses, by name, a page with no article and a Markdown file with no words', () => {
    expect(() => readDocument('empty.html', bytes('<html><body><nav></nav></body></html>'))).toThrow(
      '“empty.html”: no article text found in the page',
    );
    expect(() => readDocument('rule.md', bytes('***\n\n---\n'))).toThrow('“rule.md”: no text once Markdown is removed');
  });

  it('refuses a binary file whatever its name says', () => {
    expect(() => readDocument('image.html', new Uint8Array([0x89, 0x50, 0, 1]))).toThrow(/“image\.html”: binary file/);
  });
});
