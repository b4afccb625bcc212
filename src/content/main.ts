import '../shared/zod-config';
import browser from 'webextension-polyfill';
import { onCorpusChange } from '../shared/corpus-change';
import type { Dictionary } from '../shared/dictionary';
import { createMessageListener, send, tabMessages, type PageEntity } from '../shared/messages';
import { isActiveOn, loadSettings, onSettingsChanged, siteOf, type Settings } from '../shared/settings';
import { createCard } from './card';
import { focusAdjacentHighlight, HIGHLIGHT_SELECTOR, removeHighlights } from './highlighter';
import { compileMatcher } from './matcher';
import { highlightAndObserve } from './observer';

/**
 * The content script: highlights the corpus's names on the page while Sourcelight is on for this site, opens the
 * card for a highlight, and answers the popup. Turning it off (globally or for the site) aborts every listener
 * and pass through one AbortController and removes every mark.
 */
const site = siteOf(location.href);
/** Marks that start a match: a name split across elements ("<b>Maryam</b> Rajavi") continues in a second mark. */
const FIRST_MARKS = `${HIGHLIGHT_SELECTOR}:not([data-sl-continued])`;

let session: AbortController | undefined;
let active = false;
let appliedKinds = '';
let dictionary: Promise<Dictionary> | undefined;

const card = createCard({
  loadCard: (entityId) => send({ type: 'getEntityCard', entityId }),
  openPassage: (source, inBackground) => {
    const { packId, documentId, start, end } = source;
    send({ type: 'openPassage', packId, documentId, start, end, inBackground }).catch((error: unknown) => console.error('Sourcelight: could not open the source', error));
  },
});

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(HIGHLIGHT_SELECTOR) : null;
}

function openCardFor(mark: HTMLElement): void {
  const entityId = mark.dataset.slId;
  if (entityId) void card.open(mark, entityId);
}

function listenForReaders(signal: AbortSignal): void {
  document.addEventListener(
    'click',
    (event) => {
      const mark = markOf(event.target);
      // A highlight inside a link leaves the click to the link; the card is one keystroke away (Enter).
      if (!mark || mark.closest('a[href]') || event.defaultPrevented || event.button !== 0) return;
      openCardFor(mark);
    },
    { signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && markOf(event.target) === event.target) {
        event.preventDefault();
        openCardFor(event.target as HTMLElement);
        return;
      }
      // Alt+Shift+N / Alt+Shift+P move between highlights, so marks need no place in the page's tab order.
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyN' || event.code === 'KeyP')) {
        if (focusAdjacentHighlight(document.body, event.code === 'KeyN' ? 'next' : 'previous')) event.preventDefault();
      }
    },
    { signal },
  );
}

async function start(settings: Settings): Promise<void> {
  const controller = new AbortController();
  session = controller;
  const { signal } = controller;
  dictionary ??= send({ type: 'getDictionary' });
  const loaded = await dictionary;
  if (signal.aborted) return;
  const kinds = new Set(settings.highlightKinds);
  const matcher = compileMatcher({ ...loaded, terms: loaded.terms.filter((term) => kinds.has(term.kind)) });
  const namedSoFar = new Set<string>();
  listenForReaders(signal);
  await highlightAndObserve(document.body, matcher, { signal, namedSoFar });
}

function stop(): void {
  session?.abort();
  session = undefined;
  card.close();
  removeHighlights(document.body);
}

/** Brings the page in line with the settings: starts, stops, or restarts when the highlighted kinds changed. */
function apply(settings: Settings): void {
  const shouldBeActive = isActiveOn(settings, site) && document.body !== null;
  const kinds = settings.highlightKinds.join(',');
  if (shouldBeActive === active && kinds === appliedKinds) return;
  if (active) stop();
  active = shouldBeActive;
  appliedKinds = kinds;
  if (active) {
    start(settings).catch((error: unknown) => {
      console.warn('Sourcelight: highlighting stopped', error);
      dictionary = undefined;
    });
  }
}

function pageEntities(): PageEntity[] {
  const counts = new Map<string, number>();
  for (const mark of document.querySelectorAll<HTMLElement>(FIRST_MARKS)) {
    const id = mark.dataset.slId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].map(([entityId, count]) => ({ entityId, count })).sort((a, b) => b.count - a.count);
}

/** Scrolls to the entity's next highlight after the focused one (wrapping round) and opens its card. */
function revealEntity(entityId: string): boolean {
  const marks = [...document.querySelectorAll<HTMLElement>(FIRST_MARKS)].filter((mark) => mark.dataset.slId === entityId);
  if (marks.length === 0) return false;
  const current = marks.findIndex((mark) => mark === document.activeElement);
  const next = marks[(current + 1) % marks.length] ?? marks[0];
  if (!next) return false;
  next.scrollIntoView({ block: 'center' });
  openCardFor(next);
  return true;
}

browser.runtime.onMessage.addListener(
  createMessageListener(tabMessages, {
    pingContent: () => ({
      context: 'content' as const,
      url: location.href,
      active,
      highlights: document.querySelectorAll(FIRST_MARKS).length,
    }),
    getPageEntities: () => ({ url: location.href, site, active, entities: pageEntities() }),
    revealEntity: ({ entityId }) => ({ revealed: revealEntity(entityId) }),
  }),
);

function applyStoredSettings(): void {
  loadSettings()
    .then(apply)
    .catch((error: unknown) => console.error('Sourcelight: could not read settings', error));
}

onSettingsChanged(apply);
// New or removed corpora: drop the dictionary and highlight again with the new one.
onCorpusChange(() => {
  dictionary = undefined;
  if (!active) return;
  active = false;
  stop();
  applyStoredSettings();
});
applyStoredSettings();
