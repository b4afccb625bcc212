import type { ClaimVerdict } from '../shared/claim-check';
import { send, sendToTab } from '../shared/messages';
import { el } from '../shared/ui/dom';

/**
 * "On this page": the entities highlighted in the tab, most frequent first. Choosing one scrolls the page to its
 * next highlight and opens its card there. Returns the tab's site, or null where the content script is absent.
 */
export async function showPageEntities(
  tabId: number | null,
  list: HTMLElement,
  status: HTMLElement,
): Promise<{ site: string | null } | null> {
  list.replaceChildren();
  if (tabId === null) {
    status.textContent = 'No page is open.';
    return null;
  }
  let page;
  try {
    page = await sendToTab(tabId, { type: 'getPageEntities' });
  } catch {
    status.textContent = 'Sourcelight does not run on this page (only on web pages, http and https).';
    return null;
  }
  if (!page.active) {
    status.textContent = 'Sourcelight is off on this page.';
    return { site: page.site };
  }
  if (page.failure !== null) {
    status.textContent = `Sourcelight could not start on this page, after several tries: ${page.failure} Reload the page to try again.`;
    return { site: page.site };
  }
  if (page.entities.length === 0) {
    status.textContent = 'Nothing from the corpus is named on this page.';
    return { site: page.site };
  }
  const names = await send({ type: 'getEntityNames', ids: page.entities.map((entity) => entity.entityId) });
  status.textContent = '';
  for (const { entityId, count } of page.entities) {
    const name = names[entityId]?.name ?? entityId;
    // Named by what it shows, the name and its count, and then what the count means.
    const button = el(
      'button',
      { type: 'button', 'data-entity-id': entityId },
      name,
      ' ',
      el('span', { class: 'count' }, String(count)),
      el('span', { class: 'visually-hidden' }, count === 1 ? ' time on this page' : ' times on this page'),
    );
    button.addEventListener('click', () => {
      sendToTab(tabId, { type: 'revealEntity', entityId }).catch(() => {
        status.textContent = 'The page no longer answers; reload it.';
      });
    });
    list.append(el('li', {}, button));
  }
  return { site: page.site };
}

const VERDICT_LABELS: Record<NonNullable<ClaimVerdict>, string> = {
  same: 'same words in the sources',
  part: 'part of a longer statement in the sources',
  close: 'close to a statement in the sources',
  'same-figure': 'a source gives this figure',
  'other-figure': 'the sources give other figures',
};

/** The page's quotations and figures that the sources also hold; choosing one scrolls to it and opens its card. */
export async function showPageClaims(tabId: number, section: HTMLElement, list: HTMLElement): Promise<void> {
  list.replaceChildren();
  let claims;
  let partial;
  try {
    ({ claims, partial } = await sendToTab(tabId, { type: 'getPageClaims' }));
  } catch {
    return;
  }
  section.hidden = claims.length === 0 && !partial;
  section.querySelector('.claims-partial')?.remove();
  if (partial) {
    // A page that prints more quotations than are checked (or one that takes too long) is told so, not silently cut.
    list.before(
      el(
        'p',
        { class: 'claims-partial hint', role: 'status' },
        'This page prints more quotations than Sourcelight checks: only the first part of it was checked.',
      ),
    );
  }
  for (const { index, text, verdict } of claims) {
    const button = el(
      'button',
      { type: 'button', 'data-claim-index': index },
      el('span', { class: 'claim-text' }, text.length > 90 ? `${text.slice(0, 90)} …` : text),
      verdict ? el('span', { class: 'count' }, ` — ${VERDICT_LABELS[verdict]}`) : null,
    );
    button.addEventListener('click', () => {
      sendToTab(tabId, { type: 'revealClaim', index }).catch(() => {
        section.textContent = 'The page no longer answers; reload it.';
      });
    });
    list.append(el('li', {}, button));
  }
}
