import { send } from '../shared/messages';
import { packParts } from '../shared/pack-parts';
import type { CorpusSummary } from '../shared/corpus-summary';
import { describeCounts } from './corpus-list';
import { downloadPack, parsePackUrl, requestOriginPermission } from '../shared/pack-download';
import { readPackFile } from './pack-file';
import { errorText } from '../shared/error-text';
import { recogniseImport } from '../corpus/import-format';
import type { ImportProgress } from './import-progress';
import type { Notice } from './notice';
import { writtenQuestionsPackJson } from './written-questions-import';
import { plural, t } from '../shared/i18n';

/** The last part of an address's path ("questions.json"), or its host when the path names no file. */
function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  return last ? decodeURIComponent(last) : url.host;
}

export interface PackImportElements {
  fileInput: HTMLInputElement;
  dropZone: HTMLElement;
  urlForm: HTMLFormElement;
  urlInput: HTMLInputElement;
  urlSubmit: HTMLButtonElement;
  urlCancel: HTMLButtonElement;
  permissionOffer: HTMLElement;
  permissionText: HTMLElement;
  permissionButton: HTMLButtonElement;
}

/** Lets another way of making a pack (such as building one from documents) import through the same path. */
export interface PackImporter {
  /** `note`: said after the outcome, such as how the pack was made. */
  importMadePack(what: string, makePack: () => Promise<{ json: string; note?: string }>): Promise<void>;
}

/**
 * Import from a file (chosen or dropped) or an address, of a corpus pack or a UK Parliament written questions export,
 * which the page recognises and makes into a pack first. The background validates and stores the pack whole, so a
 * failure here leaves the stored corpora as they were; the page reads bytes and reports the outcome.
 */
export function bindPackImport(
  elements: PackImportElements,
  notice: Notice,
  progress: ImportProgress,
  refreshList: () => Promise<CorpusSummary | undefined>,
): PackImporter {
  const {
    fileInput,
    dropZone,
    urlForm,
    urlInput,
    urlSubmit,
    urlCancel,
    permissionOffer,
    permissionText,
    permissionButton,
  } = elements;
  /** What is being imported now, if anything: one import at a time. */
  let busy: string | undefined;
  /** Cancels the download under way. */
  let download: AbortController | undefined;
  /** The address waiting for the reader to grant its site. */
  let pendingUrl: URL | undefined;

  /** `after`: said after the outcome, such as what the file was taken for. */
  async function importJson(json: string, from: string, after = ''): Promise<void> {
    const uploadId = crypto.randomUUID();
    const parts = packParts(json);
    for (const [index, text] of parts.entries()) await send({ type: 'importPackPart', uploadId, index, text });
    const result = await send({ type: 'importPack', uploadId, parts: parts.length });
    const summary = await refreshList();
    const stored = summary?.packs.find((pack) => pack.id === result.packId);
    const named = result.warnings.slice(0, 3).join(t('semicolonSeparator'));
    const dropped =
      result.warnings.length === 0
        ? ''
        : ` ${t('importNotKept', result.warnings.length > 3 ? t('andMore', named, result.warnings.length - 3) : named)}`;
    const done = result.replaced ? 'importReplaced' : 'importImported';
    const said = stored
      ? t(`${done}Counts`, result.title, from, describeCounts(stored.counts))
      : t(done, result.title, from);
    notice.success(`${said}${dropped}${after}`);
  }

  /** A file's or a download's text, in whichever format it is; `name` names the corpus a written questions file makes. */
  async function importText(text: string, from: string, name: string): Promise<void> {
    const recognised = recogniseImport(text);
    if (recognised.format === 'sourcelight-pack') {
      await importJson(text, from, ` ${t('importRecognisedPack')}`);
      return;
    }
    const records = recognised.results.length;
    const what = plural('importWrittenQuestionsExport', records);
    notice.success(t('importRecognisedChecking', what, from));
    try {
      const made = await writtenQuestionsPackJson(recognised.results, name, progress.checked);
      progress.storing(made.questions);
      await importJson(made.json, from, ` ${t('importRecognised', what)}`);
    } finally {
      progress.stop();
    }
  }

  /** Runs one import at a time and turns any failure into the exact error in the alert region. */
  async function run(what: string, task: () => Promise<void>): Promise<void> {
    if (busy !== undefined) {
      // Said, not dropped: a file chosen during a download must not vanish.
      notice.error(t('importBusy', busy, what));
      return;
    }
    busy = what;
    dropZone.setAttribute('aria-busy', 'true');
    urlSubmit.disabled = true;
    notice.success(t('importing', what));
    try {
      await task();
    } catch (error) {
      notice.error(t('importFailed', what, errorText(error)));
    } finally {
      busy = undefined;
      dropZone.removeAttribute('aria-busy');
      urlSubmit.disabled = false;
    }
  }

  const importFile = (file: File): Promise<void> =>
    run(t('quoted', file.name), async () => importText(await readPackFile(file), t('quoted', file.name), file.name));

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    const done = (): void => {
      fileInput.value = '';
    };
    if (file) void importFile(file).finally(done);
  });

  // The whole box takes a dropped file; the file input inside it stays the keyboard route.
  dropZone.addEventListener('dragover', (event) => {
    // i18n-exempt: the drag data's type name, not text.
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', (event) => {
    if (!dropZone.contains(event.relatedTarget as Node | null)) dropZone.classList.remove('dragging');
  });
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      notice.error(t('importDropOne'));
      return;
    }
    const file = files[0];
    if (file) void importFile(file);
  });

  async function importUrl(url: URL): Promise<void> {
    permissionOffer.hidden = true;
    pendingUrl = undefined;
    download = new AbortController();
    urlCancel.hidden = false;
    let downloaded: Awaited<ReturnType<typeof downloadPack>>;
    try {
      downloaded = await downloadPack(url, download.signal);
    } finally {
      urlCancel.hidden = true;
      download = undefined;
    }
    // Asked without validators, a server never answers "unchanged".
    if (downloaded.ok && 'text' in downloaded) {
      await importText(downloaded.text, url.host, fileNameOf(url));
      urlInput.value = '';
      return;
    }
    if (downloaded.ok) return;
    if (downloaded.needsPermission) {
      pendingUrl = url;
      permissionText.textContent = t('importPermissionQuestion', url.host, downloaded.origin);
      permissionOffer.hidden = false;
      permissionButton.focus();
      notice.success(t('importNeedsPermission', url.host));
      return;
    }
    throw new Error(downloaded.error);
  }

  urlCancel.addEventListener('click', () => download?.abort());

  urlForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = parsePackUrl(urlInput.value);
    if (typeof url === 'string') {
      notice.error(url);
      urlInput.focus();
      return;
    }
    void run(url.host, () => importUrl(url));
  });

  permissionButton.addEventListener('click', () => {
    const url = pendingUrl;
    if (!url) return;
    // Requested synchronously inside the click: browsers grant permissions only during a user action.
    const asked = requestOriginPermission(url.origin);
    void run(url.host, async () => {
      if (!(await asked)) {
        permissionOffer.hidden = true;
        throw new Error(t('importPermissionRefused', url.origin));
      }
      await importUrl(url);
    });
  });

  return {
    importMadePack: (what, makePack) =>
      run(what, async () => {
        const { json, note } = await makePack();
        await importJson(json, what, note === undefined ? '' : ` ${note}`);
      }),
  };
}
