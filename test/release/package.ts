// npm run package [-- --out DIR]: the Chrome Web Store zip, the AMO zip and the source archive AMO reviewers ask
// for, written to release/ (or DIR) with their SHA-256, the same bytes every time for the same commit.
//
// In a git checkout, the source archive is the files tracked at HEAD and one more, SOURCE_DATE_EPOCH, which holds
// the commit's time. Those files are written to a new temporary folder and built there with that time, so the zips
// are built from exactly what the source archive holds: uncommitted changes are in none of the three.
// In a folder unpacked from the source archive (it has the SOURCE_DATE_EPOCH file), the build runs in place and
// makes the same two zips (README, "Building from the source archive").
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { archiveName, EPOCH_FILE, packageVersion, releaseDir, repoRoot } from './release-files';
import { deterministicZip, directoryEntries, writeEntries, type ZipEntry } from './zip';

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
}

/** The files tracked at HEAD, read from git's objects rather than the working tree, and the commit's time. */
function sourceAtHead(root: string): { entries: ZipEntry[]; epoch: string; commit: string } {
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD']).toString('utf8').split('\0');
  const tracked = listing
    .filter((line) => line !== '')
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const [mode, type, object] = meta.split(' ');
      if (type !== 'blob' || (mode !== '100644' && mode !== '100755'))
        throw new Error(`${path}: only regular files can be archived (git mode ${mode})`);
      return { path, object: object ?? '', executable: mode === '100755' };
    });
  // One `git cat-file --batch` answers every object: "<object> blob <size>\n<bytes>\n" each, in the order asked.
  const batch = git(root, ['cat-file', '--batch'], tracked.map((file) => file.object).join('\n') + '\n');
  let offset = 0;
  const entries = tracked.map((file) => {
    const headerEnd = batch.indexOf(0x0a, offset);
    const [object, , size] = batch.toString('utf8', offset, headerEnd).split(' ');
    if (object !== file.object) throw new Error(`git cat-file answered ${object} for ${file.path}`);
    const start = headerEnd + 1;
    offset = start + Number(size) + 1;
    return { path: file.path, data: batch.subarray(start, start + Number(size)), executable: file.executable };
  });
  const epoch = git(root, ['log', '-1', '--format=%ct', 'HEAD']).toString('utf8').trim();
  const commit = git(root, ['rev-parse', 'HEAD']).toString('utf8').trim();
  return { entries, epoch, commit };
}

/** Builds the extension in `root` (a source archive's files), dated as its SOURCE_DATE_EPOCH says, and zips it. */
function buildExtensionZips(root: string, version: string): { chrome: Uint8Array; firefox: Uint8Array } {
  const epoch = readFileSync(join(root, EPOCH_FILE), 'utf8').trim();
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (build.status !== 0) throw new Error(`npm run build failed in ${root}:\n${build.stdout}\n${build.stderr}`);
  const zipBuilt = (folder: string): Uint8Array => {
    const dir = join(root, 'dist', folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: unknown };
    if (manifest.version !== version)
      throw new Error(`dist/${folder}/manifest.json says version ${String(manifest.version)}, package.json ${version}`);
    return deterministicZip(directoryEntries(dir));
  };
  return { chrome: zipBuilt('chrome'), firefox: zipBuilt('firefox') };
}

/** Makes the release from the checkout or unpacked source archive at `root`, into `outDir`. */
function packageRelease(root: string, outDir: string): void {
  const version = packageVersion(root);
  const archives = new Map<string, Uint8Array>();
  if (existsSync(join(root, EPOCH_FILE))) {
    const zips = buildExtensionZips(root, version);
    archives.set(archiveName(version, 'chrome'), zips.chrome);
    archives.set(archiveName(version, 'firefox'), zips.firefox);
  } else {
    const { entries, epoch, commit } = sourceAtHead(root);
    const source = [...entries, { path: EPOCH_FILE, data: Buffer.from(`${epoch}\n`), executable: false }];
    const dirty = git(root, ['status', '--porcelain', '--untracked-files=no']).toString('utf8').trim();
    console.log(`Packaging commit ${commit}, dated ${new Date(Number(epoch) * 1000).toISOString()}`);
    if (dirty !== '') console.log('Uncommitted changes are left out: the release is the commit alone.');
    const buildDir = mkdtempSync(join(tmpdir(), 'sourcelight-release-'));
    try {
      writeEntries(buildDir, source);
      const modules = join(root, 'node_modules');
      if (!existsSync(modules)) throw new Error('no node_modules: run `npm ci` first');
      symlinkSync(realpathSync(modules), join(buildDir, 'node_modules'), 'dir');
      const zips = buildExtensionZips(buildDir, version);
      archives.set(archiveName(version, 'chrome'), zips.chrome);
      archives.set(archiveName(version, 'firefox'), zips.firefox);
      archives.set(archiveName(version, 'source'), deterministicZip(source));
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
    }
  }
  mkdirSync(outDir, { recursive: true });
  const sums = [...archives].map(([name, bytes]) => {
    writeFileSync(join(outDir, name), bytes);
    return `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`;
  });
  // The format `sha256sum --check SHA256SUMS` reads.
  writeFileSync(join(outDir, 'SHA256SUMS'), sums.join(''));
  console.log(`${outDir}:\n${sums.join('')}`);
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
packageRelease(repoRoot, resolve(values.out ?? releaseDir));
