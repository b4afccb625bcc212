import type { CorpusDocument, CorpusPack, Entity } from '../corpus/pack';
import type { CardMention, CardQuestion, CardStatement, EntityCard, PassageSource } from '../shared/entity-card';
import { excerptAround } from '../shared/excerpt';

/** Items of each kind sent with a card; the card shows a few and opens the rest on request. */
const CARD_ITEM_LIMIT = 20;
/** Mentions from one document: more would crowd out the other sources. */
const MENTIONS_PER_DOCUMENT = 2;

export function sourceOf(pack: CorpusPack, document: CorpusDocument, start: number, end: number): PassageSource {
  return {
    packId: pack.id,
    corpusTitle: pack.title,
    documentId: document.id,
    documentTitle: document.title,
    publisher: document.publisher,
    date: document.date,
    url: document.url,
    start,
    end,
  };
}

/** Newest first by the given date; undated items last, in corpus order. */
function newestFirst<T>(items: T[], dateOf: (item: T) => string | null | undefined): T[] {
  return items
    .map((item, order) => ({ item, order, date: dateOf(item) ?? '' }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.order - b.order)
    .map(({ item }) => item);
}

/**
 * Gathers what the enabled packs hold about one entity: its statements, the questions it asked or answered,
 * and where documents mention it. The same entity id in several packs is one entity, so its items are merged.
 */
export function buildEntityCard(packs: CorpusPack[], entityId: string): EntityCard | null {
  let entity: Entity | undefined;
  const statements: CardStatement[] = [];
  const questions: CardQuestion[] = [];
  const mentions: CardMention[] = [];
  let descriptionSource: PassageSource | undefined;
  let mentionsTotal = 0;

  for (const pack of packs) {
    const found = pack.entities.find((candidate) => candidate.id === entityId);
    if (!found) continue;
    entity ??= found;
    const documents = new Map(pack.documents.map((document) => [document.id, document]));
    const names = new Map(pack.entities.map((e) => [e.id, e.name]));
    const nameOf = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));

    if (entity.description && !descriptionSource) {
      for (const document of pack.documents) {
        const at = document.text.indexOf(entity.description);
        if (at !== -1) {
          descriptionSource = sourceOf(pack, document, at, at + entity.description.length);
          break;
        }
      }
    }
    for (const statement of pack.statements) {
      const document = documents.get(statement.documentId);
      if (statement.speakerId !== entityId || !document) continue;
      statements.push({
        id: statement.id,
        excerpt: excerptAround(statement.text, [], 260),
        role: statement.role,
        source: sourceOf(pack, document, statement.start, statement.end),
      });
    }
    for (const question of pack.questions) {
      const document = documents.get(question.documentId);
      const relation =
        question.askerId === entityId
          ? 'asked'
          : question.answererId === entityId || question.answeringBodyId === entityId
            ? 'answered'
            : null;
      if (!relation || !document) continue;
      const at = document.text.indexOf(question.questionText);
      const { askerId, answererId, answeringBodyId, ...asRecorded } = question;
      questions.push({
        ...asRecorded,
        relation,
        askerName: nameOf(askerId) ?? 'unknown member',
        answererName: nameOf(answererId),
        answeringBody: nameOf(answeringBodyId ?? null) ?? undefined,
        source: sourceOf(
          pack,
          document,
          Math.max(0, at),
          Math.max(0, at) + (at === -1 ? 0 : question.questionText.length),
        ),
      });
    }
    const perDocument = new Map<string, number>();
    for (const mention of pack.mentions) {
      const document = documents.get(mention.documentId);
      if (mention.entityId !== entityId || !document) continue;
      mentionsTotal++;
      const seen = perDocument.get(document.id) ?? 0;
      perDocument.set(document.id, seen + 1);
      if (seen >= MENTIONS_PER_DOCUMENT) continue;
      mentions.push({
        excerpt: excerptAround(document.text, [{ start: mention.start, end: mention.end }]),
        source: sourceOf(pack, document, mention.start, mention.end),
      });
    }
  }
  if (!entity) return null;
  return {
    entity: {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases,
      description: entity.description,
      descriptionSource,
    },
    statements: newestFirst(statements, (statement) => statement.source.date).slice(0, CARD_ITEM_LIMIT),
    statementsTotal: statements.length,
    questions: newestFirst(
      questions,
      (question) => question.dateAnswered ?? question.dateAsked ?? question.source.date,
    ).slice(0, CARD_ITEM_LIMIT),
    questionsTotal: questions.length,
    mentions: mentions.slice(0, CARD_ITEM_LIMIT),
    mentionsTotal,
  };
}

/** Finds a document by pack and id among the stored packs. */
export function findDocument(
  packs: CorpusPack[],
  packId: string,
  documentId: string,
): { pack: CorpusPack; document: CorpusDocument } | null {
  const pack = packs.find((candidate) => candidate.id === packId);
  const document = pack?.documents.find((candidate) => candidate.id === documentId);
  return pack && document ? { pack, document } : null;
}
