// npm run lint:firefox [-- ZIP]: `web-ext lint` on the AMO zip that `npm run package` wrote, as AMO lints an upload.
// Fails on any error, and on any warning or notice that the table below does not trace to a dependency's code: our
// own code must cause none. A table entry that matches nothing fails too, so the README's list stays true.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { archiveName, packageVersion, releaseDir, repoRoot } from './release-files';
import { unzipToDirectory } from './zip';

/** Stands for the place in the minified line that the linter points at. */
const HERE = '‸';

interface DependencyWarning {
  library: string;
  code: string;
  /** The library's code around the place, with HERE at it; minified names are \w+. */
  pattern: RegExp;
  why: string;
}

/** Every warning the AMO zip is allowed, each traced to the library whose code causes it (README, "Releasing"). */
const DEPENDENCY_WARNINGS: DependencyWarning[] = [
  {
    library: 'zod 4',
    code: 'DANGEROUS_EVAL',
    pattern: /jitless[^‸]{0,150}return ‸Function\(``\),!0\}catch\{return!1\}/,
    why: 'probes once whether eval is allowed; never runs, since zod-config.ts sets jitless, and the CSP would refuse it',
  },
  {
    library: 'FlexSearch 0.8',
    code: 'DANGEROUS_EVAL',
    pattern: /\(\w+=\w+\.factory\)\?\(‸Function\(`return `\+\w+\)\(\)\(self\)/,
    why: 'its worker entry builds an index from a factory sent as a string; Sourcelight starts no FlexSearch worker',
  },
  {
    library: '@mozilla/readability',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    pattern: /‸\w+\.innerHTML=\w+,this\._attempts\.push\(\{articleContent:/,
    why: 'restores its working copy of the article between attempts; it runs on a copy of the page, never the page',
  },
  {
    library: '@mozilla/readability',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    pattern: /this\._isSingleImage\(\w+\)\)\{var \w+=\w+\.createElement\(`div`\);‸\w+\.innerHTML=\w+\.innerHTML;/,
    why: 'moves a <noscript> image into its copy of the page; the article it returns is parsed inert, shown as text',
  },
  {
    library: 'linkedom',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    pattern: /‸\w+\.innerHTML=\w+;let\{firstChild:\w+,lastChild:\w+\}=\w+;/,
    why: 'its DOM in plain JavaScript parses markup this way; in the build worker, it runs no script and loads nothing',
  },
  {
    library: 'linkedom',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    pattern: /set outerHTML\(\w+\)\{let \w+=this\.ownerDocument\.createElement\(``\);‸\w+\.innerHTML=\w+,/,
    why: 'the outerHTML setter of that same DOM',
  },
];

const lintMessage = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
type LintMessage = z.infer<typeof lintMessage>;
const lintReport = z.object({
  summary: z.object({ errors: z.number(), warnings: z.number(), notices: z.number() }),
  errors: z.array(lintMessage),
  warnings: z.array(lintMessage),
  notices: z.array(lintMessage),
});

const where = (message: LintMessage): string =>
  `${message.code} in ${message.file ?? '(no file)'}${message.line !== undefined ? `:${message.line}:${message.column}` : ''}`;

/** The dependency whose code the message points at, or undefined when it is ours. */
function traceToDependency(message: LintMessage, sourceDir: string): DependencyWarning | undefined {
  if (message.file === undefined || message.line === undefined || message.column === undefined) return undefined;
  const line = readFileSync(join(sourceDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = message.column - 1;
  const context = line.slice(Math.max(0, at - 300), at) + HERE + line.slice(at, at + 300);
  return DEPENDENCY_WARNINGS.find((known) => known.code === message.code && known.pattern.test(context));
}

function lintFirefoxZip(zipPath: string): boolean {
  if (!existsSync(zipPath)) throw new Error(`${zipPath} does not exist: run \`npm run package\` first`);
  const sourceDir = mkdtempSync(join(tmpdir(), 'sourcelight-amo-lint-'));
  try {
    unzipToDirectory(readFileSync(zipPath), sourceDir);
    // Not --self-hosted: this zip goes to AMO, so AMO's own rules apply.
    const run = spawnSync(
      join(repoRoot, 'node_modules/.bin/web-ext'),
      ['lint', '--no-config-discovery', '--source-dir', sourceDir, '--output', 'json'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const report = lintReport.parse(JSON.parse(run.stdout));
    const { errors, warnings, notices } = report.summary;
    console.log(`web-ext lint ${zipPath}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
    const unexplained = report.errors.map((message) => `error ${where(message)}: ${message.message}`);
    const used = new Set<DependencyWarning>();
    for (const message of [...report.warnings, ...report.notices]) {
      const dependency = traceToDependency(message, sourceDir);
      if (!dependency) unexplained.push(`${where(message)}: ${message.message} (not traced to a dependency)`);
      else {
        used.add(dependency);
        console.log(`  ${where(message)}: ${dependency.library}, ${dependency.why}`);
      }
    }
    for (const known of DEPENDENCY_WARNINGS.filter((entry) => !used.has(entry)))
      unexplained.push(`the known ${known.library} ${known.code} warning (${known.pattern}) no longer occurs: drop it`);
    for (const line of unexplained) console.error(line);
    return unexplained.length === 0;
  } finally {
    rmSync(sourceDir, { recursive: true, force: true });
  }
}

const zipPath = process.argv[2] ?? join(releaseDir, archiveName(packageVersion(), 'firefox'));
process.exitCode = lintFirefoxZip(zipPath) ? 0 : 1;
