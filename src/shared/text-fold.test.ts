import { describe, expect, it } from 'vitest';
import { compactFold, foldText, foldedWords } from './text-fold';

describe('foldText', () => {
  it('drops case and diacritics', () => {
    expect(foldText('Ḥusayn Āli ÉCOLE').folded).toBe('husayn ali ecole');
  });

  it('maps every folded character back to its source offset', () => {
    const source = 'Zé Ñoño';
    const { folded, origin } = foldText(source);
    expect(folded).toBe('ze nono');
    expect(origin).toHaveLength(folded.length + 1);
    expect(source.slice(origin[3], origin[7])).toBe('Ñoño');
  });

  it('keeps offsets right after characters outside the basic plane', () => {
    const source = '😀 Raisi';
    const [word] = foldedWords(source);
    expect(word && source.slice(word.start, word.end)).toBe('Raisi');
  });

  it('keeps decomposed input (base letter plus combining mark) as one source character', () => {
    const source = 'Pe\u0301rez';
    const [word] = foldedWords(source);
    expect(word?.word).toBe('perez');
    expect(word && source.slice(word.start, word.end)).toBe(source);
  });
});

describe('foldedWords', () => {
  it('splits on hyphens, apostrophes and spaces, with source ranges', () => {
    const source = 'Pour-Mohammadi’s  deputy';
    const words = foldedWords(source);
    expect(words.map((w) => w.word)).toEqual(['pour', 'mohammadi', 's', 'deputy']);
    expect(words.map((w) => source.slice(w.start, w.end))).toEqual(['Pour', 'Mohammadi', 's', 'deputy']);
  });

  it('keeps right-to-left letters as words', () => {
    expect(foldedWords('جمهوری اسلامی').map((w) => w.word)).toEqual(['جمهوری', 'اسلامی']);
  });

  it('finds no words in symbols and emoji', () => {
    expect(foldedWords('!!! 😀 — ***')).toEqual([]);
  });
});

describe('compactFold', () => {
  it('gives the same key for a name written with a hyphen, a space or run together', () => {
    expect(compactFold('Pour-Mohammadi')).toBe('pourmohammadi');
    expect(compactFold('Pour Mohammadi')).toBe('pourmohammadi');
    expect(compactFold('Pourmohammadi')).toBe('pourmohammadi');
  });
});

describe('foldedWords on plain ASCII', () => {
  it('finds the same words and ranges as the general path', () => {
    const source = 'Mr. Raisi, 30,000 prisoners (1988) - "crime against humanity"!';
    const words = foldedWords(source);
    const written = ['Mr', 'Raisi', '30', '000', 'prisoners', '1988', 'crime', 'against', 'humanity'];
    expect(words.map((w) => w.word)).toEqual(written.map((w) => w.toLowerCase()));
    expect(words.map((w) => source.slice(w.start, w.end))).toEqual(written);
    // The same text with one non-ASCII character takes the general path and must agree word for word.
    expect(foldedWords(`${source} é`).slice(0, -1)).toEqual(words);
  });
});
