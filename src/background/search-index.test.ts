import { describe, expect, it } from 'vitest';
import { corpusPack, type CorpusPack, type Entity } from '../corpus/pack';
import {
  SEARCH_GROUP_ORDER,
  searchResults,
  type Excerpt,
  type SearchGroup,
  type SearchResults,
} from '../shared/search-results';
import { makeSeedPack } from '../../test/fixtures/search-seed-pack';
import {
  buildSearchIndex,
  exportSearchIndex,
  importSearchIndex,
  searchCorpus,
  searchCorpusWithTexts,
} from './search-index';

interface StatementSpec {
  id: string;
  speakerId: string | null;
  text: string;
}

/** A small valid pack: one document whose text is the statements one after another. */
function makePack(entities: Entity[], statements: StatementSpec[], id = 'test-pack'): CorpusPack {
  let text = '';
  const placed = statements.map((s) => {
    const start = text.length;
    text += `${s.text}\n`;
    return { ...s, documentId: 'doc', start, end: start + s.text.length, cue: 'said' };
  });
  return corpusPack.parse({
    format: 'sourcelight-corpus',
    version: 1,
    id,
    title: 'Test pack',
    createdAt: '2025-01-01T00:00:00.000Z',
    documents: [{ id: 'doc', title: 'Hearing on the 1988 massacre', publisher: 'Hansard', date: '2021-09-15', text }],
    entities,
    statements: placed,
    questions: [],
    mentions: [],
  });
}

const person = (id: string, name: string, aliases: string[] = []): Entity => ({ id, kind: 'person', name, aliases });

function groupOf<G extends SearchGroup['group']>(
  results: SearchResults,
  group: G,
): Extract<SearchGroup, { group: G }> | undefined {
  return results.groups.find((g): g is Extract<SearchGroup, { group: G }> => g.group === group);
}

const highlighted = (excerpt: Excerpt): string[] => excerpt.highlights.map((h) => excerpt.text.slice(h.start, h.end));

const statementIds = (results: SearchResults): string[] => groupOf(results, 'statements')?.hits.map((h) => h.id) ?? [];

