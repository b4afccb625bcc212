// The command line around the pure compiler:
//   npm run corpus -- build <file|dir>... --out pack.json [--entities extra.json] [--id pack-id] [--title "Pack title"]
//                                         [--threads N]
// Reads UTF-8 .txt files (each at most 5 MB), compiles them on every core (or N threads; 1 compiles on this one),
// writes one validated pack atomically, prints a one-line summary.
//   npm run corpus -- keygen / sign: the publisher's key and signature for subscriptions (signing-cli.ts).
// The pack's createdAt is SOURCE_DATE_EPOCH when set (reproducible-builds.org), so a release build of one commit is
// the same bytes every time; otherwise the time of the build.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { compilePack, compilePackInParallel, type CompileOptions, type DocumentInput } from './compile';
import { createCompilePool, threadsFor } from './cli-pool';
import { decodeDocument, DocumentInputError, MAX_DOCUMENT_BYTES } from './document-input';
import { extraEntities, type ExtraEntities } from './entities';
import { parsePack, type CorpusPack } from './pack';
import { runSigning } from './signing-cli';

/** Larger files are almost certainly not a press text; refusing them keeps a build fast and bounded. */

class InputError extends Error {}

function readDocument(path: string): DocumentInput {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.size > MAX_DOCUMENT_BYTES)
      throw new InputError(`${path}: file is ${stat.size} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return decodeDocument(path, basename(path), bytes);
}

function collectFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch {
      throw new InputError(`${input}: no such file or directory`);
    }
    if (!isDirectory) {
      files.push(input);
      continue;
    }
    const texts = readdirSync(input)
      .filter((f) => f.toLowerCase().endsWith('.txt'))
      .sort();
    if (texts.length === 0) throw new InputError(`${input}: folder holds no .txt files`);
    files.push(...texts.map((f) => join(input, f)));
  }
  return files;
}

function readEntities(path: string): ExtraEntities {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(
      `${path}: cannot read entities JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = extraEntities.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InputError(
      `${path}: invalid entities file at ${first?.path.join('.') ?? '(root)'}: ${first?.message ?? 'unknown error'}`,
    );
  }
  return parsed.data;
}

interface CliArgs {
  inputs: string[];
  out: string;
  entities?: string;
  id?: string;
  title?: string;
  threads?: number;
}

function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'build')
    throw new InputError(
      'usage: corpus build <file|dir>... --out pack.json [--entities extra.json] [--id pack-id] [--title "Pack title"] [--threads N]',
    );
  const inputs: string[] = [];
  let out: string | undefined;
  let entities: string | undefined;
  let id: string | undefined;
  let title: string | undefined;
  let threads: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--out') out = rest[++i];
    else if (arg === '--entities') entities = rest[++i];
    else if (arg === '--id') id = rest[++i];
    else if (arg === '--title') title = rest[++i];
    else if (arg === '--threads') threads = rest[++i];
    else if (arg.startsWith('--')) throw new InputError(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (out === undefined) throw new InputError('missing --out <pack.json>');
  if (inputs.length === 0) throw new InputError('no input files or folders given');
  if (id !== undefined && !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(id))
    throw new InputError(`--id must be lowercase letters, digits, dots, dashes or underscores: ${id}`);
  if (title !== undefined && title.trim() === '') throw new InputError('--title must not be empty');
  if (threads !== undefined && !/^[1-9]\d{0,2}$/.test(threads))
    throw new InputError(`--threads must be a whole number from 1: ${threads}`);
  return { inputs, out, entities, id, title, ...(threads !== undefined ? { threads: Number(threads) } : {}) };
}

/** The build's time as SOURCE_DATE_EPOCH gives it (whole seconds since 1970), or undefined when it is not set. */
function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new InputError(`SOURCE_DATE_EPOCH must be whole seconds since 1970: ${value}`);
  return new Date(Number(value) * 1000);
}

/** On one thread for a small corpus or `--threads 1`, else in a pool of worker threads: the same pack either way. */
async function compile(docs: readonly DocumentInput[], options: CompileOptions, threads?: number): Promise<CorpusPack> {
  const count = threads ?? threadsFor(docs.reduce((bytes, doc) => bytes + doc.text.length, 0));
  if (count === 1) return compilePack(docs, options);
  const pool = createCompilePool(count);
  try {
    return await compilePackInParallel(docs, pool, options);
  } finally {
    await pool.destroy();
  }
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const now = sourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
    const docs = collectFiles(args.inputs).map(readDocument);
    const options: CompileOptions = {
      ...(now !== undefined ? { now } : {}),
      ...(args.entities !== undefined ? { entities: readEntities(args.entities) } : {}),
      ...(args.id !== undefined ? { id: args.id } : {}),
      ...(args.title !== undefined ? { title: args.title.trim() } : {}),
    };
    const pack = await compile(docs, options, args.threads);
    const json = JSON.stringify(pack);
    // Validate what will be written, as a reader will see it, before anything touches the disk.
    const checked = parsePack(JSON.parse(json));
    if (!checked.ok) throw new Error(`compiled pack failed validation: ${checked.error}`);
    const out = resolve(args.out);
    mkdirSync(dirname(out), { recursive: true });
    const temp = `${out}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, json);
      renameSync(temp, out);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
      throw error;
    }
    const people = pack.entities.filter((e) => e.kind === 'person').length;
    const organisations = pack.entities.filter((e) => e.kind === 'organisation').length;
    const topics = pack.entities.filter((e) => e.kind === 'topic').length;
    const unattributed = pack.statements.filter((s) => s.speakerId === null).length;
    console.log(
      `${pack.documents.length} documents, ${people} people, ${organisations} organisations, ${topics} topics, ` +
        `${pack.statements.length} statements, ${pack.questions.length} questions, ${unattributed} unattributed quotes -> ${args.out}`,
    );
    return 0;
  } catch (error) {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof InputError || error instanceof DocumentInputError ? 2 : 1;
  }
}

const argv = process.argv.slice(2);
process.exitCode = argv[0] === 'keygen' || argv[0] === 'sign' ? runSigning(argv) : await runCli(argv);
