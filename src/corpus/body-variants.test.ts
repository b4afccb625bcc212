import { describe, expect, it } from 'vitest';
import { bodyNameKey, sameBodyPairs } from './body-variants';

describe('bodyNameKey', () => {
  it.each([
    ['United Nations General Assembly', 'un general assembly'],
    ['the UN General Assembly', 'un general assembly'],
    ['U.S. Senate', 'us senate'],
    ['British Government', 'uk government'],
    ['HM Government', 'uk government'],
    ['UK Government', 'uk government'],
    ['Government of Iran', 'iran government'],
    ['Iranian Government', 'iran government'],
    // Traps: a country's adjective names the state only in a state body's name.
    ['American Airlines', 'american airlines'],
    ['British Museum', 'british museum'],
    ['Law Society of England', 'law society of england'],
  ])('%s → %s', (name, key) => {
    expect(bodyNameKey(name)).toBe(key);
  });
});

describe('sameBodyPairs', () => {
  const merged = (names: string[]): string[] => sameBodyPairs(names).map(([a, b]) => `${a} = ${b}`);

  it('merges a body written with its parent before it, the least qualified parent', () => {
    expect(
      merged([
        'UN',
        'UN Human Rights Council',
        'UN General Assembly',
        'UN General Assembly Human Rights Council',
        'Human Rights Council',
      ]),
    ).toEqual(['UN Human Rights Council = Human Rights Council']);
  });

  it('keeps distinct bodies apart (traps)', () => {
    expect(merged(['Human Rights Council', 'Human Rights Office', 'United Nations', 'UN General Assembly'])).toEqual(
      [],
    );
    // A place before a body is no parent body: the club's Security Council is not the UN's.
    expect(merged(['Security Council', 'Iran Security Council'])).toEqual([]);
    // Two parents that are not one another's parts: unclear which one is meant.
    expect(merged(['UN', 'EU', 'UN Security Council', 'EU Security Council', 'Security Council'])).toEqual([]);
  });

  it('merges the spellings of one body', () => {
    expect(merged(['UN General Assembly', 'United Nations General Assembly'])).toEqual([
      'UN General Assembly = United Nations General Assembly',
    ]);
  });
});
