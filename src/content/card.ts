import browser from 'webextension-polyfill';
import type { CardFrameEvent, CardToShow } from '../shared/page-messages';
import { browserMessage } from '../shared/browser-message';
import { cardPlace } from './card-position';
import { CARD_TAG, OWN_UI_ATTRIBUTE } from './own-ui';
import { protectHost, setImportant, showOnTop } from './protected-host';
import frameCss from './card-frame.css?inline';

/**
 * The card a highlight opens. What the corpus says is drawn by an extension page (src/card/) in a frame, itself in a
 * closed shadow root of a `<sourcelight-card>` element: the page cannot read the frame's document (another origin),
 * cannot reach the frame (closed root), and learns nothing from its address, which carries no data. This is how
 * password managers draw their inline menus. Here the content script only places the frame beside its highlight,
 * sizes it, and gives focus back to the highlight when the reader closes it.
 */
const CARD_PAGE = 'src/card/card.html';
/** The frame's height until the card says how tall it is. */
const FIRST_HEIGHT = 96;

/** What a card opens beside, and gives the reader's focus back to when it closes: a mark, or an overlay highlight. */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  returnFocus(): void;
}

/** A mark Sourcelight made, as a card's anchor: focusable once the card gives focus back, never in the tab order. */
export function markAnchor(mark: HTMLElement): CardAnchor {
  return {
    getBoundingClientRect: () => mark.getBoundingClientRect(),
    returnFocus: () => {
      if (!mark.isConnected) return;
      if (!mark.hasAttribute('tabindex')) mark.setAttribute('tabindex', '-1');
      mark.focus({ preventScroll: true });
    },
  };
}

export interface CardController {
  /** Opens the card beside a highlight: an entity's card, or a claim's. */
  open(anchor: CardAnchor, card: CardToShow): Promise<void>;
  /** What the card frame said, relayed by the background. */
  onFrameEvent(event: CardFrameEvent): void;
  close(): void;
}

/** A filter that lowers what shows through: opacity, blur, brightness or contrast below full. */
const FADING_FILTER = /\b(?:opacity|brightness|contrast)\(\s*(?:0?\.\d+|0|[1-9]\d?%)\s*\)|\bblur\(\s*[1-9]/u;

/**
 * Whether the page fades or blurs its root, which no style of the card's host can undo (in Firefox, the root's filter
 * reaches even the top layer): then the card shows, but acts on no click, and says why.
 */
function pageFadesEverything(): boolean {
  return [document.documentElement, document.body].some((element) => {
    if (!element) return false;
    const style = getComputedStyle(element);
    return Number(style.opacity) < 1 || FADING_FILTER.test(style.filter) || style.visibility !== 'visible';
  });
}

export function createCard(tellBackground: (card: CardToShow) => Promise<void>): CardController {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  let anchor: CardAnchor | undefined;
  let listeners: AbortController | undefined;
  let contentHeight = FIRST_HEIGHT;
  let opens = 0;

  const place = (): void => {
    if (!host || !frame || !anchor) return;
    const spot = cardPlace(
      anchor.getBoundingClientRect(),
      { width: innerWidth, height: innerHeight },
      { width: frame.offsetWidth, height: contentHeight },
    );
    frame.style.height = `${spot.height}px`;
    setImportant(host, 'top', `${spot.top}px`);
    setImportant(host, 'left', `${spot.left}px`);
  };

  const close = (): void => {
    if (!host) return;
    listeners?.abort();
    host.remove();
    host = undefined;
    frame = undefined;
    const returnTo = anchor;
    anchor = undefined;
    returnTo?.returnFocus();
  };

  const open = async (target: CardAnchor, card: CardToShow): Promise<void> => {
    close();
    const thisOpen = ++opens;
    // Before the frame exists, so that it finds its card when it asks.
    await tellBackground({ ...card, faded: pageFadesEverything() });
    if (thisOpen !== opens) return;
    anchor = target;
    contentHeight = FIRST_HEIGHT;
    host = document.createElement(CARD_TAG);
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = frameCss;
    frame = document.createElement('iframe');
    frame.title = browserMessage('cardTitle');
    frame.src = browser.runtime.getURL(CARD_PAGE);
    shadow.append(style, frame);
    protectHost(host);
    // Unseen until the card says how tall it is, but focusable at once, so keyboard focus moves into it.
    setImportant(host, 'opacity', '0');
    document.documentElement.append(host);
    showOnTop(host);
    place();
    frame.focus({ preventScroll: true });

    listeners = new AbortController();
    const { signal } = listeners;
    // A press anywhere on the page closes the card; presses inside the frame never reach the page.
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (host && !event.composedPath().includes(host)) close();
      },
      { capture: true, signal },
    );
    addEventListener('resize', place, { signal });
    // The card is fixed to the viewport, so it follows its highlight when the page scrolls.
    addEventListener('scroll', place, { signal, passive: true, capture: true });
  };

  const onFrameEvent = (event: CardFrameEvent): void => {
    if (event.kind === 'close') {
      close();
      return;
    }
    contentHeight = event.height;
    place();
    if (host) setImportant(host, 'opacity', '1');
  };

  return { open, onFrameEvent, close };
}
