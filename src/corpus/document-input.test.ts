import { describe, expect, it } from 'vitest';
import { decodeDocument, DocumentInputError, MAX_DOCUMENT_BYTES } from './document-input';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeDocument', () => {
  it('decodes UTF-8 text, accents and curly quotes included', () => {
    expect(decodeDocument('a.txt', 'a.txt', bytes('Vis-à-vis “quoted”'))).toEqual({
      name: 'a.txt',
      text: 'Vis-à-vis “quoted”',
    });
  });

  it('refuses binary, invalid UTF-8, empty and oversized files, naming the file', () => {
    expect(() => decodeDocument('x.txt', 'x.txt', new Uint8Array([72, 0, 73]))).toThrow(/x\.txt: binary file/);
    expect(() => decodeDocument('x.txt', 'x.txt', new Uint8Array([0xff, 0xfe, 0x41]))).toThrow(
      /x\.txt: not valid UTF-8/,
    );
    expect(() => decodeDocument('x.txt', 'x.txt', bytes(' \n\t'))).toThrow(/x\.txt: file is empty/);
    expect(() => decodeDocument('x.txt', 'x.txt', new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(65))).toThrow(
      DocumentInputError,
    );
  });
});
