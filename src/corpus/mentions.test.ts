import { describe, expect, it } from 'vitest';
import { compilePack } from './compile';

describe('mentions of an acronym', () => {
  it('are found in capitals only: "On Monday" is not the body called ON', () => {
    const text =
      'Notes\n\nLeaders of the Ontario New party met in Toronto. ON said it would stand.\n\nOn Monday the talks ended, and ON’s leaders left.';
    const pack = compilePack([{ name: 'a.txt', text }], {
      entities: [{ kind: 'organisation', name: 'Ontario New', aliases: ['ON'] }],
    });
    expect(pack.mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(['Ontario New', 'ON', 'ON']);
  });
});
