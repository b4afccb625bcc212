import { send } from '../shared/messages';
import type { CorpusSummary, PackCounts, PackSummary } from '../shared/corpus-summary';
import { el } from '../shared/ui/dom';
import { citation, formatDate } from '../shared/ui/format';
import { plural, t } from '../shared/i18n';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';
import { exportPack, exportStatements } from './pack-export';

/** "2 documents, 3 people, 2 organisations, 0 topics, 1 place, 3 statements", the counts a reader compares packs by. */
export function describeCounts(counts: PackCounts): string {
  return [
    plural('countDocuments', counts.documents),
    plural('countPeople', counts.people),
    plural('countOrganisations', counts.organisations),
    plural('countTopics', counts.topics),
    plural('countPlaces', counts.places),
    plural('countStatements', counts.statements),
    plural('countQuestions', counts.questions),
  ].join(t('commaSeparator'));
}

export interface CorpusListElements {
  totals: HTMLElement;
  list: HTMLUListElement;
  problems: HTMLElement;
  problemList: HTMLUListElement;
  /** Where focus goes when the control that had it disappears (after a removal). */
  heading: HTMLElement;
}

export interface CorpusList {
  /** Reads the store again and redraws, keeping keyboard focus on the same control. */
  refresh(): Promise<CorpusSummary | undefined>;
}

