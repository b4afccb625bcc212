import browser from 'webextension-polyfill';
import { onLocalKeyChange } from './storage-watch';
import * as z from 'zod/mini';

/**
 * Tells open tabs that the corpora changed (a pack imported, removed, turned on or off), so they fetch a new
 * dictionary and highlight again without a reload. Carried by storage.local, which every context can watch.
 */
const CORPUS_CHANGE_KEY = 'corpusChangedAt';

export async function announceCorpusChange(): Promise<void> {
  await browser.storage.local.set({ [CORPUS_CHANGE_KEY]: Date.now() });
}

/** Calls back when another context announced a change, until `signal` (if given) aborts. */
export function onCorpusChange(listener: () => void, signal?: AbortSignal): void {
  onLocalKeyChange(CORPUS_CHANGE_KEY, (value) => z.number().safeParse(value).success && listener(), signal);
}
