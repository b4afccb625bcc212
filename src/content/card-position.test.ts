import { describe, expect, it } from 'vitest';
import { cardPlace } from './card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 420, height: 300 };

describe('the card beside its highlight', () => {
  it('goes below the highlight when it fits there', () => {
    expect(cardPlace({ top: 100, bottom: 120, left: 50 }, viewport, card)).toEqual({ top: 126, left: 50, height: 300 });
  });

  it('goes above when it does not fit below and there is more room above', () => {
    expect(cardPlace({ top: 700, bottom: 720, left: 50 }, viewport, card)).toEqual({ top: 394, left: 50, height: 300 });
  });

  it('is cut to the room on the larger side, and scrolls inside', () => {
    const tall = { width: 420, height: 2000 };
    // 420 px above, 374 below: above wins and takes all of it.
    expect(cardPlace({ top: 420, bottom: 440, left: 50 }, viewport, tall)).toEqual({ top: 8, left: 50, height: 406 });
  });

  it('keeps some room at the viewport edge rather than none', () => {
    // 86 px below, 66 above: below, with the least room.
    expect(cardPlace({ top: 80, bottom: 100, left: 50 }, { width: 1000, height: 200 }, card).height).toBe(120);
    expect(cardPlace({ top: -40, bottom: -20, left: 50 }, viewport, { width: 420, height: 1000 }).height).toBe(806);
  });

  it('never passes the right edge, nor the left', () => {
    expect(cardPlace({ top: 100, bottom: 120, left: 900 }, viewport, card).left).toBe(572);
    expect(cardPlace({ top: 100, bottom: 120, left: -30 }, viewport, card).left).toBe(8);
    expect(cardPlace({ top: 100, bottom: 120, left: 200 }, { width: 300, height: 800 }, card).left).toBe(8);
  });
});
