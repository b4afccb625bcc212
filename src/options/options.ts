import '../shared/zod-config';
// The options page: wires each section's module to its elements and keeps the page in step with changes made elsewhere.
import { loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import { byId } from '../shared/ui/dom';
import { createBuildProgress } from './build-progress';
import { createSettingBox } from './setting-box';
import { createCorpusList } from './corpus-list';
import { createKindBoxes } from './kinds';
import { createImportProgress } from './import-progress';
import { createNotice } from './notice';
import { bindDocumentImport } from './document-import';
import { bindPackImport } from './pack-import';
import { createSiteList } from './site-list';
import { bindSubscriptions } from './subscriptions';
import { createCorrectionsList } from './corrections-list';
import { onCorrectionsChange } from '../shared/corrections-change';
import { localizePage, t } from '../shared/i18n';

localizePage();

const corpusNotice = createNotice(byId('corpus-status'), byId('corpus-alert'));
const corpusList = createCorpusList(
  {
    totals: byId('corpus-totals'),
    list: byId<HTMLUListElement>('pack-list'),
    problems: byId('corpus-problems'),
    problemList: byId<HTMLUListElement>('corpus-problem-list'),
    heading: byId('corpora-title'),
  },
  corpusNotice,
);

const importNotice = createNotice(byId('import-status'), byId('import-alert'));
const importer = bindPackImport(
  {
    fileInput: byId<HTMLInputElement>('pack-file'),
    dropZone: byId('drop-zone'),
    urlForm: byId<HTMLFormElement>('url-form'),
    urlInput: byId<HTMLInputElement>('pack-url'),
    urlSubmit: byId<HTMLButtonElement>('pack-url-submit'),
    urlCancel: byId<HTMLButtonElement>('pack-url-cancel'),
    permissionOffer: byId('permission-offer'),
    permissionText: byId('permission-text'),
    permissionButton: byId<HTMLButtonElement>('permission-grant'),
  },
  importNotice,
  createImportProgress({
    panel: byId('import-progress'),
    bar: byId<HTMLProgressElement>('import-progress-bar'),
    text: byId('import-progress-text'),
  }),
  // A new import makes the list's last message (such as "Removed …") stale.
  () => {
    corpusNotice.clear();
    return corpusList.refresh();
  },
);

bindDocumentImport(
  {
    form: byId<HTMLFormElement>('documents-form'),
    title: byId<HTMLInputElement>('documents-title'),
    files: byId<HTMLInputElement>('documents-files'),
    submit: byId<HTMLButtonElement>('documents-submit'),
  },
  importNotice,
  importer,
  createBuildProgress({
    panel: byId('documents-progress'),
    bar: byId<HTMLProgressElement>('documents-progress-bar'),
    text: byId('documents-progress-text'),
    cancel: byId<HTMLButtonElement>('documents-cancel'),
  }),
);

const subscriptions = bindSubscriptions(
  {
    list: byId<HTMLUListElement>('subscription-list'),
    empty: byId('subscription-empty'),
    form: byId<HTMLFormElement>('subscribe-form'),
    url: byId<HTMLInputElement>('subscribe-url'),
    trust: byId<HTMLInputElement>('subscribe-trust'),
    trustLabel: byId('subscribe-trust-label'),
    byKey: byId<HTMLInputElement>('trust-key'),
    byHash: byId<HTMLInputElement>('trust-hash'),
    interval: byId<HTMLSelectElement>('subscribe-interval'),
  },
  createNotice(byId('subscriptions-status'), byId('subscriptions-alert')),
  () => void corpusList.refresh(),
);

const kindsNotice = createNotice(byId('kinds-status'), null);
const kinds = createKindBoxes(byId<HTMLFieldSetElement>('kind-boxes'), kindsNotice);
const claimCheck = createSettingBox(byId<HTMLInputElement>('claim-check'), kindsNotice, 'claimCheck', {
  on: t('claimCheckOn'),
  off: t('claimCheckOff'),
});
const ownCorpora = createSettingBox(byId<HTMLInputElement>('own-corpora'), kindsNotice, 'showOwnCorpora', {
  on: t('ownCorporaOn'),
  off: t('ownCorporaOff'),
});
const sites = createSiteList(
  {
    globalSwitch: byId<HTMLInputElement>('global-switch'),
    list: byId<HTMLUListElement>('site-list'),
    empty: byId('site-empty'),
    form: byId<HTMLFormElement>('site-form'),
    input: byId<HTMLInputElement>('site-input'),
  },
  createNotice(byId('sites-status'), byId('sites-alert')),
);

const corrections = createCorrectionsList(
  {
    groups: byId('correction-groups'),
    empty: byId('corrections-empty'),
    exportButton: byId<HTMLButtonElement>('corrections-export'),
    fileInput: byId<HTMLInputElement>('corrections-file'),
    heading: byId('corrections-title'),
  },
  createNotice(byId('corrections-status'), byId('corrections-alert')),
);
// Made on a card in another tab while this page is open.
onCorrectionsChange(() => void corrections.refresh());

function showSettings(settings: Settings): void {
  kinds.show(settings);
  claimCheck.show(settings);
  ownCorpora.show(settings);
  sites.show(settings);
}

onSettingsChanged(showSettings);
// Packs can change from another tab; reading again when the page comes back keeps the list honest.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void corpusList.refresh();
});

void (async () => {
  showSettings(await loadSettings());
  await Promise.all([corpusList.refresh(), subscriptions.refresh(), corrections.refresh()]);
  document.body.dataset.ready = 'true';
})();
