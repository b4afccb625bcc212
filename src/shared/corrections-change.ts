import { onLocalKeyChange } from './storage-watch';

/** The storage.local key the reader's corrections are kept under (corrections-store.ts reads and writes it). */
export const CORRECTIONS_KEY = 'corrections';

/**
 * Calls back when the reader's corrections changed in any context, until `signal` (if given) aborts. Apart from the
 * store, so that a page's content script, which only asks the background again, carries no schema.
 */
export function onCorrectionsChange(listener: () => void, signal?: AbortSignal): void {
  onLocalKeyChange(CORRECTIONS_KEY, () => listener(), signal);
}
