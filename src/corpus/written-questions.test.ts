import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEntityCard } from '../background/entity-card';
import { writtenQuestionsExport } from '../../test/fixtures/written-questions-set';
import { compilePack } from './compile';
import { recogniseImport } from './import-format';
import { parsePack, type CorpusPack, type Question } from './pack';
import { withoutDocument } from './pack-edit';
import { readWrittenQuestion, type WrittenQuestion } from './written-questions-api';
import { memberName, writtenQuestionsPack } from './written-questions';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/written-questions');
interface ApiRecord {
  value: Record<string, unknown> & { uin: string; askingMember: { name: string } };
}
const exported = (name: string): { results: ApiRecord[] } =>
  JSON.parse(readFileSync(resolve(fixtures, name), 'utf8')) as { results: ApiRecord[] };

function readAll(results: readonly unknown[]): WrittenQuestion[] {
  return results.map((raw, i) => {
    const read = readWrittenQuestion(raw, i);
    if (!read.ok) throw new Error(read.error);
    return read.question;
  });
}

function packOf(results: readonly unknown[]): CorpusPack {
  const made = writtenQuestionsPack(readAll(results), { id: 'wq', title: 'Written questions', now: new Date(0) });
  if (!made.ok) throw new Error(made.error);
  // What the background stores must pass the pack's own check.
  const checked = parsePack(JSON.parse(JSON.stringify(made.pack)));
  if (!checked.ok) throw new Error(checked.error);
  return checked.pack;
}

const fixture = exported('questions.json');
const pack = packOf(fixture.results);
const byUin = (uin: string): Question => {
  const found = pack.questions.find((q) => q.uin === uin);
  if (!found) throw new Error(`no question ${uin}`);
  return found;
};
const nameOf = (id: string | null | undefined): string | undefined => pack.entities.find((e) => e.id === id)?.name;