describe('searchCorpus on the seed texts', () => {
  const index = buildSearchIndex([makeSeedPack()]);

  it.each([
    ['Raeesi', 'Ebrahim Raisi'],
    ['Raïssi', 'Ebrahim Raisi'],
    ['Pour-Mohamadi', 'Mostafa Pourmohammadi'],
  ])('finds a person typed in another spelling: %s → %s', (query, name) => {
    expect(groupOf(searchCorpus(index, query), 'people')?.hits.map((h) => h.name)).toContain(name);
  });

  it('finds nobody for a name that only looks alike (trap: "Rasim" is not Raisi)', () => {
    expect(groupOf(searchCorpus(index, 'Rasim'), 'people')).toBeUndefined();
  });

  it('groups people and organisations, topics, statements, questions and documents in that order', () => {
    const results = searchCorpus(index, 'raisi');
    const order = results.groups.map((g) => g.group);
    expect(order).toEqual(SEARCH_GROUP_ORDER.filter((g) => order.includes(g)));
    expect(order).toEqual(['people', 'statements', 'questions', 'documents']);
    expect(searchCorpus(index, 'ncri').groups[0]?.hits[0]).toMatchObject({
      kind: 'organisation',
      name: 'National Council of Resistance of Iran',
    });
    expect(groupOf(searchCorpus(index, 'massacre'), 'topics')?.hits[0]).toMatchObject({
      kind: 'topic',
      name: '1988 massacre',
    });
  });

  it('finds Pourmohammadi from the misspelling "pourmohamadi" and highlights the real spelling', () => {
    const results = searchCorpus(index, 'pourmohamadi');
    expect(groupOf(results, 'people')?.hits[0]).toMatchObject({ name: 'Mostafa Pourmohammadi' });
    const document = groupOf(results, 'documents')?.hits.find((d) => d.excerpt.text.includes('Pour Mohammadi'));
    expect(document && highlighted(document.excerpt)).toContain('Pour Mohammadi');
  });

  it('finds Maryam Rajavi from the prefix "rajav"', () => {
    const people = groupOf(searchCorpus(index, 'rajav'), 'people');
    expect(people?.hits[0]).toMatchObject({ name: 'Maryam Rajavi', nameHighlights: [{ start: 7, end: 13 }] });
  });

  it('gives a question its asker, answerer, house and dates', () => {
    const question = groupOf(searchCorpus(index, 'crime against humanity'), 'questions')?.hits[0];
    expect(question).toMatchObject({
      askerName: 'Bob Blackman',
      answererName: 'James Cleverly',
      house: 'commons',
      dateAnswered: '2021-09-15',
      excerptFrom: 'question',
    });
  });

  it('gives a question the offsets of its text in its document, or 0 and 0 when the text is not there', () => {
    const pack = makeSeedPack();
    const results = searchCorpus(buildSearchIndex([pack]), 'crime against humanity');
    const hit = groupOf(results, 'questions')?.hits.find((h) => h.id === 'q1');
    const question = pack.questions.find((q) => q.id === 'q1');
    const text = pack.documents.find((d) => d.id === question?.documentId)?.text ?? '';
    const at = text.indexOf(question?.questionText ?? '');
    expect(hit).toMatchObject(
      at === -1 ? { start: 0, end: 0 } : { start: at, end: at + (question?.questionText.length ?? 0) },
    );

    // A question copied into its document verbatim is found there, so the viewer can open at it.
    const questionText = 'To ask the Minister what representations were made about the executions.';
    const quoted = corpusPack.parse({
      ...makePack(
        [person('asker', 'Jane Asker')],
        [{ id: 's', speakerId: 'asker', text: `Opening remarks. ${questionText}` }],
      ),
      questions: [
        {
          id: 'found',
          documentId: 'doc',
          house: 'lords',
          askerId: 'asker',
          questionText,
          answererId: null,
          answerText: null,
          dateAnswered: null,
        },
        {
          id: 'missing',
          documentId: 'doc',
          house: 'lords',
          askerId: 'asker',
          questionText: 'To ask about executions elsewhere.',
          answererId: null,
          answerText: null,
          dateAnswered: null,
        },
      ],
    });
    const questions = groupOf(searchCorpus(buildSearchIndex([quoted]), 'executions'), 'questions')?.hits ?? [];
    const documentText = quoted.documents[0]?.text ?? '';
    const found = questions.find((q) => q.id === 'found');
    expect(found && documentText.slice(found.start, found.end)).toBe(questionText);
    expect(questions.find((q) => q.id === 'missing')).toMatchObject({ start: 0, end: 0 });
  });

  it('counts an entity’s statements, questions and documents', () => {
    const hit = groupOf(searchCorpus(index, 'Bob Blackman'), 'people')?.hits[0];
    expect(hit).toMatchObject({ name: 'Bob Blackman', questionCount: 1 });
    expect(hit?.documentCount).toBeGreaterThan(0);
  });

  it('returns results that pass the schema the messaging layer sends', () => {
    for (const query of ['rajavi', 'pourmohamadi', '"crime against humanity"', 'jones', 'executions', 'r']) {
      expect(searchResults.safeParse(searchCorpus(index, query)).success).toBe(true);
    }
  });
});

describe('ranking', () => {
  const pack = makePack(
    [
      person('raisi', 'Ebrahim Raisi'),
      { id: 'growers', kind: 'organisation', name: 'Raisina Growers', aliases: [] },
      person('jones', 'David Jones'),
    ],
    [
      { id: 'variant', speakerId: 'jones', text: 'The decree of Ayatollah Khomeyni was read out.' },
      { id: 'exact', speakerId: 'jones', text: 'Khomeini signed the decree, said President Raisi.' },
      { id: 'both', speakerId: null, text: 'Rajavi spoke about executions and the massacre.' },
      { id: 'one', speakerId: null, text: 'Rajavi spoke to the conference.' },
    ],
  );
  const index = buildSearchIndex([pack]);

  it('puts an exact name before a prefix match', () => {
    expect(groupOf(searchCorpus(index, 'raisi'), 'people')?.hits.map((h) => h.name)).toEqual([
      'Ebrahim Raisi',
      'Raisina Growers',
    ]);
  });

  it('puts an exact word before a phonetic match', () => {
    expect(statementIds(searchCorpus(index, 'khomeini'))).toEqual(['exact', 'variant']);
  });

  it('puts records matching more query words first', () => {
    expect(statementIds(searchCorpus(index, 'rajavi executions'))).toEqual(['both', 'one']);
  });

  it('ranks a whole-name match of the query above everything else', () => {
    expect(groupOf(searchCorpus(index, 'david jones'), 'people')?.hits[0]?.name).toBe('David Jones');
  });
});

