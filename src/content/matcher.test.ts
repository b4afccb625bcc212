import { describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/pack';
import { buildDictionary } from '../corpus/dictionary-build';
import { findMatches, openMatcher, type CompiledMatcher } from './matcher';

const entities: Entity[] = [
  { id: 'maryam', kind: 'person', name: 'Maryam Rajavi', aliases: [] },
  { id: 'massoud', kind: 'person', name: 'Massoud Rajavi', aliases: [] },
  { id: 'raisi', kind: 'person', name: 'Ebrahim Raisi', aliases: [] },
  { id: 'may', kind: 'person', name: 'Theresa May', aliases: [] },
  { id: 'pour', kind: 'person', name: 'Mostafa Pourmohammadi', aliases: ['Mostafa Pour Mohammadi'] },
  { id: 'pmoi', kind: 'organisation', name: "People's Mojahedin Organization of Iran", aliases: ['PMOI', 'MEK'] },
  { id: 'iran', kind: 'place', name: 'Iran', aliases: [] },
  { id: 'rights', kind: 'topic', name: 'human rights', aliases: [] },
  { id: 'massacre', kind: 'topic', name: '1988 massacre', aliases: [] },
  { id: 'death-commission', kind: 'topic', name: 'Pourmohammadi commission', aliases: [] },
];
const matcher = openMatcher(buildDictionary(entities));

/** The matched source text and entity of each match: what a reader would see highlighted. */
function found(text: string, using: CompiledMatcher = matcher, named?: Set<string>): string[] {
  return findMatches(text, using, named).map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);
}

