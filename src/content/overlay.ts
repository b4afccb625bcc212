import { boxInView, contains, isTransparent, probePoint, type Box, type View } from './overlay-geometry';
import { OVERLAY_TAG, OWN_UI_ATTRIBUTE } from './own-ui';
import { PageOrder, type PagePosition } from './page-position';
import { protectHost, showOnTop } from './protected-host';
import { pieceHolds, type TextPiece } from './text-range';
import overlayCss from './overlay.css?inline';

/**
 * The reader's own corpora on a page, drawn where the page's script cannot read them. A mark in the page's DOM (or a
 * range in `CSS.highlights`, which the page can list and read) tells the page which of its words a corpus holds, so
 * a page listing candidate names and quotes would learn what the reader's private notes contain. So these highlights
 * are boxes in a closed shadow root, drawn from the client rects of the text they cover, the way injected editors draw
 * their underlines. The page sees only the host: a fixed element covering the viewport, the same size and the same
 * attributes whatever it draws, there from the start whether anything matched or not, and transparent to the mouse.
 *
 * Boxes are drawn once a frame at most, again when the page scrolls, resizes or changes, and only for what is on the
 * screen: the highlights are kept in page order, the page says which places of its text lie under a few points of the
 * viewport, and only the highlights around those places are measured. (An IntersectionObserver on every highlight's
 * element cost 20 ms a frame of scrolling on a page of 15,000 highlights; this costs what the screen holds.) A click is the content script's to hit-test against these boxes
 * (`at`); the keyboard reaches each highlight through a focusable proxy inside the root (`focus`), which a screen
 * reader announces by the page's own words.
 */

export type OverlayLook = 'name' | 'claim';

export interface OverlayHighlight<Link> {
  /** One piece per text node the highlight crosses, as the page's text was read. */
  pieces: readonly TextPiece[];
  look: OverlayLook;
  /** What a screen reader hears when the keyboard reaches it: the page's own words. */
  label: string;
  link: Link;
}

export interface Overlay<Link> {
  /** Draws a highlight; one that starts where a drawn one of the same look starts is already there. */
  add(highlight: OverlayHighlight<Link>): void;
  /** The highlights whose text the page still holds, in document order. */
  highlights(): OverlayHighlight<Link>[];
  /** The highlight a click at this point of the viewport lands on, `target` being the element it reached. */
  at(x: number, y: number, target: Element): OverlayHighlight<Link> | undefined;
  /** Where a highlight starts on the screen, for the card to stand beside. */
  rectOf(highlight: OverlayHighlight<Link>): DOMRect;
  /** Gives a highlight the keyboard's focus, scrolling it into view if it is not. */
  focus(highlight: OverlayHighlight<Link>): void;
  /** The highlight the keyboard stands on, if any. */
  focused(): OverlayHighlight<Link> | undefined;
  /** Forgets every highlight; the host stays. */
  clear(): void;
  /** Takes the host off the page. */
  remove(): void;
}

/**
 * Points of the viewport whose text starts the search for what is on the screen, in columns and rows: few, as the
 * page's answer for each costs about what a dozen boxes do, and the search goes on from each as far as the text shows.
 */
const SAMPLE_COLUMNS = [1 / 4, 3 / 4];
const SAMPLE_ROWS = 4;
/** Boxes on one line of one element, within this many pixels across, are covered or shown together. */
const COVER_CELL = 160;
/** Highlights off the screen in a row after which a search in page order stops. */
const MISSES_TO_STOP = 4;
/** The most boxes drawn in one frame, so that no page can make a frame long: a screenful of text holds far fewer. */
const MAX_BOXES = 1_500;
/** Elements that paint over what lies under them whatever their background. */
const REPLACED = new Set(['IMG', 'VIDEO', 'CANVAS', 'IFRAME', 'EMBED', 'OBJECT', 'svg', 'SVG', 'INPUT', 'TEXTAREA']);

