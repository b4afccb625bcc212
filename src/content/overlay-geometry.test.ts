import { describe, expect, it } from 'vitest';
import { boxInView, contains, isTransparent, probePoint } from './overlay-geometry';

const view = { left: 0, top: 0, width: 800, height: 600 };

describe('the overlay’s boxes', () => {
  it('draws a box inside the view as it is', () => {
    expect(boxInView({ left: 10, top: 20, width: 100, height: 18 }, view)).toEqual({
      left: 10,
      top: 20,
      width: 100,
      height: 18,
    });
  });

  it('cuts a box at the view’s edges, so nothing drawn reaches past the overlay’s host', () => {
    expect(boxInView({ left: -20, top: 590, width: 100, height: 18 }, view)).toEqual({
      left: 0,
      top: 590,
      width: 80,
      height: 10,
    });
    expect(boxInView({ left: 780, top: -5, width: 100, height: 18 }, view)).toEqual({
      left: 780,
      top: 0,
      width: 20,
      height: 13,
    });
  });

  it('draws nothing for a box outside the view or with no area', () => {
    expect(boxInView({ left: 10, top: 700, width: 100, height: 18 }, view)).toBeUndefined();
    expect(boxInView({ left: 10, top: -40, width: 100, height: 18 }, view)).toBeUndefined();
    expect(boxInView({ left: 10, top: 20, width: 0, height: 18 }, view)).toBeUndefined();
  });

  it('measures in the view’s own coordinates when it does not start at the viewport’s corner', () => {
    const shifted = { left: 8, top: 100, width: 800, height: 600 };
    const visible = boxInView({ left: 18, top: 120, width: 50, height: 10 }, shifted);
    expect(visible).toEqual({ left: 10, top: 20, width: 50, height: 10 });
    expect(visible && probePoint(visible, shifted)).toEqual({ x: 43, y: 125 });
  });

  it('hit-tests a point on the edge of a box as inside it', () => {
    const box = { left: 10, top: 20, width: 100, height: 18 };
    expect(contains(box, 10, 20)).toBe(true);
    expect(contains(box, 110, 38)).toBe(true);
    expect(contains(box, 111, 30)).toBe(false);
  });

  it('takes a background that shows nothing for no cover, whatever its notation', () => {
    expect(isTransparent('transparent')).toBe(true);
    expect(isTransparent('rgba(0, 0, 0, 0)')).toBe(true);
    expect(isTransparent('rgb(255 255 255 / 0)')).toBe(true);
    expect(isTransparent('color(srgb 1 1 1 / 0)')).toBe(true);
    expect(isTransparent('rgba(255, 255, 255, 0.5)')).toBe(false);
    expect(isTransparent('rgb(255, 255, 255)')).toBe(false);
    expect(isTransparent('rgba(10, 20, 30, 0.05)')).toBe(false);
  });
});
