import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileDefaultPack } from '../../test/fixtures/default-pack';
import { buildDictionary } from '../corpus/dictionary-build';
import type { Entity } from '../corpus/pack';
import { findMatches, openMatcher, widenMatcher, type TextMatch } from '../content/matcher';
import { genericBodyQualifiers } from '../shared/body-qualifiers';
import { blockParagraphs } from '../shared/block-paragraphs';
import { LINE_END, type Dictionary } from '../shared/dictionary';
import { generateEntities, random } from '../../test/bench/generated-corpus';
import { dictionaryShare, foldForWalks, shareable } from './dictionary-share';

const repo = join(import.meta.dirname, '../..');
const pack = compileDefaultPack();

/** Names that test what a share must hold: a common first word, other spellings, diacritics, a body's qualifier. */
const traps: Entity[] = [
  { id: 'may-jones', kind: 'person', name: 'May Jones', aliases: [] },
  { id: 'hrw', kind: 'organisation', name: 'Human Rights Watch', aliases: ['HRW'] },
  { id: 'rouhani', kind: 'person', name: 'Hassan Rouhani', aliases: [] },
  { id: 'raisi', kind: 'person', name: 'Ebrahim Raisi', aliases: [] },
  { id: 'khamenei', kind: 'person', name: 'Ali Khamenei', aliases: [] },
  { id: 'zoe', kind: 'person', name: 'Zoë Ångström', aliases: [] },
  { id: 'us', kind: 'place', name: 'U.S.', aliases: ['United States'] },
  { id: 'obrien', kind: 'person', name: "Niamh O'Brien", aliases: [] },
  { id: 'fi', kind: 'organisation', name: 'Fiona Institute', aliases: [] },
  { id: 'half', kind: 'topic', name: '½ measures', aliases: [] },
  { id: 'supreme', kind: 'organisation', name: 'Supreme Court', aliases: [] },
];
const entities = [...pack.entities, ...traps, ...generateEntities(20_000)];
const whole = buildDictionary(entities, genericBodyQualifiers([pack]));
const shared = shareable(whole);

/** The matches in each paragraph in turn, one set of people named so far for the page, as a pass reads it. */
function matchesIn(paragraphs: readonly string[], dictionary: Dictionary): TextMatch[][] {
  const matcher = openMatcher(dictionary);
  const named = new Set<string>();
  return paragraphs.map((text) => findMatches(text, matcher, named));
}

/** The share a page gets for these paragraphs, sent as the page sends its runs: joined by line breaks. */
const shareFor = (paragraphs: readonly string[]): Dictionary => dictionaryShare(shared, paragraphs.join('\n'));

