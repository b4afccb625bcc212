import { describe, expect, it } from 'vitest';
import { buildStatementIndex, findQuoteInStatements } from './statement-index';

const STATEMENTS = [
  'The UN Security Council must send to Iran an international delegation accompanied by representatives of the Iranian Resistance.',
  'Sadly, we are aligning ourselves with the failed policy of appeasement pursued by the EU, which has been counterproductive and has only emboldened the regime.',
  'Sadly, we are aligning ourself with the failed policy of appeasement pursued by the European Union, which for the last four decades, has provided the regime in Iran with impunity.',
  'We must unite and work together to hold the regime to account.',
  // Many statements that share the common words of the quotes, so that the index must pick by the rare ones.
  ...Array.from(
    { length: 2_000 },
    (_, i) => `Statement ${i}: the regime must be held to account by the international community.`,
  ),
];

describe('findQuoteInStatements', () => {
  const index = buildStatementIndex(STATEMENTS);
  const find = (quote: string) => findQuoteInStatements(index, STATEMENTS, quote);

  it('finds every statement that holds a quote, the closest first', () => {
    const found = find('we are aligning ourselves with the failed policy of appeasement pursued by the');
    expect(found.map((m) => [m.statement, m.kind])).toEqual([
      [1, 'part'],
      [2, 'close'],
    ]);
  });

  it('finds a quote among thousands of statements that share its common words', () => {
    expect(
      find('we must unite and work together to hold the regime to account').map((m) => [m.statement, m.kind]),
    ).toEqual([[3, 'same']]);
  });

  it('finds a quote whose rarest word the page changed', () => {
    expect(
      find('The UN Security Council must send to Iran an international mission accompanied by representatives').map(
        (m) => m.kind,
      ),
    ).toEqual(['close']);
  });

  it('finds nothing for a quote the statements do not hold', () => {
    expect(find('the regime has lost all legitimacy in the eyes of its people')).toEqual([]);
    expect(find('words nobody in the corpus ever wrote down')).toEqual([]);
  });
});
