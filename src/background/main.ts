import browser from 'webextension-polyfill';
import { backgroundMessages, createMessageListener } from '../shared/messages';
import { refreshDefaultPack, storedPacks, summariseCorpus } from './corpus-store';

// Listeners are registered synchronously at start-up so that an event which woke the worker is not missed.
browser.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install' || details.reason === 'update') {
    refreshDefaultPack().catch((error: unknown) => console.error('Sourcelight: could not install the default corpus', error));
  }
});

browser.runtime.onMessage.addListener(
  createMessageListener(backgroundMessages, {
    ping: () => ({ context: 'background' as const, version: browser.runtime.getManifest().version }),
    getCorpusSummary: () => summariseCorpus(),
  }),
);

// Reading the store at start-up finds and repairs a damaged pack before the first page asks for it.
storedPacks().catch((error: unknown) => console.error('Sourcelight: could not read the corpus store', error));
