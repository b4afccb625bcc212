import browser, { type Runtime } from 'webextension-polyfill';
import type { Handlers } from '../shared/message-protocol';
import { sendToTab, type backgroundMessages } from '../shared/messages';
import type { CardToShow } from '../shared/page-messages';
import { siteOf } from '../shared/site';

/**
 * The go-between of a highlight's content script and its card frame. The frame is an extension page inside the
 * web page, so the page can neither read nor script it; and it learns what to show from here rather than from its
 * address or a postMessage, which a page could read or forge.
 */
interface WantedCard {
  frameId: number;
  card: CardToShow;
  /** The site of the page the highlight is on, from the browser's own record of the sender. */
  site: string | null;
}

/** Per tab, the card its content script opened last and where that script runs. */
const wanted = new Map<number, WantedCard>();
/** Per tab, the content script's frame that owns the card frame now showing. */
const owners = new Map<number, number>();

function tabOf(sender: Runtime.MessageSender, who: string): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(`${who} must run in a tab.`);
  return tabId;
}

/** The sender is one of this extension's own pages (the card frame), not a content script in a web page. */
function assertCardFrame(sender: Runtime.MessageSender): void {
  const own = new URL(browser.runtime.getURL('')).protocol;
  if (!sender.url || new URL(sender.url).protocol !== own) throw new Error('Only the card frame may ask for its card.');
}

type Handler<K extends 'showCard' | 'takeCard' | 'cardFrameEvent'> = Handlers<typeof backgroundMessages>[K];

export const showCard: Handler<'showCard'> = ({ type: _type, ...card }, sender) => {
  const tabId = tabOf(sender, 'A card');
  wanted.set(tabId, { frameId: sender.frameId ?? 0, card, site: sender.url ? siteOf(sender.url) : null });
  return null;
};

export const takeCard: Handler<'takeCard'> = (_request, sender) => {
  assertCardFrame(sender);
  const tabId = tabOf(sender, 'The card frame');
  const found = wanted.get(tabId);
  if (!found) return null;
  wanted.delete(tabId);
  owners.set(tabId, found.frameId);
  return { ...found.card, site: found.site };
};

export const cardFrameEvent: Handler<'cardFrameEvent'> = async ({ event }, sender) => {
  assertCardFrame(sender);
  const tabId = tabOf(sender, 'The card frame');
  await sendToTab(tabId, { type: 'cardFrameEvent', event }, owners.get(tabId) ?? 0);
  return null;
};

browser.tabs.onRemoved.addListener((tabId) => {
  wanted.delete(tabId);
  owners.delete(tabId);
});
