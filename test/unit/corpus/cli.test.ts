// The command line as other checks call it: errors name the file, exit non-zero, and leave no output behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/corpus/pack';

const repo = join(import.meta.dirname, '../../..');
const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/corpus/cli.ts'), ...args], {
    encoding: 'utf8',
    cwd: repo,
  });

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
