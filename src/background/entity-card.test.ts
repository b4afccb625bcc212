import { describe, expect, it } from 'vitest';
import type { CorpusPack } from '../corpus/pack';
import { buildEntityCard } from './entity-card';

const text =
  'Jane Roe, the committee chair, said: "We must act." Later Jane Roe said: "Again." Roe was named once more.';
const pack: CorpusPack = {
  format: 'sourcelight-corpus',
  version: 1,
  id: 'test',
  title: 'Test',
  createdAt: '2024-01-01T00:00:00.000Z',
  documents: [
    { id: 'd1', title: 'A report', publisher: 'Daily', date: '2020-09-10', url: 'https://example.org/r', text },
  ],
  entities: [
    { id: 'person-jane-roe', kind: 'person', name: 'Jane Roe', aliases: ['Roe'], description: 'the committee chair' },
    { id: 'person-min', kind: 'person', name: 'A Minister', aliases: [] },
  ],
  statements: [
    {
      id: 's1',
      documentId: 'd1',
      speakerId: 'person-jane-roe',
      text: 'We must act.',
      start: 38,
      end: 50,
      role: 'committee chair',
      cue: 'said',
    },
    { id: 's2', documentId: 'd1', speakerId: null, text: 'Again.', start: 73, end: 79, cue: 'said' },
  ],
  questions: [],
  mentions: [
    { entityId: 'person-jane-roe', documentId: 'd1', start: 0, end: 8 },
    { entityId: 'person-jane-roe', documentId: 'd1', start: 58, end: 66 },
    { entityId: 'person-jane-roe', documentId: 'd1', start: 83, end: 86 },
  ],
};

describe('buildEntityCard', () => {
  it('gathers only the statements attributed to the entity, with role and source', () => {
    const card = buildEntityCard([pack], 'person-jane-roe');
    expect(card?.statements.map((s) => s.excerpt.text)).toEqual(['We must act.']);
    expect(card?.statements[0]?.role).toBe('committee chair');
    expect(card?.statements[0]?.source).toMatchObject({
      packId: 'test',
      documentId: 'd1',
      documentTitle: 'A report',
      publisher: 'Daily',
      date: '2020-09-10',
      start: 38,
      end: 50,
    });
  });

  it('finds where the description comes from', () => {
    expect(buildEntityCard([pack], 'person-jane-roe')?.entity.descriptionSource).toMatchObject({
      documentId: 'd1',
      start: 10,
      end: 29,
    });
  });

  it('shows at most two mentions per document but counts them all', () => {
    const card = buildEntityCard([pack], 'person-jane-roe');
    expect(card?.mentions).toHaveLength(2);
    expect(card?.mentionsTotal).toBe(3);
    expect(card?.mentions[0]?.excerpt.highlights[0]).toEqual({ start: 0, end: 8 });
  });

  it('lists questions the entity asked or answered, newest answer first, unanswered last', () => {
    const qText = 'To ask the minister about the inquiry.';
    const doc = { id: 'q', title: 'Questions', text: `${qText}\n${qText}\n${qText}` };
    const withQuestions: CorpusPack = {
      ...pack,
      documents: [...pack.documents, doc],
      questions: [
        {
          id: 'q1',
          documentId: 'q',
          house: 'commons',
          askerId: 'person-jane-roe',
          questionText: qText,
          answererId: 'person-min',
          answerText: 'Yes.',
          dateAnswered: '2021-09-15',
        },
        {
          id: 'q2',
          documentId: 'q',
          house: 'lords',
          askerId: 'person-jane-roe',
          questionText: qText,
          answererId: null,
          answerText: null,
          dateAnswered: null,
        },
        {
          id: 'q3',
          documentId: 'q',
          house: 'commons',
          askerId: 'person-min',
          questionText: qText,
          answererId: 'person-jane-roe',
          answerText: 'No.',
          dateAnswered: '2021-09-21',
        },
      ],
    };
    const card = buildEntityCard([withQuestions], 'person-jane-roe');
    expect(card?.questions.map((q) => [q.id, q.relation, q.answererName])).toEqual([
      ['q3', 'answered', 'Jane Roe'],
      ['q1', 'asked', 'A Minister'],
      ['q2', 'asked', null],
    ]);
  });

  it('returns null for an entity no pack holds', () => {
    expect(buildEntityCard([pack], 'person-nobody')).toBeNull();
  });
});

describe('one person in two corpora', () => {
  it('is one card, each item saying which corpus it comes from', () => {
    const notes: CorpusPack = {
      ...pack,
      id: 'reader-notes',
      title: 'Reader notes',
      documents: [{ id: 'n1', title: 'My interview', text: 'Jane Roe said: "We will publish in May."' }],
      entities: [{ id: 'person-jane-roe', kind: 'person', name: 'Jane Roe', aliases: [] }],
      statements: [
        {
          id: 'n1-s1',
          documentId: 'n1',
          speakerId: 'person-jane-roe',
          text: 'We will publish in May.',
          start: 15,
          end: 38,
          cue: 'said',
        },
      ],
      mentions: [{ entityId: 'person-jane-roe', documentId: 'n1', start: 0, end: 8 }],
    };
    const card = buildEntityCard([pack, notes], 'person-jane-roe');
    expect(card?.statements.map((s) => [s.excerpt.text, s.source.corpusTitle])).toEqual([
      ['We must act.', 'Test'],
      ['We will publish in May.', 'Reader notes'],
    ]);
  });
});
