// Written questions from Parliament's own data (written-questions-api.ts) made into a pack: structured records in,
// nothing read from text. Each question is a document of its own (the official record, at its official address), so
// the viewer and the card's "original page" open exactly that question.
import { COURTESY_TITLES } from './lexicon';
import { memberRole } from './member-role';
import { PACK_FORMAT, PACK_LIMITS, PACK_VERSION, type CorpusDocument, type CorpusPack, type Entity } from './pack';
import type { Question } from './pack';
import { slugify } from './text';
import type { WrittenQuestion, WrittenQuestionMember } from './written-questions-api';

export interface WrittenQuestionsOptions {
  id: string;
  title: string;
  now?: Date;
}

export type WrittenQuestionsPack = { ok: true; pack: CorpusPack; questions: number } | { ok: false; error: string };

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  whitespace: /\s+/,
  finalStop: /\.$/,
} as const;

const HOUSE_NAMES = { commons: 'House of Commons', lords: 'House of Lords' } as const;

/**
 * A member's name as the documents write it, without the courtesy title the record gives it ("Mr David Jones" is
 * David Jones; "Sir Roger Gale" is Roger Gale). A peer's title stays: it is the peer's name.
 */
export function memberName(recorded: string): string {
  const words = recorded.trim().split(REGEXPS.whitespace);
  let first = 0;
  while (
    first < words.length - 2 &&
    COURTESY_TITLES.has((words[first] ?? '').toLowerCase().replace(REGEXPS.finalStop, ''))
  )
    first++;
  return words.slice(first).join(' ');
}

/** A question is one by its house, its uin and the day it was tabled (uins start again each session). */
const questionKey = (q: WrittenQuestion): string => `${q.house}|${q.uin}|${q.dateTabled}`;

/** How far along a record of a question is: a later stage replaces an earlier one. */
function stage(q: WrittenQuestion): number {
  if (q.isWithdrawn) return 4;
  if (q.answerIsCorrection) return 3;
  if (q.answerText !== null && !q.answerIsHolding) return 2;
  return q.answerIsHolding ? 1 : 0;
}

/** A question with what its earlier records add: the holding answer's words, the answer before its correction. */
interface MergedQuestion {
  current: WrittenQuestion;
  holdingAnswerText: string | null;
  originalAnswerText: string | null;
}

/**
 * The records of each question, merged. A file may hold a question more than once (two exports joined: one taken
 * while it had a holding answer, one after the substantive answer came); the latest stage is the question, and an
 * earlier holding answer or an earlier answer that was since corrected keeps its words. Two records of one stage that
 * differ contradict each other, and that is an error rather than a guess.
 */
function mergeRecords(records: readonly WrittenQuestion[]): MergedQuestion[] | { error: string } {
  const byKey = new Map<string, WrittenQuestion[]>();
  for (const record of records) {
    const key = questionKey(record);
    const same = byKey.get(key);
    if (same) same.push(record);
    else byKey.set(key, [record]);
  }
  const merged: MergedQuestion[] = [];
  for (const group of byKey.values()) {
    const ordered = [...group].sort((a, b) => stage(a) - stage(b));
    const current = ordered.at(-1) as WrittenQuestion;
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]] as [WrittenQuestion, WrittenQuestion];
      if (stage(a) !== stage(b)) continue;
      const differing = (Object.keys(a) as (keyof WrittenQuestion)[]).find(
        (field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]),
      );
      if (differing !== undefined)
        return {
          error: `question ${JSON.stringify(a.uin)}: the file holds two records of it that differ in ${differing}`,
        };
    }
    const holding = current.answerIsHolding ? undefined : ordered.find((record) => record.answerIsHolding);
    const answered = ordered.find((record) => stage(record) === 2);
    merged.push({
      current,
      holdingAnswerText: holding?.answerText ?? null,
      originalAnswerText:
        current.originalAnswerText ?? (current.answerIsCorrection ? (answered?.answerText ?? null) : null),
    });
  }
  return merged;
}

