import '../shared/zod-config';
import browser from 'webextension-polyfill';
import { createMessageListener, type Handlers } from '../shared/message-protocol';
import { backgroundMessages } from '../shared/messages';
import {
  activePacks,
  checkedSummaries,
  enablePack,
  importUserPack,
  packDocuments,
  refreshDefaultPack,
  removeDocument as removeStoredDocument,
  removeUserPack,
  storedPacks,
  summariseCorpus,
} from './corpus-store';
import {
  assertFitsOnPages,
  currentClaimIndex,
  currentDictionary,
  searchCurrentCorpus,
  searchIndexes,
} from './derived-data';
import { dictionaryShare } from './dictionary-share';
import { entityNamesInPacks, entityNamesInTable } from './entity-names';
import { buildClaimCard, checkPageText } from './claim-index';
import { TurnQueue } from './check-queue';
import {
  CHECK_ALARM,
  checkDueSubscriptions,
  checkSubscription,
  scheduleChecks,
  subscribe,
  subscriptions,
  unsubscribe,
} from './subscriptions';
import { buildEntityCard, CARD_VIEW, findDocument, PAGE_VIEW } from './entity-card';
import { cardFrameEvent, showCard, takeCard } from './card-frames';
import { entityPagePath, viewerPath } from '../shared/ui/links';
import { statementCorrection, withCorrectedHits } from '../shared/correction-lookup';
import { PackUploads, packParts } from '../shared/pack-parts';
import { addPageToSources as addPage } from './my-sources';
import { markOnce } from './start-marks';
import {
  correctSpeaker,
  currentCorrectionLookup,
  getCorrections,
  getHiddenEntities,
  hideEntity,
  importCorrections,
  removeCorrection,
  speakerChoices,
} from './corrections';
import { t } from '../shared/i18n';

markOnce('evaluated');

/** Each message type's handler, named after it below; the listener only wires them up, as the message table types them. */
type Handler<K extends keyof typeof backgroundMessages> = Handlers<typeof backgroundMessages>[K];

const ping: Handler<'ping'> = () => ({ context: 'background', version: browser.runtime.getManifest().version });

const getCorpusSummary: Handler<'getCorpusSummary'> = () => summariseCorpus();

const getDictionary: Handler<'getDictionary'> = async ({ corpora, text }) =>
  dictionaryShare(await currentDictionary(corpora), text);

const getEntityCard: Handler<'getEntityCard'> = async ({ entityId }) =>
  buildEntityCard(await activePacks(), entityId, CARD_VIEW, await currentCorrectionLookup());

const getEntityPage: Handler<'getEntityPage'> = async ({ entityId }) =>
  buildEntityCard(await activePacks(), entityId, PAGE_VIEW, await currentCorrectionLookup());

const getEntityNames: Handler<'getEntityNames'> = async ({ ids }) => {
  // The search index, which the popup's first search reads too, rather than every pack; the packs when it would
  // have to be built, or cannot be read.
  const index = await searchIndexes.readyOrStored().catch(() => null);
  return (index && entityNamesInTable(index.records.table, ids)) ?? entityNamesInPacks(await activePacks(), ids);
};

const getDocument: Handler<'getDocument'> = async ({ packId, documentId }) => {
  const found = findDocument(
    (await storedPacks()).map((stored) => stored.pack),
    packId,
    documentId,
  );
  if (!found) return null;
  const { pack, document } = found;
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const corrections = await currentCorrectionLookup();
  const statements = pack.statements
    .filter((statement) => statement.documentId === document.id)
    .map((statement) => {
      const { start, end, speakerId, role } = statement;
      const correction = statementCorrection(corrections, pack.id, statement, (id) => entities.get(id))?.view;
      return {
        start,
        end,
        speaker: correction
          ? correction.speakerName
          : speakerId === null
            ? null
            : (entities.get(speakerId)?.name ?? null),
        // The role is the source's speaker's: not the one the reader named.
        ...(role !== undefined && !correction ? { role } : {}),
        ...(correction ? { correction } : {}),
      };
    });
  return { packId: pack.id, packTitle: pack.title, ...document, statements };
};

/** Opens one of the extension's pages in a new tab next to the sender's: in front, or behind it for a Ctrl-click. */
async function openBeside(path: string, inBackground: boolean, sender: browser.Runtime.MessageSender): Promise<null> {
  const tab = sender.tab;
  await browser.tabs.create({
    url: browser.runtime.getURL(path),
    active: !inBackground,
    ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
  });
  return null;
}

const openPassage: Handler<'openPassage'> = ({ inBackground, ...source }, sender) =>
  openBeside(viewerPath(source), inBackground, sender);

const openEntityPage: Handler<'openEntityPage'> = ({ entityId, inBackground }, sender) =>
  openBeside(entityPagePath(entityId), inBackground, sender);

