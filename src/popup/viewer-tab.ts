import browser from 'webextension-polyfill';
import { viewerHref } from '../shared/ui/extension-links';

/** Opens the viewer in a new tab, as a plain click on a viewer link does. */
export async function openViewer(source: Parameters<typeof viewerHref>[0]): Promise<void> {
  await browser.tabs.create({ url: viewerHref(source) });
}
