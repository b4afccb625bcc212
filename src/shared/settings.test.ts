import { describe, expect, it, vi } from 'vitest';

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const listeners = new Set<StorageListener>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      onChanged: {
        addListener: (listener: StorageListener) => listeners.add(listener),
        removeListener: (listener: StorageListener) => listeners.delete(listener),
      },
    },
  },
}));
const { defaultSettings, isActiveOn, onSettingsChanged, parseSettings } = await import('./settings');
const { siteOf } = await import('./site');

describe('settings', () => {
  it('falls back to the defaults for anything unreadable in storage', () => {
    expect(parseSettings(undefined)).toEqual(defaultSettings);
    expect(parseSettings({ enabled: 'yes' })).toEqual(defaultSettings);
    expect(parseSettings({ highlightKinds: ['person', 'gossip'] })).toEqual(defaultSettings);
  });

  it('highlights people, bodies and topics by default, and places only when the reader turns them on', () => {
    expect(defaultSettings.highlightKinds).toEqual(['person', 'organisation', 'topic']);
    expect(parseSettings({ highlightKinds: ['person', 'place'] }).highlightKinds).toEqual(['person', 'place']);
  });

  it('checks claims by default, until the reader turns it off', () => {
    expect(defaultSettings.claimCheck).toBe(true);
    expect(parseSettings({ claimCheck: false }).claimCheck).toBe(false);
  });

  it('shows the reader’s own corpora on pages by default, whatever the old readable-marks switch held', () => {
    expect(defaultSettings.showOwnCorpora).toBe(true);
    // Stored by earlier versions, where "on" meant marks a page could read and "off" was the default.
    expect(parseSettings({ ownCorporaOnPages: false }).showOwnCorpora).toBe(true);
    expect(parseSettings({ showOwnCorpora: false }).showOwnCorpora).toBe(false);
  });

  it('keeps what was stored and fills in the rest', () => {
    expect(parseSettings({ enabled: false })).toEqual({ ...defaultSettings, enabled: false });
  });

  it('names a site by its hostname without www, and nothing for pages that are not on the web', () => {
    expect(siteOf('https://www.Example.com:8080/news?x=1')).toBe('example.com');
    expect(siteOf('http://127.0.0.1:5000/demo.html')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('is active only when on globally and not skipped for the site', () => {
    expect(isActiveOn(defaultSettings, 'example.com')).toBe(true);
    expect(isActiveOn({ ...defaultSettings, enabled: false }, 'example.com')).toBe(false);
    expect(isActiveOn({ ...defaultSettings, disabledSites: ['example.com'] }, 'example.com')).toBe(false);
    expect(isActiveOn({ ...defaultSettings, disabledSites: ['example.com'] }, 'other.org')).toBe(true);
  });

  it('hears settings changed elsewhere until its signal aborts', () => {
    const heard: boolean[] = [];
    const controller = new AbortController();
    onSettingsChanged((settings) => heard.push(settings.enabled), controller.signal);
    const change = (enabled: boolean): void =>
      listeners.forEach((listener) => listener({ settings: { newValue: { enabled } } }, 'local'));
    change(false);
    controller.abort();
    change(true);
    expect(heard).toEqual([false]);
    expect(listeners.size).toBe(0);
  });
});
