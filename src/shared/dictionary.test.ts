import { describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/pack';
import { buildDictionary, dictionary } from './dictionary';

const person = (id: string, name: string, aliases: string[] = []): Entity => ({ id, kind: 'person', name, aliases });

describe('buildDictionary', () => {
  it('lists names, aliases and topic phrases with the entity they stand for', () => {
    const built = buildDictionary([
      person('maryam', 'Maryam Rajavi', ['Mrs Rajavi']),
      { id: 'pmoi', kind: 'organisation', name: "People's Mojahedin Organization of Iran", aliases: ['PMOI', 'MEK'] },
      { id: 'rights', kind: 'topic', name: 'human rights', aliases: [] },
    ]);
    const texts = built.terms.map((term) => `${term.text}→${term.ids.join(',')}`);
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
    const built = buildDictionary([person('raisi', 'Ebrahim Raisi')]);
    expect(built.terms).toContainEqual({ text: 'Raisi', kind: 'person', ids: ['raisi'], needsFullName: true });
  });

  it('gives a surname shared by two people both as candidates', () => {
    const built = buildDictionary([person('a', 'Alan Jones'), person('b', 'Beth Jones')]);
    expect(built.terms.filter((term) => term.text === 'Jones')).toEqual([
      { text: 'Jones', kind: 'person', ids: ['a', 'b'], needsFullName: true },
    ]);
  });

  it('merges an alias that two entities share into one term with both ids', () => {
    const built = buildDictionary([
      { id: 'o1', kind: 'organisation', name: 'National Council', aliases: ['NC'] },
      { id: 'o2', kind: 'organisation', name: 'Northern Command', aliases: ['NC'] },
    ]);
    expect(built.terms.find((term) => term.text === 'NC')?.ids).toEqual(['o1', 'o2']);
  });

  it('does not add a surname the corpus already lists as a name in its own right', () => {
    const built = buildDictionary([person('m', 'Massoud Rajavi', ['Rajavi'])]);
    expect(built.terms.filter((term) => term.text === 'Rajavi')).toEqual([
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
    const term = buildDictionary([entity]).terms.find((t) => t.text === text);
    expect(term?.needsFullName).toBe(needsFullName);
  });

  it('gives a generic body the qualifiers the sources use, and other bodies none', () => {
    const built = buildDictionary(
      [
        { id: 'court', kind: 'organisation', name: 'Supreme Court', aliases: [] },
        { id: 'ncri', kind: 'organisation', name: 'National Council of Resistance of Iran', aliases: [] },
      ],
      new Map([['court', ['iran']]]),
    );
    expect(built.terms.find((t) => t.text === 'Supreme Court')?.qualifiers).toEqual(['iran']);
    expect(built.terms.find((t) => t.text.startsWith('National'))?.qualifiers).toBeUndefined();
  });

  it('skips surnames too short to stand alone and collapses whitespace in names', () => {
    const built = buildDictionary([person('li', 'Wei  Li'), person('x', ' Ali\u00a0Khamenei ')]);
    const texts = built.terms.map((term) => term.text);
    expect(texts).toEqual(expect.arrayContaining(['Wei Li', 'Ali Khamenei', 'Khamenei']));
    expect(texts).not.toContain('Li');
  });

  it('produces a dictionary that its own schema accepts', () => {
    const built = buildDictionary([person('a', 'Alan Jones')]);
    expect(dictionary.parse(structuredClone(built))).toEqual(built);
  });
});
