import { describe, expect, it } from 'vitest';
import { compareSpeakers } from './speakers';

const rajavi = { id: 'person-maryam-rajavi', name: 'Maryam Rajavi', aliases: ['Mrs Rajavi'] };
const sameElsewhere = { id: 'imported-rajavi', name: 'Mrs. Rajavi', aliases: [] };
const mccabe = { id: 'person-steve-mccabe', name: 'Steve McCabe', aliases: [] };

describe('compareSpeakers', () => {
  it.each([
    ['one entity', rajavi, rajavi, 'same-person'],
    ['the same person under another id, by an alias', sameElsewhere, rajavi, 'same-person'],
    ['two people', mccabe, rajavi, 'someone-else'],
    ['a statement the corpus gives to nobody', mccabe, null, 'corpus-does-not-say'],
    ['a quote the page gives to nobody', null, rajavi, 'page-does-not-say'],
  ])('%s', (_, page, corpus, expected) => {
    expect(compareSpeakers(page, corpus)).toBe(expected);
  });
});
