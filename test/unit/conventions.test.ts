// The folder map as checks, in the spirit of refined-github's build/features.test.ts: a context imports only shared/
// and corpus/ (never another context), every entry point imports zod-config first, shared/ imports no context,
// content/ and shared/ take from corpus/ only the pack's format and the text helpers, what a page's content script
// loads is its own code and three small libraries, and corpus/ (with the shared modules it uses) reaches neither the
// DOM nor Node (its command line, cli.ts with the signing-cli.ts and the worker pool it calls, is the one Node layer,
// by design). Also: no line under src/ or in the hand-written pattern cases quotes a news article the attribution is
// scored on.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIEVE } from '../../src/corpus/attribution/sieve';

const src = resolve(import.meta.dirname, '../../src');
const CONTEXTS = ['background', 'content', 'card', 'popup', 'options', 'viewer', 'person'];
const ENTRY_POINTS = [
  'background/main.ts',
  'content/main.ts',
  'card/card.ts',
  'popup/popup.ts',
  'options/options.ts',
  'options/build-worker.ts',
  'options/compile-worker.ts',
  'viewer/viewer.ts',
  'person/person.ts',
];
/** The corpus's Node layer: reads files, compiles them in worker threads and writes the pack for `npm run corpus`. */
const CORPUS_NODE_LAYER = new Set(['corpus/cli.ts', 'corpus/signing-cli.ts', 'corpus/cli-pool.ts']);
/**
 * What content/ and shared/ may import from corpus/: the pack's format and the text helpers. Anything else of the
 * compiler (its word lists, its attribution) would be loaded by every page; what both need lives in shared/.
 */
const CORPUS_FOR_PAGES = ['corpus/pack.ts', 'corpus/text.ts'];
/**
 * The packages a page's content script loads (its size is checked by the build, vite.config.ts): zod/mini rather
 * than the full zod, which alone is about 90 kB, and neither Readability nor any of the compiler's libraries.
 */
