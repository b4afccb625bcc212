// Zip archives that are the same bytes for the same files, on any machine and in any time zone: entries in path
// order, one fixed time, fixed Unix modes, no directory entries, no extra fields and no comments. fflate deflates in
// plain JavaScript, so the bytes do not change with the zlib that a Node version or git was built with.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** The path inside the archive, with forward slashes. */
  path: string;
  data: Uint8Array;
  executable: boolean;
}

// fflate writes a DOS time from the date's local fields, so a date made from local fields is the same in every
// zone. 1980-01-01 is the earliest a zip can say, as reproducible Python wheels and Bazel use.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const REGULAR_FILE = 0o100000;

export function deterministicZip(entries: readonly ZipEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: Zippable = {};
  for (const [index, entry] of sorted.entries()) {
    if (index > 0 && sorted[index - 1]?.path === entry.path) throw new Error(`${entry.path} is in the archive twice`);
    // An object's integer-like keys come first whatever the order they were set in, and fflate writes the
    // entries in the object's order.
    if (/^\d+$/.test(entry.path)) throw new Error(`${entry.path}: a file name of digits alone would break the order`);
    const mode = REGULAR_FILE | (entry.executable ? 0o755 : 0o644);
    files[entry.path] = [entry.data, { mtime: FIXED_TIME, os: UNIX, attrs: mode << 16 }];
  }
  return zipSync(files, { level: 9 });
}

/** Every regular file under `dir`, as archive entries none of which is executable (a built extension runs none). */
export function directoryEntries(dir: string): ZipEntry[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((dirent) => {
    const path = join(dirent.parentPath, dirent.name);
    if (dirent.isDirectory()) return [];
    if (!dirent.isFile()) throw new Error(`${path}: only regular files are archived`);
    return [{ path: relative(dir, path).split(sep).join('/'), data: readFileSync(path), executable: false }];
  });
}

/** Writes each entry under `dir`, keeping whether it is executable. */
export function writeEntries(dir: string, entries: readonly ZipEntry[]): void {
  const root = resolve(dir);
  for (const entry of entries) {
    const target = resolve(root, entry.path);
    if (!target.startsWith(root + sep)) throw new Error(`${entry.path} would be written outside ${root}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data, { mode: entry.executable ? 0o755 : 0o644 });
  }
}

/** Writes the files of a zip under `dir` (their modes are not kept: fflate does not read them). */
export function unzipToDirectory(zip: Uint8Array, dir: string): void {
  const files = Object.entries(unzipSync(zip)).filter(([path]) => !path.endsWith('/'));
  writeEntries(
    dir,
    files.map(([path, data]) => ({ path, data, executable: false })),
  );
}
