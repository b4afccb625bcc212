import '../shared/zod-config';
import browser from 'webextension-polyfill';
import { onCorpusChange } from '../shared/corpus-change';
import { onCorrectionsChange } from '../shared/corrections-change';
import type { EntityKind } from '../shared/entity-kind';
import { createMessageListener } from '../shared/message-protocol';
import { sendFromPage, tabMessages, type CardToShow, type PageCorpora, type PageEntity } from '../shared/page-messages';
import { MAX_PAGE_CLAIMS, type CheckedClaim, type PageName } from '../shared/claim-check';
import { isActiveOn, loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import { siteOf } from '../shared/site';
import { errorText } from '../shared/error-text';
import { createCard, markAnchor, type CardAnchor } from './card';
import {
  claimMarksUnder,
  claimOf,
  markPageClaims,
  removeClaimMarks,
  waitingClaims,
  type ClaimLink,
} from './claim-marks';
import {
  deferredBlocks,
  deferredMatches,
  FIRST_MARKS,
  HIGHLIGHT_SELECTOR,
  linkOf,
  madeMarksUnder,
  isDeferredAt,
  removeHighlights,
  wrapDeferredAt,
  type DeferredMatch,
} from './highlighter';
import { focusAdjacentHighlight, type OtherStops } from './mark-focus';
import { showMarkStyle } from './mark-style';
import type { CompiledMatcher } from './matcher';
import { learnRuns, pageMatcher } from './page-dictionary';
import { highlightAndObserve } from './observer';
import { createOverlay, type Overlay } from './overlay';
import {
  findOwnClaims,
  findOwnNames,
  findOwnNamesAhead,
  type OwnHighlight,
  type OwnLink,
  type OwnNameAhead,
} from './own-highlights';
import { readPage } from './page-markup';
import { comparePositions, type PagePosition } from './page-position';
import { CLAIM_SELECTOR } from './own-ui';

/**
 * The content script: highlights the corpora's names on the page while Sourcelight is on for this site, opens the
 * card for a highlight, and answers the popup. The built-in corpus is public and is marked in the page's DOM; the
 * reader's own corpora are found by reading alone and drawn in the overlay, where the page cannot read them. Turning
 * it off (globally or for the site) aborts every listener and pass through one AbortController and removes every
 * mark.
 */
const site = siteOf(location.href);

let session: AbortController | undefined;
let active = false;
/** The first pass over the page has finished (for the tests and the popup's counts). */
let settled = false;
/** Why highlighting could not start, after its retries. */
let failure: string | null = null;
/** When the first highlight of the reader's own corpora was found (for the tests: no page script can see it). */
let firstOwnHighlightAt: number | null = null;
/** When the first pass had matched the page and marked what is near the reader (for the tests). */
let firstPassAt: number | null = null;
/** The background checked only the first part of the page's quotations (too many, or out of time). */
let claimsPartial = false;
let appliedKinds = '';
/** What this site must not link (the reader's corrections), asked for before the first pass. */
let hidden: Promise<string[]> | undefined;
/** The hidden ids the running pass left out, to tell whether a change of the corrections changes this page. */
let appliedHidden = '';
/** A set of ids as one string, to compare with another. */
const idsKey = (ids: Iterable<string>): string => [...ids].sort().join('\n');
/** The reader's own highlights: there while Sourcelight is on for the page, whether anything of theirs matched or not. */
let overlay: Overlay<OwnLink> | undefined;
/**
 * The names of the reader's own corpora found far below, counted for the popup until their blocks come near and they
 * are drawn (those whose block no longer waits are left out when counted).
 */
let ownAhead: OwnNameAhead[] = [];

const card = createCard(async (toShow) => {
  await sendFromPage({ type: 'showCard', ...toShow });
});

/** A matcher of one side's corpora holding only what the page's text can match, asked for as text comes. */
const matcherOf = (corpora: PageCorpora, kinds: ReadonlySet<EntityKind>, ids: ReadonlySet<string>): CompiledMatcher =>
  pageMatcher((text) => sendFromPage({ type: 'getDictionary', corpora, text }), kinds, ids);

/** Asks the background which of the page's claims one side's sources hold; notes a partial answer for the popup. */
const checkClaimsOf =
  (corpora: PageCorpora) =>
  async (text: string, names: PageName[], cut: boolean): Promise<CheckedClaim[]> => {
    const checked = await sendFromPage({ type: 'checkClaims', corpora, text, names });
    claimsPartial ||= checked.partial || cut;
    return checked.claims;
  };

/**
 * The mark Sourcelight made that an event reached, the innermost of a name's and a claim's; a page's look-alike is
 * no mark.
 */
function markOf(target: EventTarget | null): HTMLElement | null {
  const mark =
    target instanceof Element ? target.closest<HTMLElement>(`${HIGHLIGHT_SELECTOR}, ${CLAIM_SELECTOR}`) : null;
  return mark !== null && (linkOf(mark) !== undefined || claimOf(mark) !== undefined) ? mark : null;
}

function showCard(anchor: CardAnchor, toShow: CardToShow): void {
  card.open(anchor, toShow).catch((error: unknown) => console.error('Sourcelight: could not open the card', error));
}

function openCardFor(mark: HTMLElement): void {
  const claim = claimOf(mark)?.claim;
  const toShow = linkOf(mark) ?? (claim && { claim });
  if (toShow) showCard(markAnchor(mark), toShow);
}

function openOwnCard(highlight: OwnHighlight): void {
  const drawn = overlay;
  if (!drawn) return;
  const { link } = highlight;
  const toShow = 'name' in link ? link.name : { claim: link.claim.claim };
  showCard({ getBoundingClientRect: () => drawn.rectOf(highlight), returnFocus: () => drawn.focus(highlight) }, toShow);
}

/** The reader's own highlights as places for the keyboard shortcut to move to. */
function ownStops(): OtherStops {
  const drawn = overlay;
  if (!drawn) return { stops: [], current: undefined };
  const focused = drawn.focused();
  return {
    stops: drawn.highlights().flatMap((highlight) => {
      const position = ownPosition(highlight);
      return position ? [{ ...position, focus: () => drawn.focus(highlight) }] : [];
    }),
    current: focused && ownPosition(focused),
  };
}

function listenForReaders(signal: AbortSignal): void {
  document.addEventListener(
    'click',
    (event) => {
      // Only the reader's own clicks: a page script's synthetic click() must not open a card it could read.
      const mark = event.isTrusted ? markOf(event.target) : null;
      // A highlight inside a link leaves the click to the link; the card is one keystroke away (Enter).
      if (!mark || mark.closest('a[href]') || event.defaultPrevented || event.button !== 0) return;
      openCardFor(mark);
    },
    { signal },
  );
  // The reader's own highlights are no elements the click could reach: it is hit-tested against their boxes, on the
  // window in the capture phase, before any handler of the page's could stop it.
  addEventListener(
    'click',
    (event) => {
      const target = event.target;
      if (!event.isTrusted || event.button !== 0 || !(target instanceof Element)) return;
      if (markOf(target) || target.closest('a[href]')) return;
      const hit = overlay?.at(event.clientX, event.clientY, target);
      if (hit) openOwnCard(hit);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && event.isTrusted && markOf(event.target) === event.target) {
        event.preventDefault();
        openCardFor(event.target as HTMLElement);
        return;
      }
      // Alt+Shift+N / Alt+Shift+P move between highlights, so marks need no place in the page's tab order.
      if (
        event.altKey &&
        event.shiftKey &&
        !event.ctrlKey &&
        !event.metaKey &&
        (event.code === 'KeyN' || event.code === 'KeyP')
      ) {
        const direction = event.code === 'KeyN' ? 'next' : 'previous';
        if (focusAdjacentHighlight(document.body, direction, ownStops())) event.preventDefault();
      }
    },
    { signal },
  );
}

