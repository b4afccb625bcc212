// The reader's corrections against the default corpus as it is built, and as a rebuild changes it: a document added
// before the others and a quote added before the corrected one renumber the statements and move every offset, yet a
// corrected speaker shows on both speakers' cards, in the search, in the claim check and in the CSV, and a site's
// unlink keeps hiding the entity.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimIndex, buildClaimCard } from '../../src/background/claim-index';
import { buildEntityCard, CARD_VIEW } from '../../src/background/entity-card';
import { buildSearchIndex, searchCorpus } from '../../src/background/search-index';
import { compilePack, type DocumentInput } from '../../src/corpus/compile';
import type { CorpusPack, Entity, Statement } from '../../src/corpus/pack';
import { statementsCsv } from '../../src/corpus/statements-csv';
import {
  correctionLookup,
  hiddenEntityIds,
  statementCorrection,
  withCorrectedHits,
} from '../../src/shared/correction-lookup';
import { entityRefOf, speakerCorrectionOf, type Correction } from '../../src/shared/corrections';

const corpusDir = resolve(import.meta.dirname, '../../assets/corpus');
const seeds: DocumentInput[] = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
const options = { id: 'sourcelight-default', title: 'Default', now: new Date('2026-01-01T00:00:00Z') };
const built = compilePack(seeds, options);

const MCCABE = 'person-steve-mccabe';
const JONES = 'person-david-jones';
const WORDS = 'We have already failed the Iranian people by ignoring the 1988 massacre';

/** A rebuild: one more document, first in order, and one more quote before Steve McCabe's in his own document. */
const rebuilt = compilePack(
  [
    { name: '000_added.txt', text: 'An added report\n\nJane Okafor said: “The inquiry must open this year.”\n' },
    ...seeds.map((doc) =>
      doc.text.includes(WORDS)
        ? {
            ...doc,
            text: doc.text.replace(
              'British MP Steve McCabe said:',
              'Jane Okafor said: “Every family deserves an answer.”\n\nBritish MP  Steve McCabe said:',
            ),
          }
        : doc,
    ),
  ],
  options,
);

const entity = (pack: CorpusPack, id: string): Entity => {
  const found = pack.entities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const mccabeStatement = (pack: CorpusPack): Statement => {
  const found = pack.statements.find((s) => s.speakerId === MCCABE && s.text.startsWith(WORDS) && s.text.length < 250);
  if (!found) throw new Error('no statement of Steve McCabe');
  return found;
};

// The reader says Steve McCabe did not speak these words: David Jones did; and McCabe is not the one meant on one site.
const corrections: Correction[] = [
  speakerCorrectionOf(built, mccabeStatement(built), entity(built, JONES), '2026-02-01T00:00:00.000Z'),
  { kind: 'unlink', entity: entityRefOf(entity(built, MCCABE)), site: 'a.example', at: '2026-02-01T00:00:00.000Z' },
];
const lookup = correctionLookup(corrections);

describe.each([
  ['as built', built],
  ['after a rebuild', rebuilt],
])('the reader’s corrections on the default corpus %s', (_, pack) => {
  it('renumbers and moves the statement in the rebuild, so neither its id nor its offsets can be its key', () => {
    if (pack === rebuilt) {
      expect(mccabeStatement(rebuilt).id).not.toBe(mccabeStatement(built).id);
      expect(mccabeStatement(rebuilt).start).not.toBe(mccabeStatement(built).start);
    }
  });

  it('marks the statement corrected on the card of the speaker the source names, and gives it to the one the reader named', () => {
    const expected = { speakerId: JONES, speakerName: 'David Jones', sourceSpeakerName: 'Steve McCabe' };
    const onMcCabe = buildEntityCard([pack], MCCABE, CARD_VIEW, lookup)?.statements.filter((s) =>
      s.excerpt.text.startsWith(WORDS),
    );
    // The corrected statement is an item of its own, not one source of the longer speech that repeats its words.
    expect(onMcCabe?.map((s) => s.correction)).toEqual([expect.objectContaining(expected), undefined]);
    expect(buildEntityCard([pack], MCCABE)?.statements.filter((s) => s.excerpt.text.startsWith(WORDS))).toHaveLength(1);
    const onJones = buildEntityCard([pack], JONES, CARD_VIEW, lookup)?.statements.filter((s) => s.correction);
    expect(onJones).toHaveLength(1);
    expect(onJones?.[0]?.correction).toMatchObject(expected);
    // Without the correction, David Jones's card has no such statement.
    expect(buildEntityCard([pack], JONES)?.statements.some((s) => s.excerpt.text.startsWith(WORDS))).toBe(false);
  });

  it('names the corrected speaker in the search, beside the source’s', () => {
    const results = withCorrectedHits(searchCorpus(buildSearchIndex([pack]), `"${WORDS}"`), lookup);
    const hits = results.groups.find((group) => group.group === 'statements')?.hits ?? [];
    const corrected = hits.filter((hit) => hit.correction);
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({
      speakerName: 'David Jones',
      correction: { sourceSpeakerName: 'Steve McCabe' },
    });
    // Without the correction, the same hit is the source's.
    const plain = searchCorpus(buildSearchIndex([pack]), `"${WORDS}"`).groups.find((g) => g.group === 'statements');
    expect(plain?.hits.map((hit) => hit.speakerName)).toEqual(hits.map(() => 'Steve McCabe'));
  });

  it('compares a page’s speaker with the corrected one in the claim check', () => {
    const index = buildClaimIndex([pack]);
    const claim = { kind: 'quote' as const, text: WORDS, speakerId: MCCABE };
    const card = buildClaimCard(index, claim, lookup);
    const corrected = card?.kind === 'quote' ? card.sources.find((source) => source.correction) : undefined;
    expect(corrected).toMatchObject({ speakerName: 'David Jones', speakers: 'someone-else' });
    const uncorrected = buildClaimCard(index, claim);
    expect(uncorrected?.kind === 'quote' && uncorrected.sources.every((s) => s.speakers === 'same-person')).toBe(true);
  });

  it('writes the corrected speaker to the CSV, with the source’s beside it', () => {
    const entities = new Map(pack.entities.map((e) => [e.id, e]));
    const csv = statementsCsv(pack, (s) => statementCorrection(lookup, pack.id, s, (id) => entities.get(id))?.view);
    const row = csv
      .split('\r\n')
      .find((line) => line.includes(WORDS) && line.endsWith('Steve McCabe') && line.includes('by the reader'));
    expect(row?.startsWith('David Jones,,')).toBe(true);
  });

  it('hides Steve McCabe on the site the reader named, and only there', () => {
    expect(hiddenEntityIds(corrections, 'a.example', pack.entities)).toEqual([MCCABE]);
    expect(hiddenEntityIds(corrections, 'b.example', pack.entities)).toEqual([]);
  });
});
