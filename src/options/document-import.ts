import { compilePack } from '../corpus/compile';
import { decodeDocument } from '../corpus/document-input';
import { slugify } from '../corpus/text';
import type { Notice } from './notice';
import type { PackImporter } from './pack-import';

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
 * Builds a corpus from the reader's own plain-text documents, in this page, with the same compiler the command line
 * uses, then imports it like any pack. Nothing leaves the browser.
 */
export function bindDocumentImport(elements: DocumentImportElements, notice: Notice, importer: PackImporter): void {
  const { form, title, files, submit } = elements;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...(files.files ?? [])];
    const name = title.value.trim();
    if (name === '') {
      notice.error('Give the corpus a title.');
      title.focus();
      return;
    }
    if (chosen.length === 0) {
      notice.error('Choose one or more .txt documents.');
      files.focus();
      return;
    }
    submit.disabled = true;
    const what = chosen.length === 1 ? `“${chosen[0]?.name ?? ''}”` : `${chosen.length} documents`;
    void importer
      .importMadePack(what, async () => {
        const documents = await Promise.all(
          chosen.map(async (file) =>
            decodeDocument(`“${file.name}”`, file.name, new Uint8Array(await file.arrayBuffer())),
          ),
        );
        // Let the "Importing…" message paint before compiling, which can take a moment for long documents.
        await new Promise((done) => setTimeout(done, 0));
        return JSON.stringify(compilePack(documents, { title: name, id: packIdForTitle(name) }));
      })
      .finally(() => {
        submit.disabled = false;
        files.value = '';
      });
  });
}
