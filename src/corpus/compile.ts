// Documents in, a validated-shape corpus pack out. Pure: no Node, no DOM, so it also runs in the extension.
import {
  PACK_FORMAT,
  PACK_VERSION,
  type CorpusDocument,
  type CorpusPack,
  type Mention,
  type Question,
  type Statement,
} from './pack';
import { documentIdFromName, findDocumentMetadata, type DocumentMetadata } from './documents/metadata';
import { findNameCandidates, appositionAfter, type NameCandidates } from './names';
import { buildEntities, type ExtraEntities } from './entities';
import { findMentions } from './mentions';
import { findStatements } from './attribution/index';
import { confirmSpeakerNames } from './attribution/speaker-names';
import { findQuestions, type RawQuestion } from './questions';
import { findTopics } from './topics';
import { memberRole } from './member-role';
import { slugify } from './text';

/** A document to compile: its file name and text (the stored document the viewer shows is `SourceDocument`). */
export interface DocumentInput {
  name: string;
  text: string;
  /** What the document's publisher says of it (a web page's own markup), which wins over what its text suggests. */
  metadata?: Partial<DocumentMetadata>;
}

export interface CompileOptions {
  entities?: ExtraEntities;
  title?: string;
  id?: string;
  now?: Date;
}

const DEFAULT_TITLE = 'Sourcelight corpus';

/** Line ends as "\n" and no byte-order mark, so offsets mean the same on every platform. */
const normaliseText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function uniqueIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = documentIdFromName(name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

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

export function compilePack(docs: readonly DocumentInput[], options: CompileOptions = {}): CorpusPack {
  const ids = uniqueIds(docs.map((d) => d.name));
  const texts = docs.map((d) => normaliseText(d.text));
  const documents: CorpusDocument[] = texts.map((text, i) => {
    const id = ids[i] ?? `doc-${i + 1}`;
    const given = Object.fromEntries(Object.entries(docs[i]?.metadata ?? {}).filter(([, value]) => value));
    return { id, ...findDocumentMetadata(text, docs[i]?.name ?? id), ...given, text };
  });
  const rawQuestions = texts.map(findQuestions);
  const candidates = texts.map((text, i) => {
    const found = findNameCandidates(text);
    found.people.push(...questionMembers(text, rawQuestions[i] ?? []));
    confirmSpeakerNames(ids[i] ?? '', text, found.people);
    return found;
  });
  const registry = buildEntities(candidates, findTopics(texts), options.entities);
  const kindOf = registry.kinds;

  const mentions: Mention[] = [];
  const statements: Statement[] = [];
  const questions: Question[] = [];
  const descriptions = new Map<string, string>();
  documents.forEach((doc, i) => {
    const docMentions = findMentions(doc.id, doc.text, registry);
    mentions.push(...docMentions);
    const named = docMentions.filter(
      (m) => kindOf.get(m.entityId) === 'person' || kindOf.get(m.entityId) === 'organisation',
    );
    statements.push(
      ...findStatements({
        documentId: doc.id,
        text: doc.text,
        mentions: named,
        kindOf: (id) => kindOf.get(id),
        genderOf: (id) => registry.gender.get(id),
      }),
    );
    for (const m of named) {
      if (kindOf.get(m.entityId) !== 'person' || descriptions.has(m.entityId)) continue;
      const apposition = appositionAfter(doc.text, m.end);
      if (apposition !== undefined) descriptions.set(m.entityId, apposition);
    }
    const personAt = (start: number | null): string | undefined =>
      start === null
        ? undefined
        : named.find((m) => m.start >= start && m.start < start + 60 && kindOf.get(m.entityId) === 'person')?.entityId;
    for (const q of rawQuestions[i] ?? []) {
      const askerId = personAt(q.askerStart);
      if (askerId === undefined) continue;
      const description = memberDescription(q);
      if (description !== undefined && !descriptions.has(askerId)) descriptions.set(askerId, description);
      questions.push({
        id: `${doc.id}-q${questions.filter((x) => x.documentId === doc.id).length + 1}`,
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
  });

  // Keep entities the documents actually name, and every entity the user supplied.
  const used = new Set<string>([...mentions.map((m) => m.entityId), ...(options.entities ?? []).map((e) => e.name)]);
  const entities = registry.entities
    .filter((e) => used.has(e.id) || used.has(e.name))
    .map((e) =>
      e.description === undefined && descriptions.has(e.id) ? { ...e, description: descriptions.get(e.id) ?? '' } : e,
    );
  const title = options.title ?? DEFAULT_TITLE;
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: options.id ?? slugify(title),
    title,
    createdAt: (options.now ?? new Date()).toISOString(),
    documents,
    entities,
    statements,
    questions,
    mentions,
  };
}
