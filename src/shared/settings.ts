import * as z from 'zod/mini';
import browser from 'webextension-polyfill';
import { onLocalKeyChange } from './storage-watch';
import { entityKind } from './entity-kind';

/**
 * What the reader chose: stored in browser.storage.local under one key, read through this schema only. In zod/mini,
 * as every schema a page's content script loads (`zod-config.ts`).
 */
export const settingsSchema = z.object({
  enabled: z._default(z.boolean(), true),
  /** Hostnames (lowercase, no port) where Sourcelight stays off. */
  disabledSites: z._default(z.array(z.string()), []),
  /**
   * Which kinds of entity are highlighted on pages. Places are off until the reader turns them on: on real pages
   * they were most of the marks and carried the least context.
   */
  highlightKinds: z._default(z.array(entityKind), ['person', 'organisation', 'topic']),
  /** Claim check: mark the quotations and figures of a page that the sources also hold. */
  claimCheck: z._default(z.boolean(), true),
  /**
   * Highlight names and claims from the reader's own corpora on pages too. They are drawn where no page script can
   * read them (src/content/overlay.ts), unlike the built-in corpus's marks, which are public. A new key: the old
   * `ownCorporaOnPages` drew them as readable marks, off by default, and a stored `false` must not carry over.
   */
  showOwnCorpora: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof settingsSchema>;

const SETTINGS_KEY = 'settings';

export const defaultSettings: Settings = settingsSchema.parse({});

/** Parses whatever storage holds; anything unreadable falls back to the defaults rather than failing the page. */
export function parseSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultSettings;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with the new settings whenever any context changes them, until `signal` (if given) aborts. */
export function onSettingsChanged(listener: (settings: Settings) => void, signal?: AbortSignal): void {
  onLocalKeyChange(SETTINGS_KEY, (value) => listener(parseSettings(value)), signal);
}

export function isActiveOn(settings: Settings, site: string | null): boolean {
  return settings.enabled && (site === null || !settings.disabledSites.includes(site));
}
