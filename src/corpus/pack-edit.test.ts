import { describe, expect, it } from 'vitest';
import { compilePack } from './compile';
import { parsePack } from './pack';
import { withoutDocument } from './pack-edit';

const pack = compilePack([
  { name: 'harbour.txt', text: 'Harbour notes\n\nAmara Okafor said: “We will not stop until the inquiry opens.”\n' },
  {
    name: 'council.txt',
    text: 'Council notes\n\nRuth Evander said: “Nothing will be kept back.” Amara Okafor agreed with her.\n',
  },
]);

describe('a pack without one of its documents', () => {
  it('drops the document, its statements and mentions, and the people no other document names', () => {
    const left = withoutDocument(pack, 'council');
    expect(left.documents.map((source) => source.id)).toEqual(['harbour']);
    expect(left.statements.map((statement) => statement.text)).toEqual(['We will not stop until the inquiry opens.']);
    expect(left.entities.map((entity) => entity.name)).toContain('Amara Okafor');
    expect(left.entities.map((entity) => entity.name)).not.toContain('Ruth Evander');
    expect(left.mentions.every((mention) => mention.documentId === 'harbour')).toBe(true);
  });

  it('is still a valid pack, and unchanged for an id it does not hold', () => {
    expect(parsePack(withoutDocument(pack, 'council')).ok).toBe(true);
    expect(withoutDocument(pack, 'no-such-document')).toEqual(pack);
  });
});