interface MemberEntry {
  entity: Entity;
  /** The day of the record the description was taken from: the latest gives it. */
  describedOn: string;
}

/**
 * The people and bodies of the questions. A member is one person by name and house, and takes the id the compiler
 * gives that name (`person-` and the name's slug), so the same person in the reader's other corpora is one card. A
 * name that members of both houses bear links to neither: each gets its house after the name.
 */
class Registry {
  private readonly members = new Map<string, MemberEntry>();
  private readonly bodies = new Map<string, Entity>();
  private readonly housesOfSlug = new Map<string, Set<string>>();

  noteMember(member: WrittenQuestionMember, house: 'commons' | 'lords'): void {
    const slug = slugify(memberName(member.name));
    const houses = this.housesOfSlug.get(slug) ?? new Set<string>();
    houses.add(house);
    this.housesOfSlug.set(slug, houses);
  }

  member(member: WrittenQuestionMember, house: 'commons' | 'lords', day: string): string {
    const name = memberName(member.name);
    const slug = slugify(name);
    const shared = (this.housesOfSlug.get(slug)?.size ?? 0) > 1;
    const id = `person-${slug}${shared ? `-${house}` : ''}`;
    const role = memberRole(house, member.party, member.memberFrom);
    const known = this.members.get(id);
    if (!known) {
      const entity: Entity = { id, kind: 'person', name, aliases: [] };
      if (role !== undefined) entity.description = role;
      this.members.set(id, { entity, describedOn: day });
    } else if (role !== undefined && day >= known.describedOn) {
      known.entity.description = role;
      known.describedOn = day;
    }
    const entity = this.members.get(id)?.entity;
    const recorded = member.name.trim();
    if (entity && recorded !== name && !entity.aliases.includes(recorded)) entity.aliases.push(recorded);
    return id;
  }

  body(name: string): string {
    const id = `organisation-${slugify(name)}`;
    if (!this.bodies.has(id)) this.bodies.set(id, { id, kind: 'organisation', name, aliases: [] });
    return id;
  }

  entities(): Entity[] {
    return [...[...this.members.values()].map((entry) => entry.entity), ...this.bodies.values()].map((entity) => ({
      ...entity,
      aliases: entity.aliases.slice(0, PACK_LIMITS.aliasesPerEntity).sort(),
    }));
  }
}

/** Parliament's page for a question: the written questions site's address for its day and uin. */
function officialUrl(q: WrittenQuestion): string {
  return `https://questions-statements.parliament.uk/written-questions/detail/${q.dateTabled}/${encodeURIComponent(q.uin)}`;
}

const withRole = (name: string, role: string | undefined): string => (role ? `${name} (${role})` : name);

/** The record as a document a reader can open in the viewer, made from its fields (and so holding the question's text). */
function recordText(merged: MergedQuestion, askerRole?: string, answererRole?: string): string {
  const q = merged.current;
  const answerer = q.answerer ? withRole(memberName(q.answerer.name), answererRole) : null;
  const by = [answerer ? `by ${answerer}` : null, q.answeringBody ? `for the ${q.answeringBody}` : null]
    .filter(Boolean)
    .join(' ');
  const lines = [
    q.heading ?? 'Written question',
    `${HOUSE_NAMES[q.house]} written question ${q.uin}, tabled on ${q.dateTabled}.`,
    `Asked by ${withRole(memberName(q.asker.name), askerRole)}:`,
    q.questionText,
  ];
  if (q.isWithdrawn) lines.push('The question was withdrawn.');
  if (merged.holdingAnswerText !== null)
    lines.push(`Holding answer${q.dateHoldingAnswer ? ` of ${q.dateHoldingAnswer}` : ''}:`, merged.holdingAnswerText);
  if (q.answerText !== null) {
    const kind = q.answerIsHolding ? 'Holding answer' : q.answerIsCorrection ? 'Corrected answer' : 'Answer';
    const day = q.answerIsCorrection ? q.dateAnswerCorrected : q.dateAnswered;
    lines.push(`${kind}${day ? ` of ${day}` : ''}${by ? ` ${by}` : ''}:`, q.answerText);
  }
  if (merged.originalAnswerText !== null)
    lines.push(
      `The answer as first given${q.dateAnswered ? `, on ${q.dateAnswered}` : ''}:`,
      merged.originalAnswerText,
    );
  if (q.groupedQuestions.length > 0) lines.push(`Answered together with ${q.groupedQuestions.join(', ')}.`);
  return lines.join('\n');
}

