import { z } from 'zod';
import browser from 'webextension-polyfill';
import { corpusSummary } from './corpus-summary';
import { entityKind, PACK_LIMITS } from '../corpus/pack';
import { dictionary } from './dictionary';
import { entityCard, sourceDocument } from './entity-card';
import { MAX_QUERY_UNITS, searchOptions, searchResults } from './search-results';
import { errorText } from './error-text';
import { linkReason } from './link-reason';
import { pageArticle } from './page-article';
import { citation } from './citation';
import { MAX_PACK_PARTS, PACK_PART_LENGTH } from './pack-parts';
import { checkedClaims, claimCard, claimVerdict, MAX_PAGE_TEXT, pageClaim, pageName } from './claim-check';
import { MAX_PAGE_CLAIMS } from '../corpus/claims/page-claims';
import { newSubscription, subscription, subscriptionList } from './subscription';

const id = z.string().min(1).max(500);

/** What the card's frame tells the highlight it belongs to: its content's height, or that the reader closed it. */
export const cardFrameEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('size'), height: z.number().finite().nonnegative().max(100_000) }),
  z.object({ kind: z.literal('close') }),
]);
export type CardFrameEvent = z.infer<typeof cardFrameEvent>;
/** What a card shows: an entity a highlight names, or a quotation or figure of the page (claim check). */
/** `faded`: the page fades or blurs everything it draws, the card too, so the card refuses to act on clicks. */
const faded = z.boolean().optional();
const entityToShow = z.object({ entityId: id, reason: linkReason, faded });
const claimToShow = z.object({ claim: pageClaim, faded });
const cardToShow = z.union([entityToShow, claimToShow]);
export type CardToShow = z.infer<typeof cardToShow>;

/**
 * Which corpora a page's request is about: the built-in one, which is public and marked in the page's own DOM, or the
 * reader's own, drawn where no page script can read them (src/content/overlay.ts). They are asked for apart, so that
 * nothing a page can read (its marks, and so the words they split) depends on what the reader's own corpora hold.
 */
export const pageCorpora = z.enum(['public', 'own']);
export type PageCorpora = z.infer<typeof pageCorpora>;

/**
 * Every request between the extension's contexts and its response, as zod schemas.
 * The background answers `backgroundMessages`; a content script answers `tabMessages`.
 */
