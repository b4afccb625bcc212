/**
 * What each search group holds: one record per entity, statement, question or document, with the fields matched
 * and how much each counts. Records are views over the search table (table.ts) and the documents' texts
 * (document-texts.ts), made when a search first ranks them: the index built from the packs and the one restored
 * from IndexedDB read the same table the same way.
 */
import type { CorpusDocument, Entity, Question, Statement, StatementCue, UnattributedReason } from '../../corpus/pack';
import type { EntityKind } from '../../shared/entity-kind';
import { SEARCH_GROUP_ORDER, type SearchGroupName } from '../../shared/search-results';
import { inDateOrder } from '../../shared/timeline';
import { listAt, NONE, rowCount, textAt } from './columns';
import type { DocumentTexts } from './document-texts';
import type { SearchTable } from './table';

export interface EntityCounts {
  statements: number;
  questions: number;
  documents: number;
}

export interface Field {
  text: string;
  /** How much a match here says about the record: a name counts more than a passing mention in a description. */
  weight: number;
  role: 'name' | 'alias' | 'body' | 'answer' | 'speaker' | 'title';
}

/** Where a statement was published, for its hit. */
export type DocumentSource = Pick<CorpusDocument, 'title' | 'publisher' | 'date'>;

interface RecordBase<G extends SearchGroupName> {
  group: G;
  packId: string;
  fields: Field[];
}

export type RecordOf<G extends SearchGroupName> = G extends 'people' | 'topics'
  ? RecordBase<G> & { entity: Omit<Entity, 'aliases'>; counts: EntityCounts }
  : G extends 'statements'
    ? RecordBase<G> & {
        statement: Statement;
        speakerName: string | null;
        document: DocumentSource | undefined;
        /** Its row, and the row of the statement heading its same-words item (itself when it heads one). */
        row: number;
        item: number;
      }
    : G extends 'questions'
      ? RecordBase<G> & {
          question: Omit<Question, 'askerId' | 'answererId'>;
          askerName: string;
          answererName: string | null;
          /** Where the question's text stands in its document; 0 and 0 when it is not there. */
          range: { start: number; end: number };
        }
      : RecordBase<G> & { document: CorpusDocument };

export type SearchRecord = RecordOf<SearchGroupName>;

function entityRecord<G extends 'people' | 'topics'>(table: SearchTable, group: G, row: number): RecordOf<G> {
  const c = table[group];
  const name = textAt(c.name, row) ?? '';
  const aliases = listAt(c.aliases, row);
  const description = textAt(c.description, row);
  const fields: Field[] = [
    { text: name, weight: 3, role: 'name' },
    ...aliases.map((alias): Field => ({ text: alias, weight: 3, role: 'alias' })),
  ];
  if (description) fields.push({ text: description, weight: 1, role: 'body' });
  return {
    group,
    packId: textAt(c.packId, row) ?? '',
    fields,
    entity: { id: textAt(c.id, row) ?? '', kind: textAt(c.kind, row) as EntityKind, name, description },
    counts: {
      statements: c.statementCount[row] ?? 0,
      questions: c.questionCount[row] ?? 0,
      documents: c.documentCount[row] ?? 0,
    },
  } as RecordOf<G>;
}

function statementRecord(table: SearchTable, texts: DocumentTexts, row: number): RecordOf<'statements'> | undefined {
  const c = table.statements;
  const document = c.document[row] ?? NONE;
  const start = c.start[row] ?? 0;
  const end = c.end[row] ?? 0;
  const text = textAt(c.text, row) ?? texts.slice(document, start, end);
  if (text === undefined) return undefined;
  const speakerName = textAt(c.speakerName, row) ?? null;
  return {
    group: 'statements',
    packId: textAt(c.packId, row) ?? '',
    fields: [
      { text, weight: 2, role: 'body' },
      { text: speakerName ?? '', weight: 2, role: 'speaker' },
    ],
    statement: {
      id: textAt(c.id, row) ?? '',
      documentId: textAt(c.documentId, row) ?? '',
      speakerId: textAt(c.speakerId, row) ?? null,
      text,
      start,
      end,
      role: textAt(c.role, row),
      cue: textAt(c.cue, row) as StatementCue,
      unattributedReason: textAt(c.unattributedReason, row) as UnattributedReason | undefined,
    },
    speakerName,
    document: documentSource(table, document),
    row,
    item: itemOf(table, row),
  };
}

/** Where a statement's document was published; undefined for NONE. */
function documentSource(table: SearchTable, document: number): DocumentSource | undefined {
  if (document === NONE) return undefined;
  const documents = table.documents;
  return {
    title: textAt(documents.title, document) ?? '',
    publisher: textAt(documents.publisher, document),
    date: textAt(documents.date, document),
  };
}

