/**
 * Places in the page's text, compared in the order a reader meets them, and a list kept in that order: the keyboard
 * moves through highlights by it, and the overlay finds what lies near the viewport in it without asking the page's
 * layout about every highlight.
 */

/** A place in the page: a node, and an offset in it for text (two highlights may share one text node). */
export interface PagePosition {
  node: Node;
  offset: number;
}

/** Negative when `a` comes first in the page; an element comes before what it holds. */
export function comparePositions(a: PagePosition, b: PagePosition): number {
  if (a.node === b.node) return a.offset - b.offset;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Items in page order, each at the position `positionOf` gives it. */
export class PageOrder<T> {
  #items: T[] = [];
  readonly #positionOf: (item: T) => PagePosition;

  constructor(positionOf: (item: T) => PagePosition) {
    this.#positionOf = positionOf;
  }

  get items(): readonly T[] {
    return this.#items;
  }

  /** The index of the first item at or after `position`. */
  indexAt(position: PagePosition): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const item = this.#items[mid];
      if (item !== undefined && comparePositions(this.#positionOf(item), position) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds an item at its place; a pass over the page adds in order, so the last place is tried first. */
  add(item: T): void {
    const last = this.#items[this.#items.length - 1];
    const position = this.#positionOf(item);
    if (last === undefined || comparePositions(this.#positionOf(last), position) <= 0) this.#items.push(item);
    else this.#items.splice(this.indexAt(position), 0, item);
  }

  /** Takes out every item `gone` says is gone, in one pass. */
  remove(gone: (item: T) => boolean): void {
    this.#items = this.#items.filter((item) => !gone(item));
  }

  clear(): void {
    this.#items = [];
  }
}
