// The compiler's work on one document, in the two stages either side of the corpus-wide merge (compile.ts): first
// what a document says on its own (its metadata, questions and candidate names), then, once the corpus's entities
// are known, what it says of them (mentions, statements, questions and descriptions). Each stage is a pure function
// of one document (and the entities), so documents may be compiled on any thread, in any order.
import { z } from 'zod';
import { mention, question, statement, type Question } from './pack';
import { documentMetadata, findDocumentMetadata } from './documents/metadata';
import { appositionAfter, findNameCandidates, nameCandidates, type NameCandidates } from './names';
import type { EntityRegistry } from './entities';
import { findMentions } from './mentions';
import { findStatements } from './attribution/index';
import { confirmSpeakerNames } from './attribution/speaker-names';
import { findQuestions, rawQuestion, type RawQuestion } from './questions';
import { memberRole } from './member-role';

/** A document as the stages read it: its unique id, its file name and its normalised text. */
export const documentText = z.object({ id: z.string(), name: z.string(), text: z.string() });
export type DocumentText = z.infer<typeof documentText>;

export const documentCandidates = z.object({
  metadata: documentMetadata,
  questions: z.array(rawQuestion),
  names: nameCandidates,
});
export type DocumentCandidates = z.infer<typeof documentCandidates>;

export const documentStatements = z.object({
  mentions: z.array(mention),
  statements: z.array(statement),
  questions: z.array(question),
  /** People this document describes (an apposition, a member's party and seat): the first it gives each, in order. */
  descriptions: z.array(z.tuple([z.string(), z.string()])),
});
export type DocumentStatements = z.infer<typeof documentStatements>;

/** The members named in question blocks are people, whatever else their line looks like. */
function questionMembers(text: string, questions: readonly RawQuestion[]): NameCandidates['people'] {
  const people: NameCandidates['people'] = [];
  for (const q of questions) {
    for (const [name, start] of [
      [q.askerName, q.askerStart],
      [q.answererName, q.answererStart],
    ] as const) {
      if (name === null || start === null) continue;
      for (const person of findNameCandidates(name).people) {
        people.push({ ...person, start: person.start + start, end: person.end + start, evident: true });
      }
    }
  }
  return people;
}

/** The asker's party and seat, the two lines under their name in a question block. */
function memberDescription(q: RawQuestion): string | undefined {
  const [party, seat] = q.askerDetails;
  return party === undefined ? undefined : memberRole(q.house, party, seat);
}

/** The first stage: what a document says before the corpus's entities are known. */
export function findDocumentCandidates(doc: DocumentText): DocumentCandidates {
  const questions = findQuestions(doc.text);
  const names = findNameCandidates(doc.text);
  names.people.push(...questionMembers(doc.text, questions));
  confirmSpeakerNames(doc.id, doc.text, names.people);
  return { metadata: findDocumentMetadata(doc.text, doc.name), questions, names };
}

/** The second stage: the document's mentions of the corpus's entities, its statements and its questions. */
export function findDocumentStatements(
  doc: Pick<DocumentText, 'id' | 'text'>,
  rawQuestions: readonly RawQuestion[],
  registry: EntityRegistry,
): DocumentStatements {
  const kindOf = registry.kinds;
  const mentions = findMentions(doc.id, doc.text, registry);
  const named = mentions.filter(
    (m) => kindOf.get(m.entityId) === 'person' || kindOf.get(m.entityId) === 'organisation',
  );
  const statements = findStatements({
    documentId: doc.id,
    text: doc.text,
    mentions: named,
    kindOf: (id) => kindOf.get(id),
    genderOf: (id) => registry.gender.get(id),
  });
  const descriptions = new Map<string, string>();
  for (const m of named) {
    if (kindOf.get(m.entityId) !== 'person' || descriptions.has(m.entityId)) continue;
    const apposition = appositionAfter(doc.text, m.end);
    if (apposition !== undefined) descriptions.set(m.entityId, apposition);
  }
  const personAt = (start: number | null): string | undefined =>
    start === null
      ? undefined
      : named.find((m) => m.start >= start && m.start < start + 60 && kindOf.get(m.entityId) === 'person')?.entityId;
  const questions: Question[] = [];
  for (const q of rawQuestions) {
    const askerId = personAt(q.askerStart);
    if (askerId === undefined) continue;
    const description = memberDescription(q);
    if (description !== undefined && !descriptions.has(askerId)) descriptions.set(askerId, description);
    questions.push({
      id: `${doc.id}-q${questions.length + 1}`,
      documentId: doc.id,
      house: q.house,
      askerId,
      questionText: q.questionText,
      answererId: personAt(q.answererStart) ?? null,
      answerText: q.answerText,
      dateAnswered: q.dateAnswered,
      ...(q.dateAsked !== undefined ? { dateAsked: q.dateAsked } : {}),
    });
  }
  return { mentions, statements, questions, descriptions: [...descriptions] };
}
