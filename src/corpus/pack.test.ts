import { describe, expect, it } from 'vitest';
import { compilePack } from './compile';
import { parsePack } from './pack';

const docs = [
  {
    name: 'a.txt',
    text: 'Dr Jane Doe said, “We will publish the report on Monday.”\n\nThe 1988 massacre and the 1988 massacre.',
  },
];

describe('pack schema', () => {
  it('stores titles and names without direction overrides, so they read as written', () => {
    const pack = compilePack(docs, { now: new Date('2024-01-01T00:00:00Z') });
    const [document] = pack.documents;
    const [entity] = pack.entities;
    if (!document || !entity) throw new Error('the pack has a document and an entity');
    document.title = 'Report \u202Efdp.exe\u202C of \u2067Monday\u2069';
    entity.aliases = ['Jane \u202EeoD'];
    const parsed = parsePack(JSON.parse(JSON.stringify(pack)));
    expect(parsed.ok && parsed.pack.documents[0]?.title).toBe('Report fdp.exe of Monday');
    expect(parsed.ok && parsed.pack.entities[0]?.aliases).toEqual(['Jane eoD']);
  });

  it('accepts a compiled pack after a JSON round trip, unchanged', () => {
    const pack = compilePack(docs, { now: new Date('2024-01-01T00:00:00Z') });
    const parsed = parsePack(JSON.parse(JSON.stringify(pack)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack).toEqual(pack);
  });

  it('says which version it reads when a pack is of another version, or not a pack at all', () => {
    const pack = compilePack(docs);
    const errorOf = (changes: object): string => {
      const parsed = parsePack({ ...pack, ...changes });
      return parsed.ok ? '' : parsed.error;
    };
    expect(errorOf({ version: 2, newField: [] })).toBe(
      'this pack is version 2, made by a newer Sourcelight; this one reads version 1: update Sourcelight to import it',
    );
    expect(errorOf({ version: '1' })).toBe('this pack\'s version is "1"; Sourcelight reads version 1');
    expect(errorOf({ version: undefined })).toBe("this pack's version is null; Sourcelight reads version 1");
    expect(errorOf({ format: 'hypothesis-annotations' })).toBe(
      'this is not a Sourcelight corpus pack: its "format" is "hypothesis-annotations", not "sourcelight-corpus"',
    );
  });

  it('names the statement whose offsets do not hold its text', () => {
    const pack = compilePack(docs);
    const [first] = pack.statements;
    expect(first).toBeDefined();
    if (first !== undefined) first.start += 3;
    const parsed = parsePack(pack);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/statements\.0\.text/);
  });

  it('rejects a mention of an entity that does not exist', () => {
    const pack = compilePack(docs);
    pack.mentions.push({ entityId: 'person-nobody', documentId: 'a', start: 0, end: 2 });
    const parsed = parsePack(pack);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/unknown entity person-nobody/);
  });

  it('gives the same entity ids on every run', () => {
    const ids = (): string[] => compilePack(docs).entities.map((e) => e.id);
    expect(ids()).toEqual(ids());
    expect(ids()).toContain('person-jane-doe');
  });
});
