import browser from 'webextension-polyfill';

/** The storage.local key the reader's corrections are kept under (corrections-store.ts reads and writes it). */
export const CORRECTIONS_KEY = 'corrections';

/**
 * Calls back when the reader's corrections changed in any context, until `signal` (if given) aborts. Apart from the
 * store, so that a page's content script, which only asks the background again, carries no schema.
 */
export function onCorrectionsChange(listener: () => void, signal?: AbortSignal): void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    if (area === 'local' && CORRECTIONS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handle);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(handle), { once: true });
}
