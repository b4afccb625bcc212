import { slugify } from '../corpus/text';
import type { BuildProgressPanel } from './build-progress';
import type { Notice } from './notice';
import type { PackImporter } from './pack-import';
import { buildPackInWorker } from './worker-build';
import { plural, t } from '../shared/i18n';

export interface DocumentImportElements {
  form: HTMLFormElement;
  title: HTMLInputElement;
  files: HTMLInputElement;
  submit: HTMLButtonElement;
}

/** The pack id for a title: building again under the same title replaces that corpus rather than adding a twin. */
export function packIdForTitle(title: string): string {
  return `own-${slugify(title).slice(0, 60) || 'documents'}`;
}

/**
 * Builds a corpus from the reader's own documents (.txt, .md, .html) in a worker, with the same compiler the command
 * line uses, showing its progress, then imports it like any pack. Nothing leaves the browser, and a cancelled or
 * failed build imports nothing.
 */
export function bindDocumentImport(
  elements: DocumentImportElements,
  notice: Notice,
  importer: PackImporter,
  progress: BuildProgressPanel,
): void {
  const { form, title, files, submit } = elements;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...(files.files ?? [])];
    const name = title.value.trim();
    if (name === '') {
      notice.error(t('buildNeedsTitle'));
      title.focus();
      return;
    }
    if (chosen.length === 0) {
      notice.error(t('buildNeedsFiles'));
      files.focus();
      return;
    }
    submit.disabled = true;
    const what = chosen.length === 1 ? t('quoted', chosen[0]?.name ?? '') : plural('countDocuments', chosen.length);
    void importer
      .importMadePack(what, async () => {
        const cancel = new AbortController();
        progress.start(chosen.length, () => cancel.abort());
        const built = await buildPackInWorker(
          { title: name, id: packIdForTitle(name), files: chosen },
          (step) => progress.show(step),
          cancel.signal,
        );
        progress.storing();
        return built;
      })
      .finally(() => {
        submit.disabled = false;
        progress.stop(submit);
        files.value = '';
      });
  });
}
