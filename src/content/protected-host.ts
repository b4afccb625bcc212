/**
 * The host elements Sourcelight draws into on a page (the card, the overlay of the reader's own highlights) carry
 * their own styles inline and important, so that no rule of the page's (which reaches a host element, though not
 * inside its shadow root) can fade, hide, move, clip or blend them: the DOM-based clickjacking shown against password
 * managers' injected menus in 2025. They are shown in the top layer, above anything the page draws.
 */
const PROTECTED_STYLE: Readonly<Record<string, string>> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  'backdrop-filter': 'none',
  'clip-path': 'none',
  mask: 'none',
  'mix-blend-mode': 'normal',
  'pointer-events': 'auto',
  margin: '0',
  padding: '0',
  border: 'none',
  background: 'transparent',
  overflow: 'visible',
  inset: 'auto',
  width: 'auto',
  height: 'auto',
  zoom: '1',
};

/** Sets one style of a host above any rule of the page's. */
export const setImportant = (host: HTMLElement, property: string, value: string): void =>
  host.style.setProperty(property, value, 'important');

/** Sets the host's protected styles, with `overrides` for what this host needs otherwise (its size, its events). */
export function protectHost(host: HTMLElement, overrides: Readonly<Record<string, string>> = {}): void {
  for (const [property, value] of Object.entries({ ...PROTECTED_STYLE, ...overrides }))
    setImportant(host, property, value);
}

/**
 * In the top layer (a manual popover), a host is drawn above everything the page has, whatever its z-index, its
 * containing block is the viewport, and no ancestor's opacity, filter, transform or clip applies to it. A browser
 * without the Popover API keeps it fixed at the highest z-index.
 */
export function showOnTop(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  host.showPopover();
}