describe('folding', () => {
  const pack = makePack(
    [person('pm', 'Mostafa Pourmohammadi', ['Pour-Mohammadi'])],
    [
      { id: 'hyphen', speakerId: null, text: 'Mostafa Pour-Mohammadi served as Justice Minister.' },
      { id: 'space', speakerId: null, text: 'Minister Pour Mohammadi was named in the report.' },
      { id: 'accent', speakerId: null, text: 'The Société Générale statement was read aloud.' },
    ],
  );
  const index = buildSearchIndex([pack]);

  it('finds "Pour-Mohammadi" and "Pour Mohammadi" from "Pourmohammadi", and highlights both words', () => {
    const statements = groupOf(searchCorpus(index, 'Pourmohammadi'), 'statements');
    expect(statements?.hits.map((h) => h.id).sort()).toEqual(['hyphen', 'space']);
    for (const hit of statements?.hits ?? [])
      expect(highlighted(hit.excerpt)).toEqual([hit.id === 'hyphen' ? 'Pour-Mohammadi' : 'Pour Mohammadi']);
  });

  it('finds "Pourmohammadi" from a prefix typed across the gap', () => {
    expect(statementIds(searchCorpus(index, 'pourmoh')).sort()).toEqual(['hyphen', 'space']);
  });

  it('ignores diacritics in both directions', () => {
    expect(statementIds(searchCorpus(index, 'societe generale'))).toEqual(['accent']);
    expect(
      highlighted(
        groupOf(searchCorpus(index, 'SOCIÉTÉ'), 'statements')?.hits[0]?.excerpt ?? { text: '', highlights: [] },
      ),
    ).toEqual(['Société']);
  });
});

describe('quoted phrases', () => {
  const pack = makePack(
    [],
    [
      { id: 'phrase', speakerId: null, text: 'They called it a crime against humanity in 1988.' },
      { id: 'scattered', speakerId: null, text: 'A crime was committed against the whole of humanity.' },
    ],
  );
  const index = buildSearchIndex([pack]);

  it('matches a quoted phrase exactly and in order', () => {
    expect(statementIds(searchCorpus(index, '"crime against humanity"'))).toEqual(['phrase']);
    expect(statementIds(searchCorpus(index, '“crime against humanity”'))).toEqual(['phrase']);
    expect(statementIds(searchCorpus(index, 'crime against humanity')).sort()).toEqual(['phrase', 'scattered']);
  });

  it('highlights the phrase as one range', () => {
    const hit = groupOf(searchCorpus(index, '"crime against humanity"'), 'statements')?.hits[0];
    expect(hit && highlighted(hit.excerpt)).toEqual(['crime against humanity']);
  });
});

describe('statement hits', () => {
  const long = `${'Opening words of a long speech. '.repeat(20)}Here the speaker named Rajavi once. ${'Closing words. '.repeat(20)}`;
  const pack = makePack(
    [person('mr', 'Maryam Rajavi')],
    [
      { id: 'anonymous', speakerId: null, text: 'An unnamed official praised Rajavi.' },
      { id: 'long', speakerId: 'mr', text: long },
    ],
  );
  const index = buildSearchIndex([pack]);

  it('gives no speaker name when the statement has no speaker, and carries title, publisher and date', () => {
    const hit = groupOf(searchCorpus(index, 'unnamed'), 'statements')?.hits[0];
    expect(hit).toMatchObject({
      speakerId: null,
      speakerName: null,
      documentTitle: 'Hearing on the 1988 massacre',
      publisher: 'Hansard',
      date: '2021-09-15',
    });
  });

  it('carries how the source attributes a statement, so a joint text is not shown as a mystery', () => {
    const hit = groupOf(searchCorpus(index, 'unnamed'), 'statements')?.hits[0];
    expect(hit?.cue).toBe('said');
  });

  it('carries why nobody is named and the role the source gives, so an unnamed source shows as one', () => {
    const base = makePack(
      [person('mr', 'Maryam Rajavi')],
      [{ id: 'official', speakerId: null, text: 'Budget talks stalled again.' }],
    );
    const [statement] = base.statements;
    const unnamed = {
      ...base,
      statements:
        statement === undefined
          ? []
          : [
              {
                ...statement,
                cue: 'unnamed' as const,
                unattributedReason: 'unnamed-source' as const,
                role: 'a senior official',
              },
            ],
    };
    const hit = groupOf(searchCorpus(buildSearchIndex([unnamed]), 'budget'), 'statements')?.hits[0];
    expect(hit).toMatchObject({ speakerId: null, unattributedReason: 'unnamed-source', role: 'a senior official' });
  });

  it('cuts the excerpt around the match and keeps the highlight on the matched word', () => {
    const hit = groupOf(searchCorpus(index, 'named rajavi'), 'statements')?.hits.find((h) => h.id === 'long');
    expect(hit?.excerpt.text.startsWith('… ')).toBe(true);
    expect(hit?.excerpt.text.endsWith(' …')).toBe(true);
    expect(hit?.excerpt.text.length).toBeLessThan(200);
    expect(hit && highlighted(hit.excerpt)).toEqual(['named', 'Rajavi']);
  });
});

