import { describe, expect, it } from 'vitest';
import { hasRendered } from './rendering';

/** A page as `hasRendered` sees it: its paint entries and the animation frames it was asked for. */
function fakePage(paintEntries: string[]): { doc: Document; frames: FrameRequestCallback[] } {
  const frames: FrameRequestCallback[] = [];
  const view = {
    performance: {
      getEntriesByType: (type: string) => (type === 'paint' ? paintEntries.map((name) => ({ name })) : []),
    },
    requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
  };
  return { doc: { defaultView: view } as unknown as Document, frames };
}

describe('hasRendered', () => {
  it('says a page that has painted has rendered', () => {
    const { doc, frames } = fakePage(['first-contentful-paint']);
    expect(hasRendered(doc)).toBe(true);
    expect(frames).toHaveLength(0);
  });

  it('says a page that has not painted has not rendered, until an animation frame has run', () => {
    const { doc, frames } = fakePage([]);
    expect(hasRendered(doc)).toBe(false);
    // A stylesheet still loading holds back every frame: asking again does not pile up frame requests.
    expect(hasRendered(doc)).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]?.(0);
    expect(hasRendered(doc)).toBe(true);
  });

  it('says a document without a window has not rendered', () => {
    expect(hasRendered({ defaultView: null } as unknown as Document)).toBe(false);
  });
});
