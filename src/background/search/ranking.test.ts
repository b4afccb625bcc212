// Ranking one candidate against a query: whole names first, then more query words matched, then better matches
// (exact, prefix, sound-alike) in weightier fields; a quoted phrase must be there whole.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../corpus/pack';
import { parseQuery } from './query';
import { byRank, FoldedFieldCache, scoreRecord, type Scored } from './ranking';
import type { SearchRecord } from './records';

type FieldRole = 'name' | 'alias' | 'body';

/** A person's record with the fields ranking reads; the rest of a record plays no part in its score. */
function person(name: string, fields: [FieldRole, string, number][] = []): SearchRecord {
  const entity: Entity = { id: name, kind: 'person', name, aliases: [] };
  return {
    group: 'people',
    entity,
    fields: [
      { text: name, weight: 3, role: 'name' },
      ...fields.map(([role, text, weight]) => ({ text, weight, role })),
    ],
  } as unknown as SearchRecord;
}

const cache = new FoldedFieldCache(100);
const score = (record: SearchRecord, query: string): Scored | null =>
  scoreRecord(record, cache.get(record), parseQuery(query));

describe('scoreRecord', () => {
  it('puts a whole name equal to the query above any partial match', () => {
    const whole = score(person('Maryam Rajavi'), 'maryam rajavi');
    const partial = score(person('Maryam Rajavi Foundation Chair'), 'maryam rajavi');
    expect(whole && partial && whole.score > partial.score).toBe(true);
  });

  it('ranks an exact word above a prefix, and a prefix above a sound-alike', () => {
    const exact = score(person('Mccabe'), 'mccabe')?.score ?? 0;
    const prefix = score(person('Mccabes'), 'mccabe')?.score ?? 0;
    const soundAlike = score(person('Mccabe'), 'mcabe')?.score ?? 0;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(soundAlike);
    expect(soundAlike).toBeGreaterThan(0);
  });

  it('counts more query words matched before how well each matched', () => {
    const both = score(person('Steve McCabe', [['body', 'spoke on Iran', 1]]), 'mccabe iran');
    const one = score(person('Steve McCabe'), 'mccabe iran');
    expect(both && one && both.score > one.score).toBe(true);
  });

  it('needs a quoted phrase whole and in order', () => {
    expect(
      score(person('X', [['body', 'the crime against humanity was named', 1]]), '"crime against humanity"'),
    ).not.toBeNull();
    expect(score(person('X', [['body', 'humanity against crime', 1]]), '"crime against humanity"')).toBeNull();
  });

  it('finds nothing for a query with no word in the record', () => {
    expect(score(person('Maryam Rajavi'), 'zzzz')).toBeNull();
  });

  it('marks where each match is, for highlights', () => {
    const scored = score(person('Maryam Rajavi'), 'rajavi');
    expect(scored?.matches.map((m) => [m.field, m.start, m.end])).toEqual([[0, 7, 13]]);
  });
});

describe('byRank', () => {
  it('orders by score, then by the earlier first match', () => {
    const a = { score: 5, first: 10 } as Scored;
    const b = { score: 5, first: 2 } as Scored;
    const c = { score: 9, first: 50 } as Scored;
    expect([a, b, c].sort(byRank)).toEqual([c, b, a]);
  });
});
