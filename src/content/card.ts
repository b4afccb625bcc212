import type { EntityCard, PassageSource } from '../shared/entity-card';
import type { LinkReason } from '../shared/link-reason';
import { el } from '../shared/ui/dom';
import { renderEntityView } from '../shared/ui/entity-view';
import { messageLinks } from '../shared/ui/passage-links';
import { CARD_TAG, OWN_UI_ATTRIBUTE } from './own-ui';
import themeCss from '../shared/ui/theme.css?inline';
import entityViewCss from '../shared/ui/entity-view.css?inline';
import cardCss from './card.css?inline';
import { errorText } from '../shared/error-text';

/**
 * The card a highlight opens: a `<sourcelight-card>` element whose open shadow root holds a non-modal dialog.
 * Content scripts cannot define custom elements, so the tag is an undefined custom element name, which may
 * still host a shadow root; its styles live inside, away from the page's.
 */
const GAP = 6;
const MARGIN = 8;

export interface CardOptions {
  loadCard(entityId: string): Promise<EntityCard | null>;
  /** Opens the source viewer at a passage in a new tab, in the background for Ctrl/Cmd- and middle-clicks. */
  openPassage(source: PassageSource, inBackground: boolean): void;
}

export interface CardController {
  open(anchor: HTMLElement, entityId: string, reason: LinkReason): Promise<void>;
  close(): void;
}

/**
 * Puts the card beside its highlight without covering it: below when the card fits there, else on the side
 * with more room, its height capped to that room (it scrolls inside).
 */
function place(host: HTMLElement, dialog: HTMLElement, anchor: HTMLElement): void {
  const rect = anchor.getBoundingClientRect();
  const below = innerHeight - rect.bottom - GAP - MARGIN;
  const above = rect.top - GAP - MARGIN;
  dialog.style.maxHeight = '';
  const natural = dialog.offsetHeight;
  const useBelow = natural <= below || below >= above;
  const room = Math.max(120, useBelow ? below : above);
  dialog.style.maxHeight = `${Math.min(room, natural)}px`;
  const height = Math.min(room, natural);
  const top = useBelow ? rect.bottom + GAP : rect.top - GAP - height;
  const left = Math.min(Math.max(MARGIN, rect.left), Math.max(MARGIN, innerWidth - host.offsetWidth - MARGIN));
  host.style.top = `${Math.max(MARGIN, top)}px`;
  host.style.left = `${left}px`;
}

/** Why this text of the page was linked to this entity, in the reader's words. */
export function reasonLine(reason: LinkReason, name: string): string {
  switch (reason.rule) {
    case 'full-name':
      return `Linked because this page names ${name} here.`;
    case 'named-above':
      return `Linked because this page names ${name} in full above.`;
    case 'distinct-name':
      return 'Linked because this page writes this name as the sources do.';
    case 'qualified':
      return `Linked because this page writes it with “${reason.qualifier ?? ''}”, as the sources do.`;
    case 'named-nearby':
      return `Linked because this page names ${reason.qualifier ?? 'its country'} nearby, and the sources know one body of this name.`;
    case 'topic':
      return 'Linked because this page uses this phrase, as the sources do.';
  }
}

export function createCard(options: CardOptions): CardController {
  let host: HTMLElement | undefined;
  let anchor: HTMLElement | undefined;
  let listeners: AbortController | undefined;
  let request = 0;

  const close = (): void => {
    if (!host) return;
    listeners?.abort();
    host.remove();
    host = undefined;
    const returnTo = anchor;
    anchor = undefined;
    if (returnTo?.isConnected) {
      if (!returnTo.hasAttribute('tabindex')) returnTo.setAttribute('tabindex', '-1');
      returnTo.focus({ preventScroll: true });
    }
  };

  const open = async (target: HTMLElement, entityId: string, reason: LinkReason): Promise<void> => {
    close();
    const thisRequest = ++request;
    anchor = target;
    host = document.createElement(CARD_TAG);
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${themeCss}\n${entityViewCss}\n${cardCss}`;
    const body = el(
      'div',
      { class: 'sl-body' },
      el('p', { class: 'sl-status', role: 'status' }, 'Loading what the sources say…'),
    );
    const closeButton = el('button', { type: 'button', class: 'sl-close', 'aria-label': 'Close' }, '×');
    const dialog = el(
      'div',
      { class: 'sl-card', role: 'dialog', 'aria-modal': 'false', 'aria-label': 'Sourcelight', tabindex: '-1' },
      closeButton,
      body,
    );
    shadow.append(style, dialog);
    document.documentElement.append(host);
    place(host, dialog, target);
    dialog.focus({ preventScroll: true });

    listeners = new AbortController();
    const { signal } = listeners;
    closeButton.addEventListener('click', close, { signal });
    dialog.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      },
      { signal },
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (host && !event.composedPath().includes(host)) close();
      },
      { capture: true, signal },
    );
    const follow = (): void => {
      if (host && anchor) place(host, dialog, anchor);
    };
    addEventListener('resize', follow, { signal });
    // The card is fixed to the viewport, so it follows its highlight when the page scrolls.
    addEventListener('scroll', follow, { signal, passive: true, capture: true });

    let card: EntityCard | null;
    try {
      card = await options.loadCard(entityId);
    } catch (error) {
      if (thisRequest !== request || !host) return;
      body.replaceChildren(
        el('p', { class: 'sl-status sl-error', role: 'alert' }, `The card could not be loaded: ${errorText(error)}`),
      );
      return;
    }
    if (thisRequest !== request || !host) return;
    if (!card) {
      body.replaceChildren(
        el('p', { class: 'sl-status', role: 'status' }, 'This name is no longer in any enabled corpus.'),
      );
      return;
    }
    const headingId = 'sl-card-name';
    dialog.removeAttribute('aria-label');
    dialog.setAttribute('aria-labelledby', headingId);
    const view = renderEntityView(card, messageLinks(options.openPassage, signal), headingId);
    // Under the name, where the reader looks first: why this text of the page was linked to it.
    const reasonElement = el('p', { class: 'sl-reason' }, reasonLine(reason, card.entity.name));
    const header = view.querySelector('.sl-header');
    if (header) header.after(reasonElement);
    else view.prepend(reasonElement);
    body.replaceChildren(view);
    place(host, dialog, target);
  };

  return { open, close };
}
