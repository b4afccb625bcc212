/**
 * Whether a page has rendered yet. The content script runs at DOMContentLoaded, which can come well before the first
 * paint: while a stylesheet in the page's head is still loading, neither Chromium nor Firefox renders the page at
 * all, and requestAnimationFrame callbacks do not run (seen with a stylesheet that never arrives). Until then
 * there is no frame to keep short, and waiting for one only costs the pacer its frame timeout on every chunk.
 */

const rendered = new WeakSet<Document>();
/** Pages whose first frame we are waiting to see. */
const watched = new WeakSet<Document>();

/** True once the page has painted or run an animation frame; the first call starts watching for that frame. */
export function hasRendered(doc: Document): boolean {
  if (rendered.has(doc)) return true;
  const view = doc.defaultView;
  if (view === null) return false;
  // A paint entry covers a page that rendered before we came; Firefox records only first-contentful-paint.
  if (view.performance.getEntriesByType('paint').length > 0) {
    rendered.add(doc);
    return true;
  }
  if (!watched.has(doc)) {
    watched.add(doc);
    view.requestAnimationFrame(() => rendered.add(doc));
  }
  return false;
}
