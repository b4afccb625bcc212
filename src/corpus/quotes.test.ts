import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes';

const texts = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findQuotes', () => {
  it('keeps a quote inside a quote as part of the outer quote', () => {
    expect(texts('He said “they called it “a crime” last year” and left.')).toEqual([
      'they called it “a crime” last year',
    ]);
  });

  it('reads straight marks by the side they stand on', () => {
    expect(texts('She said, "It is over," and "We won."')).toEqual(['It is over,', 'We won.']);
  });

  it('runs a quote over paragraphs that re-open it, up to the close', () => {
    expect(texts('X said: “One.\n\n“Two.\n\n“Three.”\n\nNarration.')).toEqual(['One.\n\n“Two.\n\n“Three.']);
  });

  it('ends an unclosed quote with its paragraph', () => {
    expect(texts('X said: “Never closed.\n\nNarration follows.')).toEqual(['Never closed.']);
  });

  it('starts a close without an open at its paragraph and remembers the open quote it may finish', () => {
    const quotes = findQuotes('A said: “Open.\n\nMiddle.\n\nEnd of it”, B said.');
    expect(quotes).toHaveLength(2);
    expect(quotes[1]?.openAt).toBeNull();
    expect(quotes[1]?.bridgeFrom).toBe(0);
  });

  it('reads a name in quote marks that speaks as narration, not as a quotation', () => {
    expect(texts('“Dusty” chimed in: “They never asked us,” he said.')).toEqual(['They never asked us,']);
  });

  it('keeps a quoted word that a speech verb follows with its own subject (trap)', () => {
    expect(texts('“Fire” shouted a man, and “Run” said another.')).toEqual(['Fire', 'Run']);
  });
});