describe('caps', () => {
  const pack = makePack(
    [],
    Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, speakerId: null, text: `Statement ${i} about executions.` })),
  );
  const index = buildSearchIndex([pack]);

  it('shows at most the cap per group and says how many more there are', () => {
    const statements = groupOf(searchCorpus(index, 'executions', { limitPerGroup: 5 }), 'statements');
    expect(statements?.hits).toHaveLength(5);
    expect(statements?.more).toEqual({ count: 7, atLeast: false });
  });
});

describe('the same words in many sources', () => {
  const speech = 'We have already failed the people by ignoring the massacre and by giving the regime billions.';
  /** A pack of one document, titled after the pack, dated `date` or not at all. */
  const report = (id: string, date: string | undefined, statements: StatementSpec[]): CorpusPack => {
    const pack = makePack([person('person-jo', 'Jo Bloggs'), person('person-ann', 'Ann Other')], statements, id);
    const [document] = pack.documents;
    if (!document) throw new Error('makePack gives one document');
    const retitled = { ...document, title: `Report ${id}` };
    if (date) retitled.date = date;
    else delete retitled.date;
    return { ...pack, documents: [retitled] };
  };
  const index = buildSearchIndex([
    report('first', '2021-09-15', [
      { id: 'jo-1', speakerId: 'person-jo', text: speech },
      { id: 'ann-1', speakerId: 'person-ann', text: speech },
    ]),
    report('second', '2019-01-01', [{ id: 'jo-2', speakerId: 'person-jo', text: `${speech} They kill people still.` }]),
    report('third', undefined, [{ id: 'jo-3', speakerId: 'person-jo', text: speech }]),
  ]);

  it('shows one speaker’s same words once, with the other sources, earliest first, each with its date', () => {
    const statements = groupOf(searchCorpus(index, 'failed the people'), 'statements');
    const jo = statements?.hits.filter((hit) => hit.speakerId === 'person-jo') ?? [];
    expect(jo).toHaveLength(1);
    expect(jo[0]?.documentTitle).toBe('Report first');
    expect(jo[0]?.alsoIn).toEqual([
      { documentTitle: 'Report second', publisher: 'Hansard', date: '2019-01-01' },
      { documentTitle: 'Report third', publisher: 'Hansard' },
    ]);
    // Another speaker's same words are another item; the grouped statements are not counted as more hits.
    expect(statements?.hits.filter((hit) => hit.speakerId === 'person-ann').map((hit) => hit.alsoIn)).toEqual([[]]);
    expect(statements?.more.count).toBe(0);
  });

  it('groups the same after the index is stored and read back', async () => {
    const { index: stored, textParts } = exportSearchIndex(index);
    const restored = importSearchIndex(structuredClone(stored));
    expect(restored).not.toBeNull();
    if (!restored) return;
    const read = async (parts: number[]) => parts.map((part) => textParts[part]);
    const hits = (results: SearchResults) =>
      groupOf(results, 'statements')?.hits.map((hit) => [hit.id, hit.alsoIn.length]);
    const fresh = hits(searchCorpus(index, 'billions'));
    expect(fresh).toEqual([
      ['jo-2', 2],
      ['ann-1', 0],
    ]);
    expect(hits(await searchCorpusWithTexts(restored, 'billions', read))).toEqual(fresh);
  });
});

