// Where `npm run package` writes the release and what it names each archive; the version is package.json's alone.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const releaseDir = join(repoRoot, 'release');

/** The file, in the source archive only, that holds the time every build from it is dated (whole seconds). */
export const EPOCH_FILE = 'SOURCE_DATE_EPOCH';

export type ArchiveKind = 'chrome' | 'firefox' | 'source';

export const archiveName = (version: string, kind: ArchiveKind): string => `sourcelight-${version}-${kind}.zip`;

/** package.json's version, which both stores need as one to four dot-separated numbers. */
export function packageVersion(root: string = repoRoot): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(version))
    throw new Error(`package.json's version must be one to four dot-separated numbers, as both stores ask: ${version}`);
  return version;
}
