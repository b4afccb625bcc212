// The page evidence every link needs (page-evidence.ts): each rule as a table of page texts, traps included.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/pack';
import { buildDictionary } from '../corpus/dictionary-build';
import { openMatcher, findMatches } from './matcher';

const person = (id: string, name: string, aliases: string[] = []): Entity => ({ id, kind: 'person', name, aliases });
const body = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: 'organisation',
  name,
  aliases,
});

const matcher = openMatcher(
  buildDictionary(
    [
      person('jones', 'David Jones', ['Mr Jones']),
      person('wilson', 'Phil Wilson'),
      person('maryam', 'Maryam Rajavi', ['Mrs Rajavi']),
      person('massoud', 'Massoud Rajavi'),
      person('may', 'Theresa May'),
      person('brown', 'Ellis Brown'),
      person('dholakia', 'Lord Dholakia'),
      person('khomeini', 'Ruhollah Khomeini', ['Khomeini']),
      body('court', 'Supreme Court'),
      body('council', 'Security Council'),
      body('office', 'Foreign Office'),
      body('ncri', 'National Council of Resistance of Iran', ['NCRI']),
    ],
    new Map([
      ['court', ['iran']],
      ['council', ['un']],
      ['office', []],
    ]),
  ),
);

/** What a reader would see linked on a page made of these texts, in order: "text=entity (rule)". */
function linked(...texts: string[]): string[] {
  const named = new Set<string>();
  return texts.flatMap((text) =>
    findMatches(text, matcher, named).map((m) => `${text.slice(m.start, m.end)}=${m.entityId} (${m.reason.rule})`),
  );
}

describe('page evidence: a person by surname or title and surname', () => {
  it.each([
    ['a full name links', ['David Jones spoke.'], ['David Jones=jones (full-name)']],
    [
      'a surname after the full name links back',
      ['David Jones spoke. Then Jones left.'],
      ['David Jones=jones (full-name)', 'Jones=jones (named-above)'],
    ],
    [
      'a title and surname after the full name',
      ['David Jones spoke. Mr Jones left.'],
      ['David Jones=jones (full-name)', 'Mr Jones=jones (named-above)'],
    ],
    [
      'a surname in a later paragraph of the same page',
      ['Phil Wilson MP asked.', 'Later, Wilson agreed.'],
      ['Phil Wilson=wilson (full-name)', 'Wilson=wilson (named-above)'],
    ],
    ['trap: an economics article about another Jones', ['Jones said inflation will fall. Jones is an economist.'], []],
    ['trap: a title and surname the page never gives in full', ['Mr Jones, the economist, said so.'], []],
    ['trap: a surname before the full name', ['Jones, that is David Jones, spoke.'], ['David Jones=jones (full-name)']],
    ['trap: a one-word alias with no full name on the page', ['Khomeini ordered it.'], []],
    [
      'a one-word alias after the full name',
      ['Ruhollah Khomeini ordered it. Khomeini died in 1989.'],
      ['Ruhollah Khomeini=khomeini (full-name)', 'Khomeini=khomeini (named-above)'],
    ],
    [
      'a peer the corpus knows only by title is named in full by it',
      ['Lord Dholakia spoke.'],
      ['Lord Dholakia=dholakia (full-name)'],
    ],
  ])('%s', (_, texts, expected) => {
    expect(linked(...texts)).toEqual(expected);
  });
});

describe('page evidence: two people share a surname', () => {
  it.each([
    ['trap: neither is named in full', ['Rajavi spoke.'], []],
    [
      'one named in full: the surname is theirs',
      ['Maryam Rajavi spoke. Rajavi left.'],
      ['Maryam Rajavi=maryam (full-name)', 'Rajavi=maryam (named-above)'],
    ],
    [
      'both named: the nearest full mention before decides',
      ['Maryam Rajavi and Massoud Rajavi arrived; Rajavi spoke.'],
      ['Maryam Rajavi=maryam (full-name)', 'Massoud Rajavi=massoud (full-name)', 'Rajavi=massoud (named-above)'],
    ],
    [
      'both named, then one again: that one decides',
      ['Massoud Rajavi founded it. Maryam Rajavi leads it.', 'Maryam Rajavi spoke, and Rajavi left.'],
      [
        'Massoud Rajavi=massoud (full-name)',
        'Maryam Rajavi=maryam (full-name)',
        'Maryam Rajavi=maryam (full-name)',
        'Rajavi=maryam (named-above)',
      ],
    ],
    [
      'a titled form follows the same rule',
      ['Massoud Rajavi spoke. Mrs Rajavi left.'],
      ['Massoud Rajavi=massoud (full-name)'],
    ],
  ])('%s', (_, texts, expected) => {
    expect(linked(...texts)).toEqual(expected);
  });
});

