import browser from 'webextension-polyfill';
import { viewerPath } from '../shared/ui/links';

type ViewerSource = Parameters<typeof viewerPath>[0];

/** The source viewer's address for a passage, as a link's href. */
export const viewerHref = (source: ViewerSource): string => browser.runtime.getURL(viewerPath(source));

/** Opens the viewer in a new tab, as a plain click on a viewer link does. */
export async function openViewer(source: ViewerSource): Promise<void> {
  await browser.tabs.create({ url: viewerHref(source) });
}
