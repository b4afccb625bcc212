import { z } from 'zod';
import browser from 'webextension-polyfill';
import { corpusSummary } from './corpus-summary';
import { PACK_LIMITS } from '../corpus/pack';
import { entityKind } from './entity-kind';
import { entityCard, sourceDocument } from './entity-card';
import { MAX_QUERY_UNITS, searchOptions, searchResults } from './search-results';
import { pageArticle } from './page-article';
import { citation } from './citation';
import { MAX_PACK_PARTS, PACK_PART_LENGTH } from './pack-parts';
import { claimCard } from './claim-card';
import { pageClaim } from './claim-check';
import { sendToBackground, unwrapReply, type RequestOf, type ResponseOf } from './message-protocol';
import { cardFrameEvent, cardToShow, pageRequests, tabMessages } from './page-messages';
import { newSubscription, subscription, subscriptionList } from './subscription';
import { correction, MAX_CORRECTIONS, speakerCorrectionView } from './corrections';

const id = z.string().min(1).max(500);

/**
 * Every request the background answers and its response, as zod schemas: the page's own (`pageRequests`) and those of
 * the extension's pages. A content script answers `tabMessages` (`page-messages.ts`). The protocol, the envelope and
 * the listener: `message-protocol.ts`.
 */
export const backgroundMessages = {
  ...pageRequests,
  ping: {
    request: z.object({ type: z.literal('ping') }),
    response: z.object({ context: z.literal('background'), version: z.string() }),
  },
  getCorpusSummary: {
    request: z.object({ type: z.literal('getCorpusSummary') }),
    response: corpusSummary,
  },
  getEntityCard: {
    request: z.object({ type: z.literal('getEntityCard'), entityId: id }),
    response: entityCard.nullable(),
  },
  /** Everything the corpus holds about one entity, for its own page: the card's data with every item. */
  getEntityPage: {
    request: z.object({ type: z.literal('getEntityPage'), entityId: id }),
    response: entityCard.nullable(),
  },
  /** Opens an entity's own page in a new tab beside the sender's, as `openPassage` opens the viewer from a card. */
  openEntityPage: {
    request: z.object({ type: z.literal('openEntityPage'), entityId: id, inBackground: z.boolean() }),
    response: z.null(),
  },
  /** Display names of entities, for lists that know only ids (the popup's "On this page"). */
  getEntityNames: {
    request: z.object({ type: z.literal('getEntityNames'), ids: z.array(id).max(5_000) }),
    response: z.record(z.string(), z.object({ name: z.string(), kind: entityKind })),
  },
  /**
   * Opens the source viewer at a passage in a new tab beside the sender's. A web page may not open an extension
   * page, so the card on a page asks the background to.
   */
  openPassage: {
    request: z.object({
      type: z.literal('openPassage'),
      packId: id,
      documentId: id,
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      /** Ctrl/Cmd-click or middle-click: open it without leaving the page. */
      inBackground: z.boolean(),
    }),
    response: z.null(),
  },
  getDocument: {
    request: z.object({ type: z.literal('getDocument'), packId: id, documentId: id }),
    response: sourceDocument.nullable(),
  },
  search: {
    request: z.object({
      type: z.literal('search'),
      query: z.string().max(MAX_QUERY_UNITS),
      options: searchOptions.optional(),
    }),
    response: searchResults,
  },
  /** One part of a pack's JSON text, in order; `importPack` then imports the parts as one. */
  importPackPart: {
    request: z.object({
      type: z.literal('importPackPart'),
      uploadId: id,
      index: z.number().int().nonnegative().lt(MAX_PACK_PARTS),
      text: z.string().max(PACK_PART_LENGTH),
    }),
    response: z.null(),
  },
  importPack: {
    request: z.object({
      type: z.literal('importPack'),
      uploadId: id,
      parts: z.number().int().positive().max(MAX_PACK_PARTS),
    }),
    /** `warnings`: what was dropped on the way in (a document link that is not a web address). */
    response: z.object({
      packId: z.string(),
      title: z.string(),
      replaced: z.boolean(),
      warnings: z.array(z.string().max(300)).max(PACK_LIMITS.documents),
    }),
  },
  removePack: {
    request: z.object({ type: z.literal('removePack'), packId: id }),
    response: z.object({ removed: z.boolean() }),
  },
  setPackEnabled: {
    request: z.object({ type: z.literal('setPackEnabled'), packId: id, enabled: z.boolean() }),
    response: z.object({ enabled: z.boolean() }),
  },
  /** Adds a page's article to the reader's own corpus ("My sources"), or updates it when its address is there. */
  addPageToSources: {
    request: z.object({ type: z.literal('addPageToSources'), article: pageArticle }),
    response: z.object({
      packId: z.string(),
      documentId: z.string(),
      title: z.string(),
      updated: z.boolean(),
      statements: z.number().int().nonnegative(),
      people: z.number().int().nonnegative(),
    }),
  },
  /** A stored pack's documents, for the options page to list. */
  getPackDocuments: {
    request: z.object({ type: z.literal('getPackDocuments'), packId: id }),
    response: z
      .array(z.object({ id: z.string(), title: z.string(), ...citation.pick({ publisher: true, date: true }).shape }))
      .max(PACK_LIMITS.documents),
  },
  /** Takes one document out of a reader's corpus; the last one takes the corpus with it. */
  removeDocument: {
    request: z.object({ type: z.literal('removeDocument'), packId: id, documentId: id }),
    response: z.object({ packRemoved: z.boolean() }),
  },
  /** One part of a stored pack's JSON text, for export; part 0 says how many there are. */
  exportPackPart: {
    request: z.object({
      type: z.literal('exportPackPart'),
      packId: id,
      index: z.number().int().nonnegative().lt(MAX_PACK_PARTS),
    }),
    response: z.object({
      text: z.string().max(PACK_PART_LENGTH),
      parts: z.number().int().positive().max(MAX_PACK_PARTS),
    }),
  },
  /**
   * The card frame asks what to show: the last card its tab's content script asked for, once, with the site of the
   * page it was opened on (what "Not this person" applies to).
   */
  takeCard: {
    request: z.object({ type: z.literal('takeCard') }),
    response: z.intersection(cardToShow, z.object({ site: z.string().nullable() })).nullable(),
  },
  /** The reader's corrections (corrections.ts), for the options page to list, undo and export. */
  getCorrections: {
    request: z.object({ type: z.literal('getCorrections') }),
    response: z.array(correction).max(MAX_CORRECTIONS),
  },
  /** "Not this person" on a site, or "Hide everywhere" when `site` is null. */
  hideEntity: {
    request: z.object({ type: z.literal('hideEntity'), entityId: id, site: z.string().min(1).max(253).nullable() }),
    response: z.null(),
  },
  /** "Wrong speaker": who spoke a statement, or null for "speaker not clear"; null back when that is the source's. */
  correctSpeaker: {
    request: z.object({ type: z.literal('correctSpeaker'), packId: id, statementId: id, speakerId: id.nullable() }),
    response: speakerCorrectionView.nullable(),
  },
  /** Undoes one correction, by its `correctionId`. */
  removeCorrection: {
    request: z.object({ type: z.literal('removeCorrection'), id: z.string().max(2_000) }),
    response: z.object({ removed: z.boolean() }),
  },
  /** Adds a corrections file's corrections, already read and checked by the options page, to the stored ones. */
  importCorrections: {
    request: z.object({ type: z.literal('importCorrections'), corrections: z.array(correction).max(MAX_CORRECTIONS) }),
    response: z.object({
      received: z.number().int().nonnegative(),
      added: z.number().int(),
      total: z.number().int().nonnegative(),
    }),
  },
  /** Whom the reader may name as a statement's speaker: its document's people, or the search's for a query. */
  speakerChoices: {
    request: z.object({
      type: z.literal('speakerChoices'),
      packId: id,
      documentId: id,
      query: z.string().max(MAX_QUERY_UNITS),
    }),
    response: z.array(z.object({ id: z.string(), name: z.string(), kind: entityKind })).max(50),
  },
  /** Corpora the reader subscribes to by address (options page). */
  getSubscriptions: {
    request: z.object({ type: z.literal('getSubscriptions') }),
    response: subscriptionList,
  },
  /** Subscribes and checks at once; the answer says how that first check went. */
  subscribe: {
    request: newSubscription.extend({ type: z.literal('subscribe') }),
    response: subscription,
  },
  checkSubscription: {
    request: z.object({ type: z.literal('checkSubscription'), url: z.string().max(2_000) }),
    response: subscription,
  },
  unsubscribe: {
    request: z.object({ type: z.literal('unsubscribe'), url: z.string().max(2_000) }),
    response: z.object({ removed: z.boolean() }),
  },
  /** For the card frame: everything the sources hold about one quotation or figure of its page. */
  getClaimCard: {
    request: z.object({ type: z.literal('getClaimCard'), claim: pageClaim }),
    response: claimCard.nullable(),
  },
  /** From the card frame, for the content script of its tab. */
  cardFrameEvent: {
    request: z.object({ type: z.literal('cardFrameEvent'), event: cardFrameEvent }),
    response: z.null(),
  },
} as const;

export type BackgroundMessageType = keyof typeof backgroundMessages;
export type TabMessageType = keyof typeof tabMessages;

/** Sends a request to the background and returns its parsed response; failures throw MessageError. */
export const send = <K extends BackgroundMessageType>(
  request: RequestOf<typeof backgroundMessages, K> & { type: K },
): Promise<ResponseOf<typeof backgroundMessages, K>> =>
  sendToBackground<typeof backgroundMessages, K>(backgroundMessages, request);

/** Sends a request to the content script of one tab (of its top frame, or of `frameId`). */
export async function sendToTab<K extends TabMessageType>(
  tabId: number,
  request: RequestOf<typeof tabMessages, K> & { type: K },
  frameId?: number,
): Promise<ResponseOf<typeof tabMessages, K>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, request, frameId === undefined ? {} : { frameId });
  return unwrapReply(tabMessages, request.type, raw);
}
