// The import box's progress: a <progress> bar and a live line, while a written questions export is checked
// ("Checked 2,500 of 10,000 questions (25%)") and then stored.
import { formatPercent, plural } from '../shared/i18n';

export interface ImportProgressElements {
  panel: HTMLElement;
  bar: HTMLProgressElement;
  text: HTMLElement;
}

export interface ImportProgress {
  checked(done: number, total: number): void;
  storing(questions: number): void;
  stop(): void;
}

/** "Checked 2,500 of 10,000 questions (25%)": rounded down, so 100% means every record was checked. */
export function checkedText(done: number, total: number): string {
  return plural('importChecked', total, done, formatPercent(Math.floor((done * 100) / total) / 100));
}

export function createImportProgress({ panel, bar, text }: ImportProgressElements): ImportProgress {
  return {
    checked(done, total) {
      panel.hidden = false;
      bar.max = total;
      bar.value = done;
      text.textContent = checkedText(done, total);
    },
    storing(questions) {
      bar.value = bar.max;
      text.textContent = plural('importStoring', questions);
    },
    stop() {
      panel.hidden = true;
      text.textContent = '';
    },
  };
}