const PAGE_PACKAGES = ['zod/mini', 'webextension-polyfill', 'mark.js/src/lib/mark.js'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

interface Import {
  specifier: string;
  /** The folder under src/ a relative import lands in; null for a package. */
  folder: string | null;
  /** The file under src/ a relative import lands in ("shared/months.ts"); null for a package or a non-TS asset. */
  target: string | null;
  /** `import type`: erased from the build, so it loads nothing. */
  typeOnly: boolean;
}

/** Each file's imports. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s(type\s)?[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map(
    (m) => {
      const specifier = m[3] ?? m[4] ?? '';
      const typeOnly = m[2] !== undefined;
      if (!specifier.startsWith('.')) return { specifier, folder: null, target: null, typeOnly };
      const path = relative(src, resolve(dirname(file), specifier)).replace(/\\/g, '/');
      const target = existsSync(join(src, `${path}.ts`)) ? `${path}.ts` : null;
      return { specifier, folder: path.split('/')[0] ?? null, target, typeOnly };
    },
  );
}

/** The src/ files `entry` loads, itself included, through its relative imports (type-only ones too unless `run`). */
function closureOf(entry: string, run: boolean): string[] {
  const seen = new Set<string>([entry]);
  for (const name of seen) {
    for (const i of importsOf(join(src, name))) if (i.target !== null && !(run && i.typeOnly)) seen.add(i.target);
  }
  return [...seen];
}

/** Code that reaches the DOM or Node through a global, comments aside. */
function globalsReached(name: string): string[] {
  const code = readFileSync(join(src, name), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
  return code.match(/\b(?:document|window|navigator|localStorage|process|require)\s*[.([]/g) ?? [];
}

const files = sourceFiles(src).map((path) => ({ path, name: relative(src, path).replace(/\\/g, '/') }));
const folderOf = (name: string): string => name.split('/')[0] ?? '';

describe('the folder map', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.filter((f) => CONTEXTS.includes(folderOf(f.name))).map((f) => [f.name, f.path]))(
    '%s imports only its own folder, shared/ and corpus/',
    (name, path) => {
      const own = folderOf(name);
      // Build outputs outside src/ (the compiled default pack) are assets, not code.
      const sideways = importsOf(path).filter(
        (i) => i.folder !== null && i.folder !== own && CONTEXTS.includes(i.folder),
      );
      expect(sideways.map((i) => i.specifier)).toEqual([]);
    },
  );

  it.each(files.filter((f) => folderOf(f.name) === 'shared').map((f) => [f.name, f.path]))(
    '%s (shared) imports no context',
    (_, path) => {
      expect(
        importsOf(path)
          .filter((i) => i.folder !== null && CONTEXTS.includes(i.folder))
          .map((i) => i.specifier),
      ).toEqual([]);
    },
  );

  it.each(files.filter((f) => ['content', 'shared'].includes(folderOf(f.name))).map((f) => [f.name, f.path]))(
    '%s takes from corpus/ only the pack format and the text helpers',
    (_, path) => {
      const fromCorpus = importsOf(path).filter((i) => i.folder === 'corpus');
      expect(fromCorpus.filter((i) => !CORPUS_FOR_PAGES.includes(i.target ?? '')).map((i) => i.specifier)).toEqual([]);
    },
  );

  it("loads in a page's content script nothing but its own code, shared/ and small libraries", () => {
    const loaded = closureOf('content/main.ts', true);
    const outside = loaded.filter((name) => !['content', 'shared'].includes(folderOf(name)));
    expect(outside.filter((name) => !CORPUS_FOR_PAGES.includes(name))).toEqual([]);
    const packages = loaded.flatMap((name) =>
      importsOf(join(src, name)).filter((i) => i.folder === null && !i.typeOnly),
    );
    expect([...new Set(packages.map((i) => i.specifier))].filter((p) => !PAGE_PACKAGES.includes(p))).toEqual([]);
  });

  it.each(
    files.filter((f) => folderOf(f.name) === 'corpus' && !CORPUS_NODE_LAYER.has(f.name)).map((f) => [f.name, f.path]),
  )('%s (corpus), with the shared modules it uses, reaches neither the DOM nor Node', (name) => {
    const reached = closureOf(name, false);
    expect(reached.filter((file) => !['corpus', 'shared'].includes(folderOf(file)))).toEqual([]);
    for (const file of reached) {
      const packages = importsOf(join(src, file)).filter((i) => i.folder === null);
      expect(
        packages
          .filter((i) => i.specifier.startsWith('node:') || i.specifier === 'webextension-polyfill')
          .map((i) => `${file}: ${i.specifier}`),
      ).toEqual([]);
      expect(globalsReached(file).map((found) => `${file}: ${found}`)).toEqual([]);
    }
  });

  it.each(ENTRY_POINTS)('%s imports zod-config before anything else', (entry) => {
    const [first] = importsOf(join(src, entry));
    expect(first?.specifier).toBe('../shared/zod-config');
  });
});

// The labelled news articles (test/corpus/news/, and the held-out sets news-held-out/, news-third/, news-fourth/,
// news-fifth/ and news-sixth/) are a test set: a comment's example, a test's text or a word list that quotes one fits the compiler to
// the articles it is scored on. So is a hand-written pattern case (test/corpus/patterns/NAME/) that quotes one: its
// text must be invented. Six words in a row shared with an article count as a quote.
const newsSets = ['news', 'news-held-out', 'news-third', 'news-fourth', 'news-fifth', 'news-sixth'].map((set) =>
  resolve(import.meta.dirname, '../corpus', set),
);
const patterns = resolve(import.meta.dirname, '../corpus/patterns');
const QUOTE_WORDS = 6;

/** Every file under a folder, tests and stylesheets included. */
function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** Words in lower case, apostrophes dropped ("Smith’s" is "smiths"); any other mark or space parts two words. */
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/['‘’]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Each run of QUOTE_WORDS words in a row, joined by spaces. */
function runsOf(words: readonly string[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i + QUOTE_WORDS <= words.length; i++) runs.push(words.slice(i, i + QUOTE_WORDS).join(' '));
  return runs;
}

describe('the news sets stay unseen', () => {
  const articles = newsSets
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name, 'source.txt')))
    .filter((path) => existsSync(path));
  const articleRuns = new Set(articles.flatMap((path) => runsOf(wordsOf(readFileSync(path, 'utf8')))));

  it('reads the news articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(35);
    expect(articleRuns.size).toBeGreaterThan(10_000);
  });

  /** Each line of each file under a folder that has a run of words from an article, as "path:line: run". */
  const quotesUnder = (dir: string): string[] =>
    allFiles(dir).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const run = runsOf(wordsOf(line)).find((r) => articleRuns.has(r));
          return run === undefined ? [] : [`${relative(dir, path).replace(/\\/g, '/')}:${i + 1}: "${run}"`];
        }),
    );

  it('no line under src/ has six words in a row from a news article', () => {
    expect(quotesUnder(src)).toEqual([]);
  });

  it('no line of a pattern case (test/corpus/patterns/) has six words in a row from a news article', () => {
    // Every file of every case: its source.txt and the startsWith and why of its expected.json.
    expect(allFiles(patterns).length).toBeGreaterThan(40);
    expect(quotesUnder(patterns)).toEqual([]);
  });
});

describe('the attribution sieve', () => {
  it.each(SIEVE.map((entry) => [entry.stage, entry.name, entry.folder]))(
    '%s %s has its cases and traps in test/corpus/patterns/%s',
    (_stage, _name, folder) => {
      const dir = resolve(import.meta.dirname, '../corpus/patterns', folder);
      expect(existsSync(join(dir, 'source.txt')) && existsSync(join(dir, 'expected.json'))).toBe(true);
    },
  );

  it('names each entry once', () => {
    const names = SIEVE.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
