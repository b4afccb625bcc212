import { describe, expect, it } from 'vitest';
import { packParts, PackUploads } from './pack-parts';

describe('a pack sent in parts', () => {
  it('cuts the text into parts that join back to it', () => {
    expect(packParts('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(packParts('abcdef', 3)).toEqual(['abc', 'def']);
    expect(packParts('', 3)).toEqual(['']);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const text = 'ab😀cd😀';
    const parts = packParts(text, 3);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(parts).toEqual(['ab', '😀c', 'd😀']);
  });

  it('is joined again in the background, once', () => {
    const uploads = new PackUploads(100);
    uploads.receive('u1', 0, 'abc');
    uploads.receive('u1', 1, 'def');
    expect(uploads.take('u1', 2)).toBe('abcdef');
    expect(() => uploads.take('u1', 2)).toThrow('The pack arrived incomplete (0 of 2 parts); import it again.');
  });

  it('refuses parts out of order, a missing part, and a pack over the cap', () => {
    const uploads = new PackUploads(5);
    expect(() => uploads.receive('u1', 1, 'a')).toThrow('Part 2 of the pack arrived out of order; import it again.');
    uploads.receive('u2', 0, 'abc');
    expect(() => uploads.take('u2', 2)).toThrow('The pack arrived incomplete (1 of 2 parts); import it again.');
    uploads.receive('u3', 0, 'abc');
    expect(() => uploads.receive('u3', 1, 'def')).toThrow('The pack is larger than 5 characters.');
    expect(() => uploads.take('u3', 2)).toThrow('incomplete (0 of 2 parts)');
  });

  it('keeps one upload at a time: a new one drops a stale one', () => {
    const uploads = new PackUploads(100);
    uploads.receive('old', 0, 'abc');
    uploads.receive('new', 0, 'xyz');
    expect(() => uploads.take('old', 1)).toThrow('incomplete');
    expect(uploads.take('new', 1)).toBe('xyz');
  });
});
