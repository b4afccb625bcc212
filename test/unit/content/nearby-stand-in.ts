import type { NearbyWatch } from '../../../src/content/nearby';
import { hasRendered } from '../../../src/content/rendering';

/** Stands in for the viewport in DOM tests, which have no layout: only the elements in `near` are ever near. */
export const onlyNear =
  (near: readonly (Element | undefined)[]): NearbyWatch =>
  (onNear) => ({
    watch: (elements) => onNear(elements.filter((element) => near.includes(element))),
    reported: () => Promise.resolve(),
    stop: () => undefined,
  });

/** Lets the page render once: only a page that has rendered has a viewport to be near. */
export async function renderOnce(doc: Document): Promise<void> {
  hasRendered(doc);
  await new Promise((resolve) => requestAnimationFrame(resolve));
}
