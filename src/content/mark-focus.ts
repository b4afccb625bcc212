import { claimMarksUnder } from './claim-marks';
import { FIRST_MARKS, madeMarksUnder } from './highlighter';

/**
 * Keyboard reach: marks get no tabindex, so a page with three thousand names keeps its own tab order; the content
 * script binds a shortcut to `focusAdjacentHighlight`, which makes one mark focusable when it is reached.
 */

/**
 * Focuses the next (or previous) highlight after the focused element, for the content script's keyboard
 * shortcut; the mark becomes focusable only now, so marks never crowd the page's tab order. Returns the mark.
 */
export function focusAdjacentHighlight(root: ParentNode, direction: 'next' | 'previous'): HTMLElement | undefined {
  // Names and claims, in the order a reader meets them.
  const marks = [...madeMarksUnder(root, FIRST_MARKS), ...claimMarksUnder(root)].sort((a, b) =>
    a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  if (marks.length === 0) return undefined;
  const active = document.activeElement;
  const after = (mark: HTMLElement): boolean =>
    active !== null && (active.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target =
    direction === 'next'
      ? (marks.find(after) ?? marks[0])
      : (marks.findLast((mark) => mark !== active && !after(mark) && !mark.contains(active)) ??
        marks[marks.length - 1]);
  if (target === undefined) return undefined;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return target;
}
