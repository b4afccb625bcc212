import type { CorpusPack } from './pack';

/**
 * The pack without one document: its statements, questions and mentions go with it, and so do the entities that
 * nothing left in the pack mentions, quotes or questions, so no page highlights a name whose card would be empty.
 */
export function withoutDocument(pack: CorpusPack, documentId: string): CorpusPack {
  const kept = <T extends { documentId: string }>(items: T[]): T[] =>
    items.filter((item) => item.documentId !== documentId);
  const statements = kept(pack.statements);
  const questions = kept(pack.questions);
  const mentions = kept(pack.mentions);
  const referenced = new Set<string>([
    ...mentions.map((mention) => mention.entityId),
    ...statements.flatMap((statement) => (statement.speakerId === null ? [] : [statement.speakerId])),
    ...questions.flatMap((question) =>
      [question.askerId, question.answererId, question.answeringBodyId].filter((id) => id !== null && id !== undefined),
    ),
  ]);
  return {
    ...pack,
    documents: pack.documents.filter((source) => source.id !== documentId),
    entities: pack.entities.filter((entity) => referenced.has(entity.id)),
    statements,
    questions,
    mentions,
  };
}