async function start(settings: Settings, signal: AbortSignal): Promise<void> {
  const kinds = new Set(settings.highlightKinds);
  hidden ??= sendFromPage({ type: 'getHiddenEntities' });
  const hiddenIds = new Set(await hidden);
  if (signal.aborted) return;
  appliedHidden = idsKey(hiddenIds);
  const matcher = matcherOf('public', kinds, hiddenIds);
  // The reader's own only when they show on pages, and not waited for before the first marks: a question with no
  // text says whether they hold any name.
  const own = settings.showOwnCorpora ? matcherOf('own', kinds, hiddenIds) : undefined;
  const ownMatcher = own?.learn?.('').then(() => (own.source.terms > 0 ? own : undefined));
  // Its failure is the passes' that wait for it; a session stopped before them leaves it unheard.
  ownMatcher?.catch(() => undefined);
  const namedSoFar = new Set<string>();
  // Apart from the built-in corpus's: a surname links after a full name of the same side, so no mark of the page
  // ever depends on what the reader's own corpora named.
  const ownNamedSoFar = new Set<string>();
  const draw = (highlight: OwnHighlight): void => {
    firstOwnHighlightAt ??= performance.now();
    overlay?.add(highlight);
  };
  const findOwn = async (roots: readonly Element[]): Promise<void> => {
    const own = await ownMatcher;
    if (own) await learnRuns(roots, own, signal, true);
    if (own && !signal.aborted) await findOwnNames(roots, own, { signal, namedSoFar: ownNamedSoFar }, draw);
  };
  listenForReaders(signal);
  // The built-in corpus is marked first, names and then claims; the reader's own are read from the page as those
  // marks left it, so that nothing marked later splits the text they were drawn on.
  await highlightAndObserve(document.body, matcher, {
    signal,
    namedSoFar,
    afterFirstPass: async () => {
      firstPassAt ??= performance.now();
      if (settings.claimCheck && !signal.aborted)
        await markPageClaims(document.body, matcher, checkClaimsOf('public'), signal);
      await findOwn([document.body]);
      const own = await ownMatcher;
      if (settings.claimCheck && own && !signal.aborted)
        await findOwnClaims(document.body, [matcher, own], checkClaimsOf('own'), signal, MAX_PAGE_CLAIMS, draw);
    },
    afterPass: findOwn,
  });
  // After the first pass, not in it: the blocks that come near meanwhile are wrapped and drawn without waiting.
  const ownToCount = await ownMatcher;
  if (ownToCount && !signal.aborted) await countOwnAhead(ownToCount, new Set(ownNamedSoFar), signal);
  if (!signal.aborted) settled = true;
}