describe('written questions from the UK Parliament API', () => {
  it('is recognised as that format, and a Sourcelight pack as a pack', () => {
    const text = readFileSync(resolve(fixtures, 'questions.json'), 'utf8');
    expect(recogniseImport(text)).toMatchObject({ format: 'uk-parliament-written-questions' });
    expect(recogniseImport(JSON.stringify(pack))).toEqual({ format: 'sourcelight-pack' });
    expect(recogniseImport('{"documents": [], "format": "sourcelight-corpus"}')).toEqual({
      format: 'sourcelight-pack',
    });
    expect(() => recogniseImport('{"results": [')).toThrow(/not JSON/);
  });

  it('keeps each question’s asker, answerer, dates and flags exactly as the file gives them', () => {
    // The file's last record of each question is the one it is imported as (10453 comes twice: see below).
    const latest = new Map(fixture.results.map((r) => [r.value.uin, r.value]));
    expect(pack.questions).toHaveLength(latest.size);
    const day = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, 10) : undefined);
    for (const [uin, value] of latest) {
      const q = byUin(uin);
      expect(q.house).toBe(value.house === 'Lords' ? 'lords' : 'commons');
      expect(pack.entities.find((e) => e.id === q.askerId)?.aliases.concat(nameOf(q.askerId) ?? '')).toContain(
        memberName(value.askingMember.name),
      );
      const answerer = value.answeringMember as { name: string } | null;
      expect(nameOf(q.answererId)).toBe(answerer ? memberName(answerer.name) : undefined);
      expect(nameOf(q.answeringBodyId)).toBe(value.answeringBodyName);
      expect(q.dateAsked).toBe(day(value.dateTabled));
      expect(q.dateAnswered).toBe(day(value.dateAnswered) ?? null);
      expect(q.dateHoldingAnswer).toBe(day(value.dateHoldingAnswer));
      expect(q.dateAnswerCorrected).toBe(day(value.dateAnswerCorrected));
      expect(q.answerIsHolding).toBe(value.answerIsHolding === true);
      expect(q.answerIsCorrection).toBe(value.answerIsCorrection === true);
      expect(q.isWithdrawn).toBe(value.isWithdrawn);
    }
  });

  it('names members as the documents do, without the courtesy title, and keeps a peer’s title', () => {
    expect(nameOf(byUin('10452').askerId)).toBe('Orla Tregarthen');
    expect(byUin('10452').askerId).toBe('person-orla-tregarthen');
    expect(pack.entities.find((e) => e.id === 'person-orla-tregarthen')?.aliases).toEqual(['Ms Orla Tregarthen']);
    expect(nameOf(byUin('HL2291').askerId)).toBe('Baroness Quillfeather');
    expect(nameOf(byUin('HL2291').answererId)).toBe('Lord Ashgrove of Penmarrow');
    expect(memberName('Sir Roger Gale')).toBe('Roger Gale');
    expect(memberName('Mr Smith')).toBe('Mr Smith');
  });

  it('gives each member their party and seat on the day as their role', () => {
    expect(byUin('10452')).toMatchObject({
      askerRole: 'Labour MP for Wyndham North',
      answererRole: 'Conservative MP for Fenmoor',
    });
    expect(byUin('HL2291')).toMatchObject({
      askerRole: 'Crossbench member of the House of Lords (life peer)',
      answererRole: 'Conservative member of the House of Lords (life peer)',
    });
    expect(pack.entities.find((e) => e.id === 'person-orla-tregarthen')?.description).toBe(
      'Labour MP for Wyndham North',
    );
  });

  it('keeps a holding answer that still stands as the answer, flagged', () => {
    expect(byUin('10452')).toMatchObject({
      answerIsHolding: true,
      dateHoldingAnswer: '2024-03-11',
      answerText: 'I will reply to the hon. Member as soon as possible.',
    });
    expect(byUin('10452').holdingAnswerText).toBeUndefined();
  });

  it('keeps both texts of a question the file holds before and after its substantive answer', () => {
    expect(byUin('10453')).toMatchObject({
      answerIsHolding: false,
      dateHoldingAnswer: '2024-03-11',
      dateAnswered: '2024-03-20',
      holdingAnswerText: 'I will reply to the hon. Member as soon as possible.',
    });
    expect(byUin('10453').answerText).toMatch(/^Eleven of the fourteen harbour walls/);
  });

  it('keeps a corrected answer with the answer as first given and the day of the correction', () => {
    expect(byUin('10460')).toMatchObject({
      answerIsCorrection: true,
      dateAnswerCorrected: '2024-02-26',
      dateAnswered: '2024-02-19',
      answerText: 'My Department allocated £4.2 million to sea defences in Wyndham North in 2022–23.',
      originalAnswerText: 'My Department allocated £2.4 million to sea defences in Wyndham North in 2022–23.',
    });
  });

  it('keeps a withdrawn question, with no answer and no answerer', () => {
    expect(byUin('10990')).toMatchObject({ isWithdrawn: true, answerText: null, answererId: null, dateAnswered: null });
  });

  it('reads an answer written as HTML as its words, a line per paragraph and list item', () => {
    expect(byUin('HL2291').answerText).toBe(
      'The Government warns coastal communities in three ways:\nflood alerts by text message;\nsirens at harbours;\na daily tide bulletin.',
    );
  });

  it('makes each question a document at its official address, holding the question’s own words', () => {
    const q = byUin('10460');
    const document = pack.documents.find((d) => d.id === q.documentId);
    expect(document).toMatchObject({
      title: 'Sea Defences: Finance (10460)',
      publisher: 'House of Commons',
      date: '2024-02-12',
      url: 'https://questions-statements.parliament.uk/written-questions/detail/2024-02-12/10460',
    });
    expect(document?.text).toContain(q.questionText);
    expect(document?.text).toContain(q.originalAnswerText);
  });

  it('loses a question with its document, and the department only with the last question put to it', () => {
    const withoutOne = withoutDocument(pack, byUin('10990').documentId);
    expect(withoutOne.questions.map((q) => q.uin)).not.toContain('10990');
    expect(withoutOne.entities.map((e) => e.id)).toContain('organisation-department-for-coastal-affairs');
    const withoutAll = pack.documents.reduce((left, document) => withoutDocument(left, document.id), pack);
    expect(withoutAll.entities).toEqual([]);
  });

  it('shows the answering body’s card with the questions put to it', () => {
    const card = buildEntityCard([pack], 'organisation-department-for-coastal-affairs');
    expect(card?.entity.kind).toBe('organisation');
    expect(card?.questionsTotal).toBe(pack.questions.length);
    expect(card?.questions.every((q) => q.relation === 'answered')).toBe(true);
  });

  it('is one person with the reader’s other corpora that name the member in full', () => {
    const notes = compilePack(
      [{ name: 'notes.txt', text: 'Orla Tregarthen said: “The cliffs at Pellow Head are falling into the sea.”\n' }],
      { id: 'notes', title: 'Notes' },
    );
    expect(notes.statements[0]?.speakerId).toBe('person-orla-tregarthen');
    const card = buildEntityCard([notes, pack], 'person-orla-tregarthen');
    expect(card?.statementsTotal).toBe(1);
    expect(card?.questionsTotal).toBe(3);
    expect(card?.questions.find((q) => q.uin === '10460')).toMatchObject({
      relation: 'asked',
      askerName: 'Orla Tregarthen',
      askerRole: 'Labour MP for Wyndham North',
      answererName: 'Caspar Wellbeloved',
      answeringBody: 'Department for Coastal Affairs',
      answerIsCorrection: true,
      dateAnswerCorrected: '2024-02-26',
    });
  });

  it('keeps apart two members of one name in the two houses, linking neither to other corpora', () => {
    const [commons, lords] = fixture.results.slice(0, 2).map((r) => structuredClone(r));
    if (!commons || !lords) throw new Error('fixture too short');
    lords.value.house = 'Lords';
    lords.value.uin = 'HL1';
    const both = packOf([commons, lords]);
    expect(both.questions.map((q) => q.askerId)).toEqual(['person-orla-tregarthen', 'person-bramwell-oakes']);
    lords.value.askingMember = commons.value.askingMember;
    expect(packOf([commons, lords]).questions.map((q) => q.askerId)).toEqual([
      'person-orla-tregarthen-commons',
      'person-orla-tregarthen-lords',
    ]);
  });
});

