// Helpers that run inside one of the extension's own pages, where the extension APIs are available.
import type { Page } from 'puppeteer-core';
import { packParts } from '../../src/shared/pack-parts';
import { waitFor } from './wait-for';

/** The few extension APIs these helpers use, as both browsers expose them to extension pages. */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string; active?: boolean }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    remove(tabId: number): Promise<void>;
  };
}
declare const chrome: ExtensionApi;

/** Sends any value to the background as the extension's own pages do, and returns the raw reply. */
export function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((msg) => {
    const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
    return api.runtime.sendMessage(msg);
  }, message as never);
}

/** Imports a pack's JSON text as the options page does, in parts, and returns the raw reply to the import. */
export async function importPackJson(page: Page, json: string): Promise<unknown> {
  const uploadId = `test-${Date.now()}`;
  const parts = packParts(json);
  for (const [index, text] of parts.entries()) await sendRaw(page, { type: 'importPackPart', uploadId, index, text });
  return sendRaw(page, { type: 'importPack', uploadId, parts: parts.length });
}

/** Sends a message to the content script of every tab and returns the answers that came back. */
export function sendToAllTabs(page: Page, message: unknown): Promise<{ tabId: number; reply: unknown }[]> {
  return page.evaluate(async (msg) => {
    const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
    const tabs = await api.tabs.query({});
    const replies = await Promise.all(
      tabs.map(async (tab) => {
        try {
          return { tabId: tab.id ?? -1, reply: await api.tabs.sendMessage(tab.id ?? -1, msg) };
        } catch {
          return null;
        }
      }),
    );
    return replies.filter(
      (entry): entry is { tabId: number; reply: unknown } => entry !== null && entry.reply !== undefined,
    );
  }, message as never);
}

/** The content script's answer to `message` from the tab at `url`, as the popup would get it. */
export async function askTabAt<T>(page: Page, url: string, message: { type: string }): Promise<T | undefined> {
  const replies = await sendToAllTabs(page, { type: 'pingContent' });
  const tab = replies.find(({ reply }) => (reply as { data?: { url?: string } }).data?.url === url);
  if (tab === undefined) return undefined;
  const answer = (await page.evaluate(
    (id, msg) => {
      const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
      return api.tabs.sendMessage(id, msg);
    },
    tab.tabId,
    message as never,
  )) as { ok?: boolean; data?: T };
  return answer.ok === true ? answer.data : undefined;
}

/** Waits until the content script of the tab at `url` says its first pass over the page has finished. */
export async function waitUntilSettled(page: Page, url: string, timeoutMs?: number): Promise<void> {
  await waitFor(
    `the first pass over ${url}`,
    async () => {
      const ping = await askTabAt<{ settled?: boolean }>(page, url, { type: 'pingContent' });
      return ping?.settled === true || undefined;
    },
    timeoutMs,
  );
}

/** The newest tab whose content script answers from `url`, once one does. */
export async function tabAt(page: Page, url: string): Promise<number> {
  const found = await waitFor(`the tab at ${url}`, async () => {
    const answers = await sendToAllTabs(page, { type: 'pingContent' });
    const ids = answers
      .filter(({ reply }) => (reply as { data?: { url?: string } }).data?.url === url)
      .map(({ tabId }) => tabId);
    return ids.length > 0 ? { tabId: Math.max(...ids) } : undefined;
  });
  return found.tabId;
}

/** The browser's tabs as the extension sees them (`tabs.query`). */
export function extensionTabs(page: Page): Promise<{ id: number; url: string; active: boolean }[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
    return (await api.tabs.query({})).map((tab) => ({
      id: tab.id ?? -1,
      url: tab.url ?? '',
      active: tab.active ?? false,
    }));
  });
}

/** Closes a tab by id, as the reader would close a tab they opened. */
export function closeTab(page: Page, tabId: number): Promise<void> {
  return page.evaluate(async (id) => {
    const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
    await api.tabs.remove(id);
  }, tabId);
}

/** Stores settings as the popup and options page do; open tabs react through storage.onChanged. */
export function storeSettings(
  page: Page,
  settings: {
    enabled?: boolean;
    disabledSites?: string[];
    highlightKinds?: string[];
    claimCheck?: boolean;
    showOwnCorpora?: boolean;
  },
): Promise<void> {
  return page.evaluate(async (value) => {
    const api =
      (globalThis as unknown as { browser?: { storage: StorageApi } }).browser ??
      (globalThis as unknown as { chrome: { storage: StorageApi } }).chrome;
    const stored = ((await api.storage.local.get('settings')) as { settings?: object }).settings ?? {};
    await api.storage.local.set({ settings: { ...stored, ...value } });
  }, settings);
}

interface StorageApi {
  local: { get(key: string): Promise<unknown>; set(value: object): Promise<void> };
}
