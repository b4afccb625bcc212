// `npm run package` twice, in two fresh clones of this commit, then once more in a folder unpacked from the source
// archive as README's "Building from the source archive" says: every run must give the same bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveName, EPOCH_FILE, packageVersion, repoRoot, type ArchiveKind } from './release-files';
import { unzipToDirectory } from './zip';

const work = mkdtempSync(join(tmpdir(), 'sourcelight-package-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const version = packageVersion();
const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();

/** Runs `npm run package` in `root` (with this checkout's installed modules) and reads the archives it wrote. */
function packageIn(root: string, kinds: ArchiveKind[]): Map<ArchiveKind, Buffer> {
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  const out = join(root, 'release');
  execFileSync('npm', ['run', 'package', '--', '--out', out], { cwd: root, stdio: 'pipe' });
  return new Map(kinds.map((kind) => [kind, readFileSync(join(out, archiveName(version, kind)))]));
}

function freshClone(name: string): string {
  const dir = join(work, name);
  execFileSync('git', ['clone', '--quiet', '--no-checkout', repoRoot, dir]);
  execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: dir });
  return dir;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

type Archives = Map<ArchiveKind, Buffer>;
function archive(archives: Archives, kind: ArchiveKind): Buffer {
  const bytes = archives.get(kind);
  if (!bytes) throw new Error(`no ${kind} archive`);
  return bytes;
}

describe('npm run package', () => {
  const storeZips = ['chrome', 'firefox'] as const;
  let first: Archives;
  let second: Archives;
  let rebuilt: Archives;

  beforeAll(() => {
    first = packageIn(freshClone('first'), [...storeZips, 'source']);
    second = packageIn(freshClone('second'), [...storeZips, 'source']);
    const fromSource = join(work, 'from-source');
    unzipToDirectory(archive(first, 'source'), fromSource);
    rebuilt = packageIn(fromSource, [...storeZips]);
    for (const [run, archives] of [
      ['first clone', first],
      ['second clone', second],
      ['unpacked source archive', rebuilt],
    ] as const) {
      for (const [kind, bytes] of archives) console.log(`${sha256(bytes)}  ${archiveName(version, kind)} (${run})`);
    }
  }, 600_000);

  it('gives the same three zips in two fresh clones of one commit', () => {
    for (const kind of [...storeZips, 'source'] as const)
      expect(sha256(archive(second, kind)), kind).toBe(sha256(archive(first, kind)));
  });

  it('gives the same store zips again when built from the source archive alone', () => {
    for (const kind of storeZips) expect(sha256(archive(rebuilt, kind)), kind).toBe(sha256(archive(first, kind)));
  });

  it('puts the tracked files of the commit and its time in the source archive, nothing else', () => {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
    const tracked = git('ls-tree', '-r', '-z', '--name-only', head).split('\0').filter(Boolean);
    const archived = unzipSync(archive(first, 'source'));
    expect(Object.keys(archived).sort()).toEqual([...tracked, EPOCH_FILE].sort());
    expect(new TextDecoder().decode(archived[EPOCH_FILE])).toBe(git('log', '-1', '--format=%ct', head));
  });

  it("gives both store zips package.json's version", () => {
    for (const kind of storeZips) {
      const manifest = unzipSync(archive(first, kind))['manifest.json'];
      expect(JSON.parse(new TextDecoder().decode(manifest)).version, kind).toBe(version);
    }
  });
});
