// The locale files and the code that shows their text: every message in every shipped language, with the same
// placeholders; and, in the parts of the UI that are localised, no user-facing English written in the code or markup.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

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
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();

describe('locale files', () => {
  it('ship English and Persian', () => {
    expect(languages).toEqual(['en', 'fa']);
  });

  it.each(languages)('%s has every English message and no other, with the same placeholders', (lang) => {
    const messages = read(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(messages)) {
      const defined = Object.keys(entry.placeholders ?? {}).sort();
      expect(usedPlaceholders(entry.message), `${lang} ${key}`).toEqual(defined);
      expect(defined, `${lang} ${key}`).toEqual(Object.keys(english[key]?.placeholders ?? {}).sort());
    }
  });

  it('Persian is translated: its messages are written in Persian, but for names and marks', () => {
    const persian = read('fa');
    const untranslated = Object.entries(persian)
      .filter(([, entry]) => /[A-Za-z]{3,}/.test(entry.message.replace(/Sourcelight|\$[A-Z]+\$/g, '')))
      .filter(([, entry]) => !/[\u0600-\u06FF]/.test(entry.message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

/** Parts of the UI whose every user-facing string comes from the locale files. */
const LOCALISED_SCRIPTS = ['src/viewer/viewer.ts'];
const LOCALISED_PAGES = ['src/viewer/viewer.html'];

/** A string literal that reads as English prose: two words or more, starting with a capital or ending a sentence. */
const ENGLISH_LITERAL = /(['"`])((?:(?!\1)[^\\\n]|\\.)*?)\1/g;
const looksLikeProse = (text: string): boolean =>
  /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/.test(text) && (/^[A-Z]/.test(text) || /[.!?:…]$/.test(text));

describe('no hard-coded user-facing English where the UI is localised', () => {
  it.each(LOCALISED_SCRIPTS)('%s', (file) => {
    const found = readFileSync(join(root, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(?:\/\/|\*|\/\*|import )|console\./.test(line))
      .flatMap((line) => [...line.matchAll(ENGLISH_LITERAL)].map((m) => m[2] ?? ''))
      .filter(looksLikeProse);
    expect(found).toEqual([]);
  });

  it.each(LOCALISED_PAGES)('%s', (file) => {
    const { document } = parseHTML(readFileSync(join(root, file), 'utf8'));
    const unlocalised = [...document.querySelectorAll('*')]
      .filter((element) => !element.hasAttribute('data-i18n') && !['SCRIPT', 'STYLE'].includes(element.tagName))
      .flatMap((element) => [...element.childNodes])
      .filter((node) => node.nodeType === 3 && /[A-Za-z]{2,}/.test(node.textContent ?? ''))
      .map((node) => (node.textContent ?? '').trim());
    expect(unlocalised).toEqual([]);
  });
});