/** Claim checks take turns across tabs (see `TurnQueue`). */
const claimChecks = new TurnQueue();

const checkClaims: Handler<'checkClaims'> = async ({ corpora, text, names }, sender) => {
  const index = await currentClaimIndex(corpora);
  const from = `${sender.tab?.id ?? 'no tab'}:${sender.frameId ?? 0}`;
  return claimChecks.enqueue(from, () => checkPageText(index, text, names));
};

const getClaimCard: Handler<'getClaimCard'> = async ({ claim }) =>
  buildClaimCard(await currentClaimIndex('all'), claim, await currentCorrectionLookup());

const search: Handler<'search'> = async ({ query, options }) =>
  withCorrectedHits(await searchCurrentCorpus(query, options), await currentCorrectionLookup());

/** The pack being sent in parts (see `packParts`). */
const uploads = new PackUploads();

const importPackPart: Handler<'importPackPart'> = ({ uploadId, index, text }) => {
  uploads.receive(uploadId, index, text);
  return null;
};

const importPack: Handler<'importPack'> = ({ uploadId, parts }) =>
  importUserPack(uploads.take(uploadId, parts), assertFitsOnPages);

const removePack: Handler<'removePack'> = async ({ packId }) => ({ removed: await removeUserPack(packId) });

const setPackEnabled: Handler<'setPackEnabled'> = async ({ packId, enabled }) => ({
  enabled: await enablePack(packId, enabled, assertFitsOnPages),
});

const getPackDocuments: Handler<'getPackDocuments'> = ({ packId }) => packDocuments(packId);

const removeDocument: Handler<'removeDocument'> = ({ packId, documentId }) => removeStoredDocument(packId, documentId);

const addPageToSources: Handler<'addPageToSources'> = ({ article }) => addPage(article, assertFitsOnPages);

const getSubscriptions: Handler<'getSubscriptions'> = () => subscriptions();

const subscribeTo: Handler<'subscribe'> = ({ url, integrity, intervalHours }) =>
  subscribe({ url, integrity, intervalHours }, assertFitsOnPages);

const checkSubscriptionNow: Handler<'checkSubscription'> = ({ url }) => checkSubscription(url, assertFitsOnPages);

const unsubscribeFrom: Handler<'unsubscribe'> = async ({ url }) => {
  const removed = await unsubscribe(url);
  await scheduleChecks();
  return { removed };
};

/** The pack being exported, cut into parts on its first part's request and kept for the rest. */
let exporting: { packId: string; parts: string[] } | undefined;

const exportPackPart: Handler<'exportPackPart'> = async ({ packId, index }) => {
  if (index === 0 || exporting?.packId !== packId) {
    const stored = (await storedPacks()).find((candidate) => candidate.id === packId);
    if (!stored) throw new Error(t('storeNoCorpus', packId));
    exporting = { packId, parts: packParts(JSON.stringify(stored.pack)) };
  }
  const text = exporting.parts[index];
  if (text === undefined) throw new Error(t('storeNoExportPart', packId, index + 1));
  return { text, parts: exporting.parts.length };
};

// Listeners are registered synchronously at start-up so that an event which woke the worker is not missed.
browser.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install' || details.reason === 'update') {
    refreshDefaultPack().catch((error: unknown) =>
      console.error('Sourcelight: could not install the default corpus', error),
    );
  }
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== CHECK_ALARM) return;
  checkDueSubscriptions(assertFitsOnPages).catch((error: unknown) =>
    console.warn('Sourcelight: could not check the subscribed corpora', error),
  );
});

browser.runtime.onMessage.addListener(
  createMessageListener(backgroundMessages, {
    ping,
    getCorpusSummary,
    getDictionary,
    getEntityCard,
    getEntityPage,
    getEntityNames,
    getDocument,
    openPassage,
    openEntityPage,
    search,
    importPackPart,
    importPack,
    removePack,
    setPackEnabled,
    exportPackPart,
    addPageToSources,
    getPackDocuments,
    removeDocument,
    showCard,
    takeCard,
    checkClaims,
    getSubscriptions,
    subscribe: subscribeTo,
    checkSubscription: checkSubscriptionNow,
    unsubscribe: unsubscribeFrom,
    getClaimCard,
    cardFrameEvent,
    getCorrections,
    hideEntity,
    correctSpeaker,
    removeCorrection,
    importCorrections,
    getHiddenEntities,
    speakerChoices,
  }),
);

// Checking the store at start-up finds and repairs a damaged or missing pack before the first page asks for it. It
// reads the packs only when their summaries show something wrong: at 100,000 statements reading them takes half a
// second, which a restarted worker's first search would wait behind.
checkedSummaries().catch((error: unknown) => console.error('Sourcelight: could not read the corpus store', error));
