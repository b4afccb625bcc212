import { describe, expect, it } from 'vitest';
import { correctionLookup, correctionView, hiddenEntityIds, withCorrectedHits } from './correction-lookup';
import { textKey, type Correction, type EntityRef, type SpeakerCorrection } from './corrections';
import type { SearchResults, StatementHit } from './search-results';

const steve: EntityRef = { id: 'person-steve-mccabe', kind: 'person', name: 'Steve McCabe', aliases: [] };
const jane: EntityRef = { id: 'person-jane-doe', kind: 'person', name: 'Jane Doe', aliases: [] };
const at = '2026-01-01T00:00:00.000Z';
const words = 'We must hold them to account.';

const corrected = (speaker: EntityRef | null): SpeakerCorrection => ({
  kind: 'speaker',
  statement: { packId: 'p', documentId: 'd', textKey: textKey(words) },
  speaker,
  sourceSpeaker: steve,
  excerpt: words,
  documentTitle: 'A report',
  at,
});

const hit: StatementHit = {
  type: 'statement',
  packId: 'p',
  id: 's9',
  speakerId: steve.id,
  speakerName: steve.name,
  cue: 'said',
  documentId: 'd',
  documentTitle: 'A report',
  start: 0,
  end: words.length,
  excerpt: { text: words, highlights: [] },
  alsoIn: [],
  textKey: textKey(words),
};
const results = (hits: StatementHit[]): SearchResults => ({
  query: 'account',
  groups: [{ group: 'statements', hits, more: { count: 0, atLeast: false } }],
});

describe('a speaker correction as views show it', () => {
  it('names the reader’s speaker and the source’s', () => {
    expect(correctionView(corrected(jane), steve)).toMatchObject({
      speakerId: jane.id,
      speakerName: 'Jane Doe',
      sourceSpeakerName: 'Steve McCabe',
    });
    expect(correctionView(corrected(null), null)).toBeUndefined();
    expect(correctionView(corrected(null), steve)).toMatchObject({
      speakerName: null,
      sourceSpeakerName: 'Steve McCabe',
    });
  });

  it('shows nothing once the source agrees with the reader (a rebuild that gives the words to their speaker)', () => {
    expect(correctionView(corrected(jane), { ...jane, id: 'person-jane-doe-2' })).toBeUndefined();
  });

  it('is found for the statement’s words in its document only', () => {
    const lookup = correctionLookup([corrected(jane)]);
    expect(lookup.speakerOf('p', { documentId: 'd', text: `“${words}”` })).toBeDefined();
    expect(lookup.speakerOf('p', { documentId: 'other', text: words })).toBeUndefined();
    expect(lookup.speakerOf('other', { documentId: 'd', text: words })).toBeUndefined();
  });
});

describe('search hits', () => {
  it('name the reader’s speaker, or none, and keep the source’s beside it; other hits are untouched', () => {
    const other = { ...hit, id: 's10', textKey: textKey('Something else entirely.') };
    const [first, second] =
      withCorrectedHits(results([hit, other]), correctionLookup([corrected(null)])).groups[0]?.hits ?? [];
    expect(first).toMatchObject({
      speakerId: null,
      speakerName: null,
      correction: { sourceSpeakerName: 'Steve McCabe' },
    });
    expect(second).toEqual(other);
  });
});

describe('the entities a site hides', () => {
  const entities = [
    { id: 'person-stephen-mccabe', kind: 'person' as const, name: 'Stephen McCabe', aliases: ['Steve McCabe'] },
    { id: jane.id, kind: 'person' as const, name: 'Jane Doe', aliases: [] },
  ];
  const corrections: Correction[] = [
    { kind: 'unlink', entity: steve, site: 'news.example', at },
    { kind: 'mute', entity: jane, at },
  ];

  it('are the ones unlinked there, under a rebuilt id too, and the ones hidden everywhere', () => {
    expect(hiddenEntityIds(corrections, 'news.example', entities)).toEqual(['person-stephen-mccabe', jane.id]);
    expect(hiddenEntityIds(corrections, 'other.example', entities)).toEqual([jane.id]);
    expect(hiddenEntityIds([], 'news.example', entities)).toEqual([]);
  });
});
