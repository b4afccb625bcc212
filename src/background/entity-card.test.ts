import { describe, expect, it } from 'vitest';
import type { CorpusPack } from '../corpus/pack';
import { buildEntityCard, PAGE_VIEW } from './entity-card';

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

describe('the same words in several sources', () => {
  const speech = 'We have already failed the people by ignoring the massacre and by giving the regime billions.';
  const longer = `${speech} They continue to slaughter people.`;
  const text = `Jane Roe said: "${speech}" Later Jane Roe said: "${longer}"`;
  const second = `Jane Roe told us: "${speech}"`;
  const at = (haystack: string, needle: string, from = 0) => {
    const start = haystack.indexOf(needle, from);
    return { start, end: start + needle.length };
  };
  const repeated: CorpusPack = {
    ...pack,
    documents: [
      { id: 'd1', title: 'Undated report', text },
      { id: 'd2', title: 'Interview', date: '2019-05-01', text: second },
    ],
    statements: [
      {
        id: 'a',
        documentId: 'd1',
        speakerId: 'person-jane-roe',
        text: speech,
        ...at(text, speech),
        cue: 'said',
        role: 'MP',
      },
      { id: 'b', documentId: 'd1', speakerId: 'person-jane-roe', text: longer, ...at(text, longer, 40), cue: 'said' },
      { id: 'c', documentId: 'd2', speakerId: 'person-jane-roe', text: speech, ...at(second, speech), cue: 'said' },
    ],
    mentions: [],
  };

  it('is one item, headed by its fullest words, listing the other sources earliest first with their roles', () => {
    const card = buildEntityCard([repeated], 'person-jane-roe');
    expect(card?.statementsTotal).toBe(1);
    expect(card?.statements.map((s) => s.id)).toEqual(['b']);
    expect(card?.statements[0]?.alsoIn.map((s) => [s.source.documentId, s.source.date, s.role, s.wording])).toEqual([
      ['d2', '2019-05-01', undefined, 'part'],
      ['d1', undefined, 'MP', 'part'],
    ]);
  });

  it('stands on the timeline at its earliest source, which its point opens', () => {
    const card = buildEntityCard([repeated], 'person-jane-roe');
    expect(card?.timeline.map((p) => [p.kind, p.id, p.date, p.source.documentId])).toEqual([
      ['statement', 'b', '2019-05-01', 'd2'],
    ]);
  });
});

describe('an entity’s own page', () => {
  it('is sent every item, where the card is sent the first few', () => {
    const many: CorpusPack = {
      ...pack,
      statements: Array.from({ length: 30 }, (_, i) => ({
        id: `s${i}`,
        documentId: 'd1',
        speakerId: 'person-jane-roe',
        // Three words: too few to be taken for the same words as another.
        text: `Point ${i} stands.`,
        start: 38,
        end: 50,
        cue: 'said' as const,
      })),
    };
    expect(buildEntityCard([many], 'person-jane-roe')?.statements).toHaveLength(20);
    const page = buildEntityCard([many], 'person-jane-roe', PAGE_VIEW);
    expect(page?.statements).toHaveLength(30);
    expect(page?.timeline).toHaveLength(30);
  });
});
