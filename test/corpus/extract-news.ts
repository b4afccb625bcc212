// Builds a labelled news set's inputs: the article text of real published pages, extracted with
// @mozilla/readability under linkedom, one folder per page with its provenance. Labels are written by hand after.
// Usage: tsx test/corpus/extract-news.ts [--repo owner/name] [--out dir] <git dir of the repo> <file in the repo>...
// The defaults rebuild the first set: postlight/parser into test/corpus/news, a bare NAME meaning fixtures/NAME.html.
// A file stored gzipped (flairNLP/fundus's NAME.html.gz) is read unzipped; its hash is of the stored bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockParagraphs } from '../../src/shared/block-paragraphs';

const USAGE =
  'Usage: tsx test/corpus/extract-news.ts [--repo owner/name] [--out dir] <git dir of the repo> <file in the repo>...';

/** Licences told apart by a phrase only their text has; a repository with another must be added here first. */
const LICENCES: readonly (readonly [RegExp, string])[] = [
  [/Apache License,?\s+Version 2\.0/i, 'Apache-2.0'],
  [/Permission is hereby granted, free of charge/i, 'MIT'],
];

function git(gitDir: string, ...args: string[]): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 64 << 20 });
}

/** The repository's licence, from its LICENSE files: several (LICENSE-APACHE, LICENSE-MIT) mean a choice of them. */
function licenceOf(gitDir: string, commit: string): string {
  const files = git(gitDir, 'ls-tree', '--name-only', commit)
    .toString('utf8')
    .split('\n')
    .filter((f) => /^(licen[cs]e|copying)/i.test(f));
  const ids = files.map((file) => {
    const text = git(gitDir, 'show', `${commit}:${file}`).toString('utf8');
    const found = LICENCES.find(([phrase]) => phrase.test(text));
    if (found === undefined) throw new Error(`${file}: licence not recognised, add it to LICENCES`);
    return found[1];
  });
  if (ids.length === 0) throw new Error(`no LICENSE file at ${commit}`);
  return [...new Set(ids)].join(' OR ');
}

/** The article's paragraphs, read as the extension reads a saved page (`blockParagraphs`). */
function paragraphsOf(html: string): string[] {
  return blockParagraphs(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document);
}

const versionOf = (pkg: string): string =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

interface Source {
  repository: string;
  gitDir: string;
  commit: string;
  license: string;
}

/** The address the page gives for itself (canonical link or og:url), read before Readability changes the document. */
function pageUrl(document: ReturnType<typeof parseHTML>['document']): string | null {
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = document.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return [canonical, og].find((url) => url != null && /^https?:\/\//.test(url)) ?? null;
}

function extract(source: Source, outRoot: string, path: string): void {
  // The folder is the file's name: a publisher's host for postlight/parser, host and a word for most other
  // collections, publisher and crawl date for flairNLP/fundus; where every page is `input.html`
  // (microlinkhq/metascraper's `<site>/input.html`), the name of the folder that holds it.
  const file = basename(path).replace(/\.html?(\.gz)?$/i, '');
  const name = file === 'input' ? basename(dirname(path)) : file;
  // Hashed as stored, so the hash finds the very file even where it is not valid UTF-8.
  const bytes = git(source.gitDir, 'show', `${source.commit}:${path}`);
  const { document } = parseHTML((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  const url = pageUrl(document);
  const article = new Readability(document as unknown as Document).parse();
  if (article?.content == null) throw new Error(`${path}: readability found no article`);
  const text = paragraphsOf(article.content).join('\n\n') + '\n';
  const dir = join(outRoot, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'source.txt'), text);
  const provenance = {
    repository: source.repository,
    commit: source.commit,
    path,
    license: `${source.license} (${source.repository}); the article text belongs to its publisher, used here as test data`,
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    url,
    title: article.title ?? null,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    publishedTime: article.publishedTime ?? null,
    extractor: `@mozilla/readability ${versionOf('@mozilla/readability')} on linkedom ${versionOf('linkedom')}; paragraphs from innermost blocks (src/shared/block-paragraphs.ts)`,
  };
  writeFileSync(join(dir, 'provenance.json'), JSON.stringify(provenance, null, 2) + '\n');
  console.log(`${name}: ${text.length} characters`);
}

const { values, positionals } = parseArgs({
  options: { repo: { type: 'string', default: 'postlight/parser' }, out: { type: 'string' } },
  allowPositionals: true,
});
const [gitDir, ...files] = positionals;
if (gitDir === undefined || files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
const outRoot = values.out === undefined ? join(import.meta.dirname, 'news') : resolve(values.out);
const commit = git(gitDir, 'rev-parse', 'HEAD').toString('utf8').trim();
const source: Source = { repository: values.repo, gitDir, commit, license: licenceOf(gitDir, commit) };
// A bare name is a postlight/parser fixture, as the first set's folders were named.
for (const file of files) extract(source, outRoot, /\/|\.html?(\.gz)?$/i.test(file) ? file : `fixtures/${file}.html`);
