/**
 * The overlay's arithmetic, apart from the DOM (overlay.ts): which of a text's boxes to draw, where, and what counts
 * as painting over it.
 */

/** A rectangle in viewport pixels, as `getClientRects` gives them. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The overlay's own box: its layer's origin and the part of the viewport it covers. */
export interface View {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The part of `box` inside the view, in the view's own coordinates; undefined when none of it is (or it is empty).
 * Nothing drawn ever reaches past the view, so the overlay's host is the same size whatever it draws.
 */
export function boxInView(box: Box, view: View): Box | undefined {
  const left = Math.max(box.left - view.left, 0);
  const top = Math.max(box.top - view.top, 0);
  const right = Math.min(box.left + box.width - view.left, view.width);
  const bottom = Math.min(box.top + box.height - view.top, view.height);
  if (right - left < 0.5 || bottom - top < 0.5) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

/** A point well inside the visible part of a box, in viewport pixels: where to ask what is drawn on top of it. */
export function probePoint(visible: Box, view: View): { x: number; y: number } {
  return { x: view.left + visible.left + visible.width / 2, y: view.top + visible.top + visible.height / 2 };
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.left + box.width && y >= box.top && y <= box.top + box.height;
}

/** A computed colour with nothing to show: `transparent`, or any colour whose alpha is zero. */
export function isTransparent(color: string): boolean {
  return color === 'transparent' || /(?:,|\/)\s*0(?:\.0*)?%?\s*\)$/u.test(color);
}