export function createOverlay<Link>(onActivate: (highlight: OverlayHighlight<Link>) => void): Overlay<Link> {
  const host = document.createElement(OVERLAY_TAG);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const layer = document.createElement('div');
  layer.className = 'layer';
  layer.setAttribute('aria-hidden', 'true');
  const proxy = document.createElement('button');
  proxy.type = 'button';
  proxy.className = 'proxy';
  proxy.hidden = true;
  proxy.setAttribute('aria-roledescription', 'highlight');
  shadow.append(style, layer, proxy);
  // Covering the viewport, sized by it alone (`contain: strict`), and never in the way of the page's mouse.
  protectHost(host, { inset: '0', 'pointer-events': 'none', overflow: 'clip', contain: 'strict' });
  document.documentElement.append(host);
  showOnTop(host);

  const startOf = (highlight: OverlayHighlight<Link>): PagePosition => {
    const first = highlight.pieces[0];
    return first ? { node: first.node, offset: first.start } : { node: document, offset: 0 };
  };
  const ordered = new PageOrder(startOf);
  /** The highlights by the text node they start in, to tell one already drawn. */
  const byStart = new Map<Text, OverlayHighlight<Link>[]>();
  const boxes: HTMLElement[] = [];
  let shownBoxes = 0;
  let frame = 0;
  /** The page took nodes out: highlights in them go before the next search in page order. */
  let nodesRemoved = false;
  let focusedHighlight: OverlayHighlight<Link> | undefined;
  /** One range, set to each piece in turn: a live range per highlight would be updated on every change to the page. */
  const scratch = document.createRange();
  /** The page's layout events, watched while there is something to draw. */
  let watching: AbortController | undefined;

  const rectsOf = (piece: TextPiece): DOMRectList => {
    scratch.setStart(piece.node, piece.start);
    scratch.setEnd(piece.node, piece.end);
    return scratch.getClientRects();
  };

  const holds = (highlight: OverlayHighlight<Link>): boolean => highlight.pieces.every(pieceHolds);

  const schedule = (): void => {
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };

  const watch = (): void => {
    if (watching) return;
    const listening = new AbortController();
    const { signal } = listening;
    // Anything that can move text: scrolling (of the page or of any box in it), sizes, fonts, and the page's changes.
    addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    addEventListener('resize', schedule, { signal });
    addEventListener('transitionend', schedule, { capture: true, signal });
    addEventListener('animationend', schedule, { capture: true, signal });
    document.fonts.addEventListener('loadingdone', schedule, { signal });
    const resized = new ResizeObserver(schedule);
    resized.observe(document.documentElement);
    if (document.body) resized.observe(document.body);
    const changed = new MutationObserver((records) => {
      nodesRemoved ||= records.some((record) => record.removedNodes.length > 0);
      schedule();
    });
    changed.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    signal.addEventListener('abort', () => {
      resized.disconnect();
      changed.disconnect();
    });
    watching = listening;
  };

  const forget = (gone: ReadonlySet<OverlayHighlight<Link>>): void => {
    if (gone.size === 0) return;
    ordered.remove((highlight) => gone.has(highlight));
    for (const highlight of gone) {
      const first = highlight.pieces[0];
      const starting = first && byStart.get(first.node);
      if (first && starting) {
        const kept = starting.filter((other) => other !== highlight);
        if (kept.length > 0) byStart.set(first.node, kept);
        else byStart.delete(first.node);
      }
      if (focusedHighlight === highlight) hideProxy();
    }
  };

  /** The overlay's own box on the screen: the viewport, as the top layer gives it. */
  const view = (): View => {
    const rect = host.getBoundingClientRect();
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  };

  /** Where the page's text lies under a point of the screen. */
  const textAt = (x: number, y: number): PagePosition | undefined => {
    const caret = document.caretPositionFromPoint(x, y);
    if (!caret) return undefined;
    const { offsetNode: node, offset } = caret;
    // An element's position is between its children: the child after it stands for it.
    return node instanceof Text ? { node, offset } : { node: node.childNodes[offset] ?? node, offset: 0 };
  };

  /**
   * Whether the text at this box is what shows there, and not something the page draws over it (a sticky header).
   * Asked once per cell of a line of an element in a frame: a line's names are under the same cover.
   */
  const shows = (visible: Box, node: Text, within: View, painting: Map<Element, boolean>): boolean => {
    const { x, y } = probePoint(visible, within);
    const top = document.elementFromPoint(x, y);
    if (top === null) return false;
    if (top.contains(node)) return true;
    // Look through what paints nothing there (a link stretched over a teaser, an empty positioned box).
    for (const element of document.elementsFromPoint(x, y)) {
      if (element.contains(node)) return true;
      let paints = painting.get(element);
      if (paints === undefined) {
        const computed = getComputedStyle(element);
        paints =
          REPLACED.has(element.tagName) ||
          computed.backgroundImage !== 'none' ||
          !isTransparent(computed.backgroundColor);
        painting.set(element, paints);
      }
      if (paints) return false;
    }
    return false;
  };

  const boxAt = (index: number): HTMLElement => {
    let box = boxes[index];
    if (box === undefined) {
      box = document.createElement('div');
      layer.append(box);
      boxes.push(box);
    }
    return box;
  };

  const place = (element: HTMLElement, box: Box): void => {
    element.style.transform = `translate(${box.left}px, ${box.top}px)`;
    element.style.width = `${box.width}px`;
    element.style.height = `${box.height}px`;
  };

  /**
   * The boxes to draw: from the text under each sample point, the highlights on either side of it in page order, until
   * a few in a row are off the screen. Text flows in page order, so what the screen shows lies around those places.
   */
  const measure = (within: View): { toDraw: { look: OverlayLook; box: Box }[]; gone: Set<OverlayHighlight<Link>> } => {
    const toDraw: { look: OverlayLook; box: Box }[] = [];
    const gone = new Set<OverlayHighlight<Link>>();
    const seen = new Set<OverlayHighlight<Link>>();
    const painting = new Map<Element, boolean>();
    const cells = new Map<Element, Map<number, boolean>>();
    const showsInCell = (visible: Box, node: Text): boolean => {
      const element = node.parentElement;
      if (element === null) return false;
      const cell = Math.round(visible.top) * 1_000 + Math.floor((visible.left + visible.width / 2) / COVER_CELL);
      const known = cells.get(element)?.get(cell);
      if (known !== undefined) return known;
      const answer = shows(visible, node, within, painting);
      const row = cells.get(element) ?? new Map<number, boolean>();
      row.set(cell, answer);
      cells.set(element, row);
      return answer;
    };
    const items = ordered.items;
    const walk = (from: number, step: 1 | -1): void => {
      let misses = 0;
      for (let k = from; k >= 0 && k < items.length && misses < MISSES_TO_STOP; k += step) {
        const highlight = items[k];
        // Another sample's walk has been here, and on from here.
        if (highlight === undefined || seen.has(highlight)) return;
        seen.add(highlight);
        if (!holds(highlight)) {
          gone.add(highlight);
          continue;
        }
        let onScreen = false;
        for (const piece of highlight.pieces) {
          for (const rect of rectsOf(piece)) {
            const visible = boxInView(rect, within);
            if (visible === undefined) continue;
            onScreen = true;
            if (toDraw.length < MAX_BOXES && showsInCell(visible, piece.node))
              toDraw.push({ look: highlight.look, box: visible });
          }
        }
        misses = onScreen ? 0 : misses + 1;
      }
    };
    for (const column of SAMPLE_COLUMNS) {
      for (let row = 0; row < SAMPLE_ROWS; row++) {
        const x = within.left + within.width * column;
        const y = within.top + (within.height * (row + 0.5)) / SAMPLE_ROWS;
        const position = textAt(x, y);
        if (position === undefined) continue;
        const index = ordered.indexAt(position);
        walk(index, 1);
        walk(index - 1, -1);
      }
    }
    return { toDraw, gone };
  };

  const redraw = (): void => {
    frame = 0;
    if (nodesRemoved) {
      nodesRemoved = false;
      forget(new Set(ordered.items.filter((highlight) => !highlight.pieces.every((piece) => piece.node.isConnected))));
    }
    const within = view();
    // Every box is measured first and drawn after: a style written between two reads of the page's layout would
    // make each read lay the page out again.
    const { toDraw, gone } = measure(within);
    const ring = proxyPlace(within);
    forget(gone);
    toDraw.forEach(({ look, box }, index) => {
      const element = boxAt(index);
      if (element.className !== look) element.className = look;
      place(element, box);
      if (index >= shownBoxes) element.hidden = false;
    });
    for (let k = toDraw.length; k < shownBoxes; k++) boxes[k]?.setAttribute('hidden', '');
    shownBoxes = toDraw.length;
    if (ring) place(proxy, ring);
  };

  const firstRect = (highlight: OverlayHighlight<Link>): DOMRect | undefined => {
    const piece = highlight.pieces[0];
    return piece ? rectsOf(piece)[0] : undefined;
  };

  /** Where the keyboard's ring goes: on the focused highlight's first box, or at the edge it left the screen by. */
  const proxyPlace = (within: View): Box | undefined => {
    if (focusedHighlight === undefined) return undefined;
    const rect = firstRect(focusedHighlight);
    const visible = rect && boxInView(rect, within);
    // Off the screen it waits in view, so the overlay never reaches past the viewport.
    return (
      visible ?? {
        left: 0,
        top: rect && rect.top > within.top ? Math.max(0, within.height - 2) : 0,
        width: 2,
        height: 2,
      }
    );
  };

  const hideProxy = (): void => {
    focusedHighlight = undefined;
    proxy.hidden = true;
  };

  proxy.addEventListener('click', () => {
    if (focusedHighlight) onActivate(focusedHighlight);
  });
  // Focus gone elsewhere (the card, the page): the proxy leaves the accessibility tree. A window that only lost focus
  // keeps it, so the reader comes back to where they were.
  proxy.addEventListener('blur', () => {
    setTimeout(() => {
      if (shadow.activeElement !== proxy) hideProxy();
    }, 0);
  });

  return {
    add(highlight) {
      const first = highlight.pieces[0];
      if (!first) return;
      const starting = byStart.get(first.node) ?? [];
      if (starting.some((drawn) => drawn.look === highlight.look && drawn.pieces[0]?.start === first.start)) return;
      byStart.set(first.node, [...starting, highlight]);
      ordered.add(highlight);
      watch();
      schedule();
    },

    highlights: () => ordered.items.filter(holds),

    at(x, y, target) {
      let name: OverlayHighlight<Link> | undefined;
      // Only text inside the element the click reached: a click on something the page draws over the text is not one.
      for (const [node, starting] of byStart) {
        if (!target.contains(node)) continue;
        for (const highlight of starting) {
          const hit = highlight.pieces.some(
            (piece) =>
              target.contains(piece.node) &&
              pieceHolds(piece) &&
              Array.from(rectsOf(piece)).some((rect) => contains(rect, x, y)),
          );
          if (!hit) continue;
          // A claim lies over the names inside it and opens its own card, as a claim mark inside a name mark does.
          if (highlight.look === 'claim') return highlight;
          name ??= highlight;
        }
      }
      return name;
    },

    rectOf(highlight) {
      const piece = highlight.pieces[0];
      if (!piece) return new DOMRect();
      scratch.setStart(piece.node, piece.start);
      scratch.setEnd(piece.node, piece.end);
      return scratch.getBoundingClientRect();
    },

    focus(highlight) {
      const piece = highlight.pieces[0];
      if (!piece || !holds(highlight)) return;
      const within = view();
      let rect = firstRect(highlight);
      if (!rect || !boxInView(rect, within)) {
        // The nearest element first, which scrolls any box it lies in; then the page, to the words themselves.
        piece.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        rect = firstRect(highlight);
        if (rect && !boxInView(rect, within)) scrollBy({ top: rect.top - within.top - within.height / 2 });
      }
      focusedHighlight = highlight;
      proxy.setAttribute('aria-label', highlight.label);
      proxy.hidden = false;
      const ring = proxyPlace(view());
      if (ring) place(proxy, ring);
      proxy.focus({ preventScroll: true });
      schedule();
    },

    focused: () => focusedHighlight,

    clear() {
      ordered.clear();
      byStart.clear();
      watching?.abort();
      watching = undefined;
      hideProxy();
      for (let k = 0; k < shownBoxes; k++) boxes[k]?.setAttribute('hidden', '');
      shownBoxes = 0;
    },

    remove() {
      this.clear();
      cancelAnimationFrame(frame);
      frame = 0;
      host.remove();
    },
  };
}
