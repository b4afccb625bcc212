// The document build's progress panel: a <progress> bar, a live line ("Read 12 of 50 documents (24%)") and Cancel.
import type { BuildProgress } from './worker-build';
import { formatPercent, plural, t } from '../shared/i18n';

export interface BuildProgressElements {
  panel: HTMLElement;
  bar: HTMLProgressElement;
  text: HTMLElement;
  cancel: HTMLButtonElement;
}

export interface BuildProgressPanel {
  /** Shows the panel for a build of `total` documents and puts focus on Cancel, so Enter or Space stops it. */
  start(total: number, onCancel: () => void): void;
  show(progress: BuildProgress): void;
  /** The pack is made and is being stored: past the point where cancelling could leave things as they were. */
  storing(): void;
  /** Hides the panel; focus that was on Cancel goes to `focusAfter`, not to the page's start. */
  stop(focusAfter: HTMLElement): void;
}

/** "Read 12 of 50 documents (24%)": rounded down, so 100% means every document was read. */
export function progressText(read: number, total: number): string {
  return plural('buildRead', total, read, formatPercent(Math.floor((read * 100) / total) / 100));
}

export function createBuildProgress(elements: BuildProgressElements): BuildProgressPanel {
  const { panel, bar, text, cancel } = elements;
  let cancelHandler: (() => void) | undefined;
  let total = 0;
  cancel.addEventListener('click', () => cancelHandler?.());

  return {
    start(count, onCancel) {
      total = count;
      cancelHandler = onCancel;
      bar.max = count;
      bar.value = 0;
      text.textContent = progressText(0, count);
      cancel.disabled = false;
      panel.hidden = false;
      cancel.focus();
    },
    show(progress) {
      if (progress.phase === 'reading') {
        bar.value = progress.read;
        text.textContent = progressText(progress.read, progress.total);
      } else {
        bar.value = total;
        text.textContent = t('buildCompiling', progressText(total, total));
      }
    },
    storing() {
      cancelHandler = undefined;
      cancel.disabled = true;
      text.textContent = t('buildStoring');
    },
    stop(focusAfter) {
      const hadFocus = panel.contains(document.activeElement);
      cancelHandler = undefined;
      panel.hidden = true;
      text.textContent = '';
      if (hadFocus) focusAfter.focus();
    },
  };
}
