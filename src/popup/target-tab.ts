import browser from 'webextension-polyfill';

/**
 * The tab the popup acts on: the active tab of the window it opened over. When the popup page is opened in a
 * tab of its own (keyboard users, tests), `?tab=ID` names the tab instead.
 */
export async function targetTabId(): Promise<number | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
