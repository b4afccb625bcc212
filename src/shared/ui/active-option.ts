/**
 * The option of a combobox's list that Up and Down mark (ARIA's aria-activedescendant): focus stays in the field,
 * the marked option is aria-selected and scrolled into view, and moving past either end wraps round. The popup's
 * search and the card's speaker picker both use it.
 */
export interface ActiveOption {
  /** The marked option's place in the list, or -1 for none. */
  readonly index: number;
  /** Marks the option at `index`, wrapping round; none when the list is empty. */
  mark(index: number): void;
  /** Marks none: the list is about to be drawn again. */
  clear(): void;
}

export function activeOption(input: HTMLElement, options: () => readonly HTMLElement[]): ActiveOption {
  let index = -1;
  return {
    get index() {
      return index;
    },
    mark(wanted) {
      const list = options();
      list[index]?.setAttribute('aria-selected', 'false');
      index = list.length === 0 ? -1 : (wanted + list.length) % list.length;
      const current = list[index];
      if (!current) {
        input.removeAttribute('aria-activedescendant');
        return;
      }
      current.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    },
    clear() {
      index = -1;
      input.removeAttribute('aria-activedescendant');
    },
  };
}
