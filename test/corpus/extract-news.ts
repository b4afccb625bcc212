// Builds the labelled news set's inputs: the article text of real published pages, extracted with
// @mozilla/readability under linkedom, one folder per page with its provenance. Labels are written by hand after.
// Usage: tsx test/corpus/extract-news.ts <git dir of postlight/parser> <fixture name>...
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockParagraphs } from '../../src/shared/block-paragraphs';

const REPOSITORY = 'postlight/parser';
const outRoot = join(import.meta.dirname, 'news');

/** The article's paragraphs, read as the extension reads a saved page (`blockParagraphs`). */
function paragraphsOf(html: string): string[] {
  return blockParagraphs(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document);
}

function extract(gitDir: string, commit: string, name: string): void {
  const path = `fixtures/${name}.html`;
  const html = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (article?.content == null) throw new Error(`${name}: readability found no article`);
  const text = paragraphsOf(article.content).join('\n\n') + '\n';
  const dir = join(outRoot, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'source.txt'), text);
  const versionOf = (pkg: string): string =>
    (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const provenance = {
    repository: REPOSITORY,
    commit,
    path,
    license: 'Apache-2.0 OR MIT (postlight/parser); the article text belongs to its publisher, used here as test data',
    sourceSha256: createHash('sha256').update(html).digest('hex'),
    title: article.title ?? null,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    publishedTime: article.publishedTime ?? null,
    extractor: `@mozilla/readability ${versionOf('@mozilla/readability')} on linkedom ${versionOf('linkedom')}; paragraphs from innermost blocks (src/shared/block-paragraphs.ts)`,
  };
  writeFileSync(join(dir, 'provenance.json'), JSON.stringify(provenance, null, 2) + '\n');
  console.log(`${name}: ${text.length} characters`);
}

const [gitDir, ...names] = process.argv.slice(2);
if (gitDir === undefined || names.length === 0) {
  console.error('Usage: tsx test/corpus/extract-news.ts <git dir of postlight/parser> <fixture name>...');
  process.exit(2);
}
const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
for (const name of names) extract(gitDir, commit, name);
