import type Mark from 'mark.js';
// @ts-expect-error -- mark.js ships types for its UMD wrapper only; this is the class that wrapper hides.
import MarkSource from 'mark.js/src/lib/mark.js';

/**
 * The one place that depends on mark.js's internals (its `iterator` property); `markjs-adapter.test.ts` pins them,
 * so an upgrade that changes them fails there rather than slowing pages down unseen.
 */

export interface TextMarker {
  markRanges(ranges: readonly Mark.Range[], options: Mark.MarkRangesOptions): void;
}

/** mark.js's own class, not its UMD wrapper, which keeps the instance (and so its text walk) out of reach. */
const MarkClass = MarkSource as new (context: readonly Node[]) => TextMarker;

/**
 * A mark.js instance over exactly these text nodes, its range offsets counted in their text alone. mark.js finds
 * text with a new live NodeIterator per context node, and Chromium updates every live iterator on each node removal
 * until garbage collection reclaims them: wrapping a 1 MB page went from 0.1 ms to 4 ms per mark as they piled up.
 * We already hold the nodes, so mark.js gets them directly; its range checks and wrapping are unchanged.
 */
export function markerOver(nodes: readonly Text[]): TextMarker {
  const marker = new MarkClass(nodes);
  const iterator = {
    forEachNode(_whatToShow: number, each: (node: Text) => void, _filter: unknown, done: () => void): void {
      nodes.forEach(each);
      done();
    },
  };
  Object.defineProperty(marker, 'iterator', { value: iterator });
  return marker;
}