describe('findMatches', () => {
  it('finds names, organisations, places and topics in one text', () => {
    expect(found('Maryam Rajavi of the PMOI spoke on human rights in Iran.')).toEqual([
      'Maryam Rajavi=maryam',
      'PMOI=pmoi',
      'human rights=rights',
      'Iran=iran',
    ]);
  });

  it('prefers the longest term and never overlaps', () => {
    expect(found("The People's Mojahedin Organization of Iran met.")).toEqual([
      "People's Mojahedin Organization of Iran=pmoi",
    ]);
    expect(found('Maryam Rajavi spoke.')).toEqual(['Maryam Rajavi=maryam']);
  });

  it('does not find a term inside a longer word', () => {
    expect(found('Iranian officials and Iranians; PMOIs; Rajavis')).toEqual([]);
  });

  it('finds a name beside possessives and punctuation', () => {
    const text = "Ebrahim Raisi? Ebrahim Raisi's, Ebrahim Raisi’s (PMOI/MEK) Ebrahim Raisi, Ebrahim Raisi. «Iran»";
    expect(found(text)).toEqual([
      'Ebrahim Raisi=raisi',
      'Ebrahim Raisi=raisi',
      'Ebrahim Raisi=raisi',
      'PMOI=pmoi',
      'MEK=pmoi',
      'Ebrahim Raisi=raisi',
      'Ebrahim Raisi=raisi',
      'Iran=iran',
    ]);
  });

  it('matches a name across spaces, non-breaking spaces and line breaks', () => {
    expect(found('Maryam\u00a0Rajavi and Maryam \n  Rajavi and Maryam\tRajavi')).toEqual([
      'Maryam\u00a0Rajavi=maryam',
      'Maryam \n  Rajavi=maryam',
      'Maryam\tRajavi=maryam',
    ]);
  });

  it('matches topics in any case and without diacritics', () => {
    expect(found('HUMAN RIGHTS, Human Rights and hûmän rights')).toEqual([
      'HUMAN RIGHTS=rights',
      'Human Rights=rights',
      'hûmän rights=rights',
    ]);
  });

  it('matches names as written or in capitals, never in lowercase prose', () => {
    expect(found('MARYAM RAJAVI, Maryam RAJAVI, maryam rajavi, iran, pmoi, Pmoi')).toEqual([
      'MARYAM RAJAVI=maryam',
      'Maryam RAJAVI=maryam',
    ]);
  });

  it('matches names whatever their diacritics, keeping the capitals rule', () => {
    expect(
      found('Mostafa Pourmohammadi, Mostafa Pōurmohammadī, Mostafa Pour Mohammadi, mostafa pourmohammadi'),
    ).toEqual(['Mostafa Pourmohammadi=pour', 'Mostafa Pōurmohammadī=pour', 'Mostafa Pour Mohammadi=pour']);
  });

  it('tells a topic from a name that starts it', () => {
    expect(found('the pourmohammadi commission and the Pourmohammadi Commission')).toEqual([
      'pourmohammadi commission=death-commission',
      'Pourmohammadi Commission=death-commission',
    ]);
  });

  it('maps matches back to the source when combining marks or invisible characters are inside', () => {
    const text = 'Jose\u0301 met Maryam Raj\u00adavi and Ira\u0301n';
    expect(found(text)).toEqual(['Maryam Raj\u00adavi=maryam', 'Ira\u0301n=iran']);
  });

  it('finds terms that start with digits', () => {
    expect(found('the 1988 massacre and the 1988 Massacre; 19880 massacre')).toEqual([
      '1988 massacre=massacre',
      '1988 Massacre=massacre',
    ]);
  });

  it('returns nothing for an alias two organisations share', () => {
    const shared = openMatcher(
      buildDictionary([
        { id: 'o1', kind: 'organisation', name: 'National Council', aliases: ['NC'] },
        { id: 'o2', kind: 'organisation', name: 'Northern Command', aliases: ['NC'] },
      ]),
    );
    expect(found('The NC met.', shared)).toEqual([]);
  });

  it('finds a term that is only in the dictionary as a longer word', () => {
    const withDemonym = openMatcher(
      buildDictionary([...entities, { id: 'iranian', kind: 'topic', name: 'Iranian', aliases: [] }]),
    );
    expect(found('Iranian officials in Iran', withDemonym)).toEqual(['Iranian=iranian', 'Iran=iran']);
  });

  it('handles right-to-left and CJK text without failing', () => {
    const scripts = openMatcher(
      buildDictionary([
        { id: 'fa', kind: 'person', name: 'مریم رجوی', aliases: [] },
        { id: 'zh', kind: 'place', name: '伊朗', aliases: [] },
      ]),
    );
    expect(found('گفت مریم رجوی، و ‏رئیسی', scripts)).toEqual(['مریم رجوی=fa']);
    // CJK writes no spaces between words, so a CJK term only matches where it stands apart.
    expect(found('伊朗 and 伊朗人', scripts)).toEqual(['伊朗=zh']);
    expect(found('😀 Maryam Rajavi 😀 𝔐 \ud800')).toEqual(['Maryam Rajavi=maryam']);
  });

  it('finds a name written with compatibility characters: a ligature, full-width letters', () => {
    const withLigature = openMatcher(
      buildDictionary([...entities, { id: 'sachs', kind: 'person', name: 'Jeffrey Sachs', aliases: [] }]),
    );
    expect(found('Je\uFB00rey Sachs and ＩＲＡＮ', withLigature)).toEqual(['Je\uFB00rey Sachs=sachs', 'ＩＲＡＮ=iran']);
  });

  it('highlights only the kinds the reader chose, and a longer name of another kind hides nothing', () => {
    const dictionary = buildDictionary([
      { id: 'iran', kind: 'place', name: 'Iran', aliases: [] },
      { id: 'iran-air', kind: 'organisation', name: 'Iran Air', aliases: [] },
      { id: 'rights', kind: 'topic', name: 'human rights', aliases: [] },
    ]);
    const places = openMatcher(dictionary, new Set(['place']));
    expect(found('Iran Air and human rights in Iran', places)).toEqual(['Iran=iran', 'Iran=iran']);
    const noPlaces = openMatcher(dictionary, new Set(['organisation', 'topic']));
    expect(found('Iran Air and human rights in Iran', noPlaces)).toEqual(['Iran Air=iran-air', 'human rights=rights']);
  });

  it('leaves out the entities the reader hid on this page, in any spelling, and links the others', () => {
    const hiding = openMatcher(buildDictionary(entities), undefined, new Set(['maryam', 'raisi']));
    expect(found('Maryam Rajavi met Massoud Rajavi; Ebrahim Raïssi and Raisi were not there.', hiding)).toEqual([
      'Massoud Rajavi=massoud',
    ]);
  });

  it('finds nothing in empty or whitespace text', () => {
    expect(found('')).toEqual([]);
    expect(found(' \n\u00a0 ')).toEqual([]);
  });

  it('stays one pass with thousands of terms', () => {
    const many: Entity[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `t${i}`,
      kind: 'topic',
      name: `term number ${i}`,
      aliases: [],
    }));
    const big = openMatcher(buildDictionary(many));
    const text = 'Some text with term number 4999 and term number 12 and term number. '.repeat(2000);
    const started = performance.now();
    const matches = findMatches(text, big);
    expect(matches).toHaveLength(4000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
