// The browser's i18n API for unit tests, as Chromium and Firefox implement it: messages read from
// assets/_locales/<lang>/messages.json, `$NAME$` placeholders filled from their `$1`… content, `$$` a dollar sign, an
// unknown key the empty string. Installed as `chrome.i18n` (src/shared/i18n.ts reads it there) in English as a reader
// in Britain has it; a test chooses another language with `useLanguage`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach } from 'vitest';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const localesDir = resolve(import.meta.dirname, '../../assets/_locales');

const read = (locale: string): Record<string, MessageEntry> =>
  JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, MessageEntry>;

/** Fills `$1`… in a placeholder's content, and `$$` as a dollar sign. */
const fill = (text: string, substitutions: string[]): string =>
  text.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));

export function fakeI18n(locale: string, uiLanguage: string) {
  const messages = read(locale);
  const fallback = read('en');
  return {
    getUILanguage: () => uiLanguage,
    getMessage(key: string, substitutions: string | string[] = []): string {
      const entry = messages[key] ?? fallback[key];
      if (!entry) return '';
      const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
      const placeholders = Object.fromEntries(
        Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]),
      );
      const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
        const content = placeholders[name.toLowerCase()];
        return content === undefined ? whole : fill(content, values);
      });
      return withPlaceholders.replace(/\$\$/g, '$');
    },
  };
}

/** Shows the messages of `locale` with the UI language `uiLanguage`, for the rest of the test. */
export function useLanguage(locale: string, uiLanguage = locale): void {
  (globalThis as { chrome?: object }).chrome = { i18n: fakeI18n(locale, uiLanguage) };
}

useLanguage('en', 'en-GB');
afterEach(() => useLanguage('en', 'en-GB'));
