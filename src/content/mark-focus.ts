import { claimMarksUnder } from './claim-marks';
import { FIRST_MARKS, madeMarksUnder } from './highlighter';
import { comparePositions, type PagePosition } from './page-position';

/**
 * Keyboard reach: marks get no tabindex, so a page with three thousand names keeps its own tab order; the content
 * script binds a shortcut to `focusAdjacentHighlight`, which makes one mark focusable when it is reached. The reader's
 * own highlights, which are no elements of the page (overlay.ts), are stops on the same path.
 */

/** A place the shortcut moves to, and how the keyboard's focus is put there. */
export interface FocusStop extends PagePosition {
  focus(): void;
}

/** Stops that are no elements of the page, and the keyboard's place when it stands on one of them. */
export interface OtherStops {
  stops: readonly FocusStop[];
  current: PagePosition | undefined;
}

/**
 * Focuses the next (or previous) highlight after the one the keyboard is on, for the content script's keyboard
 * shortcut; a mark becomes focusable only now, so marks never crowd the page's tab order. Returns the stop.
 */
export function focusAdjacentHighlight(
  root: ParentNode,
  direction: 'next' | 'previous',
  others: OtherStops = { stops: [], current: undefined },
): FocusStop | undefined {
  // Names and claims, marked or drawn, in the order a reader meets them.
  const marks = [...madeMarksUnder(root, FIRST_MARKS), ...claimMarksUnder(root)].map((mark): FocusStop => ({
    node: mark,
    offset: 0,
    focus: () => {
      if (!mark.hasAttribute('tabindex')) mark.setAttribute('tabindex', '-1');
      mark.focus();
    },
  }));
  const stops = [...marks, ...others.stops].sort(comparePositions);
  if (stops.length === 0) return undefined;
  const active = document.activeElement;
  const current = others.current ?? (active ? { node: active, offset: 0 } : undefined);
  const after = (stop: FocusStop): boolean => current !== undefined && comparePositions(current, stop) < 0;
  const before = (stop: FocusStop): boolean =>
    current !== undefined &&
    comparePositions(stop, current) < 0 &&
    !(stop.node !== current.node && stop.node.contains(current.node));
  const target =
    direction === 'next' ? (stops.find(after) ?? stops[0]) : (stops.findLast(before) ?? stops[stops.length - 1]);
  target?.focus();
  return target;
}
