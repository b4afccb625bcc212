import type { ClaimVerdict } from '../shared/claim-check';
import { send, sendToTab } from '../shared/messages';
import { el } from '../shared/ui/dom';
import { formatNumber, plural, t, type MessageKey } from '../shared/i18n';

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
    status.textContent = t('pageNoneOpen');
    return null;
  }
  let page;
  try {
    page = await sendToTab(tabId, { type: 'getPageEntities' });
  } catch {
    status.textContent = t('pageNotRunning');
    return null;
  }
  if (!page.active) {
    status.textContent = t('pageOff');
    return { site: page.site };
  }
  if (page.failure !== null) {
    status.textContent = t('pageFailed', page.failure);
    return { site: page.site };
  }
  if (page.entities.length === 0) {
    status.textContent = t('pageNothingNamed');
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
      el('span', { dir: 'auto' }, name),
      ' ',
      el('span', { class: 'count' }, formatNumber(count)),
      el('span', { class: 'visually-hidden' }, ` ${plural('pageTimesOnPage', count)}`),
    );
    button.addEventListener('click', () => {
      sendToTab(tabId, { type: 'revealEntity', entityId }).catch(() => {
        status.textContent = t('pageNoAnswer');
      });
    });
    list.append(el('li', {}, button));
  }
  return { site: page.site };
}

const VERDICT_LABELS: Record<NonNullable<ClaimVerdict>, MessageKey> = {
  same: 'verdictSame',
  part: 'verdictPart',
  close: 'verdictClose',
  'same-figure': 'verdictSameFigure',
  'other-figure': 'verdictOtherFigure',
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
    list.before(el('p', { class: 'claims-partial hint', role: 'status' }, t('pageClaimsPartial')));
  }
  for (const { index, text, verdict } of claims) {
    const button = el(
      'button',
      { type: 'button', 'data-claim-index': index },
      el('span', { class: 'claim-text', dir: 'auto' }, text.length > 90 ? `${text.slice(0, 90)} …` : text),
      verdict ? el('span', { class: 'count' }, ` — ${t(VERDICT_LABELS[verdict])}`) : null,
    );
    button.addEventListener('click', () => {
      sendToTab(tabId, { type: 'revealClaim', index }).catch(() => {
        section.textContent = t('pageNoAnswer');
      });
    });
    list.append(el('li', {}, button));
  }
}
