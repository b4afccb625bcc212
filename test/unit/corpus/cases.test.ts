// Runs every hand-labelled case: the five seed documents compiled together as the default corpus, and one small
// hand-written document per attribution pattern or trap, each compiled on its own (test/corpus/*/NAME/).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../src/corpus/compile';
import type { CorpusPack } from '../../../src/corpus/pack';

interface ExpectedStatement {
  startsWith: string;
  endsWith?: string;
  speaker: string | null;
  cue?: string;
  why: string;
}
interface ExpectedQuestion {
  asker: string;
  house: 'commons' | 'lords';
  answerer: string | null;
  dateAnswered: string | null;
  answered: boolean;
  startsWith: string;
}
interface Expected {
  document?: string;
  metadata?: { date?: string; publisher?: string };
  statements: ExpectedStatement[];
  questions?: ExpectedQuestion[];
  separatePeople?: string[][];
  samePerson?: string[][];
  sameOrganisation?: string[][];
  /** Names of any kind that must stay distinct entities ("LP" when two parties have those initials). */
  separateEntities?: string[][];
  /** The kind each named entity must have ("UK" a place, not an organisation). */
  kinds?: Record<string, string>;
  /** Names that must be no entity's name ("Government", a lone office word). */
  absent?: string[];
  mentioned?: string[];
}

const root = join(import.meta.dirname, '../../corpus');
const seedsDir = join(import.meta.dirname, '../../../assets/corpus');
const readExpected = (dir: string): Expected =>
  JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

function entityNamed(pack: CorpusPack, name: string): string | undefined {
  return pack.entities.find((e) => e.name === name || e.aliases.includes(name))?.id;
}

function checkCase(pack: CorpusPack, documentId: string, expected: Expected): void {
  const statements = pack.statements.filter((s) => s.documentId === documentId);
  const speakerName = (id: string | null): string | null =>
    id === null ? null : (pack.entities.find((e) => e.id === id)?.name ?? id);
  expect(statements.map((s) => s.text.slice(0, 30))).toHaveLength(expected.statements.length);
  expected.statements.forEach((want, i) => {
    const got = statements[i];
    expect(
      got?.text.startsWith(want.startsWith),
      `statement ${i + 1} starts "${want.startsWith}", got "${got?.text.slice(0, 40)}"`,
    ).toBe(true);
    if (want.endsWith !== undefined)
      expect(got?.text.trimEnd().endsWith(want.endsWith), `statement ${i + 1} ends "${want.endsWith}"`).toBe(true);
    const wanted =
      want.speaker === null ? null : speakerName(entityNamed(pack, want.speaker) ?? `missing entity ${want.speaker}`);
    expect(speakerName(got?.speakerId ?? null), `statement ${i + 1} (${want.why})`).toBe(wanted);
    if (want.cue !== undefined) expect(got?.cue).toBe(want.cue);
  });
  const questions = pack.questions.filter((q) => q.documentId === documentId);
  expect(questions).toHaveLength(expected.questions?.length ?? 0);
  (expected.questions ?? []).forEach((want, i) => {
    const got = questions[i];
    expect(got?.questionText.startsWith(want.startsWith), `question ${i + 1} text`).toBe(true);
    expect(speakerName(got?.askerId ?? null), `question ${i + 1} asker`).toBe(
      speakerName(entityNamed(pack, want.asker) ?? want.asker),
    );
    expect(speakerName(got?.answererId ?? null), `question ${i + 1} answerer`).toBe(
      want.answerer === null ? null : speakerName(entityNamed(pack, want.answerer) ?? want.answerer),
    );
    expect(got?.house, `question ${i + 1} house`).toBe(want.house);
    expect(got?.dateAnswered, `question ${i + 1} date`).toBe(want.dateAnswered);
    expect(got?.answerText !== null, `question ${i + 1} answered`).toBe(want.answered);
  });
  for (const names of [...(expected.separatePeople ?? []), ...(expected.separateEntities ?? [])]) {
    const ids = names.map((n) => entityNamed(pack, n));
    expect(
      ids.every((id) => id !== undefined),
      `all of ${names.join(', ')} found`,
    ).toBe(true);
    expect(new Set(ids).size, `${names.join(', ')} stay apart`).toBe(names.length);
  }
  for (const names of [...(expected.samePerson ?? []), ...(expected.sameOrganisation ?? [])]) {
    const ids = new Set(names.map((n) => entityNamed(pack, n)));
    expect([...ids], `${names.join(', ')} are one entity`).toHaveLength(1);
    expect([...ids][0]).toBeDefined();
  }
  for (const [name, kind] of Object.entries(expected.kinds ?? {})) {
    expect(pack.entities.find((e) => e.name === name || e.aliases.includes(name))?.kind, `${name} is a ${kind}`).toBe(
      kind,
    );
  }
  for (const name of expected.absent ?? []) {
    expect(
      pack.entities.find((e) => e.name === name),
      `no entity is named ${name}`,
    ).toBeUndefined();
  }
  for (const name of expected.mentioned ?? []) {
    const id = entityNamed(pack, name);
    expect(
      pack.mentions.some((m) => m.entityId === id && m.documentId === documentId),
      `${name} is mentioned`,
    ).toBe(true);
  }
}

describe('hand-labelled seed documents', () => {
  const names = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const pack = compilePack(names.map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') })));
  for (const dir of readdirSync(join(root, 'seeds')).sort()) {
    const expected = readExpected(join(root, 'seeds', dir));
    it(`attributes every quotation and reads every question in ${dir} as labelled`, () => {
      const doc = pack.documents.find(
        (d) => `${d.id}.txt`.replace(/-/g, '_') === expected.document?.replace(/-/g, '_'),
      );
      expect(doc, `document ${expected.document}`).toBeDefined();
      if (doc === undefined) return;
      if (expected.metadata?.date !== undefined) expect(doc.date).toBe(expected.metadata.date);
      if (expected.metadata?.publisher !== undefined) expect(doc.publisher).toBe(expected.metadata.publisher);
      checkCase(pack, doc.id, expected);
    });
  }
});

describe('hand-written attribution patterns and traps', () => {
  for (const dir of readdirSync(join(root, 'patterns')).sort()) {
    const caseDir = join(root, 'patterns', dir);
    it(`handles ${dir.replace(/-/g, ' ')} as labelled`, () => {
      // A case folder without its source is an error, as a readability test page without its expected output is.
      expect(existsSync(join(caseDir, 'source.txt')), `${dir}/source.txt`).toBe(true);
      const pack = compilePack([{ name: `${dir}.txt`, text: readFileSync(join(caseDir, 'source.txt'), 'utf8') }]);
      const [doc] = pack.documents;
      expect(doc).toBeDefined();
      if (doc !== undefined) checkCase(pack, doc.id, readExpected(caseDir));
    });
  }
});