/** Waits between attempts to start, doubling: the background may be restarting (a worker woken after idling). */
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000];

/**
 * Starts highlighting, and starts again after a failure, a few times with growing waits. A failure that outlasts
 * them is kept for the popup to show, instead of a tab that claims to be active with nothing highlighted.
 */
function startWithRetries(settings: Settings, attempt = 0): void {
  const controller = new AbortController();
  session = controller;
  failure = null;
  start(settings, controller.signal).catch((error: unknown) => {
    if (controller.signal.aborted) return;
    hidden = undefined;
    controller.abort();
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      failure = errorText(error);
      console.warn('Sourcelight: highlighting could not start', error);
      return;
    }
    setTimeout(() => {
      if (session === controller) startWithRetries(settings, attempt + 1);
    }, delay);
  });
}

/** Finds the names of the reader's own corpora in the blocks still far below, for the popup's count. */
async function countOwnAhead(own: CompiledMatcher, namedSoFar: Set<string>, signal: AbortSignal): Promise<void> {
  const blocks = deferredBlocks();
  if (blocks.length === 0) return;
  await learnRuns(blocks, own, signal);
  const found: OwnNameAhead[] = [];
  await findOwnNamesAhead(blocks, own, { signal, namedSoFar }, (name) => found.push(name));
  if (!signal.aborted) ownAhead = found;
}

