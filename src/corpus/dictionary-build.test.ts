import { describe, expect, it } from 'vitest';
import type { Entity } from './pack';
import {
  dictionary,
  DICTIONARY_VERSION,
  DictionaryTooLargeError,
  LINE_END,
  MAX_DICTIONARY_LENGTH,
  TERM_START,
  unpackTerms,
  VARIANT_FULL_NAME,
  VARIANT_SURNAME,
  VARIANT_WRITTEN,
  variantIds,
  writtenForm,
  type Dictionary,
  type PackedTerm,
} from '../shared/dictionary';
import { nameSkeleton } from '../shared/name-skeleton';
import { buildDictionary, dictionaryTerms, packDictionary, spellingVariants } from './dictionary-build';

const person = (id: string, name: string, aliases: string[] = []): Entity => ({ id, kind: 'person', name, aliases });

describe('dictionaryTerms', () => {
  it('asks a qualifier of a generic alias of a body, not of its full name', () => {
    const terms = dictionaryTerms(
      [{ id: 'unsc', kind: 'organisation', name: 'UN Security Council', aliases: ['Security Council'] }],
      new Map([['unsc', ['un']]]),
    );
    expect(terms.map((t) => [t.text, t.qualifiers])).toEqual([
      ['Security Council', ['un']],
      ['UN Security Council', undefined],
    ]);
  });

  it("leaves out a body's one-word short name that is an ordinary word (traps: an acronym, a surname)", () => {
    const texts = dictionaryTerms([
      { id: 'pmoi', kind: 'organisation', name: "People's Mojahedin Organization", aliases: ['People', 'PMOI'] },
      { id: 'fed', kind: 'organisation', name: 'Federal Reserve', aliases: ['Fed', 'US Federal Reserve'] },
      { id: 'un', kind: 'organisation', name: 'United Nations', aliases: ['UN', 'US'] },
      person('gale', 'Roger Gale'),
    ]).map((term) => term.text);
    expect(texts).not.toContain('People');
    expect(texts).not.toContain('Fed');
    expect(texts).toEqual(expect.arrayContaining(['PMOI', 'UN', 'US', 'US Federal Reserve', 'Gale']));
  });

  it('lists names, aliases and topic phrases with the entity they stand for', () => {
    const built = dictionaryTerms([
      person('maryam', 'Maryam Rajavi', ['Mrs Rajavi']),
      { id: 'pmoi', kind: 'organisation', name: "People's Mojahedin Organization of Iran", aliases: ['PMOI', 'MEK'] },
      { id: 'rights', kind: 'topic', name: 'human rights', aliases: [] },
    ]);
    const texts = built.map((term) => `${term.text}→${term.ids.join(',')}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Maryam Rajavi→maryam',
        'Mrs Rajavi→maryam',
        'PMOI→pmoi',
        'MEK→pmoi',
        'human rights→rights',
      ]),
    );
  });

  it('adds a bare surname that points to the one person who has it', () => {
    const built = dictionaryTerms([person('raisi', 'Ebrahim Raisi')]);
    expect(built).toContainEqual({ text: 'Raisi', kind: 'person', ids: ['raisi'], needsFullName: true });
  });

  it('gives a surname shared by two people both as candidates', () => {
    const built = dictionaryTerms([person('a', 'Alan Jones'), person('b', 'Beth Jones')]);
    expect(built.filter((term) => term.text === 'Jones')).toEqual([
      { text: 'Jones', kind: 'person', ids: ['a', 'b'], needsFullName: true },
    ]);
  });

  it('merges an alias that two entities share into one term with both ids', () => {
    const built = dictionaryTerms([
      { id: 'o1', kind: 'organisation', name: 'National Council', aliases: ['NC'] },
      { id: 'o2', kind: 'organisation', name: 'Northern Command', aliases: ['NC'] },
    ]);
    expect(built.find((term) => term.text === 'NC')?.ids).toEqual(['o1', 'o2']);
  });

  it('does not add a surname the corpus already lists as a name in its own right', () => {
    const built = dictionaryTerms([person('m', 'Massoud Rajavi', ['Rajavi'])]);
    expect(built.filter((term) => term.text === 'Rajavi')).toEqual([
      { text: 'Rajavi', kind: 'person', ids: ['m'], needsFullName: true },
    ]);
  });

  it.each([
    ['a titled surname of someone with a full name', person('b', 'John Bolton', ['Mr Bolton']), 'Mr Bolton', true],
    ['a one-word alias', person('k', 'Ruhollah Khomeini', ['Khomeini']), 'Khomeini', true],
    ['a full name', person('b', 'John Bolton'), 'John Bolton', undefined],
    ['a peer the corpus names only by title', person('d', 'Lord Dholakia'), 'Lord Dholakia', undefined],
    ['a name with a middle initial', person('s', 'Robert M. Smith'), 'Robert M. Smith', undefined],
  ])('asks the page for the full name first: %s', (_, entity, text, needsFullName) => {
    const term = dictionaryTerms([entity]).find((t) => t.text === text);
    expect(term?.needsFullName).toBe(needsFullName);
  });

  it('gives a generic body the qualifiers the sources use, and other bodies none', () => {
    const built = dictionaryTerms(
      [
        { id: 'court', kind: 'organisation', name: 'Supreme Court', aliases: [] },
        { id: 'ncri', kind: 'organisation', name: 'National Council of Resistance of Iran', aliases: [] },
      ],
      new Map([['court', ['iran']]]),
    );
    expect(built.find((t) => t.text === 'Supreme Court')?.qualifiers).toEqual(['iran']);
    expect(built.find((t) => t.text.startsWith('National'))?.qualifiers).toBeUndefined();
  });

  it('skips surnames too short to stand alone and collapses whitespace in names', () => {
    const built = dictionaryTerms([person('li', 'Wei  Li'), person('x', ' Ali\u00a0Khamenei ')]);
    const texts = built.map((term) => term.text);
    expect(texts).toEqual(expect.arrayContaining(['Wei Li', 'Ali Khamenei', 'Khamenei']));
    expect(texts).not.toContain('Li');
  });
});

/** Each line's key and terms, read back as a page's matcher reads them. */
function read(packed: Dictionary): [string, PackedTerm[]][] {
  return packed.lines
    .split(LINE_END)
    .slice(0, -1)
    .map((line) => {
      const keyEnd = line.indexOf(TERM_START);
      const key = line.slice(0, keyEnd);
      return [key, unpackTerms(key, line.slice(keyEnd + 1))];
    });
}

describe('packDictionary', () => {
  it('packs a dictionary its own schema accepts after a JSON round trip, as Chrome sends it', () => {
    const built = buildDictionary([person('a', 'Alan Jones'), person('b', 'Zoë Ångström')]);
    expect(dictionary.parse(JSON.parse(JSON.stringify(built)))).toEqual(built);
  });

  it('refuses, by its schema, a dictionary over the cap', () => {
    const tooLong = { version: DICTIONARY_VERSION, lines: `${'a'.repeat(MAX_DICTIONARY_LENGTH)}${LINE_END}`, terms: 1 };
    const parsed = dictionary.safeParse({ ...tooLong, variants: '' });
    expect(parsed.error?.issues[0]).toMatchObject({ code: 'too_big', maximum: MAX_DICTIONARY_LENGTH });
  });

  it('gives one line per folded key, sorted by UTF-16 unit, with its terms most trusted first', () => {
    const packed = packDictionary([
      { text: 'Jones', kind: 'person', ids: ['a', 'b'], needsFullName: true },
      { text: 'jones', kind: 'topic', ids: ['t'] },
      { text: 'JONES', kind: 'organisation', ids: ['o'] },
      { text: 'Alan Jones', kind: 'person', ids: ['a'] },
      { text: 'Zoë', kind: 'place', ids: ['z'] },
      { text: 'Ángel', kind: 'place', ids: ['e'] },
    ]);
    expect(
      read(packed).map(
        ([key, terms]) => `${key}: ${terms.map((t) => `${t.casedText}→${t.ids.join(',')}`).join(' | ')}`,
      ),
    ).toEqual(['alan jones: Alan Jones→a', 'angel: Angel→e', 'jones: JONES→o | jones→t | Jones→a,b', 'zoe: Zoe→z']);
    expect(packed.terms).toBe(6);
  });

  it("keeps each term's flags, and a generic body's qualifiers", () => {
    const packed = packDictionary([
      { text: 'May', kind: 'person', ids: ['may'], needsFullName: true },
      { text: 'Supreme Court', kind: 'organisation', ids: ['court'], qualifiers: ['iran', 'us'] },
      { text: 'Foreign Office', kind: 'organisation', ids: ['office'], qualifiers: [] },
    ]);
    expect(read(packed)).toEqual([
      ['foreign office', [expect.objectContaining({ qualifiers: [], needsFullName: false, commonWord: false })]],
      ['may', [expect.objectContaining({ kind: 'person', needsFullName: true, commonWord: true })]],
      ['supreme court', [expect.objectContaining({ qualifiers: ['iran', 'us'], casedText: 'Supreme Court' })]],
    ]);
  });

  it('keeps ids and names that hold its separators, quotes or escapes as they were', () => {
    const ids = ['a¨b', 'c¯d¸e', 'fµg%20', 'q"u\\o\u0001te', '__proto__'];
    const packed = packDictionary([{ text: 'McDonald¨s µ', kind: 'person', ids }]);
    const [[key, [term] = []] = ['', []]] = read(packed);
    expect(key).toBe('mcdonald s μ');
    expect(term?.ids).toEqual(ids);
    expect(term?.casedText).toBe('McDonald s μ');
    expect(JSON.stringify(packed.lines)).not.toMatch(/\\[^\\]/u);
  });

  it('refuses a dictionary over the cap with an error that names the cap', () => {
    const terms = Array.from({ length: 100 }, (_, i) => ({
      text: `Person ${i}`,
      kind: 'person' as const,
      ids: [`p${i}`],
    }));
    expect(() => packDictionary(terms, 1_000)).toThrow(DictionaryTooLargeError);
    expect(() => packDictionary(terms, 1_000)).toThrow(
      /characters, more than the 1,000 a page is sent \(MAX_DICTIONARY_LENGTH\)/,
    );
    expect(packDictionary(terms).lines.length).toBeGreaterThan(1_000);
  });

  it("writes a lone surrogate as U+FFFD, which crosses Chrome's messaging unchanged", () => {
    const packed = packDictionary([{ text: 'Doe\uD800', kind: 'person', ids: ['d'] }]);
    expect(packed.lines.startsWith(`doe\uFFFD${TERM_START}`)).toBe(true);
    expect(packed.lines).not.toMatch(/[\uD800-\uDFFF]/u);
  });
});

describe('spellingVariants', () => {
  const people = [
    person('rouhani', 'Hassan Rouhani'),
    person('rouhanian', 'Reza Rouhanian'),
    person('other-rouhani', 'Ali Rouhani', ['A. Rouhani']),
    person('quoted', 'Zoë "Zee" Ångström'),
  ];
  const variants = spellingVariants(people);
  const skeleton = (name: string): string => nameSkeleton(name).join('');

  it('finds every full name, surname and written name by binary search, with its people', () => {
    expect(variantIds(variants, VARIANT_FULL_NAME, skeleton('Hassan Rouhani'))).toEqual(['rouhani']);
    expect(variantIds(variants, VARIANT_FULL_NAME, skeleton('Reza Rouhanian'))).toEqual(['rouhanian']);
    expect(variantIds(variants, VARIANT_SURNAME, skeleton('Rouhani'))).toEqual(['rouhani', 'other-rouhani']);
    // "rouhani" is the start of "rouhanian": each is found, whichever the search meets first.
    expect(variantIds(variants, VARIANT_SURNAME, skeleton('Rouhanian'))).toEqual(['rouhanian']);
    expect(variantIds(variants, VARIANT_WRITTEN, writtenForm('Hassan Rouhani'))).toEqual([]);
    expect(variantIds(variants, VARIANT_WRITTEN, writtenForm('Zoë "Zee" Ångström'))).toEqual([]);
  });

  it('finds nothing for a name the corpus does not know, or under another tag', () => {
    expect(variantIds(variants, VARIANT_FULL_NAME, skeleton('Hassan Rohanian'))).toBeUndefined();
    expect(variantIds(variants, VARIANT_SURNAME, skeleton('Hassan Rouhani'))).toBeUndefined();
    expect(variantIds(variants, VARIANT_WRITTEN, writtenForm('Rouhan'))).toBeUndefined();
    expect(variantIds('', VARIANT_SURNAME, 'rohani')).toBeUndefined();
    // A damaged string whose last line is left open ends the search.
    expect(variantIds(`sa${TERM_START}x${LINE_END}szz${TERM_START}y`, VARIANT_SURNAME, 'zz')).toBeUndefined();
  });

  it('sorts its lines by tag and key, so that a page reads none of them before it looks one up', () => {
    const heads = variants
      .split(LINE_END)
      .filter(Boolean)
      .map((line) => line.slice(0, line.indexOf(TERM_START)));
    expect(heads).toEqual([...heads].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(heads).size).toBe(heads.length);
  });
});
