/**
 * What each search group holds: one record per entity, statement, question or document, with the fields matched
 * and how much each counts. Built in a fixed order from the packs, so numeric ids survive export and import.
 */
import type { CorpusDocument, CorpusPack, Entity, Question, Statement } from '../../corpus/pack';
import type { SearchGroupName } from '../../shared/search-results';

export interface PackLookups {
  pack: CorpusPack;
  entities: Map<string, Entity>;
  documents: Map<string, CorpusDocument>;
}

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

export type RecordOf<G extends SearchGroupName> = G extends 'people' | 'topics'
  ? { group: G; lookups: PackLookups; entity: Entity; counts: EntityCounts; fields: Field[] }
  : G extends 'statements'
    ? { group: G; lookups: PackLookups; statement: Statement; fields: Field[] }
    : G extends 'questions'
      ? { group: G; lookups: PackLookups; question: Question; fields: Field[] }
      : { group: G; lookups: PackLookups; document: CorpusDocument; fields: Field[] };

export type SearchRecord = RecordOf<SearchGroupName>;

export function entityName(lookups: PackLookups, id: string): string {
  return lookups.entities.get(id)?.name ?? id;
}

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

export function collectRecords(packs: CorpusPack[]): Record<SearchGroupName, SearchRecord[]> {
  const records: Record<SearchGroupName, SearchRecord[]> = {
    people: [],
    topics: [],
    statements: [],
    questions: [],
    documents: [],
  };
  for (const pack of packs) {
    const lookups: PackLookups = {
      pack,
      entities: new Map(pack.entities.map((e) => [e.id, e])),
      documents: new Map(pack.documents.map((d) => [d.id, d])),
    };
    const counts = countEntityReferences(pack);
    for (const entity of pack.entities) {
      const group = entity.kind === 'person' || entity.kind === 'organisation' ? 'people' : 'topics';
      const fields: Field[] = [
        { text: entity.name, weight: 3, role: 'name' },
        ...entity.aliases.map((alias): Field => ({ text: alias, weight: 3, role: 'alias' })),
      ];
      if (entity.description) fields.push({ text: entity.description, weight: 1, role: 'body' });
      const entityCounts = counts.get(entity.id) ?? { statements: 0, questions: 0, documents: 0 };
      records[group].push({ group, lookups, entity, counts: entityCounts, fields });
    }
    for (const statement of pack.statements) {
      const speaker = statement.speakerId === null ? '' : entityName(lookups, statement.speakerId);
      records.statements.push({
        group: 'statements',
        lookups,
        statement,
        fields: [
          { text: statement.text, weight: 2, role: 'body' },
          { text: speaker, weight: 2, role: 'speaker' },
        ],
      });
    }
    for (const question of pack.questions) {
      records.questions.push({
        group: 'questions',
        lookups,
        question,
        fields: [
          { text: question.questionText, weight: 2, role: 'body' },
          { text: question.answerText ?? '', weight: 1, role: 'answer' },
          { text: entityName(lookups, question.askerId), weight: 2, role: 'speaker' },
          {
            text: question.answererId === null ? '' : entityName(lookups, question.answererId),
            weight: 2,
            role: 'speaker',
          },
        ],
      });
    }
    for (const document of pack.documents) {
      records.documents.push({
        group: 'documents',
        lookups,
        document,
        fields: [
          { text: document.title, weight: 2, role: 'title' },
          { text: document.text, weight: 1, role: 'body' },
        ],
      });
    }
  }
  return records;
}