function stop(): void {
  session?.abort();
  ownAhead = [];
  session = undefined;
  settled = false;
  failure = null;
  claimsPartial = false;
  firstOwnHighlightAt = null;
  firstPassAt = null;
  card.close();
  overlay?.clear();
  // Claim marks lie inside name marks, never around them: they go first.
  removeClaimMarks(document.body);
  removeHighlights(document.body);
}

/** Brings the page in line with the settings: starts, stops, or restarts when what is marked changed. */
function apply(settings: Settings): void {
  const shouldBeActive = isActiveOn(settings, site) && document.body !== null;
  // What is marked, as one string to compare with the running pass's.
  const kinds = JSON.stringify([settings.highlightKinds, settings.claimCheck, settings.showOwnCorpora]);
  if (shouldBeActive === active && kinds === appliedKinds) return;
  if (active) stop();
  active = shouldBeActive;
  appliedKinds = kinds;
  showMarkStyle(active);
  if (active) {
    overlay ??= createOverlay<OwnLink>(openOwnCard);
    startWithRetries(settings);
  } else {
    overlay?.remove();
    overlay = undefined;
  }
}

/** The popup lists at most this many entities of a page. */
const MAX_PAGE_ENTITIES = 5_000;

/** Scrolls to one of the reader's own highlights, gives it the keyboard and opens its card. */
function revealOwn(highlight: OwnHighlight): void {
  overlay?.focus(highlight);
  openOwnCard(highlight);
}

/** Where one of the reader's own highlights starts in the page. */
function ownPosition(highlight: OwnHighlight): PagePosition | undefined {
  const piece = highlight.pieces[0];
  return piece && { node: piece.node, offset: piece.start };
}

/**
 * The page's highlights of one sort, marked or drawn, that give a link (a name's entity, a checked claim), in page
 * order, with how to reveal each.
 */
function inPageOrder<T>(
  marks: HTMLElement[],
  markLink: (mark: HTMLElement) => T | undefined,
  ownLink: (link: OwnLink) => T | undefined,
  deferred: { link: T; position: PagePosition; reveal(): void }[] = [],
): { link: T; position: PagePosition; reveal(): void }[] {
  const marked = marks.flatMap((mark) => {
    const link = markLink(mark);
    return link ? [{ link, position: { node: mark, offset: 0 }, reveal: () => revealMark(mark) }] : [];
  });
  const own = (overlay?.highlights() ?? []).flatMap((highlight) => {
    const link = ownLink(highlight.link);
    const position = ownPosition(highlight);
    return link && position ? [{ link, position, reveal: () => revealOwn(highlight) }] : [];
  });
  return [...marked, ...own, ...deferred].sort((a, b) => comparePositions(a.position, b.position));
}

/** Every name highlight of the page, in page order, with its entity: those far below not yet marked among them. */
const nameHighlights = (): { link: string; position: PagePosition; reveal(): void }[] =>
  inPageOrder(
    madeMarksUnder(document, FIRST_MARKS),
    (mark) => linkOf(mark)?.entityId,
    (link) => ('name' in link ? link.name.entityId : undefined),
    [
      ...deferredMatches().map((match) => ({
        link: match.piece.entityId,
        position: match,
        reveal: () => revealDeferred(match),
      })),
      ...ownAhead
        .filter((name) => isDeferredAt(name.node))
        .map((name) => ({ link: name.entityId, position: name, reveal: () => void revealOwnAhead(name) })),
    ],
  );

function revealMark(mark: HTMLElement): void {
  mark.scrollIntoView({ block: 'center' });
  openCardFor(mark);
}

/** Marks a match the first pass left for later, and reveals its mark. */
function revealDeferred({ node, piece }: DeferredMatch): void {
  wrapDeferredAt([node]);
  if (piece.mark instanceof HTMLElement) revealMark(piece.mark);
}

/** How long revealing a name of the reader's own far below waits for it to be drawn once scrolled to. */
const OWN_AHEAD_WAIT_MS = 3_000;

/**
 * Scrolls to a name of the reader's own corpora found far below; once its block has come near and the name is drawn
 * there, as when the reader scrolls by hand, gives it the keyboard and opens its card.
 */
