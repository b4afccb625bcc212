import browser from 'webextension-polyfill';
import { CORRECTIONS_KEY } from './corrections-change';
import { correctionsFile, correctionsFileOf, type Correction } from './corrections';
import { t } from './i18n';

/**
 * The reader's corrections, in browser.storage.local under one key, apart from the packs in IndexedDB: replacing,
 * updating, repairing or removing a corpus never touches them, and every context hears of a change (storage.onChanged)
 * as it does of the settings. They are a few small records; the background is their only writer (corrections.ts there).
 */

/** What is stored; a stored value this version cannot read is an error, never an empty list a write would overwrite. */
export async function loadCorrections(): Promise<Correction[]> {
  const stored = (await browser.storage.local.get(CORRECTIONS_KEY))[CORRECTIONS_KEY];
  if (stored === undefined) return [];
  const parsed = correctionsFile.safeParse(stored);
  if (!parsed.success) throw new Error(t('correctionsUnreadable'));
  return parsed.data.corrections;
}

export async function saveCorrections(corrections: Correction[]): Promise<void> {
  await browser.storage.local.set({ [CORRECTIONS_KEY]: correctionsFile.parse(correctionsFileOf(corrections)) });
}
