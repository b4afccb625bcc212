/**
 * Stands in for mark.js's DOMIterator in the content script's build (vite.config.ts): `markerOver` hands mark.js the
 * text nodes itself, so mark.js never makes its iterator, which was 3 kB of every page's script. Anything that
 * reaches it fails loudly instead of walking the page.
 */
export default function NoDomIterator(): never {
  throw new Error('mark.js asked for its own page walk: markjs-adapter.ts hands it the text nodes');
}
/** mark.js's exclusion check, reached only from a walk of its own. */
NoDomIterator.matches = NoDomIterator;
