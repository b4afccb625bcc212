// `npm run corpus:case -- test/corpus/patterns/according-to`: prints what the compiler makes of one case folder, its
// statements (speaker, cue, text) and questions, to read beside the folder's expected.json. A folder's source.txt is
// compiled on its own; a seed (no source.txt, its expected.json names a file in assets/corpus) with the other seeds,
// as the tests and `npm run eval` compile them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compilePack } from '../../src/corpus/compile';
import type { CorpusPack, CorpusDocument } from '../../src/corpus/pack';
import { labelledCase } from './labels';
import { repo } from './score';

function compileCase(dir: string): { pack: CorpusPack; doc: CorpusDocument | undefined } {
  const source = join(dir, 'source.txt');
  if (existsSync(source)) {
    const pack = compilePack([{ name: 'source.txt', text: readFileSync(source, 'utf8') }]);
    return { pack, doc: pack.documents[0] };
  }
  const expected = join(dir, 'expected.json');
  if (!existsSync(expected)) throw new Error(`${dir}: neither source.txt nor expected.json`);
  const { document } = labelledCase.parse(JSON.parse(readFileSync(expected, 'utf8')));
  const seeds = join(repo, 'assets/corpus');
  const names = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (!names.includes(document)) throw new Error(`${dir}: no source.txt, and ${document || 'no document'} is no seed`);
  const pack = compilePack(names.map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') })));
  // A document's id is its file name slugged, which turns underscores into dashes.
  const key = (name: string): string => name.replace(/-/g, '_');
  return { pack, doc: pack.documents.find((d) => key(`${d.id}.txt`) === key(document)) };
}

function printCase(dir: string): void {
  const { pack, doc } = compileCase(dir);
  if (doc === undefined) throw new Error(`${dir}: the compiler made no document of it`);
  const name = (id: string | null): string =>
    id === null ? '(nobody)' : (pack.entities.find((e) => e.id === id)?.name ?? id);
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
  console.log(`${doc.title}${doc.publisher ? ` · ${doc.publisher}` : ''}${doc.date ? ` · ${doc.date}` : ''}`);
  const named = pack.entities.filter((e) => pack.mentions.some((m) => m.documentId === doc.id && m.entityId === e.id));
  console.log(`\n${named.length} entities`);
  for (const e of named) console.log(`- ${e.kind}: ${[e.name, ...e.aliases.filter((a) => a !== e.name)].join(' / ')}`);
  const statements = pack.statements.filter((s) => s.documentId === doc.id);
  console.log(`\n${statements.length} statements`);
  statements.forEach((s, i) => {
    const why = s.unattributedReason ? `, ${s.unattributedReason}` : '';
    const role = s.role ? `, ${s.role}` : '';
    const by = s.decidedBy === undefined ? '' : ` ← ${s.decidedBy}`;
    console.log(`${i + 1}. ${name(s.speakerId)} [${s.cue}${why}${role}${by}]: ${oneLine(s.text)}`);
  });
  const questions = pack.questions.filter((q) => q.documentId === doc.id);
  console.log(`\n${questions.length} questions`);
  questions.forEach((q, i) => {
    const by = q.answererId === null ? '' : ` by ${name(q.answererId)}`;
    const answer = q.answerText === null ? 'unanswered' : `answered${by}${q.dateAnswered ? ` ${q.dateAnswered}` : ''}`;
    console.log(`${i + 1}. ${name(q.askerId)} (${q.house}), ${answer}: ${oneLine(q.questionText)}`);
  });
}

const [dir, ...rest] = process.argv.slice(2);
if (dir === undefined || rest.length > 0) {
  console.error('usage: npm run corpus:case -- <test/corpus/SET/NAME folder>');
  process.exitCode = 2;
} else {
  try {
    printCase(resolve(dir));
  } catch (error) {
    console.error(`corpus:case: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
