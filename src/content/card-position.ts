/** Where the card's frame goes beside its highlight, in viewport pixels. */
export interface CardPlace {
  top: number;
  left: number;
  height: number;
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
}

const GAP = 6;
const MARGIN = 8;
/** The least room a card gets, even when its highlight sits at the viewport's edge: it then scrolls inside. */
const LEAST_ROOM = 120;

/**
 * Puts the card beside its highlight without covering it: below when the card fits there, else on the side with more
 * room, its height capped to that room (it scrolls inside), and never past the viewport's left or right edge.
 */
export function cardPlace(
  anchor: Box,
  viewport: { width: number; height: number },
  card: { width: number; height: number },
): CardPlace {
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const useBelow = card.height <= below || below >= above;
  const height = Math.min(Math.max(LEAST_ROOM, useBelow ? below : above), card.height);
  const top = useBelow ? anchor.bottom + GAP : anchor.top - GAP - height;
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, viewport.width - card.width - MARGIN));
  return { top: Math.max(MARGIN, top), left, height };
}
