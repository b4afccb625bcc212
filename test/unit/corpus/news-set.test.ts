// The labelled news sets (test/corpus/news/, news-held-out/, news-third/, news-fourth/, news-fifth/, news-sixth/): real
// articles, each labelled by readers who never ran the compiler. The rules are now written against all six, so
// attribution there must stay truthful: no quote given to the wrong person, and no slide back in how many it gets right
// (each floor is the last measured figure less one point).
import { describe, expect, it } from 'vitest';
import { caseDirs, evaluate, NEWS_SETS, readCase, row } from '../../corpus/score';

describe('the labelled news sets', () => {
  // Read, not compiled: a held-out set is compiled only when it is scored.
  it.each(NEWS_SETS)('%s: every case’s labels follow the schema', (set) => {
    const dirs = caseDirs(set);
    expect(dirs.length).toBeGreaterThanOrEqual(15);
    for (const dir of dirs) expect(() => readCase(dir), dir).not.toThrow();
  });
});

const SETS = [
  { set: 'news', quotes: 491, floor: 0.902, measured: '91.2%', spurious: 0 },
  { set: 'news-held-out', quotes: 345, floor: 0.9, measured: '91.0%', spurious: 1 },
  { set: 'news-third', quotes: 333, floor: 0.795, measured: '80.5%', spurious: 0 },
  { set: 'news-fourth', quotes: 436, floor: 0.687, measured: '69.7%', spurious: 2 },
  { set: 'news-fifth', quotes: 327, floor: 0.779, measured: '78.9%', spurious: 5 },
  { set: 'news-sixth', quotes: 352, floor: 0.757, measured: '76.7%', spurious: 3 },
] as const;

describe('attribution on the labelled news sets', () => {
  const { outcomes, spurious, merges } = evaluate();

  it('merges every alias group of the pattern folders into one entity, each form found', () => {
    const split = merges
      .filter((m) => m.set.startsWith('patterns/') && !m.merged)
      .map((m) => `${m.set}: ${m.forms.join(' / ')}`);
    expect(split).toEqual([]);
  });

  describe.each(SETS)('$set', ({ set, quotes, floor, measured, spurious: most }) => {
    const labelled = outcomes.filter((o) => o.set === set);

    it('gives no quote to the wrong person', () => {
      const wrong = labelled
        .filter((o) => o.verdict === 'misattributed')
        .map((o) => `${o.document}: "${o.label.startsWith}" → ${o.gotName ?? 'null'}`);
      expect(wrong).toEqual([]);
    });

    it(`keeps the right speaker for at least ${(100 * floor).toFixed(1)}% of the quotes (the last measured: ${measured}, less one point)`, () => {
      expect(labelled.length).toBeGreaterThanOrEqual(quotes);
      expect(row(set, labelled).accuracy).toBeGreaterThanOrEqual(floor);
    });

    it(`gives a named speaker to at most ${most} title or scare quote`, () => {
      expect(spurious.filter((s) => s.set === set).length).toBeLessThanOrEqual(most);
    });
  });
});
