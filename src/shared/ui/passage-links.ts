import type { PassageSource } from '../entity-card';
import { el } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

/** How a view turns a passage into something a reader follows to the source viewer. */
export interface ViewLinks {
  passage(source: PassageSource, content: string | Node, attributes?: Record<string, string>): HTMLElement;
  /**
   * A chart's point that opens its passage on a click. Never focusable: a chart is hidden from assistive technology,
   * and its items are listed beside it, where the keyboard reaches them.
   */
  chartPoint(source: PassageSource, shape: SVGElement): SVGElement;
  /** A link to an entity's own page, where the view can open one. */
  entityPage?(entityId: string, content: string): HTMLElement;
}

/** How an extension page opens one of the extension's pages in a new tab: `tabs.create`, in front. */
export type OpenTab = (url: string) => void;

/**
 * A plain click on a link opens its tab through the extension, as the popup's search results and "Add this page" do;
 * Ctrl-click, middle-click and "open in new tab" keep the link's own ways. (Firefox also hides from WebDriver a tab
 * that an extension page's link opens itself, which the end-to-end tests must find.)
 */
function openPlainClicks<T extends HTMLAnchorElement | SVGAElement>(link: T, openTab: OpenTab | undefined): T {
  if (!openTab) return link;
  const clicks: GlobalEventHandlers = link;
  clicks.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openTab(link.getAttribute('href') ?? '');
  });
  return link;
}

/**
 * For extension pages (the popup, an entity's page): ordinary links to the viewer, opened in a new tab, so that a
 * click, Ctrl-click, middle-click and "open in new tab" all behave as the reader expects.
 */
export function viewerLinks(
  viewerHref: (source: PassageSource) => string,
  openTab?: OpenTab,
  entityPageHref?: (entityId: string) => string,
): ViewLinks {
  const anchor = (href: string, content: string | Node, attributes: Record<string, string> = {}) =>
    openPlainClicks(el('a', { ...attributes, href, target: '_blank', rel: 'noopener' }, content), openTab);
  return {
    passage: (source, content, attributes) => anchor(viewerHref(source), content, attributes),
    chartPoint: (source, shape) => {
      const link = document.createElementNS(SVG, 'a');
      link.setAttribute('href', viewerHref(source));
      link.setAttribute('target', '_blank');
      link.setAttribute('tabindex', '-1');
      link.append(shape);
      return openPlainClicks(link, openTab);
    },
    ...(entityPageHref
      ? { entityPage: (entityId: string, content: string) => anchor(entityPageHref(entityId), content) }
      : {}),
  };
}

/** What a view inside a web page asks the background to open, in front or (`inBackground`) behind. */
export interface Openers {
  passage(source: PassageSource, inBackground: boolean): void;
  entityPage(entityId: string, inBackground: boolean): void;
}

/**
 * Opens on the reader's click: a plain click in front, Ctrl/Cmd-click and middle-click behind. Only the browser's own
 * events count, never a synthetic click.
 */
function openOnClick(target: GlobalEventHandlers, open: (inBackground: boolean) => void): void {
  target.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    event.preventDefault();
    open(event.ctrlKey || event.metaKey);
  });
  target.addEventListener('auxclick', (event) => {
    if (!event.isTrusted || event.button !== 1) return;
    event.preventDefault();
    open(true);
  });
}

/** A control with a link's role, for a view inside a web page (see messageLinks). */
function linkButton(content: string | Node, attributes: Record<string, string>, open: (inBackground: boolean) => void) {
  const link = el(
    'button',
    { ...attributes, type: 'button', role: 'link', class: `sl-link ${attributes.class ?? ''}`.trim() },
    content,
  );
  openOnClick(link, open);
  return link;
}

/**
 * For the card, framed inside a web page, where a link to the viewer (not web-accessible) would be a web page's
 * navigation to an extension page: a control with a link's role that asks the background to open the viewer, or an
 * entity's page, in a new tab next to the reader's tab.
 */
export function messageLinks(open: Openers): ViewLinks {
  return {
    passage: (source, content, attributes = {}) =>
      linkButton(content, attributes, (inBackground) => open.passage(source, inBackground)),
    chartPoint: (source, shape) => {
      const point = document.createElementNS(SVG, 'g');
      point.setAttribute('class', 'sl-chart-link');
      point.append(shape);
      openOnClick(point, (inBackground) => open.passage(source, inBackground));
      return point;
    },
    entityPage: (entityId, content) =>
      linkButton(content, {}, (inBackground) => open.entityPage(entityId, inBackground)),
  };
}