describe('hostile queries', () => {
  const index = buildSearchIndex([makeSeedPack()]);
  const queries = [
    '',
    '   ',
    '!!!',
    '"',
    '""',
    '"unclosed phrase',
    '.*[(\\',
    '😀😀😀',
    '\ud800',
    'جمهوری اسلامی',
    'ایران',
    '<script>alert(1)</script>',
    'raisi '.repeat(5000),
    'x'.repeat(100_000),
    '\u0000\u200b\u202e',
    'a b',
  ];

  it.each(queries.map((q) => [q.slice(0, 30), q]))(
    'returns a valid result for %j without throwing',
    (_label, query) => {
      const results = searchCorpus(index, query);
      expect(searchResults.safeParse(results).success).toBe(true);
    },
  );

  it('returns no groups for an empty or symbols-only query', () => {
    expect(searchCorpus(index, '').groups).toEqual([]);
    expect(searchCorpus(index, '!!! *** ---').groups).toEqual([]);
  });
});

describe('export and import', () => {
  const pack = makeSeedPack();
  const built = buildSearchIndex([pack]);
  const queries = [
    'rajavi',
    'pourmohamadi',
    '"crime against humanity"',
    'raisi',
    'jones',
    'executions',
    'r',
    'pour mohammadi',
  ];

  /** Reads parts from the exported ones, as the store does, noting which were asked for. */
  function partReader(parts: readonly (string | undefined)[]) {
    const asked: number[][] = [];
    const read = async (wanted: number[]) => {
      asked.push(wanted);
      return wanted.map((part) => parts[part]);
    };
    return { asked, read };
  }

  it('gives the same results after a round trip through structured clone, reading the texts as searches need them', async () => {
    const { index, textParts } = structuredClone(exportSearchIndex(built));
    const imported = importSearchIndex(index);
    expect(imported).not.toBeNull();
    if (!imported) return;
    const reader = partReader(textParts);
    for (const query of queries) {
      expect(await searchCorpusWithTexts(imported, query, reader.read)).toEqual(searchCorpus(built, query));
    }
    // The first search read the parts it ranked, and no later one read a part twice.
    expect(reader.asked.length).toBeGreaterThan(0);
    const everyRead = reader.asked.flat();
    expect(new Set(everyRead).size).toBe(everyRead.length);
  });

  it('reads only the parts holding the records a search ranks', async () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({
      id: `d${i}`,
      title: `Report ${i}`,
      text: `${i === 17 ? 'Zanjani' : 'Nobody'} said the decree was read. ${'Filler words of a long report. '.repeat(1_200)}`,
    }));
    const large = corpusPack.parse({ ...makePack([], []), documents, statements: [] });
    const { index, textParts } = exportSearchIndex(buildSearchIndex([large]));
    expect(textParts.length).toBeGreaterThan(10);
    const imported = importSearchIndex(structuredClone(index));
    if (!imported) throw new Error('not imported');
    const reader = partReader(textParts);
    const results = await searchCorpusWithTexts(imported, 'zanjani', reader.read);
    expect(groupOf(results, 'documents')?.hits.map((h) => h.title)).toEqual(['Report 17']);
    expect(reader.asked.flat()).toHaveLength(1);
  });

  it('leaves out the records whose texts cannot be read, and shows none with a wrong text', async () => {
    const { index, textParts } = exportSearchIndex(built);
    const imported = importSearchIndex(structuredClone(index));
    if (!imported) throw new Error('not imported');
    const wrongLength = textParts.map((text) => `${text}!`);
    const missing = await searchCorpusWithTexts(imported, 'rajavi', partReader([]).read);
    const damaged = await searchCorpusWithTexts(imported, 'rajavi', partReader(wrongLength).read);
    const failing = await searchCorpusWithTexts(imported, 'rajavi', () => Promise.reject(new Error('no store')));
    for (const results of [missing, damaged, failing]) {
      const groups = results.groups.map((g) => g.group);
      expect(groups).toContain('people');
      expect(groups).not.toContain('statements');
      expect(groups).not.toContain('documents');
    }
  });

  it('refuses damaged data, so the caller rebuilds', () => {
    const stored = exportSearchIndex(built).index;
    expect(importSearchIndex({ format: 'nonsense' })).toBeNull();
    expect(importSearchIndex(null)).toBeNull();
    const { statements } = stored.groups;
    const cutPostings = { ...statements.postings, gaps: statements.postings.gaps.subarray(1) };
    const damaged = { ...stored, groups: { ...stored.groups, statements: { ...statements, postings: cutPostings } } };
    expect(importSearchIndex(damaged)).toBeNull();
  });

  it('refuses an index stored in an earlier format: FlexSearch’s JSON export, or postings without their table', () => {
    const earlier = { format: 4, corpusKey: 'sourcelight-seed@2025-01-01', parts: [], vocabularies: {} };
    expect(importSearchIndex(earlier)).toBeNull();
    const { groups } = exportSearchIndex(built).index;
    expect(importSearchIndex({ format: 5, corpusKey: 'sourcelight-seed@2025-01-01', groups })).toBeNull();
  });

  it('is stored as strings, typed arrays and counts only, which IndexedDB reads back without rebuilding many objects', () => {
    const kinds = new Set<string>();
    const walk = (value: unknown): void => {
      if (value instanceof Uint32Array) kinds.add('Uint32Array');
      else if (value instanceof Uint8Array) kinds.add('Uint8Array');
      else if (value instanceof Int32Array) kinds.add('Int32Array');
      else if (Array.isArray(value)) kinds.add('array');
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      else kinds.add(typeof value);
    };
    const { groups, table } = exportSearchIndex(built).index;
    walk(groups);
    walk(table);
    expect([...kinds].sort()).toEqual(['Int32Array', 'Uint32Array', 'Uint8Array', 'number', 'string']);
  });
});

