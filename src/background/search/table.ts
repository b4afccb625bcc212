/**
 * The search table: everything a search ranks and shows, per group, as columns (columns.ts). It is built once from
 * the packs and stored with the search index, so a restarted worker answers from it without reading the packs: at
 * 100,000 statements the stored packs take half a second to read and check, the table a few strings and typed
 * arrays. Rows follow the packs in a fixed order (pack after pack, each group in pack order), so a row's number is
 * its record's id in the index.
 */
import { z } from 'zod';
import { sameWordsHeads, type SpokenText } from '../../corpus/claims/same-words';
import {
  isoDate,
  question,
  statementCue,
  unattributedReason,
  type CorpusDocument,
  type CorpusPack,
  type Entity,
} from '../../corpus/pack';
import { entityKind } from '../../shared/entity-kind';
import {
  addRow,
  buildColumns,
  int32Array,
  NONE,
  NumberColumnBuilder,
  rowCount,
  TextColumnBuilder,
  textColumn,
  textColumnOf,
  TextListColumnBuilder,
  textListColumn,
  uint32Array,
} from './columns';
import {
  DocumentTexts,
  documentTextParts,
  documentTextsColumn,
  textLength,
  type DocumentTextsColumn,
} from './document-texts';
import type { EntityCounts } from './records';

const entityColumns = z.object({
  packId: textColumn,
  id: textColumn,
  kind: textColumnOf(entityKind),
  name: textColumn,
  aliases: textListColumn,
  description: textColumn,
  statementCount: uint32Array,
  questionCount: uint32Array,
  documentCount: uint32Array,
});

const statementColumns = z.object({
  packId: textColumn,
  id: textColumn,
  documentId: textColumn,
  /** The row of its document in the documents' columns, or NONE. */
  document: int32Array,
  speakerId: textColumn,
  speakerName: textColumn,
  cue: textColumnOf(statementCue),
  unattributedReason: textColumnOf(unattributedReason),
  role: textColumn,
  start: uint32Array,
  end: uint32Array,
  /**
   * NONE where the statement is its document's text from start to end, as the compiler makes every statement: the
   * statements' texts are then not stored a second time beside the documents' (19.5 M characters at 100,000).
   */
  text: textColumn,
  /**
   * The row of the statement whose item this one joins, as it gives the same words or nearly (same-words.ts), or NONE
   * when it heads its own: found once per build, so that a search shows such statements as one hit.
   */
  sameWordsHead: int32Array,
});

const questionColumns = z.object({
  packId: textColumn,
  id: textColumn,
  documentId: textColumn,
  house: textColumnOf(question.shape.house),
  askerName: textColumn,
  answererName: textColumn,
  dateAsked: textColumnOf(isoDate),
  dateAnswered: textColumnOf(isoDate),
  questionText: textColumn,
  answerText: textColumn,
  /** Where the question's text stands in its document, for the viewer to open at; 0 and 0 when it is not there. */
  start: uint32Array,
  end: uint32Array,
});

/**
 * Documents keep their whole text, but apart from the table (document-texts.ts): the table says where each text
 * stands among them, and the texts are read in parts as searches rank and show their records.
 */
const documentColumns = z.object({
  packId: textColumn,
  id: textColumn,
  title: textColumn,
  publisher: textColumn,
  date: textColumnOf(isoDate),
  url: textColumn,
  text: documentTextsColumn,
});

type Columns = Record<string, Parameters<typeof rowCount>[0] | DocumentTextsColumn>;

/** Every column of a group holds the same number of rows. */
function rowsAgree(group: Columns): boolean {
  const counts = Object.values(group).map((column) =>
    'partRows' in column ? column.starts.length - 1 : rowCount(column),
  );
  return new Set(counts).size === 1;
}

/**
 * Every statement's document is a row of the documents, and one stored as a slice lies inside it; every statement's
 * same-words head is another statement that heads its own item.
 */
function statementsFit(statements: z.infer<typeof statementColumns>, documents: z.infer<typeof documentColumns>) {
  const documentRows = rowCount(documents.id);
  const heads = statements.sameWordsHead;
  for (let row = 0; row < statements.document.length; row++) {
    const head = heads[row] as number;
    if (head !== NONE && (head < 0 || head >= heads.length || head === row || heads[head] !== NONE)) return false;
    const document = statements.document[row] as number;
    if (document < NONE || document >= documentRows) return false;
    if (statements.text.rows[row] !== NONE) continue;
    const start = statements.start[row] as number;
    const end = statements.end[row] as number;
    if (document === NONE || start > end || end > textLength(documents.text, document)) return false;
  }
  return true;
}

export const searchTable = z
  .object({
    people: entityColumns,
    topics: entityColumns,
    statements: statementColumns,
    questions: questionColumns,
    documents: documentColumns,
  })
  .refine(
    (table) =>
      Object.values(table).every((group: Columns) => rowsAgree(group)) &&
      statementsFit(table.statements, table.documents),
    'the search table does not fit together',
  );
export type SearchTable = z.infer<typeof searchTable>;

/** A group's columns being filled, row by row: the same columns as its schema, which the table's type checks. */
const entityBuilders = () => ({
  packId: new TextColumnBuilder(),
  id: new TextColumnBuilder(),
  kind: new TextColumnBuilder(),
  name: new TextColumnBuilder(),
  aliases: new TextListColumnBuilder(),
  description: new TextColumnBuilder(),
  statementCount: new NumberColumnBuilder(Uint32Array),
  questionCount: new NumberColumnBuilder(Uint32Array),
  documentCount: new NumberColumnBuilder(Uint32Array),
});

