import type { CorpusDocument, CorpusPack, Entity } from '../corpus/pack';
import { sameWordsHeads } from '../corpus/claims/same-words';
import type { CardMention, CardQuestion, CardStatement, EntityCard, PassageSource } from '../shared/entity-card';
import { excerptAround } from '../shared/excerpt';
import { firstSource, inDateOrder, timelinePoints } from '../shared/timeline';
import { correctionLookup, correctsTo, statementCorrection, type CorrectionLookup } from '../shared/correction-lookup';

/** How much of what the corpus holds about an entity a view is sent. */
export interface EntityView {
  /** Statements, and questions, sent: the newest. */
  items: number;
  /** Points on the timeline: the earliest. */
  timeline: number;
  mentions: number;
  /** Mentions from one document: more would crowd out the other sources. */
  mentionsPerDocument: number;
  /** A statement's characters shown. */
  excerptLength: number;
}

/** The card shows a few of each and opens the rest on request, and a compact timeline of everything. */
export const CARD_VIEW: EntityView = {
  items: 20,
  timeline: 500,
  mentions: 20,
  mentionsPerDocument: 2,
  excerptLength: 260,
};
/** The entity's own page shows everything, up to what one page can hold and a reader can scroll. */
export const PAGE_VIEW: EntityView = {
  items: 2_000,
  timeline: 4_000,
  mentions: 500,
  mentionsPerDocument: 5,
  excerptLength: 1_500,
};

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

/** A statement on a card, with its whole text. */
interface CardStatementWithText {
  statement: CardStatement;
  text: string;
}

/**
 * A pack's statements on an entity's card: those its text gives to the entity, and those the reader gave to it. A
 * statement the reader gave to someone else stays on the card of the speaker the source names, saying so.
 */
function cardStatements(
  pack: CorpusPack,
  entity: Entity,
  corrections: CorrectionLookup,
  view: EntityView,
): CardStatementWithText[] {
  const documents = new Map(pack.documents.map((document) => [document.id, document]));
  let entities: Map<string, Entity> | undefined;
  const entityOf = (id: string): Entity | undefined =>
    (entities ??= new Map(pack.entities.map((e) => [e.id, e]))).get(id);
  const found: CardStatementWithText[] = [];
  for (const statement of pack.statements) {
    const document = documents.get(statement.documentId);
    if (!document) continue;
    const corrected = statementCorrection(corrections, pack.id, statement, entityOf);
    if (statement.speakerId !== entity.id && !(corrected && correctsTo(corrected.entry, entity))) continue;
    found.push({
      statement: {
        id: statement.id,
        excerpt: excerptAround(statement.text, [], view.excerptLength),
        role: statement.role,
        source: sourceOf(pack, document, statement.start, statement.end),
        alsoIn: [],
        ...(corrected ? { correction: corrected.view } : {}),
      },
      text: statement.text,
    });
  }
  return found;
}

/**
 * The entity's statements with the same words, or nearly, as one item each (src/corpus/claims/same-words.ts),
 * headed by the fullest, its other sources earliest first. A statement the reader corrected is the same words only
 * as another corrected alike: an item has one speaker.
 */
function sameWordsItems(found: readonly CardStatementWithText[]): CardStatement[] {
  const statements = found.map(({ statement }) => statement);
  const heads = sameWordsHeads(
    found.map(({ statement, text }) => ({
      text,
      speakerId: statement.correction ? `corrected to ${statement.correction.speakerId ?? 'nobody'}` : 'the entity',
    })),
  );
  const alsoIn = statements.map((): CardStatement['alsoIn'] => []);
  heads.forEach((found, i) => {
    const statement = statements[i];
    if (!found || !statement) return;
    alsoIn[found.head]?.push({
      source: statement.source,
      ...(statement.role !== undefined ? { role: statement.role } : {}),
      wording: found.wording,
    });
  });
  return statements.flatMap((statement, i) =>
    heads[i] ? [] : [{ ...statement, alsoIn: inDateOrder(alsoIn[i] ?? [], (other) => other.source.date) }],
  );
}

/**
 * Gathers what the enabled packs hold about one entity: its statements, the questions it asked or answered,
 * and where documents mention it. The same entity id in several packs is one entity, so its items are merged.
 */
export function buildEntityCard(
  packs: CorpusPack[],
  entityId: string,
  view: EntityView = CARD_VIEW,
  corrections: CorrectionLookup = correctionLookup([]),
): EntityCard | null {
  let entity: Entity | undefined;
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
      if (seen >= view.mentionsPerDocument) continue;
      mentions.push({
        excerpt: excerptAround(document.text, [{ start: mention.start, end: mention.end }]),
        source: sourceOf(pack, document, mention.start, mention.end),
      });
    }
  }
  if (!entity) return null;
  const card = entity;
  const items = sameWordsItems(packs.flatMap((pack) => cardStatements(pack, card, corrections, view)));
  return {
    entity: {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases,
      description: entity.description,
      descriptionSource,
    },
    // An item said in several sources stands at the first of them.
    statements: newestFirst(items, (statement) => firstSource(statement).date).slice(0, view.items),
    statementsTotal: items.length,
    questions: newestFirst(
      questions,
      (question) => question.dateAnswered ?? question.dateAsked ?? question.source.date,
    ).slice(0, view.items),
    questionsTotal: questions.length,
    mentions: mentions.slice(0, view.mentions),
    mentionsTotal,
    timeline: timelinePoints(items, questions).slice(0, view.timeline),
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