async function revealOwnAhead(name: OwnNameAhead): Promise<void> {
  name.node.parentElement?.scrollIntoView({ block: 'center' });
  for (const until = performance.now() + OWN_AHEAD_WAIT_MS; performance.now() < until;) {
    const drawn = overlay?.highlights().find((highlight) => {
      const position = ownPosition(highlight);
      return (
        'name' in highlight.link &&
        highlight.link.name.entityId === name.entityId &&
        position !== undefined &&
        comparePositions(position, name) >= 0
      );
    });
    if (drawn) return revealOwn(drawn);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function pageEntities(): PageEntity[] {
  const counts = new Map<string, number>();
  for (const { link: entityId } of nameHighlights()) counts.set(entityId, (counts.get(entityId) ?? 0) + 1);
  return [...counts].map(([entityId, count]) => ({ entityId, count })).sort((a, b) => b.count - a.count);
}

/** The entity's next highlight after the one the keyboard is on (wrapping round): scrolled to, its card opened. */
function revealEntity(entityId: string): boolean {
  const highlights = nameHighlights().filter((highlight) => highlight.link === entityId);
  if (highlights.length === 0) return false;
  const focused = overlay?.focused();
  const focusedAt = focused && ownPosition(focused);
  const current = highlights.findIndex(
    ({ position }) =>
      position.node === document.activeElement ||
      (focusedAt !== undefined && comparePositions(position, focusedAt) === 0),
  );
  highlights[(current + 1) % highlights.length]?.reveal();
  return true;
}

/** The page's checked claims, marked, drawn or waiting far below, in page order, with how to reveal each. */
const pageClaims = (): { link: ClaimLink; reveal(): void }[] =>
  inPageOrder(
    claimMarksUnder(document),
    claimOf,
    (link) => ('claim' in link ? link.claim : undefined),
    waitingClaims().map(({ link, position, markNow }) => ({
      link,
      position,
      reveal: () => {
        const mark = markNow();
        if (mark) revealMark(mark);
      },
    })),
  );

browser.runtime.onMessage.addListener(
  createMessageListener(tabMessages, {
    pingContent: () => ({
      context: 'content' as const,
      url: location.href,
      active,
      highlights: nameHighlights().length,
      settled,
      firstOwnHighlightAt,
      firstPassAt,
    }),
    getPageEntities: () => ({
      url: location.href,
      site,
      active,
      failure,
      entities: pageEntities().slice(0, MAX_PAGE_ENTITIES),
    }),
    revealEntity: ({ entityId }) => ({ revealed: revealEntity(entityId) }),
    readPage: () => readPage(document),
    getPageClaims: () => ({
      claims: pageClaims().map(({ link }) => ({ index: link.index, text: link.claim.text, verdict: link.verdict })),
      partial: claimsPartial,
    }),
    revealClaim: ({ index }) => {
      const claim = pageClaims().find(({ link }) => link.index === index);
      claim?.reveal();
      return { revealed: claim !== undefined };
    },
    cardFrameEvent: ({ event }) => {
      card.onFrameEvent(event);
      return null;
    },
  }),
);

function applyStoredSettings(): void {
  loadSettings()
    .then(apply)
    .catch((error: unknown) => console.error('Sourcelight: could not read settings', error));
}

/** Highlights the page again from scratch, with what was dropped asked for anew. */
function highlightAgain(): void {
  if (!active) return;
  active = false;
  stop();
  applyStoredSettings();
}

onSettingsChanged(apply);
// New or removed corpora: highlight again with the new dictionary.
onCorpusChange(() => {
  hidden = undefined;
  highlightAgain();
});
// The reader's corrections changed: highlight again only when what this site hides did.
onCorrectionsChange(() => {
  const asked = sendFromPage({ type: 'getHiddenEntities' });
  hidden = asked;
  asked
    .then((ids) => {
      if (hidden === asked && idsKey(ids) !== appliedHidden) highlightAgain();
    })
    .catch(() => {
      if (hidden === asked) hidden = undefined;
    });
});
applyStoredSettings();
