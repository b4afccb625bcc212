/**
 * Tells when elements come near what the reader sees. Paragraphs far from the viewport (the rest of a long article,
 * the next twenty screens of an infinite feed) are wrapped when the reader scrolls towards them, not all at once:
 * wrapping tens of thousands of names the reader may never reach would cost the page seconds and long layout tasks.
 */
export interface Nearby {
  /** Calls back, once, when each of these elements is near the viewport (at once for those already near). */
  watch(elements: readonly Element[]): void;
  /** Resolves once every element watched so far has been looked at once, near or not. */
  reported(): Promise<void>;
  stop(): void;
}

export type NearbyWatch = (onNear: (elements: Element[]) => void) => Nearby;

/** Within a viewport's height above or below the viewport, so a highlight is there before the reader gets there. */
const MARGIN = '100% 0px';

export const nearTheViewport: NearbyWatch = (onNear) => {
  const unreported = new Set<Element>();
  let allReported = (): void => undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      // What the reader sees first, then the screens above and below it.
      const inView = (entry: IntersectionObserverEntry): number =>
        +(entry.boundingClientRect.bottom > 0 && entry.boundingClientRect.top < innerHeight);
      const near = entries
        .filter((entry) => entry.isIntersecting)
        .sort((a, b) => inView(b) - inView(a))
        .map((entry) => entry.target);
      for (const entry of entries) unreported.delete(entry.target);
      for (const element of near) observer.unobserve(element);
      if (near.length > 0) onNear(near);
      if (unreported.size === 0) allReported();
    },
    { rootMargin: MARGIN },
  );
  return {
    watch: (elements) => {
      for (const element of elements) {
        unreported.add(element);
        observer.observe(element);
      }
    },
    reported: () => (unreported.size === 0 ? Promise.resolve() : new Promise((resolve) => (allReported = resolve))),
    stop: () => observer.disconnect(),
  };
};

/** Every element at once: for DOM tests, whose DOM has no layout and so nothing is ever near. */
export const everythingNear: NearbyWatch = (onNear) => ({
  watch: (elements) => onNear([...elements]),
  reported: () => Promise.resolve(),
  stop: () => undefined,
});
