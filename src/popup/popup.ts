import '../shared/zod-config';
import { send } from '../shared/messages';
import { MAX_QUERY_UNITS, POPUP_SEARCH_OPTIONS } from '../shared/search-results';
import { byId, el } from '../shared/ui/dom';
import { renderEntityView } from '../shared/ui/entity-view';
import { copyCitation } from '../shared/ui/copy-citation';
import { formatDate } from '../shared/ui/format';
import { viewerLinks } from '../shared/ui/passage-links';
import { showPageClaims, showPageEntities } from './page-panel';
import { createSearchView, type SearchHit } from './search-view';
import { bindSwitches } from './switches';
import { bindAddPage } from './add-page';
import { openViewer } from './viewer-tab';
import { entityPageHref, openTab, viewerHref } from '../shared/ui/extension-links';
import { targetTabId } from './target-tab';
import { errorText } from '../shared/error-text';
import { localizePage, plural, t } from '../shared/i18n';

localizePage();

const input = byId<HTMLInputElement>('search');
const searchPanel = byId('search-panel');
const detail = byId('detail');
const detailBody = byId('detail-body');

function closeDetail(): void {
  detail.hidden = true;
  searchPanel.hidden = false;
  input.focus();
}

async function showEntity(entityId: string): Promise<void> {
  const card = await send({ type: 'getEntityCard', entityId });
  searchPanel.hidden = true;
  detail.hidden = false;
  detailBody.replaceChildren(
    card
      ? renderEntityView(card, viewerLinks(viewerHref, openTab, entityPageHref), undefined, copyCitation)
      : el('p', { class: 'hint' }, t('popupEntryGone')),
  );
  byId('detail-back').focus();
}

function openHit(hit: SearchHit): void {
  const opening =
    hit.type === 'entity'
      ? showEntity(hit.id)
      : openViewer(
          hit.type === 'document'
            ? { packId: hit.packId, documentId: hit.id, start: 0, end: 0 }
            : { packId: hit.packId, documentId: hit.documentId, start: hit.start, end: hit.end },
        );
  opening.catch((error: unknown) => {
    byId('search-status').textContent = t('popupCouldNotOpen', errorText(error));
  });
}

async function showCorpusStatus(): Promise<void> {
  const status = byId('corpus-status');
  try {
    const summary = await send({ type: 'getCorpusSummary' });
    const { documents, statements, people } = summary.totals;
    const enabled = summary.packs.filter((pack) => pack.enabled);
    const title = enabled.length === 1 ? enabled[0]?.title : plural('popupCorporaInUse', enabled.length);
    const date = enabled.length === 1 ? formatDate(enabled[0]?.createdAt.slice(0, 10)) : null;
    status.textContent = t('popupTotals', documents, statements, people);
    byId('corpus-name').textContent = [
      title ? t('popupCorpusName', title) : t('popupNoCorpus'),
      date ? t('popupCorpusBuilt', date) : null,
    ]
      .filter(Boolean)
      .join(t('listSeparator'));
    status.dataset.documents = String(documents);
  } catch (error) {
    status.textContent = t('popupCorpusUnreadable', errorText(error));
    status.classList.add('error');
  }
}

createSearchView({
  input,
  results: byId('results'),
  hint: byId('search-hint'),
  status: byId('search-status'),
  search: (query) => send({ type: 'search', query: query.slice(0, MAX_QUERY_UNITS), options: POPUP_SEARCH_OPTIONS }),
  open: openHit,
});
byId('detail-back').addEventListener('click', closeDetail);
detail.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    closeDetail();
  }
});
input.focus();

void showCorpusStatus();
void (async () => {
  const tabId = await targetTabId();
  bindAddPage(tabId, byId<HTMLButtonElement>('add-page'), byId('add-page-status'));
  const page = await showPageEntities(tabId, byId('page-entities'), byId('page-status'));
  // The switches come alive as soon as the site is known, not after the page's claims are checked.
  await Promise.all([
    bindSwitches(
      page?.site ?? null,
      byId<HTMLInputElement>('site-switch'),
      byId('site-label'),
      byId<HTMLInputElement>('global-switch'),
    ),
    tabId !== null && page !== null
      ? showPageClaims(tabId, byId('page-claims-section'), byId('page-claims'))
      : Promise.resolve(),
  ]);
})();
