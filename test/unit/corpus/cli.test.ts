// The command line as other checks call it: errors name the file, exit non-zero, and leave no output behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/corpus/pack';

const repo = join(import.meta.dirname, '../../..');
type Result = { status: number | null; stdout: string; stderr: string };
const runWith = (env: NodeJS.ProcessEnv, ...args: string[]): Result =>
  spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/corpus/cli.ts'), ...args], {
    encoding: 'utf8',
    cwd: repo,
    env: { ...process.env, ...env },
  });
const run = (...args: string[]): Result => runWith({ SOURCE_DATE_EPOCH: '' }, ...args);

describe('corpus build command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));

  it('builds a valid pack from the default corpus into a new folder and prints a one-line summary', () => {
    const out = join(dir, 'new', 'pack.json');
    const result = run('build', 'assets/corpus', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(
      /^5 documents, \d+ people, \d+ organisations, \d+ topics, \d+ statements, 19 questions, \d+ unattributed quotes -> /,
    );
    expect(parsePack(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
  }, 30_000);

  it('dates the pack SOURCE_DATE_EPOCH, so two builds of the same sources are the same bytes', () => {
    const outs = ['a.json', 'b.json'].map((name) => join(dir, name));
    for (const out of outs)
      expect(runWith({ SOURCE_DATE_EPOCH: '1700000000' }, 'build', 'assets/corpus', '--out', out).status).toBe(0);
    const [first, second] = outs.map((out) => readFileSync(out, 'utf8'));
    expect(first).toBe(second);
    expect((JSON.parse(first ?? '') as { createdAt: string }).createdAt).toBe('2023-11-14T22:13:20.000Z');
  }, 60_000);

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds, and writes nothing', () => {
    const out = join(dir, 'dated.json');
    const result = runWith({ SOURCE_DATE_EPOCH: 'yesterday' }, 'build', 'assets/corpus', '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SOURCE_DATE_EPOCH must be whole seconds');
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('compiles on two worker threads to the same pack, byte for byte, as on one', () => {
    const [one, two] = ['1', '2'].map((threads) => {
      const out = join(dir, `threads-${threads}.json`);
      const dated = { SOURCE_DATE_EPOCH: '1700000000' };
      expect(runWith(dated, 'build', 'assets/corpus', '--out', out, '--threads', threads).status).toBe(0);
      return readFileSync(out, 'utf8');
    });
    expect(two === one).toBe(true);
  }, 60_000);

  it('refuses a thread count that is not a whole number from 1', () => {
    const result = run('build', 'assets/corpus', '--out', join(dir, 'none.json'), '--threads', '0');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--threads must be a whole number from 1: 0');
  }, 30_000);

  const bad: [string, string | Buffer, RegExp][] = [
    ['empty.txt', '  \n', /empty/],
    ['binary.txt', Buffer.from([0x48, 0x00, 0x49]), /binary/],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]), /not valid UTF-8/],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name} with an error naming it, and writes nothing`, () => {
      const file = join(dir, name);
      writeFileSync(file, content);
      const out = join(dir, `${name}.json`);
      const result = run('build', file, '--out', out);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }, 30_000);
  }

  it('names a missing input', () => {
    const result = run('build', join(dir, 'nope.txt'), '--out', join(dir, 'x.json'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('nope.txt');
  }, 30_000);
});
