/** Turning ranked records into the hits the popup shows: names, sources, excerpts and highlights. */
import { excerptAround } from '../../shared/excerpt';
import { textKey } from '../../shared/corrections';
import {
  type DocumentHit,
  type EntityHit,
  type HighlightRange,
  type MoreHits,
  type QuestionHit,
  type SearchGroup,
  type SearchGroupName,
  type StatementHit,
} from '../../shared/search-results';
import type { Scored, TermMatch } from './ranking';
import type { RecordOf, SearchRecords } from './records';

/** Result rows are one line: a shorter window than the viewer's. */
const EXCERPT_LENGTH = 180;

function rangesInField(matches: TermMatch[], field: number): HighlightRange[] {
  return mergeRanges(matches.filter((m) => m.field === field).map((m) => ({ start: m.start, end: m.end })));
}

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function entityHitOf(scored: Scored, record: RecordOf<'people' | 'topics'>): EntityHit {
  const { entity, counts, packId } = record;
  const nameHighlights = rangesInField(scored.matches, 0);
  const aliasField = record.fields.findIndex(
    (f, i) => f.role === 'alias' && rangesInField(scored.matches, i).length > 0,
  );
  return {
    type: 'entity',
    packId,
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    nameHighlights,
    ...(nameHighlights.length === 0 && aliasField !== -1 ? { matchedAlias: record.fields[aliasField]?.text } : {}),
    ...(entity.description ? { description: entity.description } : {}),
    statementCount: counts.statements,
    questionCount: counts.questions,
    documentCount: counts.documents,
  };
}

function statementHitOf(scored: Scored, record: RecordOf<'statements'>, records: SearchRecords): StatementHit {
  const { statement, document, packId, speakerName } = record;
  return {
    type: 'statement',
    packId,
    id: statement.id,
    speakerId: statement.speakerId,
    speakerName,
    cue: statement.cue,
    ...(statement.unattributedReason !== undefined ? { unattributedReason: statement.unattributedReason } : {}),
    ...(statement.role !== undefined ? { role: statement.role } : {}),
    documentId: statement.documentId,
    documentTitle: document?.title ?? statement.documentId,
    ...(document?.publisher ? { publisher: document.publisher } : {}),
    ...(document?.date ? { date: document.date } : {}),
    start: statement.start,
    end: statement.end,
    excerpt: excerptAround(statement.text, rangesInField(scored.matches, 0), EXCERPT_LENGTH),
    alsoIn: records.sameWordsSources(record.row).map(({ title, publisher, date }) => ({
      documentTitle: title,
      ...(publisher ? { publisher } : {}),
      ...(date ? { date } : {}),
    })),
    textKey: textKey(statement.text),
  };
}

function questionHitOf(scored: Scored, record: RecordOf<'questions'>): QuestionHit {
  const { question, packId, askerName, answererName, range } = record;
  const inQuestion = rangesInField(scored.matches, 0);
  const inAnswer = rangesInField(scored.matches, 1);
  const fromAnswer = inQuestion.length === 0 && inAnswer.length > 0 && question.answerText !== null;
  return {
    type: 'question',
    packId,
    id: question.id,
    documentId: question.documentId,
    house: question.house,
    askerName,
    answererName,
    ...(question.dateAsked ? { dateAsked: question.dateAsked } : {}),
    dateAnswered: question.dateAnswered,
    start: range.start,
    end: range.end,
    excerptFrom: fromAnswer ? 'answer' : 'question',
    excerpt: fromAnswer
      ? excerptAround(question.answerText ?? '', inAnswer, EXCERPT_LENGTH)
      : excerptAround(question.questionText, inQuestion, EXCERPT_LENGTH),
  };
}

function documentHitOf(scored: Scored, record: RecordOf<'documents'>): DocumentHit {
  const { document, packId } = record;
  return {
    type: 'document',
    packId,
    id: document.id,
    title: document.title,
    titleHighlights: rangesInField(scored.matches, 0),
    ...(document.publisher ? { publisher: document.publisher } : {}),
    ...(document.date ? { date: document.date } : {}),
    ...(document.url ? { url: document.url } : {}),
    excerpt: excerptAround(document.text, rangesInField(scored.matches, 1), EXCERPT_LENGTH),
  };
}

/** The shown hits of one group: only these get excerpts and highlights. */
export function groupOf(group: SearchGroupName, scored: Scored[], more: MoreHits, records: SearchRecords): SearchGroup {
  switch (group) {
    case 'people':
    case 'topics':
      return { group, hits: scored.map((s) => entityHitOf(s, s.record as RecordOf<'people' | 'topics'>)), more };
    case 'statements':
      return {
        group,
        hits: scored.map((s) => statementHitOf(s, s.record as RecordOf<'statements'>, records)),
        more,
      };
    case 'questions':
      return { group, hits: scored.map((s) => questionHitOf(s, s.record as RecordOf<'questions'>)), more };
    case 'documents':
      return { group, hits: scored.map((s) => documentHitOf(s, s.record as RecordOf<'documents'>)), more };
  }
}
