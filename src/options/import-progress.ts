// The import box's progress: a <progress> bar and a live line, while a written questions export is checked
// ("Checked 2,500 of 10,000 questions (25%)") and then stored.
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
  return `Checked ${done.toLocaleString('en')} of ${total.toLocaleString('en')} question${total === 1 ? '' : 's'} (${Math.floor((done * 100) / total)}%)`;
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
      text.textContent = `Storing ${questions.toLocaleString('en')} question${questions === 1 ? '' : 's'}…`;
    },
    stop() {
      panel.hidden = true;
      text.textContent = '';
    },
  };
}
