import { describe, expect, it } from 'vitest';
import { excerptAround } from './excerpt';

const marked = (excerpt: { text: string; highlights: { start: number; end: number }[] }): string[] =>
  excerpt.highlights.map((h) => excerpt.text.slice(h.start, h.end));

describe('excerptAround', () => {
  it('keeps a short text whole, with its highlights where they were', () => {
    const excerpt = excerptAround('Maryam Rajavi spoke.', [{ start: 0, end: 13 }]);
    expect(excerpt.text).toBe('Maryam Rajavi spoke.');
    expect(marked(excerpt)).toEqual(['Maryam Rajavi']);
  });

  it('cuts a long text at spaces around the first highlight and marks the cuts', () => {
    const text = `${'word '.repeat(100)}Rajavi ${'more '.repeat(100)}`;
    const at = text.indexOf('Rajavi');
    const excerpt = excerptAround(text, [{ start: at, end: at + 6 }], 80);
    expect(excerpt.text.startsWith('… word')).toBe(true);
    expect(excerpt.text.endsWith(' …')).toBe(true);
    expect(excerpt.text.length).toBeLessThanOrEqual(80 + 4);
    expect(marked(excerpt)).toEqual(['Rajavi']);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = `${'😀'.repeat(200)}`;
    const excerpt = excerptAround(text, [{ start: 121, end: 123 }], 41);
    expect(excerpt.text.replace(/^… | …$/g, '')).toMatch(/^(?:😀)+$/u);
  });

  it('turns line breaks into spaces without moving the highlights', () => {
    const excerpt = excerptAround('One line\nthen Rajavi', [{ start: 14, end: 20 }]);
    expect(excerpt.text).toBe('One line then Rajavi');
    expect(marked(excerpt)).toEqual(['Rajavi']);
  });

  it('drops highlights outside the window and clips one that crosses its edge', () => {
    const text = `Rajavi ${'x '.repeat(200)}end`;
    const excerpt = excerptAround(
      text,
      [
        { start: 0, end: 6 },
        { start: text.length - 3, end: text.length },
      ],
      40,
    );
    expect(marked(excerpt)).toEqual(['Rajavi']);
  });
});
