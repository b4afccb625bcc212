// Every user-facing string comes from the locale files (assets/_locales/<lang>/messages.json) through browser.i18n,
// in the browser's UI language: English and Persian ship. Numbers, plurals and dates go through Intl in that language
// (Persian dates in the Persian calendar, which Intl gives "fa" by default). Corpus text is never translated: it keeps
// its own language and direction (dir="auto" where it is shown).
import browser from 'webextension-polyfill';
import type english from '../../assets/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** The message for a key in the UI language, with `$1`… filled in; the key itself if a locale file lacks it. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text === '' ? key : text;
}

/**
 * Corpus text set inside a message, isolated (U+2068 … U+2069) so that its own direction cannot reorder the message
 * around it: an English title inside a Persian sentence, or the reverse.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** The browser's UI language ("en-GB", "fa"), for Intl. */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

/** Whether the UI language is written right to left (the predefined message every locale has). */
export const uiDirection = (): 'rtl' | 'ltr' => (browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr');

/** A number as the UI language writes it ("1,234", "۱٬۲۳۴"). */
export const formatNumber = (n: number): string => new Intl.NumberFormat(uiLanguage()).format(n);

/**
 * A page's static text: each element with `data-i18n="key"` gets that message as its text, and each
 * `data-i18n-attributes="placeholder:key aria-label:key"` those attributes; the document gets the UI language and its
 * direction, so the layout mirrors for Persian.
 */
export function localizePage(root: Document = document): void {
  root.documentElement.lang = uiLanguage();
  root.documentElement.dir = uiDirection();
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = t(element.dataset.i18n as MessageKey);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attributes]'))
    for (const pair of (element.dataset.i18nAttributes ?? '').split(/\s+/).filter(Boolean)) {
      const [attribute, key] = pair.split(':');
      if (attribute && key) element.setAttribute(attribute, t(key as MessageKey));
    }
}