describe('bad written question records', () => {
  const results = exported('bad-records.json').results;

  it('names the record’s uin and the field that is wrong', () => {
    expect(readWrittenQuestion(results[0], 0)).toEqual({
      ok: false,
      error: 'question "10461": dateAnswered: no such day',
    });
    expect(readWrittenQuestion(results[1], 1)).toEqual({
      ok: false,
      error: 'question "10462": askingMember.name: the asker\'s name is missing (export with expandMember=true)',
    });
    expect(readWrittenQuestion(results[2], 2).ok).toBe(true);
  });

  it('names a record without a uin by its place in the file, and a wrong type by its field', () => {
    const broken = structuredClone(results[2]) as ApiRecord;
    delete (broken.value as { uin?: string }).uin;
    broken.value.isWithdrawn = 'no';
    const read = readWrittenQuestion(broken, 6);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toMatch(/^record 7 \(no uin\): uin: /);
      expect(read.error).toMatch(/isWithdrawn: /);
    }
    const corrected = structuredClone(results[2]) as ApiRecord;
    corrected.value.dateAnswerCorrected = null;
    expect(readWrittenQuestion(corrected, 0)).toMatchObject({
      error:
        'question "10460": dateAnswerCorrected: the answer is marked as a correction but has no date of correction',
    });
  });

  it('refuses two records of one question that contradict each other, naming it and the field', () => {
    const [record] = readAll([fixture.results[0]]);
    if (!record) throw new Error('fixture too short');
    const other = { ...record, answerText: 'Another holding answer.' };
    expect(writtenQuestionsPack([record, other], { id: 'x', title: 'x' })).toEqual({
      ok: false,
      error: 'question "10452": the file holds two records of it that differ in answerText',
    });
  });

  it('refuses a file of no questions', () => {
    expect(writtenQuestionsPack([], { id: 'x', title: 'x' })).toEqual({
      ok: false,
      error: 'the file holds no questions',
    });
  });
});

describe('a written questions export of 10,000 questions', () => {
  it('becomes a valid pack of 10,000 questions and documents, its people merged by name and house', () => {
    const started = performance.now();
    const big = packOf(writtenQuestionsExport(10_000).results);
    console.log(
      `10,000 written questions checked and made into a pack in ${Math.round(performance.now() - started)} ms`,
    );
    expect(big.questions).toHaveLength(10_000);
    expect(big.documents).toHaveLength(10_000);
    expect(big.entities.filter((e) => e.kind === 'person')).toHaveLength(164);
    expect(big.entities.filter((e) => e.kind === 'organisation')).toHaveLength(10);
    expect(big.questions.filter((q) => q.isWithdrawn)).toHaveLength(100);
    expect(big.questions.filter((q) => q.answerIsHolding)).toHaveLength(500);
  });
});
