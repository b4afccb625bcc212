import browser from 'webextension-polyfill';
import type { CardFrameEvent, CardToShow } from '../shared/page-messages';
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

/**
 * The host's own styles, inline and important, so that no rule of the page's (which reaches the host element, though
 * not inside its shadow root) can fade, hide, move, clip or blend the card: the DOM-based clickjacking shown against
 * password managers' injected menus in 2025.
 */
const PROTECTED_STYLE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['backdrop-filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['mix-blend-mode', 'normal'],
  ['pointer-events', 'auto'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', 'none'],
  ['background', 'transparent'],
  ['overflow', 'visible'],
  ['inset', 'auto'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['zoom', '1'],
];

function protect(host: HTMLElement): void {
  for (const [property, value] of PROTECTED_STYLE) host.style.setProperty(property, value, 'important');
}

/**
 * In the top layer (a manual popover), the card is drawn above everything the page has, whatever its z-index, and
 * no ancestor's opacity, filter, transform or clip applies to it. A browser without the Popover API keeps it fixed
 * at the highest z-index.
 */
function showOnTop(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  host.showPopover();
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
    host.style.setProperty('top', `${spot.top}px`, 'important');
    host.style.setProperty('left', `${spot.left}px`, 'important');
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
    frame.title = 'Sourcelight card';
    frame.src = browser.runtime.getURL(CARD_PAGE);
    shadow.append(style, frame);
    protect(host);
    // Unseen until the card says how tall it is, but focusable at once, so keyboard focus moves into it.
    host.style.setProperty('opacity', '0', 'important');
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
    if (host) host.style.setProperty('opacity', '1', 'important');
  };

  return { open, onFrameEvent, close };
}
