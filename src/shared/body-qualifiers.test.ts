import { describe, expect, it } from 'vitest';
import type { CorpusPack, Entity } from '../corpus/pack';
import { genericBodyQualifiers, isGenericBodyName } from './body-qualifiers';

describe('isGenericBodyName', () => {
  it.each([
    ['Supreme Court', true],
    ['Foreign Office', true],
    ['Security Council', true],
    ['the Government', true],
    ['House of Lords', true],
    ['UN Security Council', false],
    ['National Council of Resistance of Iran', false],
    ['Amnesty International', false],
    ['Death Committee', false],
  ])('%s → %s', (name, generic) => {
    expect(isGenericBodyName(name)).toBe(generic);
  });
});

describe('genericBodyQualifiers', () => {
  const body = (id: string, name: string): Entity => ({ id, kind: 'organisation', name, aliases: [] });
  const text =
    'Iran’s Supreme Court upheld it. The Supreme Court met. The UN Security Council and the Security Council.';
  /** A mention of `name` where the text writes it followed by `context` ("Supreme Court" in "Supreme Court met"). */
  const mention = (
    entityId: string,
    name: string,
    context = name,
  ): { entityId: string; documentId: string; start: number; end: number } => {
    const start = text.indexOf(context);
    return { entityId, documentId: 'd', start, end: start + name.length };
  };
  const pack: CorpusPack = {
    format: 'sourcelight-corpus',
    version: 1,
    id: 'p',
    title: 'P',
    createdAt: '2025-01-01T00:00:00.000Z',
    documents: [{ id: 'd', title: 'D', text }],
    entities: [
      body('court', 'Supreme Court'),
      body('council', 'Security Council'),
      body('unsc', 'UN Security Council'),
    ],
    statements: [],
    questions: [],
    mentions: [
      mention('court', 'Supreme Court', 'Supreme Court upheld'),
      mention('court', 'Supreme Court', 'Supreme Court met'),
      mention('unsc', 'UN Security Council'),
      mention('council', 'Security Council', 'Security Council.'),
    ],
  };

  it('takes the possessive or name the sources write before a generic body, never "The"', () => {
    expect(genericBodyQualifiers([pack]).get('court')).toEqual(['iran']);
  });

  it('takes the parent from a longer body name that ends with the generic one', () => {
    expect(genericBodyQualifiers([pack]).get('council')).toEqual(['un']);
  });

  it('gives no qualifiers to a body with a distinctive name', () => {
    expect(genericBodyQualifiers([pack]).has('unsc')).toBe(false);
  });
});
