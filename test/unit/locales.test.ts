// The locale files and the code that shows their text: every message in every shipped language, with the same
// placeholders; and, in every part of the UI, no user-facing English written in the code or markup
// (hard-coded-text.ts says how it is found; hard-coded-text.test.ts shows that it is).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hardCodedTextInCode, hardCodedTextInPage } from './hard-coded-text';

const root = resolve(import.meta.dirname, '../..');
const localesDir = join(root, 'assets/_locales');

const messageFile = z.record(
  z.string().regex(/^[A-Za-z0-9_]+$/),
  z.object({
    message: z.string().min(1),
    description: z.string().min(1),
    placeholders: z.record(z.string(), z.object({ content: z.string(), example: z.string().optional() })).optional(),
  }),
);
type MessageFile = z.infer<typeof messageFile>;

const read = (lang: string): MessageFile =>
  messageFile.parse(JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')));
const languages = readdirSync(localesDir).sort();
const english = read('en');

/** The `$NAME$` placeholders a message uses, in lower case as the placeholders table names them. */
const usedPlaceholders = (message: string): string[] =>
  [...new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()))].sort();

/** What a locale file says of itself rather than shows: its language and its direction. */
const ABOUT_THE_FILE = ['messagesLanguage', 'messagesDirection'];

/**
 * A plural form another language has and English lacks ("KEY_few"): allowed where English counts KEY, since
 * `plural` chooses the form by Intl's plural rules and falls back to KEY_other.
 */
const otherPluralForm = (key: string): boolean => {
  const base = /^(.+)_(?:zero|two|few|many)$/.exec(key)?.[1];
  return base !== undefined && `${base}_other` in english;
};

describe('locale files', () => {
  it('ship English and Persian', () => {
    expect(languages).toEqual(['en', 'fa']);
  });

  it.each(languages)('%s has every English message and no other, with the same placeholders', (lang) => {
    const messages = read(lang);
    expect(
      Object.keys(messages)
        .filter((key) => !otherPluralForm(key))
        .sort(),
    ).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(messages)) {
      const defined = Object.keys(entry.placeholders ?? {}).sort();
      expect(usedPlaceholders(entry.message), `${lang} ${key}`).toEqual(defined);
      const base = english[key] ?? english[key.replace(/_[a-z]+$/, '_other')];
      expect(defined, `${lang} ${key}`).toEqual(Object.keys(base?.placeholders ?? {}).sort());
    }
  });

  it('say what language they are in and which way it is written', () => {
    for (const lang of languages) {
      const messages = read(lang);
      expect(messages.messagesLanguage?.message).toBe(lang);
      expect(['ltr', 'rtl']).toContain(messages.messagesDirection?.message);
    }
    expect(read('fa').messagesDirection?.message).toBe('rtl');
  });

  it('Persian is translated: its messages are written in Persian, but for names and marks', () => {
    const persian = read('fa');
    const untranslated = Object.entries(persian)
      .filter(([key]) => !ABOUT_THE_FILE.includes(key))
      .filter(([, entry]) => /[A-Za-z]{3,}/.test(entry.message.replace(/Sourcelight|\$[A-Z_]+\$/g, '')))
      .filter(([, entry]) => !/[\u0600-\u06FF]/.test(entry.message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('Persian uses Persian punctuation: no Latin comma, semicolon or question mark between Persian words', () => {
    const persian = read('fa');
    const latinMarks = Object.entries(persian)
      .filter(([, entry]) => /[\u0600-\u06FF][,;?]\s*[\u0600-\u06FF]/.test(entry.message))
      .map(([key]) => key);
    expect(latinMarks).toEqual([]);
  });
});

const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name).replace(/\\/g, '/'))
    .filter((name) => !name.endsWith('.test.ts'));

/**
 * Every part of the UI, whose every user-facing string comes from the locale files: the extension's pages, the pieces
 * they share, and the background's and shared modules' messages a reader sees.
 */
const UI_FILES = [
  ...['src/popup', 'src/options', 'src/card', 'src/person', 'src/viewer', 'src/shared/ui'].flatMap(files),
  ...[
    'error-text.ts',
    'i18n.ts',
    'browser-message.ts',
    'pack-download.ts',
    'pack-integrity.ts',
    'pack-parts.ts',
    'corrections-store.ts',
    'timeline.ts',
  ].map((name) => `src/shared/${name}`),
  ...['corpus-store.ts', 'subscriptions.ts', 'corrections.ts', 'my-sources.ts'].map((name) => `src/background/${name}`),
  ...['card.ts', 'page-markup.ts'].map((name) => `src/content/${name}`),
];
/**
 * Code run in the corpus build's workers, which have no i18n API: the errors it sends the page are the compiler's,
 * in English as the command line gives them (the page says in the UI language that the build stopped, and why).
 */
const RUN_IN_WORKERS = ['src/options/compile-pool.ts', 'src/options/document-reader.ts'];
const LOCALISED_SCRIPTS = UI_FILES.filter((file) => file.endsWith('.ts') && !RUN_IN_WORKERS.includes(file));
const LOCALISED_PAGES = UI_FILES.filter((file) => file.endsWith('.html'));

describe('no hard-coded user-facing English in the UI', () => {
  it('checks every page and script of the UI', () => {
    expect(LOCALISED_PAGES.sort()).toEqual([
      'src/card/card.html',
      'src/options/options.html',
      'src/person/person.html',
      'src/popup/popup.html',
      'src/viewer/viewer.html',
    ]);
    expect(LOCALISED_SCRIPTS.length).toBeGreaterThan(60);
  });

  it.each(LOCALISED_SCRIPTS)('%s', (file) => {
    expect(hardCodedTextInCode(readFileSync(join(root, file), 'utf8'), file)).toEqual([]);
  });

  it.each(LOCALISED_PAGES)('%s', (file) => {
    expect(hardCodedTextInPage(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });
});
