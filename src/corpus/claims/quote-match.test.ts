import { describe, expect, it } from 'vitest';
import { buildStatementIndex, findQuoteInStatements } from './statement-index';

/** How a quote stands to one statement, looked up as the background looks it up among all. */
const matchQuote = (quote: string, statement: string) =>
  findQuoteInStatements(buildStatementIndex([statement]), [statement], quote)[0];

// Statements from the default corpus (assets/corpus/), quoted as news pages quote them.
const BLACKMAN =
  'Sadly, we are aligning ourself with the failed policy of appeasement pursued by the European Union, which for the last four decades, has provided the regime in Iran with impunity for its egregious human rights violations including the 1988 massacre of 30,000 political prisoners, and on its terrorism to preserve diplomatic dialogue.';
const BRIMELOW =
  'There are plenty evidence of the massacre being a crime against humanity and possibly genocide. [They] are well-documented, undeniable and not denied by Iran.';
const GALE =
  'We are all aware there is overwhelming evidence of this crime. There is international law that can and must intervene.';
const PERRY =
  'To prevent human rights violations from happening again, it is absolutely necessary to hold the regime in Tehran to account.';

describe('a quote beside a statement', () => {
  it.each([
    ['exact, the whole statement', GALE, GALE, 'same'],
    [
      'exact, in other quote marks and case',
      'WE ARE ALL AWARE THERE IS OVERWHELMING EVIDENCE OF THIS CRIME. THERE IS INTERNATIONAL LAW THAT CAN AND MUST INTERVENE',
      GALE,
      'same',
    ],
    ['a sentence cut from a longer statement', 'There is international law that can and must intervene.', GALE, 'part'],
    [
      'truncated mid-sentence',
      'Sadly, we are aligning ourself with the failed policy of appeasement',
      BLACKMAN,
      'part',
    ],
    [
      'with an ellipsis over many words',
      'Sadly, we are aligning ourself with the failed policy of appeasement … including the 1988 massacre of 30,000 political prisoners',
      BLACKMAN,
      'part',
    ],
    [
      'with three full stops for the ellipsis',
      'we are aligning ourself with the failed policy of appeasement... the 1988 massacre of 30,000 political prisoners',
      BLACKMAN,
      'part',
    ],
    [
      'with a bracketed insertion for the source’s word',
      'There are plenty evidence of the massacre being a crime against humanity and possibly genocide. [The killings] are well-documented, undeniable and not denied by Iran.',
      BRIMELOW,
      'part',
    ],
    [
      'without the source’s own brackets, hyphen and curly marks',
      'They are well documented, undeniable and not denied by Iran',
      BRIMELOW,
      'part',
    ],
    [
      'with a changed word',
      'Sadly, we are aligning ourselves with the failed policy of appeasement pursued by the European Union',
      BLACKMAN,
      'close',
    ],
    [
      'with a word left out',
      'we are aligning ourself with the policy of appeasement pursued by the European Union',
      BLACKMAN,
      'close',
    ],
    ['with the figure written with a full stop', 'the 1988 massacre of 30.000 political prisoners', BLACKMAN, 'part'],
    [
      'in French guillemets and spacing',
      '« We are all aware there is overwhelming evidence of this crime »',
      GALE,
      'part',
    ],
    [
      'with typographic apostrophes and accents',
      'it is absolutely nécessary to hold the regime in Tehran to account',
      PERRY,
      'part',
    ],
  ])('%s', (_, quote, statement, kind) => {
    expect(matchQuote(quote, statement)?.kind).toBe(kind);
  });

  it.each([
    ['a different quote that shares words', 'we must hold the regime to account', PERRY],
    [
      'a different quote that shares many words',
      'the failed policy of the European Union has emboldened the regime in Iran',
      BLACKMAN,
    ],
    ['a quote too short to tell from a common phrase', 'crime against humanity', BRIMELOW],
    ['two changed words in a short quote', 'there is American law that should intervene', GALE],
  ])('does not match %s', (_, quote, statement) => {
    expect(matchQuote(quote, statement)).toBeUndefined();
  });

  it('shows the differences word by word in each side’s own spelling', () => {
    const match = matchQuote('we are aligning ourselves with the failed policy of appeasement', BLACKMAN);
    expect(match?.diff).toEqual([
      { op: 'same', text: 'we are aligning' },
      { op: 'source', text: 'ourself' },
      { op: 'page', text: 'ourselves' },
      { op: 'same', text: 'with the failed policy of appeasement' },
    ]);
  });

  it('gives the stretch of the statement the quote covers, and the words an ellipsis leaves out', () => {
    const match = matchQuote('There is international law … can and must intervene', GALE);
    expect(GALE.slice(match?.start, match?.end)).toBe('There is international law that can and must intervene');
    expect(match?.diff).toContainEqual({ op: 'cut', text: 'that' });
  });
});
