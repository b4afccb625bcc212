import type { PassageSource } from '../entity-card';
import { el } from './dom';

/** How a view turns a passage into something a reader follows to the source viewer. */
export interface ViewLinks {
  passage(source: PassageSource, content: string | Node, attributes?: Record<string, string>): HTMLElement;
}

/**
 * For extension pages (the popup): ordinary links to the viewer, opened in a new tab, so that a click, Ctrl-click,
 * middle-click and "open in new tab" all behave as the reader expects.
 */
export function viewerLinks(viewerHref: (source: PassageSource) => string): ViewLinks {
  return {
    passage: (source, content, attributes = {}) =>
      el('a', { ...attributes, href: viewerHref(source), target: '_blank', rel: 'noopener' }, content),
  };
}

/**
 * For the card on a web page, which may not open an extension page itself (Chromium shows ERR_BLOCKED_BY_CLIENT,
 * Firefox does nothing): a control with a link's role that asks the background to open the viewer in a new tab.
 * Ctrl/Cmd-click and middle-click open it in a background tab. It carries no extension URL the page could read.
 * Only the browser's own events count, never a page script's synthetic click.
 */
export function messageLinks(
  open: (source: PassageSource, inBackground: boolean) => void,
  signal: AbortSignal,
): ViewLinks {
  return {
    passage: (source, content, attributes = {}) => {
      const link = el(
        'button',
        { ...attributes, type: 'button', role: 'link', class: `sl-link ${attributes.class ?? ''}`.trim() },
        content,
      );
      link.addEventListener(
        'click',
        (event) => {
          if (!event.isTrusted) return;
          event.preventDefault();
          open(source, event.ctrlKey || event.metaKey);
        },
        { signal },
      );
      link.addEventListener(
        'auxclick',
        (event) => {
          if (!event.isTrusted || event.button !== 1) return;
          event.preventDefault();
          open(source, true);
        },
        { signal },
      );
      return link;
    },
  };
}
