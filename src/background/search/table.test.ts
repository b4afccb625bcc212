// The search table: what a search shows, kept as columns beside the index, so a restarted worker needs no packs.
import { describe, expect, it } from 'vitest';
import { corpusPack, type CorpusPack } from '../../corpus/pack';
import { SEARCH_GROUP_ORDER } from '../../shared/search-results';
import { makeSeedPack } from '../../../test/fixtures/search-seed-pack';
import { exportSearchIndex, buildSearchIndex, importSearchIndex } from '../search-index';
import { NONE } from './columns';
import { DocumentTexts } from './document-texts';
import { SearchRecords } from './records';
import { searchTable, searchTableOf, type SearchTable } from './table';

/** A pack whose one statement is a part of the passage its offsets give, not the whole of it. */
function packWithInnerStatement(): CorpusPack {
  const text = '“We will not forget,” she said. Later remarks followed.';
  return corpusPack.parse({
    format: 'sourcelight-corpus',
    version: 1,
    id: 'inner',
    title: 'Inner statement',
    createdAt: '2025-01-01T00:00:00.000Z',
    documents: [{ id: 'doc', title: 'Speech', text }],
    entities: [],
    statements: [
      { id: 's', documentId: 'doc', speakerId: null, text: 'We will not forget', start: 0, end: 22, cue: 'said' },
    ],
    questions: [],
    mentions: [],
  });
}

const packs = [makeSeedPack(), packWithInnerStatement()];

/** Every record of every group, as ranking and hits read them. */
function everyRecord(records: SearchRecords): unknown[] {
  return SEARCH_GROUP_ORDER.flatMap((group) =>
    Array.from({ length: records.count(group) }, (_, id) => records.get(group, id)),
  );
}

describe('the search table', () => {
  const { table, texts } = searchTableOf(packs);

  it('gives back every record after a structured clone, as IndexedDB stores it, with its texts stored apart', () => {
    const restored = searchTable.parse(structuredClone(table));
    const restoredTexts = new DocumentTexts(restored.documents.text, structuredClone(texts.allParts()));
    expect(everyRecord(new SearchRecords(restored, restoredTexts))).toEqual(
      everyRecord(new SearchRecords(table, texts)),
    );
  });

  it('makes no record whose document’s text is not read, and notes the part to read', () => {
    const unread = new SearchRecords(table, new DocumentTexts(table.documents.text));
    expect(unread.get('people', 0)).toEqual(new SearchRecords(table, texts).get('people', 0));
    expect(unread.get('statements', 0)).toBeUndefined();
    expect(unread.get('documents', 0)).toBeUndefined();
    expect(unread.texts.takeWanted()).toEqual([0]);
  });

  it('holds each statement’s text, stored once where it is its document’s passage', () => {
    const records = new SearchRecords(table, texts);
    const statements = packs.flatMap((pack) => pack.statements);
    expect(statements.map((_, id) => records.get('statements', id))).toEqual(
      statements.map((statement) => expect.objectContaining({ statement: expect.objectContaining(statement) })),
    );
    // The seed pack's quotes are their passages, so only the inner statement keeps a text of its own.
    expect([...table.statements.text.rows].filter((row) => row !== NONE)).toHaveLength(1);
  });

  it('is the same object for a record asked for twice, and nothing past a group’s end', () => {
    const records = new SearchRecords(table, texts);
    expect(records.get('people', 0)).toBe(records.get('people', 0));
    expect(records.get('people', records.count('people'))).toBeUndefined();
    expect(records.get('people', -1)).toBeUndefined();
  });
});

describe('a damaged stored table', () => {
  const built = buildSearchIndex(packs);

  /** The exported index with one part of its table replaced. */
  function damaged(change: (table: SearchTable) => void): unknown {
    const stored = structuredClone(exportSearchIndex(built).index);
    change(stored.table);
    return stored;
  }

  it.each<[string, (table: SearchTable) => void]>([
    ['offsets that run backwards', (t) => t.documents.text.starts.reverse()],
    ['offsets past the end of the text', (t) => (t.documents.title.text = t.documents.title.text.slice(1))],
    ['a row naming a string the column lacks', (t) => t.people.name.rows.fill(t.people.name.starts.length)],
    ['a group whose columns hold different numbers of rows', (t) => (t.statements.end = t.statements.end.slice(1))],
    ['a statement of no known document', (t) => t.statements.document.fill(t.documents.id.rows.length)],
    ['a statement beyond its document’s end', (t) => t.statements.end.fill(0xffffffff)],
    ['more parts of texts than documents', (t) => (t.documents.text.partRows = Uint32Array.of(0, 1, 9))],
    ['a statement whose same-words item is its own', (t) => t.statements.sameWordsHead.fill(0)],
    ['a same-words item past the statements’ end', (t) => t.statements.sameWordsHead.fill(1_000_000)],
    [
      'a value no hit may carry',
      (t) =>
        (t.statements.cue = { text: 'whispered', starts: Uint32Array.of(0, 9), rows: t.statements.cue.rows.fill(0) }),
    ],
    [
      'a typed array of another kind',
      (t) => (t.questions.start = new Float64Array(t.questions.start) as unknown as Uint32Array),
    ],
  ])('is refused, so the index is rebuilt: %s', (_label, change) => {
    expect(importSearchIndex(damaged(change))).toBeNull();
  });

  it('is refused when the index names records past the table’s end', () => {
    const stored = damaged((t) => {
      t.people = searchTableOf([]).table.people;
    });
    expect(importSearchIndex(stored)).toBeNull();
    expect(importSearchIndex(structuredClone(exportSearchIndex(built).index))).not.toBeNull();
  });
});
