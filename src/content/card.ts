import browser from 'webextension-polyfill';
import type { CardFrameEvent, CardToShow } from '../shared/messages';
import { cardPlace } from './card-position';
import { CARD_TAG, OWN_UI_ATTRIBUTE } from './own-ui';
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

export interface CardController {
  /** Opens the card beside a mark: an entity's card, or a claim's. */
  open(anchor: HTMLElement, card: CardToShow): Promise<void>;
  /** What the card frame said, relayed by the background. */
  onFrameEvent(event: CardFrameEvent): void;
  close(): void;
}

export function createCard(tellBackground: (card: CardToShow) => Promise<void>): CardController {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  let anchor: HTMLElement | undefined;
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
    host.style.top = `${spot.top}px`;
    host.style.left = `${spot.left}px`;
  };

  const close = (): void => {
    if (!host) return;
    listeners?.abort();
    host.remove();
    host = undefined;
    frame = undefined;
    const returnTo = anchor;
    anchor = undefined;
    if (returnTo?.isConnected) {
      if (!returnTo.hasAttribute('tabindex')) returnTo.setAttribute('tabindex', '-1');
      returnTo.focus({ preventScroll: true });
    }
  };

  const open = async (target: HTMLElement, card: CardToShow): Promise<void> => {
    close();
    const thisOpen = ++opens;
    // Before the frame exists, so that it finds its card when it asks.
    await tellBackground(card);
    if (thisOpen !== opens) return;
    anchor = target;
    contentHeight = FIRST_HEIGHT;
    host = document.createElement(CARD_TAG);
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = frameCss;
    frame = document.createElement('iframe');
    frame.title = 'Sourcelight card';
    frame.src = browser.runtime.getURL(CARD_PAGE);
    shadow.append(style, frame);
    // Unseen until the card says how tall it is, but focusable at once, so keyboard focus moves into it.
    host.style.opacity = '0';
    document.documentElement.append(host);
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
    if (host) host.style.opacity = '';
  };

  return { open, onFrameEvent, close };
}
