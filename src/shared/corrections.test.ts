import { describe, expect, it } from 'vitest';
import {
  correctionId,
  correctionsFileOf,
  isEntity,
  mergeCorrections,
  parseCorrectionsFile,
  textKey,
  type Correction,
  type EntityRef,
} from './corrections';

const steve: EntityRef = { id: 'person-steve-mccabe', kind: 'person', name: 'Steve McCabe', aliases: [] };
const jane: EntityRef = { id: 'person-jane-doe', kind: 'person', name: 'Jane Doe', aliases: [] };

const speakerCorrection = (at: string, speaker: EntityRef | null = jane): Correction => ({
  kind: 'speaker',
  statement: { packId: 'p', documentId: 'd', textKey: textKey('We must act.') },
  speaker,
  sourceSpeaker: steve,
  excerpt: 'We must act.',
  documentTitle: 'A report',
  at,
});

describe('a statement’s key', () => {
  it('is the same for the same words however a rebuild quotes, spaces, cases or cuts them', () => {
    const key = textKey('We must hold the regime to account, now.');
    expect(textKey('we must  hold the regime\nto account — now')).toBe(key);
    expect(textKey('“We must hold the régime to account, now…”')).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs when a word differs', () => {
    expect(textKey('We must hold the regime to account')).not.toBe(textKey('We must hold the regime in account'));
    expect(textKey('We must act')).not.toBe(textKey('We must act now'));
  });

  it('stays the key corrections were stored under: 64-bit FNV-1a of the folded words', () => {
    // FNV's own test vectors for "a" and "foobar", then words joined by a space and a script beyond Latin-1.
    expect(textKey('a')).toBe('af63dc4c8601ec8c');
    expect(textKey('Foobar!')).toBe('85944171f73967e8');
    expect(textKey('')).toBe('cbf29ce484222325');
    expect(textKey('We must act.')).toBe('a769d6b0e56dfe52');
    expect(textKey('رئیسی گفت که اعدام‌ها')).toBe('a52b6fedc240a38a');
  });
});

describe('an entity a correction remembers', () => {
  it('is the entity of a rebuilt corpus under a new id when one of its names is the old name', () => {
    const rebuilt = {
      id: 'person-stephen-mccabe',
      kind: 'person' as const,
      name: 'Stephen McCabe',
      aliases: ['Steve McCabe'],
    };
    expect(isEntity(steve, rebuilt)).toBe(true);
  });

  it('is not another entity, nor one of another kind with the same name', () => {
    expect(isEntity(steve, { ...jane })).toBe(false);
    expect(isEntity(steve, { ...steve, id: 'organisation-steve-mccabe', kind: 'organisation' })).toBe(false);
  });
});

describe('the reader’s corrections', () => {
  it('keep one correction per thing corrected, the later one', () => {
    const first = speakerCorrection('2026-01-01T00:00:00.000Z');
    const later = speakerCorrection('2026-01-02T00:00:00.000Z', null);
    const mute: Correction = { kind: 'mute', entity: steve, at: '2026-01-01T00:00:00.000Z' };
    expect(mergeCorrections([first, mute], [later])).toEqual([mute, later]);
    expect(mergeCorrections([later, mute], [first])).toEqual([later, mute]);
  });

  it('tell a site’s unlink from another site’s and from a mute', () => {
    const ids = new Set(
      [
        { kind: 'unlink', entity: steve, site: 'a.example', at: '2026-01-01T00:00:00.000Z' },
        { kind: 'unlink', entity: steve, site: 'b.example', at: '2026-01-01T00:00:00.000Z' },
        { kind: 'mute', entity: steve, at: '2026-01-01T00:00:00.000Z' },
      ].map((entry) => correctionId(entry as Correction)),
    );
    expect(ids.size).toBe(3);
  });
});

describe('a corrections file', () => {
  const good = correctionsFileOf([speakerCorrection('2026-01-01T00:00:00.000Z')]);

  it('reads back what was exported', () => {
    expect(parseCorrectionsFile(JSON.parse(JSON.stringify(good)))).toEqual({ ok: true, file: good });
  });

  it.each([
    [{ format: 'sourcelight-corpus', version: 1 }, /not a Sourcelight corrections file/],
    [{ ...good, version: 2 }, /version 2; Sourcelight reads version 1/],
    [
      { ...good, corrections: [{ ...good.corrections[0], statement: { packId: 'p', documentId: 'd', textKey: 'x' } }] },
      /corrections\.0\.statement\.textKey: expected 16 hexadecimal digits/,
    ],
    [{ ...good, corrections: [...good.corrections, ...good.corrections] }, /corrections: a correction is given twice/],
    [{ ...good, corrections: [{ kind: 'mute', entity: steve }] }, /corrections\.0\.at/],
  ])('is refused with an error that says what is wrong: %j', (file, error) => {
    const parsed = parseCorrectionsFile(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