const statementBuilders = () => ({
  packId: new TextColumnBuilder(),
  id: new TextColumnBuilder(),
  documentId: new TextColumnBuilder(),
  document: new NumberColumnBuilder(Int32Array),
  speakerId: new TextColumnBuilder(),
  speakerName: new TextColumnBuilder(),
  cue: new TextColumnBuilder(),
  unattributedReason: new TextColumnBuilder(),
  role: new TextColumnBuilder(),
  start: new NumberColumnBuilder(Uint32Array),
  end: new NumberColumnBuilder(Uint32Array),
  text: new TextColumnBuilder(),
});

const questionBuilders = () => ({
  packId: new TextColumnBuilder(),
  id: new TextColumnBuilder(),
  documentId: new TextColumnBuilder(),
  house: new TextColumnBuilder(),
  askerName: new TextColumnBuilder(),
  answererName: new TextColumnBuilder(),
  dateAsked: new TextColumnBuilder(),
  dateAnswered: new TextColumnBuilder(),
  questionText: new TextColumnBuilder(),
  answerText: new TextColumnBuilder(),
  start: new NumberColumnBuilder(Uint32Array),
  end: new NumberColumnBuilder(Uint32Array),
});

const documentBuilders = () => ({
  packId: new TextColumnBuilder(),
  id: new TextColumnBuilder(),
  title: new TextColumnBuilder(),
  publisher: new TextColumnBuilder(),
  date: new TextColumnBuilder(),
  url: new TextColumnBuilder(),
});

function countEntityReferences(pack: CorpusPack): Map<string, EntityCounts> {
  const counts = new Map<string, EntityCounts>();
  const documents = new Map<string, Set<string>>();
  const countsOf = (id: string): EntityCounts => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { statements: 0, questions: 0, documents: 0 }));
    return c;
  };
  const seenIn = (id: string, documentId: string): void => {
    let set = documents.get(id);
    if (!set) documents.set(id, (set = new Set()));
    set.add(documentId);
  };
  for (const s of pack.statements) {
    if (s.speakerId === null) continue;
    countsOf(s.speakerId).statements++;
    seenIn(s.speakerId, s.documentId);
  }
  for (const q of pack.questions) {
    for (const id of new Set([q.askerId, q.answererId])) {
      if (id === null) continue;
      countsOf(id).questions++;
      seenIn(id, q.documentId);
    }
  }
  for (const m of pack.mentions) seenIn(m.entityId, m.documentId);
  for (const [id, set] of documents) countsOf(id).documents = set.size;
  return counts;
}

/** Builds the table of every pack, in the order given, with the documents' texts all read. */
export function searchTableOf(packs: CorpusPack[]): { table: SearchTable; texts: DocumentTexts } {
  const people = entityBuilders();
  const topics = entityBuilders();
  const statements = statementBuilders();
  const questions = questionBuilders();
  const documents = documentBuilders();
  const documentTexts: string[] = [];
  const spoken: SpokenText[] = [];
  let documentRows = 0;
  for (const pack of packs) {
    const entities = new Map<string, Entity>(pack.entities.map((e) => [e.id, e]));
    const documentRow = new Map<string, { row: number; document: CorpusDocument }>(
      pack.documents.map((document, i) => [document.id, { row: documentRows + i, document }]),
    );
    const nameOf = (id: string): string => entities.get(id)?.name ?? id;
    const counts = countEntityReferences(pack);
    for (const entity of pack.entities) {
      const entityCounts = counts.get(entity.id);
      addRow(entity.kind === 'person' || entity.kind === 'organisation' ? people : topics, {
        packId: pack.id,
        id: entity.id,
        kind: entity.kind,
        name: entity.name,
        aliases: entity.aliases,
        description: entity.description,
        statementCount: entityCounts?.statements ?? 0,
        questionCount: entityCounts?.questions ?? 0,
        documentCount: entityCounts?.documents ?? 0,
      });
    }
    for (const statement of pack.statements) {
      const found = documentRow.get(statement.documentId);
      const isSlice = found?.document.text.slice(statement.start, statement.end) === statement.text;
      addRow(statements, {
        packId: pack.id,
        id: statement.id,
        documentId: statement.documentId,
        document: found?.row ?? NONE,
        speakerId: statement.speakerId,
        speakerName: statement.speakerId === null ? null : nameOf(statement.speakerId),
        cue: statement.cue,
        unattributedReason: statement.unattributedReason,
        role: statement.role,
        start: statement.start,
        end: statement.end,
        text: isSlice ? null : statement.text,
      });
      spoken.push(statement);
    }
    for (const q of pack.questions) {
      const at = documentRow.get(q.documentId)?.document.text.indexOf(q.questionText) ?? -1;
      addRow(questions, {
        packId: pack.id,
        id: q.id,
        documentId: q.documentId,
        house: q.house,
        askerName: nameOf(q.askerId),
        answererName: q.answererId === null ? null : nameOf(q.answererId),
        dateAsked: q.dateAsked,
        dateAnswered: q.dateAnswered,
        questionText: q.questionText,
        answerText: q.answerText,
        start: at === -1 ? 0 : at,
        end: at === -1 ? 0 : at + q.questionText.length,
      });
    }
    for (const { id, title, publisher, date, url, text } of pack.documents) {
      addRow(documents, { packId: pack.id, id, title, publisher, date, url });
      documentTexts.push(text);
    }
    documentRows += pack.documents.length;
  }
  const { column, parts } = documentTextParts(documentTexts);
  const table = {
    people: buildColumns(people),
    topics: buildColumns(topics),
    statements: {
      ...buildColumns(statements),
      sameWordsHead: Int32Array.from(sameWordsHeads(spoken), (found) => found?.head ?? NONE),
    },
    questions: buildColumns(questions),
    documents: { ...buildColumns(documents), text: column },
  };
  return { table, texts: new DocumentTexts(column, parts) };
}
