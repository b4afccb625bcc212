import '../shared/zod-config';
import browser from 'webextension-polyfill';
import { onCorpusChange } from '../shared/corpus-change';
import { onCorrectionsChange } from '../shared/corrections-change';
import type { Dictionary } from '../shared/dictionary';
import { createMessageListener } from '../shared/message-protocol';
import { sendFromPage, tabMessages, type PageEntity } from '../shared/page-messages';
import { isActiveOn, loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import { siteOf } from '../shared/site';
import { errorText } from '../shared/error-text';
import { createCard } from './card';
import { claimMarksUnder, claimOf, markPageClaims, removeClaimMarks } from './claim-marks';
import { FIRST_MARKS, HIGHLIGHT_SELECTOR, linkOf, madeMarksUnder, removeHighlights } from './highlighter';
import { focusAdjacentHighlight } from './mark-focus';
import { openMatcher } from './matcher';
import { highlightAndObserve } from './observer';
import { readPage } from './page-markup';
import { CLAIM_SELECTOR } from './own-ui';

/**
 * The content script: highlights the corpus's names on the page while Sourcelight is on for this site, opens the
 * card for a highlight, and answers the popup. Turning it off (globally or for the site) aborts every listener
 * and pass through one AbortController and removes every mark.
 */
const site = siteOf(location.href);

let session: AbortController | undefined;
let active = false;
/** The first pass over the page has finished (for the tests and the popup's counts). */
let settled = false;
/** Why highlighting could not start, after its retries. */
let failure: string | null = null;
/** The background checked only the first part of the page's quotations (too many, or out of time). */
let claimsPartial = false;
let appliedKinds = '';
let dictionary: Promise<Dictionary> | undefined;
/** What this site must not link (the reader's corrections), asked for with the dictionary. */
let hidden: Promise<string[]> | undefined;
/** The hidden ids the running pass left out, to tell whether a change of the corrections changes this page. */
let appliedHidden = '';

const card = createCard(async (toShow) => {
  await sendFromPage({ type: 'showCard', ...toShow });
});

/**
 * The mark Sourcelight made that an event reached, the innermost of a name's and a claim's; a page's look-alike is
 * no mark.
 */
function markOf(target: EventTarget | null): HTMLElement | null {
  const mark =
    target instanceof Element ? target.closest<HTMLElement>(`${HIGHLIGHT_SELECTOR}, ${CLAIM_SELECTOR}`) : null;
  return mark !== null && (linkOf(mark) !== undefined || claimOf(mark) !== undefined) ? mark : null;
}

function openCardFor(mark: HTMLElement): void {
  const link = linkOf(mark);
  const claim = claimOf(mark)?.claim;
  const toShow = link ? { entityId: link.entityId, reason: link.reason } : claim ? { claim } : undefined;
  if (toShow)
    card.open(mark, toShow).catch((error: unknown) => console.error('Sourcelight: could not open the card', error));
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
        if (focusAdjacentHighlight(document.body, event.code === 'KeyN' ? 'next' : 'previous')) event.preventDefault();
      }
    },
    { signal },
  );
}

async function start(settings: Settings, signal: AbortSignal): Promise<void> {
  dictionary ??= sendFromPage({ type: 'getDictionary' });
  hidden ??= sendFromPage({ type: 'getHiddenEntities' });
  const [loaded, hiddenIds] = await Promise.all([dictionary, hidden]);
  if (signal.aborted) return;
  appliedHidden = [...hiddenIds].sort().join('\n');
  const matcher = openMatcher(loaded, new Set(settings.highlightKinds), new Set(hiddenIds));
  const namedSoFar = new Set<string>();
  listenForReaders(signal);
  await highlightAndObserve(document.body, matcher, { signal, namedSoFar });
  if (settings.claimCheck && !signal.aborted) {
    await markPageClaims(
      document.body,
      matcher,
      async (text, names, cut) => {
        const checked = await sendFromPage({ type: 'checkClaims', text, names });
        claimsPartial = checked.partial || cut;
        return checked.claims;
      },
      signal,
    );
  }
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
    dictionary = undefined;
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

function stop(): void {
  session?.abort();
  session = undefined;
  settled = false;
  failure = null;
  claimsPartial = false;
  card.close();
  // Claim marks lie inside name marks, never around them: they go first.
  removeClaimMarks(document.body);
  removeHighlights(document.body);
}

/** Brings the page in line with the settings: starts, stops, or restarts when what is marked changed. */
function apply(settings: Settings): void {
  const shouldBeActive = isActiveOn(settings, site) && document.body !== null;
  const own = settings.ownCorporaOnPages ? '+own' : '';
  const kinds = `${settings.highlightKinds.join(',')}${settings.claimCheck ? '+claims' : ''}${own}`;
  if (shouldBeActive === active && kinds === appliedKinds) return;
  // The reader's own corpora joined or left what pages are given: the dictionary is another one.
  if (appliedKinds.endsWith('+own') !== (own !== '')) {
    dictionary = undefined;
    hidden = undefined;
  }
  if (active) stop();
  active = shouldBeActive;
  appliedKinds = kinds;
  if (active) startWithRetries(settings);
}

/** The popup lists at most this many entities of a page. */
const MAX_PAGE_ENTITIES = 5_000;

function pageEntities(): PageEntity[] {
  const counts = new Map<string, number>();
  for (const mark of madeMarksUnder(document, FIRST_MARKS)) {
    const id = linkOf(mark)?.entityId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].map(([entityId, count]) => ({ entityId, count })).sort((a, b) => b.count - a.count);
}

/** Scrolls to the entity's next highlight after the focused one (wrapping round) and opens its card. */
function revealEntity(entityId: string): boolean {
  const marks = madeMarksUnder(document, FIRST_MARKS).filter((mark) => linkOf(mark)?.entityId === entityId);
  if (marks.length === 0) return false;
  const current = marks.findIndex((mark) => mark === document.activeElement);
  const next = marks[(current + 1) % marks.length] ?? marks[0];
  if (!next) return false;
  next.scrollIntoView({ block: 'center' });
  openCardFor(next);
  return true;
}

/** Scrolls to a checked claim of the page and opens its card. */
function revealClaim(index: number): boolean {
  const mark = claimMarksUnder(document).find((candidate) => claimOf(candidate)?.index === index);
  if (!mark) return false;
  mark.scrollIntoView({ block: 'center' });
  openCardFor(mark);
  return true;
}

browser.runtime.onMessage.addListener(
  createMessageListener(tabMessages, {
    pingContent: () => ({
      context: 'content' as const,
      url: location.href,
      active,
      highlights: madeMarksUnder(document, FIRST_MARKS).length,
      settled,
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
      claims: claimMarksUnder(document).flatMap((mark) => {
        const link = claimOf(mark);
        return link ? [{ index: link.index, text: link.claim.text, verdict: link.verdict }] : [];
      }),
      partial: claimsPartial,
    }),
    revealClaim: ({ index }) => ({ revealed: revealClaim(index) }),
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
// New or removed corpora: drop the dictionary and highlight again with the new one.
onCorpusChange(() => {
  dictionary = undefined;
  hidden = undefined;
  highlightAgain();
});
// The reader's corrections changed: highlight again only when what this site hides did.
onCorrectionsChange(() => {
  const asked = sendFromPage({ type: 'getHiddenEntities' });
  hidden = asked;
  asked
    .then((ids) => {
      if (hidden === asked && [...ids].sort().join('\n') !== appliedHidden) highlightAgain();
    })
    .catch(() => {
      if (hidden === asked) hidden = undefined;
    });
});
applyStoredSettings();