const pages = [
  ...readdirSync(join(repo, 'test/fixtures/pages'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join('pages', f)),
  'demo.html',
  'variants.html',
  'names.html',
  'claims.html',
];

const TRAP_TEXT = [
  'May Jones spoke. In May, Jones left; Ms Jones said so in MAY JONES’s words.',
  'Human Rights Watch and HRW, human rights watch, Human  Rights\u00A0Watch, HUMAN RIGHTS WATCH.',
  'Hassan Rohani and Hassan Rowhani met; later Rohani’s aide and Rouhani spoke. Ebrahim Raïssi, Raeesi. Ali Khamene’i.',
  'Zoë Ångström, ZOE ANGSTROM, Zoe\u0308 Angstro\u0308m, Zo\u00ADë Ångström; the U.S. and the U.S.A. and (U.S.) and United States’.',
  "Niamh O'Brien, Niamh O’Brien, Niamh O\u2019Brien's; the ﬁona Institute, Fiona Institute. ½ measures, 1⁄2 measures.",
  'Iran’s Supreme Court ruled; the Supreme Court of Iran; Maryam Rajavi and Mrs Rajavi; Rajavi.',
];

describe('dictionaryShare', () => {
  it.each(pages)('finds on %s exactly the names the whole dictionary finds', (file) => {
    const { document } = parseHTML(readFileSync(join(repo, 'test/fixtures', file), 'utf8'));
    const paragraphs = blockParagraphs(document);
    const share = shareFor(paragraphs);
    expect(matchesIn(paragraphs, share)).toEqual(matchesIn(paragraphs, whole));
    expect(share.lines.length).toBeLessThan(whole.lines.length / 100);
  });

  it('finds the traps the whole dictionary finds: a common first word, other spellings, diacritics, punctuation', () => {
    const expected = matchesIn(TRAP_TEXT, whole);
    // The check has something to check.
    expect(expected.flat().map((match) => match.entityId)).toEqual(
      expect.arrayContaining(['may-jones', 'hrw', 'rouhani', 'zoe', 'us', 'obrien', 'fi', 'half', 'supreme']),
    );
    expect(expected.flat().some((match) => match.reason.rule === 'spelling-variant')).toBe(true);
    expect(matchesIn(TRAP_TEXT, shareFor(TRAP_TEXT))).toEqual(expected);
  });

  it('finds the same names in random text made of the names’ own words, cut and joined anyhow', () => {
    const next = random(7);
    const pieces = [...traps, ...pack.entities.slice(0, 200)]
      .flatMap((entity) => [entity.name, ...entity.aliases])
      .flatMap((name) => [name, ...name.split(/(?<=[\s'’.-])/u)]);
    const glue = [' ', '  ', ', ', '. ', "'s ", '’', '-', '', '\u00A0', '\u00AD', ' (', ') ', '\n', 'ﬁ', 'é'];
    const texts = Array.from({ length: 300 }, () => {
      let text = '';
      for (let n = 0; n < 12; n++) {
        const piece = pieces[Math.floor(next() * pieces.length)] ?? '';
        const cased = next() < 0.15 ? piece.toUpperCase() : next() < 0.1 ? piece.toLowerCase() : piece;
        text += cased + (glue[Math.floor(next() * glue.length)] ?? '');
      }
      return text;
    });
    for (const text of texts) expect(matchesIn([text], shareFor([text]))).toEqual(matchesIn([text], whole));
  });

  it('adds a later share to an earlier one as the whole dictionary would hold them: text the page adds later', () => {
    const first = ['Maryam Rajavi spoke in Paris.'];
    const later = ['Rajavi and Hassan Rohani, then Rohani; Human Rights Watch and May Jones.'];
    const matcher = openMatcher(shareFor(first));
    const named = new Set<string>();
    const before = first.map((text) => findMatches(text, matcher, named));
    widenMatcher(matcher, shareFor(later));
    // Asked again for what it holds already: each line is kept once.
    widenMatcher(matcher, shareFor(first));
    const after = later.map((text) => findMatches(text, matcher, named));
    expect([...before, ...after]).toEqual(matchesIn([...first, ...later], whole));
    expect(after.flat().map((match) => match.entityId)).toEqual(
      expect.arrayContaining(['rouhani', 'hrw', 'may-jones']),
    );
    const lines = matcher.lines.split(LINE_END);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('is bounded by the whole dictionary however much text is sent, and holds nothing for text without names', () => {
    const text = whole.lines.slice(0, 200_000);
    const share = dictionaryShare(shared, text);
    expect(share.lines.length).toBeLessThanOrEqual(whole.lines.length);
    expect(share.variants.length).toBeLessThanOrEqual(whole.variants.length);
    expect(share.terms).toBe(whole.terms);
    expect(dictionaryShare(shared, '12 345 !!! ... 678')).toMatchObject({ lines: '', variants: '' });
  });
});

describe('foldForWalks', () => {
  it('folds as the matcher walks, and says where words start and end and what other characters a walk may start at', () => {
    const { folded, words, others } = foldForWalks('ZOË  Ra\u00ADjavi’s (ﬁle) e\u0301');
    expect(folded).toBe("zoe rajavi's (file) e");
    expect(words).toEqual([0, 3, 4, 10, 11, 12, 14, 18, 20, 21]);
    expect([...others]).toEqual([' ', "'", '(', ')']);
  });
});