export const backgroundMessages = {
  ping: {
    request: z.object({ type: z.literal('ping') }),
    response: z.object({ context: z.literal('background'), version: z.string() }),
  },
  getCorpusSummary: {
    request: z.object({ type: z.literal('getCorpusSummary') }),
    response: corpusSummary,
  },
  /** The words to highlight, from the enabled packs of the built-in or the reader's own corpora. */
  getDictionary: {
    request: z.object({ type: z.literal('getDictionary'), corpora: pageCorpora }),
    response: dictionary,
  },
  getEntityCard: {
    request: z.object({ type: z.literal('getEntityCard'), entityId: id }),
    response: entityCard.nullable(),
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
  /** A content script is about to open the card frame for a highlight of its tab: what the frame will show. */
  showCard: {
    request: z.union([
      entityToShow.extend({ type: z.literal('showCard') }),
      claimToShow.extend({ type: z.literal('showCard') }),
    ]),
    response: z.null(),
  },
  /** The card frame asks what to show: the last card its tab's content script asked for, once. */
  takeCard: {
    request: z.object({ type: z.literal('takeCard') }),
    response: cardToShow.nullable(),
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
  /**
   * Claim check: the quotations and figures of a page's text (bounded: `checkPageText`) that the built-in or the
   * reader's own corpora hold.
   */
  checkClaims: {
    request: z.object({
      type: z.literal('checkClaims'),
      corpora: pageCorpora,
      text: z.string().max(MAX_PAGE_TEXT),
      names: z.array(pageName).max(MAX_PAGE_TEXT),
    }),
    response: checkedClaims,
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

/** One entity's highlights in a tab, for the popup's "On this page". */
export const pageEntity = z.object({ entityId: z.string(), count: z.number().int() });
export type PageEntity = z.infer<typeof pageEntity>;

export const tabMessages = {
  pingContent: {
    request: z.object({ type: z.literal('pingContent') }),
    response: z.object({
      context: z.literal('content'),
      url: z.string(),
      active: z.boolean(),
      highlights: z.number().int(),
      /** The first highlighting pass over the page has finished. */
      settled: z.boolean(),
      /**
       * When the first highlight of the reader's own corpora was found, on the page's clock (`performance.now()`):
       * they are drawn where no page script, and so no test acting as one, can watch for them.
       */
      firstOwnHighlightAt: z.number().nullable(),
    }),
  },
  getPageEntities: {
    request: z.object({ type: z.literal('getPageEntities') }),
    response: z.object({
      url: z.string(),
      site: z.string().nullable(),
      active: z.boolean(),
      /** Why highlighting could not start, after its retries; null when it runs. */
      failure: z.string().max(500).nullable(),
      entities: z.array(pageEntity).max(5_000),
    }),
  },
  /** Scrolls the page to the entity's next highlight and opens its card. */
  revealEntity: {
    request: z.object({ type: z.literal('revealEntity'), entityId: id }),
    response: z.object({ revealed: z.boolean() }),
  },
  /** The quotations and figures of the page that the sources also hold (claim check), in page order. */
  getPageClaims: {
    request: z.object({ type: z.literal('getPageClaims') }),
    response: z.object({
      claims: z
        .array(z.object({ index: z.number().int().nonnegative(), text: z.string(), verdict: claimVerdict }))
        // Those the built-in corpus holds, and those the reader's own do, each checked apart.
        .max(2 * MAX_PAGE_CLAIMS),
      /** Some of the page's quotations were left unchecked (too many, or out of time): the list is the first part. */
      partial: z.boolean(),
    }),
  },
  /** Scrolls the page to one of its checked claims (by its index in `getPageClaims`) and opens its card. */
  revealClaim: {
    request: z.object({ type: z.literal('revealClaim'), index: z.number().int().nonnegative() }),
    response: z.object({ revealed: z.boolean() }),
  },
  /** The page's article, read for "Add this page to my sources", or why it has none. */
  readArticle: {
    request: z.object({ type: z.literal('readArticle') }),
    response: z.union([pageArticle, z.object({ reason: z.string().max(300) })]),
  },
  /** Relayed by the background from the card frame in this tab. */
  cardFrameEvent: {
    request: z.object({ type: z.literal('cardFrameEvent'), event: cardFrameEvent }),
    response: z.null(),
  },
} as const;

type Table = Record<string, { request: z.ZodType<{ type: string }>; response: z.ZodType }>;
export type BackgroundMessageType = keyof typeof backgroundMessages;
export type TabMessageType = keyof typeof tabMessages;
export type RequestOf<T extends Table, K extends keyof T> = z.infer<T[K]['request']>;
export type ResponseOf<T extends Table, K extends keyof T> = z.infer<T[K]['response']>;

/** Every reply is wrapped so that a failure arrives as a readable error, never as a silent undefined. */
const replyEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof replyEnvelope>;

export class MessageError extends Error {
  override name = 'MessageError';
}

function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`)
    .join('; ');
}

/** Reads an untrusted message against a table: the parsed request, or an error that says what was wrong. */
export function parseRequest<T extends Table>(
  table: T,
  raw: unknown,
): { type: keyof T & string; request: unknown } | { error: string } {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { type?: unknown }).type !== 'string') {
    return { error: 'Malformed message: expected an object with a string "type".' };
  }
  const type = (raw as { type: string }).type;
  // Own keys only, so "toString" or "__proto__" is unknown rather than an inherited function.
  const entry = Object.hasOwn(table, type) ? table[type] : undefined;
  if (!entry) return { error: `Unknown message type "${type.slice(0, 60)}".` };
  const parsed = entry.request.safeParse(raw);
  if (!parsed.success) return { error: `Invalid "${type}" message: ${summariseIssues(parsed.error)}` };
  return { type, request: parsed.data };
}

function unwrapReply<T extends Table, K extends keyof T>(table: T, type: K, raw: unknown): ResponseOf<T, K> {
  const envelope = replyEnvelope.safeParse(raw);
  if (!envelope.success) throw new MessageError(`No valid reply to "${String(type)}".`);
  if (!envelope.data.ok) throw new MessageError(envelope.data.error);
  const entry = table[type];
  if (!entry) throw new MessageError(`Unknown message type "${String(type)}".`);
  const data = entry.response.safeParse(envelope.data.data);
  if (!data.success) throw new MessageError(`Invalid reply to "${String(type)}": ${summariseIssues(data.error)}`);
  return data.data as ResponseOf<T, K>;
}

/** Sends a request to the background and returns its parsed response; failures throw MessageError. */
export async function send<K extends BackgroundMessageType>(
  request: RequestOf<typeof backgroundMessages, K> & { type: K },
): Promise<ResponseOf<typeof backgroundMessages, K>> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  return unwrapReply(backgroundMessages, request.type, raw);
}

/** Sends a request to the content script of one tab (of its top frame, or of `frameId`). */
export async function sendToTab<K extends TabMessageType>(
  tabId: number,
  request: RequestOf<typeof tabMessages, K> & { type: K },
  frameId?: number,
): Promise<ResponseOf<typeof tabMessages, K>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, request, frameId === undefined ? {} : { frameId });
  return unwrapReply(tabMessages, request.type, raw);
}

export type Handlers<T extends Table> = {
  [K in keyof T]: (
    request: RequestOf<T, K>,
    sender: browser.Runtime.MessageSender,
  ) => Promise<ResponseOf<T, K>> | ResponseOf<T, K>;
};

/**
 * Builds a runtime.onMessage listener from a map of handlers. Messages from outside this extension,
 * malformed and unknown messages get an error reply; a throwing handler becomes an error reply too.
 */
export function createMessageListener<T extends Table>(table: T, handlers: Handlers<T>) {
  return (raw: unknown, sender: browser.Runtime.MessageSender): Promise<Reply> => {
    if (sender.id !== browser.runtime.id) {
      return Promise.resolve({ ok: false, error: 'Messages are accepted from this extension only.' });
    }
    const parsed = parseRequest(table, raw);
    if ('error' in parsed) return Promise.resolve({ ok: false, error: parsed.error });
    const handler = handlers[parsed.type] as (request: unknown, sender: browser.Runtime.MessageSender) => unknown;
    return Promise.resolve()
      .then(() => handler(parsed.request, sender))
      .then((data): Reply => ({ ok: true, data }))
      .catch((error: unknown): Reply => ({ ok: false, error: errorText(error) }));
  };
}