/** The row heading a statement's same-words item: its head, or itself. */
function itemOf(table: SearchTable, row: number): number {
  const head = table.statements.sameWordsHead[row] ?? NONE;
  return head === NONE ? row : head;
}

function questionRecord(table: SearchTable, row: number): RecordOf<'questions'> {
  const c = table.questions;
  const questionText = textAt(c.questionText, row) ?? '';
  const answerText = textAt(c.answerText, row) ?? null;
  const askerName = textAt(c.askerName, row) ?? '';
  const answererName = textAt(c.answererName, row) ?? null;
  return {
    group: 'questions',
    packId: textAt(c.packId, row) ?? '',
    fields: [
      { text: questionText, weight: 2, role: 'body' },
      { text: answerText ?? '', weight: 1, role: 'answer' },
      { text: askerName, weight: 2, role: 'speaker' },
      { text: answererName ?? '', weight: 2, role: 'speaker' },
    ],
    question: {
      id: textAt(c.id, row) ?? '',
      documentId: textAt(c.documentId, row) ?? '',
      house: textAt(c.house, row) as Question['house'],
      questionText,
      answerText,
      dateAnswered: textAt(c.dateAnswered, row) ?? null,
      dateAsked: textAt(c.dateAsked, row),
    },
    askerName,
    answererName,
    range: { start: c.start[row] ?? 0, end: c.end[row] ?? 0 },
  };
}

function documentRecord(table: SearchTable, texts: DocumentTexts, row: number): RecordOf<'documents'> | undefined {
  const c = table.documents;
  const text = texts.slice(row);
  if (text === undefined) return undefined;
  const document: CorpusDocument = {
    id: textAt(c.id, row) ?? '',
    title: textAt(c.title, row) ?? '',
    publisher: textAt(c.publisher, row),
    date: textAt(c.date, row),
    url: textAt(c.url, row),
    text,
  };
  return {
    group: 'documents',
    packId: textAt(c.packId, row) ?? '',
    fields: [
      { text: document.title, weight: 2, role: 'title' },
      { text: document.text, weight: 1, role: 'body' },
    ],
    document,
  };
}

/** The record at a row; undefined while the text of its document is not read. */
function recordAt(
  table: SearchTable,
  texts: DocumentTexts,
  group: SearchGroupName,
  row: number,
): SearchRecord | undefined {
  switch (group) {
    case 'people':
    case 'topics':
      return entityRecord(table, group, row);
    case 'statements':
      return statementRecord(table, texts, row);
    case 'questions':
      return questionRecord(table, row);
    case 'documents':
      return documentRecord(table, texts, row);
  }
}

/** The records of every group, over one table. */
export class SearchRecords {
  /** The records made so far, by group and id: ranking keeps a record's folded words by the record object. */
  private readonly made = Object.fromEntries(SEARCH_GROUP_ORDER.map((g) => [g, []])) as unknown as Record<
    SearchGroupName,
    (SearchRecord | undefined)[]
  >;

  constructor(
    readonly table: SearchTable,
    /** The documents' texts, as far as they are read. */
    readonly texts: DocumentTexts,
  ) {}

  count(group: SearchGroupName): number {
    return rowCount(this.table[group].id);
  }

  /**
   * The record with this id, the same object each time; undefined past the group's end, and while its document's
   * text is not read (`texts` then notes its part as wanted).
   */
  get(group: SearchGroupName, id: number): SearchRecord | undefined {
    if (!(id >= 0 && id < this.count(group))) return undefined;
    const made = this.made[group];
    return (made[id] ??= recordAt(this.table, this.texts, group, id));
  }

  /** Each same-words item's statements by the row heading it, for the items of more than one; built when first asked. */
  private items: Map<number, number[]> | undefined;

  /**
   * The sources of the other statements of a statement's same-words item, earliest first (undated last): the table
   * alone says them, so no document's text is read.
   */
  sameWordsSources(row: number): DocumentSource[] {
    if (!this.items) {
      this.items = new Map();
      const heads = this.table.statements.sameWordsHead;
      for (let member = 0; member < heads.length; member++) {
        const head = heads[member] ?? NONE;
        if (head === NONE) continue;
        const rows = this.items.get(head);
        if (rows) rows.push(member);
        else this.items.set(head, [head, member]);
      }
    }
    const others = (this.items.get(itemOf(this.table, row)) ?? [])
      .filter((other) => other !== row)
      .flatMap((other) => documentSource(this.table, this.table.statements.document[other] ?? NONE) ?? []);
    return inDateOrder(others, (source) => source.date);
  }

  /** The texts of a record's fields, for indexing every record once without keeping them all; none while unread. */
  fieldTexts(group: SearchGroupName, id: number): string[] {
    return recordAt(this.table, this.texts, group, id)?.fields.map((f) => f.text) ?? [];
  }
}
