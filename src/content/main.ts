import browser from 'webextension-polyfill';
import { createMessageListener, tabMessages } from '../shared/messages';
import { isActiveOn, loadSettings, siteOf } from '../shared/settings';

const site = siteOf(location.href);
let active = false;

browser.runtime.onMessage.addListener(
  createMessageListener(tabMessages, {
    pingContent: () => ({
      context: 'content' as const,
      url: location.href,
      active,
      highlights: document.querySelectorAll('mark.sourcelight').length,
    }),
  }),
);

loadSettings()
  .then((settings) => {
    active = isActiveOn(settings, site);
  })
  .catch((error: unknown) => console.error('Sourcelight: could not read settings', error));
