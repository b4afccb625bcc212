import * as z from 'zod/mini';
import { checkedClaims, claimVerdict, MAX_PAGE_CLAIMS, MAX_PAGE_TEXT, pageClaim, pageName } from './claim-check';
import { dictionary, MAX_SHARE_TEXT } from './dictionary';
import { linkReason } from './link-reason';
import { sendToBackground, type RequestOf, type ResponseOf } from './message-protocol';

/**
 * The messages of a web page's content script: what it asks the background (`pageRequests`, which the background's
 * table in `messages.ts` takes in whole) and what the popup and the background ask it (`tabMessages`). Apart from the
 * rest, in zod/mini, so that every page loads these schemas and no others (`zod-config.ts`).
 */
const id = z.string().check(z.minLength(1), z.maxLength(500));
const count = z.int().check(z.nonnegative());
/** As many entities as a pack may hold (`PACK_LIMITS`): a page may be told to hide any of them. */
const MAX_ENTITIES = 200_000;

/** What the card's frame tells the highlight it belongs to: its content's height, or that the reader closed it. */
export const cardFrameEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('size'), height: z.number().check(z.nonnegative(), z.maximum(100_000)) }),
  z.object({ kind: z.literal('close') }),
]);
export type CardFrameEvent = z.infer<typeof cardFrameEvent>;
/** What a card shows: an entity a highlight names, or a quotation or figure of the page (claim check). */
/** `faded`: the page fades or blurs everything it draws, the card too, so the card refuses to act on clicks. */
const faded = z.optional(z.boolean());
const entityToShow = z.object({ entityId: id, reason: linkReason, faded });
const claimToShow = z.object({ claim: pageClaim, faded });
export const cardToShow = z.union([entityToShow, claimToShow]);
export type CardToShow = z.infer<typeof cardToShow>;

/**
 * Which corpora a page's request is about: the built-in one, which is public and marked in the page's own DOM, or the
 * reader's own, drawn where no page script can read them (src/content/overlay.ts). They are asked for apart, so that
 * nothing a page can read (its marks, and so the words they split) depends on what the reader's own corpora hold.
 */
export const pageCorpora = z.enum(['public', 'own']);
export type PageCorpora = z.infer<typeof pageCorpora>;

/** What a page's content script asks the background. */
export const pageRequests = {
  /**
   * The words to highlight in `text`, from the enabled packs of the built-in or the reader's own corpora: the page's
   * share of the dictionary, the lines its text can match (background/dictionary-share.ts). The text goes to the
   * extension's background only, and is not kept.
   */
  getDictionary: {
    request: z.object({
      type: z.literal('getDictionary'),
      corpora: pageCorpora,
      text: z.string().check(z.maxLength(MAX_SHARE_TEXT)),
    }),
    response: dictionary,
  },
  /** A content script is about to open the card frame for a highlight of its tab: what the frame will show. */
  showCard: {
    request: z.union([
      z.extend(entityToShow, { type: z.literal('showCard') }),
      z.extend(claimToShow, { type: z.literal('showCard') }),
    ]),
    response: z.null(),
  },
  /** The entities this page's site must not link: hidden everywhere, or "not this person" here (the reader's corrections). */
  getHiddenEntities: {
    request: z.object({ type: z.literal('getHiddenEntities') }),
    response: z.array(z.string()).check(z.maxLength(MAX_ENTITIES)),
  },
  /**
   * Claim check: the quotations and figures of a page's text (bounded: `checkPageText`) that the built-in or the
   * reader's own corpora hold.
   */
  checkClaims: {
    request: z.object({
      type: z.literal('checkClaims'),
      corpora: pageCorpora,
      text: z.string().check(z.maxLength(MAX_PAGE_TEXT)),
      names: z.array(pageName).check(z.maxLength(MAX_PAGE_TEXT)),
    }),
    response: checkedClaims,
  },
} as const;
export type PageRequestType = keyof typeof pageRequests;

/** One entity's highlights in a tab, for the popup's "On this page". */
export const pageEntity = z.object({ entityId: z.string(), count: z.int() });
export type PageEntity = z.infer<typeof pageEntity>;

/**
 * The most of a page's markup the popup is sent to read its article from: a browser message is capped (64 MiB in
 * Chromium, counted as escaped UTF-8, up to 6 bytes a character), and an article is at most 5 MiB of text.
 */
export const MAX_PAGE_MARKUP = 10_000_000;

/** What the popup and the background ask a page's content script. */
export const tabMessages = {
  pingContent: {
    request: z.object({ type: z.literal('pingContent') }),
    response: z.object({
      context: z.literal('content'),
      url: z.string(),
      active: z.boolean(),
      highlights: z.int(),
      /** The first highlighting pass over the page has finished. */
      settled: z.boolean(),
      /**
       * When the first highlight of the reader's own corpora was found, on the page's clock (`performance.now()`):
       * they are drawn where no page script, and so no test acting as one, can watch for them.
       */
      firstOwnHighlightAt: z.nullable(z.number()),
      /**
       * When the first pass had matched the whole page and marked what is near the reader, on the page's clock: a
       * page whose names all lie far below the viewport shows no mark until the reader scrolls there.
       */
      firstPassAt: z.nullable(z.number()),
    }),
  },
  getPageEntities: {
    request: z.object({ type: z.literal('getPageEntities') }),
    response: z.object({
      url: z.string(),
      site: z.nullable(z.string()),
      active: z.boolean(),
      /** Why highlighting could not start, after its retries; null when it runs. */
      failure: z.nullable(z.string().check(z.maxLength(500))),
      entities: z.array(pageEntity).check(z.maxLength(5_000)),
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
        .array(z.object({ index: count, text: z.string(), verdict: claimVerdict }))
        // Those the built-in corpus holds, and those the reader's own do, each checked apart.
        .check(z.maxLength(2 * MAX_PAGE_CLAIMS)),
      /** Some of the page's quotations were left unchecked (too many, or out of time): the list is the first part. */
      partial: z.boolean(),
    }),
  },
  /** Scrolls the page to one of its checked claims (by its index in `getPageClaims`) and opens its card. */
  revealClaim: {
    request: z.object({ type: z.literal('revealClaim'), index: count }),
    response: z.object({ revealed: z.boolean() }),
  },
  /**
   * The page's address and markup, for "Add this page to my sources": the popup reads the article from it (with
   * Readability, which no page need carry), or the reason it cannot.
   */
  readPage: {
    request: z.object({ type: z.literal('readPage') }),
    response: z.union([
      z.object({ url: z.string().check(z.maxLength(2_000)), markup: z.string().check(z.maxLength(MAX_PAGE_MARKUP)) }),
      z.object({ reason: z.string().check(z.maxLength(300)) }),
    ]),
  },
  /** Relayed by the background from the card frame in this tab. */
  cardFrameEvent: {
    request: z.object({ type: z.literal('cardFrameEvent'), event: cardFrameEvent }),
    response: z.null(),
  },
} as const;

/** Sends a page's request to the background and returns its parsed response; failures throw MessageError. */
export const sendFromPage = <K extends PageRequestType>(
  request: RequestOf<typeof pageRequests, K> & { type: K },
): Promise<ResponseOf<typeof pageRequests, K>> => sendToBackground<typeof pageRequests, K>(pageRequests, request);