/**
 * Makes a pack of written questions: each question a document and a question, each asker and answerer a person, each
 * answering body an organisation. Names, dates and flags are the records' own.
 */
export function writtenQuestionsPack(
  records: readonly WrittenQuestion[],
  options: WrittenQuestionsOptions,
): WrittenQuestionsPack {
  if (records.length === 0) return { ok: false, error: 'the file holds no questions' };
  const merged = mergeRecords(records);
  if ('error' in merged) return { ok: false, error: merged.error };
  if (merged.length > PACK_LIMITS.documents)
    return {
      ok: false,
      error: `the file holds ${merged.length.toLocaleString('en')} questions; one import takes at most ${PACK_LIMITS.documents.toLocaleString('en')} (split the file)`,
    };
  const registry = new Registry();
  for (const { current } of merged) {
    registry.noteMember(current.asker, current.house);
    if (current.answerer) registry.noteMember(current.answerer, current.house);
  }
  const documents: CorpusDocument[] = [];
  const questions: Question[] = [];
  for (const entry of merged) {
    const q = entry.current;
    const id = `wq-${q.house}-${slugify(q.uin)}-${q.dateTabled}`;
    const askerRole = memberRole(q.house, q.asker.party, q.asker.memberFrom);
    const answererRole = q.answerer ? memberRole(q.house, q.answerer.party, q.answerer.memberFrom) : undefined;
    documents.push({
      id,
      title: `${q.heading ?? 'Written question'} (${q.uin})`,
      publisher: HOUSE_NAMES[q.house],
      date: q.dateTabled,
      url: officialUrl(q),
      text: recordText(entry, askerRole, answererRole),
    });
    const question: Question = {
      id,
      documentId: id,
      house: q.house,
      askerId: registry.member(q.asker, q.house, q.dateTabled),
      questionText: q.questionText,
      answererId: q.answerer ? registry.member(q.answerer, q.house, q.dateAnswered ?? q.dateTabled) : null,
      answerText: q.answerText,
      dateAnswered: q.dateAnswered,
      dateAsked: q.dateTabled,
      uin: q.uin,
      answerIsHolding: q.answerIsHolding,
      answerIsCorrection: q.answerIsCorrection,
      isWithdrawn: q.isWithdrawn,
    };
    if (q.answeringBody !== null) question.answeringBodyId = registry.body(q.answeringBody);
    if (askerRole !== undefined) question.askerRole = askerRole;
    if (answererRole !== undefined) question.answererRole = answererRole;
    if (q.dateHoldingAnswer !== null) question.dateHoldingAnswer = q.dateHoldingAnswer;
    if (entry.holdingAnswerText !== null) question.holdingAnswerText = entry.holdingAnswerText;
    if (q.dateAnswerCorrected !== null) question.dateAnswerCorrected = q.dateAnswerCorrected;
    if (entry.originalAnswerText !== null) question.originalAnswerText = entry.originalAnswerText;
    questions.push(question);
  }
  return {
    ok: true,
    questions: questions.length,
    pack: {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      id: options.id,
      title: options.title,
      createdAt: (options.now ?? new Date()).toISOString(),
      documents,
      entities: registry.entities(),
      statements: [],
      questions,
      mentions: [],
    },
  };
}
