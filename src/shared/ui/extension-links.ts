import browser from 'webextension-polyfill';
import { entityPagePath, viewerPath } from './links';

/** The source viewer's address for a passage, as a link's href on one of the extension's own pages. */
export const viewerHref = (source: Parameters<typeof viewerPath>[0]): string =>
  browser.runtime.getURL(viewerPath(source));

/** An entity's own page's address, as a link's href on one of the extension's own pages. */
export const entityPageHref = (entityId: string): string => browser.runtime.getURL(entityPagePath(entityId));

/** Opens an address in a new tab in front, through the extension (see `viewerLinks`). */
export const openTab = (url: string): void => {
  browser.tabs.create({ url }).catch((error: unknown) => console.error('Sourcelight: could not open a tab', error));
};
