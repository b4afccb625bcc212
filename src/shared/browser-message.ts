import type english from '../../assets/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** The part of the browser's i18n API Sourcelight uses, alike in Chromium and Firefox. */
export interface BrowserI18n {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/**
 * `chrome.i18n`, which both browsers give every extension context (pages, the background, content scripts), read from
 * the global rather than through the polyfill so that a build worker, which has no extension API, may load this module.
 */
export const browserI18n = (): BrowserI18n | undefined =>
  (globalThis as { chrome?: { i18n?: BrowserI18n } }).chrome?.i18n;

/** A message as the locale file writes it, `$1`… filled in as given; empty where there is none (a worker). */
export const rawMessage = (key: string, substitutions: string[] = []): string =>
  browserI18n()?.getMessage(key, substitutions) ?? '';

/**
 * A message with its text filled in as given, or its key where there is none. The content script's way: every page
 * loads it, so it carries none of `i18n.ts`'s formatting; what it fills in is a name or an address, never prose.
 */
export const browserMessage = (key: MessageKey, ...substitutions: string[]): string =>
  rawMessage(key, substitutions) || key;
