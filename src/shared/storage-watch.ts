import browser from 'webextension-polyfill';

/**
 * Calls back with a storage.local key's new value whenever any context changes it, until `signal` (if given) aborts:
 * one cleanup idiom with the DOM listeners, as refined-github does. The value is unchecked: each caller parses it.
 */
export function onLocalKeyChange(key: string, listener: (newValue: unknown) => void, signal?: AbortSignal): void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    const change = changes[key];
    if (area === 'local' && change) listener(change.newValue);
  };
  browser.storage.onChanged.addListener(handle);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(handle), { once: true });
}