describe('words being typed and misspelt', () => {
  const pack = makePack(
    [person('kh', 'Ruhollah Khomeini')],
    [
      { id: 'typed', speakerId: null, text: 'The prosecutors signed the execution orders.' },
      { id: 'other', speakerId: null, text: 'Prisoners were moved at night.' },
      { id: 'misspelt', speakerId: null, text: 'The decree of Ayatollah Khomeyni was read out.' },
    ],
  );
  const index = buildSearchIndex([pack]);

  it('completes the last word from the words in the corpus, alone or after others', () => {
    expect(statementIds(searchCorpus(index, 'prosecu'))).toEqual(['typed']);
    expect(statementIds(searchCorpus(index, 'execution ord'))[0]).toBe('typed');
    expect(statementIds(searchCorpus(index, 'pris'))).toEqual(['other']);
  });

  it('finds a word written differently through the words that sound like it', () => {
    expect(statementIds(searchCorpus(index, 'khomeini'))).toContain('misspelt');
    expect(statementIds(searchCorpus(index, 'khomeini decree'))[0]).toBe('misspelt');
  });
});

describe('long documents', () => {
  const filler = 'Routine business of the committee was taken in order. '.repeat(200);
  const text = `${filler}At the very end the chair named Zibakalam as a witness.`;
  const pack = corpusPack.parse({
    ...makePack([], [{ id: 's', speakerId: null, text: 'An unrelated statement.' }]),
    documents: [{ id: 'doc', title: 'Committee minutes', text: `An unrelated statement.\n${text}` }],
  });
  const index = buildSearchIndex([pack]);

  it('finds a document by a word far beyond its opening and cuts the excerpt around it', () => {
    const hit = groupOf(searchCorpus(index, 'zibakalam'), 'documents')?.hits[0];
    expect(hit?.id).toBe('doc');
    expect(hit && highlighted(hit.excerpt)).toEqual(['Zibakalam']);
  });
});

describe('very common words', () => {
  // Enough statements that the common words' postings together pass the read budget (80,000 ids), and the one
  // with the rare word is listed last for every word.
  const common = Array.from({ length: 28_000 }, (_, i) => ({
    id: `c${i}`,
    speakerId: null,
    text: 'The crime was committed against them.',
  }));
  const index = buildSearchIndex([
    makePack([], [...common, { id: 'phrase', speakerId: null, text: 'The crime against humanity was named.' }]),
  ]);

  it('still ranks records for a query of common words only', () => {
    const statements = groupOf(searchCorpus(index, 'the crime was committed against them'), 'statements');
    expect(statements?.hits).toHaveLength(5);
    expect(statements?.more.atLeast).toBe(true);
    expect(highlighted(statements?.hits[0]?.excerpt ?? { text: '', highlights: [] })).toEqual([
      'The',
      'crime',
      'was',
      'committed',
      'against',
      'them',
    ]);
  });

  it('finds the exact phrase first from a multi-word prefix, though the common words are read only in part', () => {
    expect(statementIds(searchCorpus(index, 'the crime against huma'))[0]).toBe('phrase');
    expect(statementIds(searchCorpus(index, 'crime against huma'))[0]).toBe('phrase');
  });
});