/** The list of stored packs with their switches, their exports and, for imported packs, a Remove that asks first. */
export function createCorpusList(elements: CorpusListElements, notice: Notice): CorpusList {
  const { totals, list, problems, problemList, heading } = elements;

  function focusKeyOf(node: Element | null): string | undefined {
    return node instanceof HTMLElement ? node.dataset.focusKey : undefined;
  }

  function restoreFocus(key: string | undefined): void {
    if (!key) return;
    const target = list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    (target ?? heading).focus();
  }

  async function refresh(): Promise<CorpusSummary | undefined> {
    const focused = list.contains(document.activeElement) ? focusKeyOf(document.activeElement) : undefined;
    let summary: CorpusSummary;
    try {
      summary = await send({ type: 'getCorpusSummary' });
    } catch (error) {
      totals.textContent = '';
      notice.error(t('corporaUnreadable', errorText(error)));
      return undefined;
    }
    render(summary);
    restoreFocus(focused);
    return summary;
  }

  function render(summary: CorpusSummary): void {
    const enabled = summary.packs.filter((pack) => pack.enabled).length;
    totals.textContent = plural('corporaTotals', summary.packs.length, enabled, describeCounts(summary.totals));
    totals.dataset.documents = String(summary.totals.documents);
    problems.hidden = summary.problems.length === 0;
    problemList.replaceChildren(...summary.problems.map((problem) => el('li', { dir: 'auto' }, problem)));
    // The built-in corpus first, then imported packs by title, so the list does not reorder as packs change.
    const packs = [...summary.packs].sort(
      (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.title.localeCompare(b.title),
    );
    list.replaceChildren(...packs.map(renderPack));
  }

  function renderPack(pack: PackSummary): HTMLLIElement {
    const titleId = `pack-title-${pack.id}`;
    const toggle = el('input', {
      type: 'checkbox',
      role: 'switch',
      'data-focus-key': `switch:${pack.id}`,
      'data-pack-switch': pack.id,
    });
    toggle.checked = pack.enabled;
    toggle.addEventListener('change', () => void setEnabled(pack, toggle));
    const built = formatDate(pack.createdAt.slice(0, 10));
    const added = formatDate(pack.installedAt.slice(0, 10));
    const item = el(
      'li',
      { class: 'pack', 'data-pack-id': pack.id, 'aria-labelledby': titleId },
      el(
        'div',
        { class: 'pack-head' },
        el('h3', { id: titleId, class: 'pack-title', dir: 'auto' }, pack.title),
        el(
          'span',
          { class: pack.builtIn ? 'badge' : 'badge imported' },
          t(pack.builtIn ? 'packBuiltIn' : 'packImported'),
        ),
      ),
      el('p', { class: 'pack-counts' }, describeCounts(pack.counts)),
      el(
        'p',
        { class: 'hint' },
        [built ? t('packBuilt', built) : null, !pack.builtIn && added ? t('packAdded', added) : null]
          .filter(Boolean)
          .join(t('commaSeparator')),
      ),
      el(
        'div',
        { class: 'pack-actions' },
        // The pack's title is part of each control's name, hidden, so a list of controls read aloud stays distinguishable.
        el(
          'label',
          { class: 'switch' },
          toggle,
          ' ',
          el('span', {}, t('packUse')),
          el('span', { class: 'visually-hidden' }, `: ${pack.title}`),
        ),
        exportControl(pack, 'pack', t('packExport')),
        exportControl(pack, 'statements', t('packExportStatements')),
        pack.builtIn ? null : removeControl(pack),
      ),
      pack.builtIn ? null : documentsControl(pack),
    );
    return item;
  }

  /** A reader's corpus's documents, listed when opened, each with a Remove. */
  function documentsControl(pack: PackSummary): HTMLElement {
    const list = el('ul', { class: 'pack-documents' });
    const summary = el(
      'summary',
      { 'data-focus-key': `documents:${pack.id}` },
      t('sectionTitle', t('groupDocuments'), pack.counts.documents),
      el('span', { class: 'visually-hidden' }, ` ${t('packDocumentsOf', pack.title)}`),
    );
    const details = el('details', { class: 'documents', 'data-pack-documents': pack.id }, summary, list);
    details.addEventListener('toggle', () => {
      if (details.open && list.childElementCount === 0) void listDocuments(pack, list, summary);
    });
    return details;
  }

  async function listDocuments(pack: PackSummary, list: HTMLElement, summary: HTMLElement): Promise<void> {
    try {
      const documents = await send({ type: 'getPackDocuments', packId: pack.id });
      list.replaceChildren(
        ...documents.map((document) => {
          const button = el(
            'button',
            { type: 'button', class: 'danger', 'data-document-remove': document.id },
            t('remove'),
            el('span', { class: 'visually-hidden' }, `: ${document.title}`),
          );
          button.addEventListener('click', () => void removeDocument(pack, document.title, document.id, summary));
          return el(
            'li',
            {},
            el(
              'span',
              { class: 'document-title', dir: 'auto' },
              citation({ documentTitle: document.title, ...document }),
            ),
            ' ',
            button,
          );
        }),
      );
    } catch (error) {
      list.replaceChildren(el('li', {}, t('packDocumentsUnlisted', errorText(error))));
    }
  }

  async function removeDocument(pack: PackSummary, title: string, documentId: string, summary: HTMLElement) {
    // Focus waits on the list's heading, where the redrawn list puts it back.
    summary.focus();
    try {
      const { packRemoved } = await send({ type: 'removeDocument', packId: pack.id, documentId });
      notice.success(
        packRemoved ? t('documentRemovedLast', title, pack.title) : t('documentRemoved', title, pack.title),
      );
    } catch (error) {
      notice.error(t('couldNotRemove', title, errorText(error)));
    }
    await refresh();
    if (!list.contains(document.activeElement)) heading.focus();
  }

  /** A button that saves the pack, or its statements as CSV, as a file the reader downloads. */
  function exportControl(pack: PackSummary, what: 'pack' | 'statements', label: string): HTMLButtonElement {
    const button = el(
      'button',
      { type: 'button', 'data-focus-key': `export-${what}:${pack.id}`, [`data-pack-export-${what}`]: pack.id },
      label,
      el('span', { class: 'visually-hidden' }, `: ${pack.title}`),
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      (what === 'pack' ? exportPack(pack.id) : exportStatements(pack.id))
        .then((name) => notice.success(t('packExported', pack.title, name)))
        .catch((error: unknown) => notice.error(t('packNotExported', pack.title, errorText(error))))
        .finally(() => {
          button.disabled = false;
        });
    });
    return button;
  }

  function removeControl(pack: PackSummary): HTMLElement {
    const holder = el('div', { class: 'remove' });
    const removeButton = el(
      'button',
      { type: 'button', class: 'danger', 'data-focus-key': `remove:${pack.id}`, 'data-pack-remove': pack.id },
      t('remove'),
      el('span', { class: 'visually-hidden' }, ` ${pack.title}`),
    );
    const showButton = (): void => {
      holder.replaceChildren(removeButton);
      removeButton.focus();
    };
    removeButton.addEventListener('click', () => {
      const questionId = `confirm-${pack.id}`;
      const confirmButton = el(
        'button',
        { type: 'button', class: 'danger', 'data-pack-confirm-remove': pack.id },
        t('packConfirmRemove'),
      );
      const cancelButton = el('button', { type: 'button', 'data-pack-cancel-remove': pack.id }, t('cancel'));
      const group = el(
        'div',
        { class: 'confirm', role: 'group', 'aria-labelledby': questionId },
        el('p', { id: questionId }, plural('packRemoveQuestion', pack.counts.documents, pack.title)),
        confirmButton,
        ' ',
        cancelButton,
      );
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          showButton();
        }
      });
      confirmButton.addEventListener('click', () => void remove(pack, confirmButton));
      cancelButton.addEventListener('click', showButton);
      holder.replaceChildren(group);
      // The safe answer takes focus, so a second press of Enter cannot delete by accident.
      cancelButton.focus();
    });
    holder.append(removeButton);
    return holder;
  }

  async function setEnabled(pack: PackSummary, toggle: HTMLInputElement): Promise<void> {
    const enabled = toggle.checked;
    toggle.disabled = true;
    try {
      await send({ type: 'setPackEnabled', packId: pack.id, enabled });
      notice.success(t(enabled ? 'packTurnedOn' : 'packTurnedOff', pack.title));
    } catch (error) {
      toggle.checked = !enabled;
      notice.error(t(enabled ? 'packNotTurnedOn' : 'packNotTurnedOff', pack.title, errorText(error)));
    } finally {
      toggle.disabled = false;
    }
    await refresh();
  }

  async function remove(pack: PackSummary, confirmButton: HTMLButtonElement): Promise<void> {
    confirmButton.disabled = true;
    try {
      const { removed } = await send({ type: 'removePack', packId: pack.id });
      notice.success(t(removed ? 'packRemoved' : 'packAlreadyGone', pack.title));
    } catch (error) {
      notice.error(t('couldNotRemove', pack.title, errorText(error)));
    }
    await refresh();
    // The pack's controls are gone; the section heading is the nearest sensible place for focus.
    if (!list.contains(document.activeElement)) heading.focus();
  }

  return { refresh };
}
