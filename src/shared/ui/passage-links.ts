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
 * For the card, framed inside a web page, where a link to the viewer (not web-accessible) would be a web page's
 * navigation to an extension page: a control with a link's role that asks the background to open the viewer in a
 * new tab, next to the reader's tab. Ctrl/Cmd-click and middle-click open it in a background tab. Only the browser's
 * own events count, never a synthetic click.
 */
export function messageLinks(open: (source: PassageSource, inBackground: boolean) => void): ViewLinks {
  return {
    passage: (source, content, attributes = {}) => {
      const link = el(
        'button',
        { ...attributes, type: 'button', role: 'link', class: `sl-link ${attributes.class ?? ''}`.trim() },
        content,
      );
      link.addEventListener('click', (event) => {
        if (!event.isTrusted) return;
        event.preventDefault();
        open(source, event.ctrlKey || event.metaKey);
      });
      link.addEventListener('auxclick', (event) => {
        if (!event.isTrusted || event.button !== 1) return;
        event.preventDefault();
        open(source, true);
      });
      return link;
    },
  };
}
