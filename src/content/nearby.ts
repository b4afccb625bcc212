/**
 * Tells when elements come near what the reader sees. Content a page adds far from the viewport (the next twenty
 * screens of an infinite feed) is highlighted when the reader scrolls towards it, not all at once: wrapping tens of
 * thousands of names the reader may never reach would cost the page seconds and long layout tasks.
 */
export interface Nearby {
  /** Calls back, once, when each of these elements is near the viewport (at once for those already near). */
  watch(elements: readonly Element[]): void;
  stop(): void;
}

export type NearbyWatch = (onNear: (elements: Element[]) => void) => Nearby;

/** Within a viewport's height above or below the viewport, so a highlight is there before the reader gets there. */
const MARGIN = '100% 0px';

export const nearTheViewport: NearbyWatch = (onNear) => {
  const observer = new IntersectionObserver(
    (entries) => {
      const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
      for (const element of near) observer.unobserve(element);
      if (near.length > 0) onNear(near);
    },
    { rootMargin: MARGIN },
  );
  return {
    watch: (elements) => {
      for (const element of elements) observer.observe(element);
    },
    stop: () => observer.disconnect(),
  };
};

/** Every element at once: for DOM tests, whose DOM has no layout and so nothing is ever near. */
export const everythingNear: NearbyWatch = (onNear) => ({
  watch: (elements) => onNear([...elements]),
  stop: () => undefined,
});