describe('page evidence: a generic body', () => {
  it.each([
    ['qualified as the sources do', ["Iran's Supreme Court upheld the sentence."], ['Supreme Court=court (qualified)']],
    [
      'qualified by an adjective of the same country',
      ['The Iranian Supreme Court upheld it.'],
      ['Supreme Court=court (qualified)'],
    ],
    ['qualified by its parent', ['The UN Security Council met.'], ['Security Council=council (qualified)']],
    [
      'its country named nearby, and the corpus knows one body of that name',
      ['In Iran, the Supreme Court upheld it.'],
      ['Supreme Court=court (named-nearby)'],
    ],
    ["trap: another country's Supreme Court", ['The US Supreme Court ruled on Monday.'], []],
    ['trap: an unqualified Supreme Court', ['The Supreme Court ruled on Monday.'], []],
    ['trap: a Security Council the page does not place', ['The Security Council of the club met.'], []],
    ['trap: a generic body the sources never qualify', ['The Foreign Office said so.'], []],
    [
      'a distinctive body links as written',
      ['The National Council of Resistance of Iran (NCRI) met.'],
      ['National Council of Resistance of Iran=ncri (distinct-name)', 'NCRI=ncri (distinct-name)'],
    ],
  ])('%s', (_, texts, expected) => {
    expect(linked(...texts)).toEqual(expected);
  });
});

describe('page evidence: a name that is also a common word', () => {
  it.each([
    ['trap: a sentence starting with the word', ['May I ask? Yes. May we go. “May it be so.”'], []],
    [
      'trap: the word at a sentence start after the full name',
      ['Theresa May spoke. May then left.'],
      ['Theresa May=may (full-name)'],
    ],
    [
      'mid-sentence and capitalised after the full name',
      ['Theresa May spoke, and later May left.'],
      ['Theresa May=may (full-name)', 'May=may (named-above)'],
    ],
    ['trap: lowercase', ['they may go'], []],
    [
      'trap: the month, after the full name',
      ['Theresa May spoke. The vote is due in May, and again on May 5; talks end by mid-May.'],
      ['Theresa May=may (full-name)'],
    ],
    [
      'the person after a word that also opens dates: "a letter from May"',
      ['Theresa May spoke, and a letter from May followed.'],
      ['Theresa May=may (full-name)', 'May=may (named-above)'],
    ],
    [
      'trap: Brown opening a sentence after Ellis Brown',
      ['Ellis Brown spoke. Brown bread was served.'],
      ['Ellis Brown=brown (full-name)'],
    ],
  ])('%s', (_, texts, expected) => {
    expect(linked(...texts)).toEqual(expected);
  });
});

describe('page evidence: a person named in another spelling', () => {
  const variantMatcher = openMatcher(
    buildDictionary([
      person('raisi', 'Ebrahim Raisi', ['Mr Raisi']),
      person('rouhani', 'Hassan Rouhani'),
      person('khamenei', 'Ali Khamenei'),
    ]),
  );
  const links = (...texts: string[]): string[] => {
    const named = new Set<string>();
    return texts.flatMap((text) =>
      findMatches(text, variantMatcher, named).map(
        (m) => `${text.slice(m.start, m.end)}=${m.entityId} (${m.reason.rule})`,
      ),
    );
  };

  it.each([
    ['a transliteration', ['Hassan Rohani spoke.'], ['Hassan Rohani=rouhani (spelling-variant)']],
    ['an apostrophe', ["Ali Khamene'i spoke."], ["Ali Khamene'i=khamenei (spelling-variant)"]],
    [
      'diacritics and doubled letters, then the surname in a third spelling',
      ['Ebrahim Raïssi spoke.', 'Later Raeesi left, and Raisi’s aides too.'],
      ['Ebrahim Raïssi=raisi (spelling-variant)', 'Raeesi=raisi (named-above)', 'Raisi=raisi (named-above)'],
    ],
    [
      'the surname after the full name in the same paragraph',
      ['Ebrahim Raïssi spoke. Raeesi left.'],
      ['Ebrahim Raïssi=raisi (spelling-variant)', 'Raeesi=raisi (named-above)'],
    ],
    ['trap: another given name', ['Reza Rohani spoke.'], []],
    ['trap: another name that looks alike', ['Reza Rohan spoke. Hassan Rohan left.'], []],
    ['trap: a surname in another spelling, never named in full', ['Rohani spoke.'], []],
  ])('%s', (_, texts, expected) => {
    expect(links(...texts)).toEqual(expected);
  });
});
