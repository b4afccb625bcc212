/**
 * Builds DOM from plain values. Text always goes in as text nodes, so corpus text can never become markup.
 */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Text with some ranges emphasised, as the search and the card mark matched words. */
export function textWithHighlights(
  text: string,
  ranges: { start: number; end: number }[],
  tag: 'mark' | 'strong' = 'mark',
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue;
    if (start > at) fragment.append(text.slice(at, start));
    fragment.append(el(tag, {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

/** An element the page's own HTML must hold; a missing one is a build mistake, so it throws. */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  // i18n-exempt: a page without its own element is a build mistake, said to the developer.
  if (!element) throw new Error(`${location.pathname.split('/').pop() ?? 'this page'} lacks #${id}`);
  return element as T;
}
