import { correctionId, correctionsFileOf, parseCorrectionsFile, type Correction } from '../shared/corrections';
import { errorText } from '../shared/error-text';
import { send } from '../shared/messages';
import { el } from '../shared/ui/dom';
import { plural, t, type MessageKey } from '../shared/i18n';
import type { Notice } from './notice';
import { download } from './pack-export';

export interface CorrectionsListElements {
  groups: HTMLElement;
  empty: HTMLElement;
  exportButton: HTMLButtonElement;
  fileInput: HTMLInputElement;
  /** Where focus goes when the Undo that had it disappears with the last correction. */
  heading: HTMLElement;
}

export interface CorrectionsList {
  /** Reads the corrections again and redraws, keeping keyboard focus on the same control. */
  refresh(): Promise<void>;
}

/** The name of the file corrections are exported as. */
const CORRECTIONS_FILE = 'sourcelight-corrections.json';

/** The three kinds of correction, each listed under its own heading, in this order. */
const GROUPS: { kind: Correction['kind']; heading: MessageKey }[] = [
  { kind: 'unlink', heading: 'correctionsUnlinked' },
  { kind: 'mute', heading: 'correctionsMuted' },
  { kind: 'speaker', heading: 'correctionsSpeakers' },
];

/** What a correction says, as one line a reader recognises it by. */
function describe(entry: Correction): string {
  switch (entry.kind) {
    case 'unlink':
      return t('correctionUnlinked', entry.entity.name, entry.site);
    case 'mute':
      return t('correctionMuted', entry.entity.name);
    case 'speaker': {
      const yours = entry.speaker === null ? t('correctionSaidUnclear') : t('correctionSaidByName', entry.speaker.name);
      const source =
        entry.sourceSpeaker === null
          ? t('correctionListSourceNone')
          : t('correctionListSourceGives', entry.sourceSpeaker.name);
      return t('correctionSpeaker', entry.excerpt, entry.documentTitle, yours, source);
    }
  }
}

/**
 * The options page's list of the reader's corrections, each with an Undo, and their export and import as a file of
 * its own: a pack is what a reader shares or a team publishes (and signs), while corrections say which sites the reader
 * reads, so they never travel inside one.
 */
export function createCorrectionsList(elements: CorrectionsListElements, notice: Notice): CorrectionsList {
  const { groups, empty, exportButton, fileInput, heading } = elements;

  async function refresh(): Promise<void> {
    const focused = groups.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.correction
      : undefined;
    let corrections: Correction[];
    try {
      corrections = await send({ type: 'getCorrections' });
    } catch (error) {
      notice.error(t('correctionsNotRead', errorText(error)));
      return;
    }
    render(corrections);
    if (focused !== undefined) focusUndo(focused);
  }

  function focusUndo(id: string): void {
    const target = [...groups.querySelectorAll<HTMLElement>('[data-correction]')].find(
      (node) => node.dataset.correction === id,
    );
    (target ?? heading).focus();
  }

  function render(corrections: Correction[]): void {
    empty.hidden = corrections.length > 0;
    exportButton.disabled = corrections.length === 0;
    // In the order shown, so that an Undo gives focus to the one below it, across the groups.
    const shown = GROUPS.flatMap(({ kind }) => corrections.filter((entry) => entry.kind === kind));
    groups.replaceChildren(
      ...GROUPS.flatMap(({ kind, heading: title }) => {
        const entries = shown.filter((entry) => entry.kind === kind);
        if (entries.length === 0) return [];
        const titleId = `corrections-${kind}-title`;
        return [
          el('h3', { id: titleId }, t('sectionTitle', t(title), entries.length)),
          el(
            'ul',
            { class: 'correction-list', 'aria-labelledby': titleId },
            ...entries.map((entry) => item(entry, shown)),
          ),
        ];
      }),
    );
  }

  function item(entry: Correction, shown: Correction[]): HTMLLIElement {
    const id = correctionId(entry);
    const text = describe(entry);
    const undo = el(
      'button',
      { type: 'button', class: 'danger', 'data-correction': id },
      t('undo'),
      el('span', { class: 'visually-hidden' }, `: ${text}`),
    );
    undo.addEventListener('click', () => {
      const at = shown.indexOf(entry);
      const next = shown[at + 1] ?? shown[at - 1];
      void (async () => {
        try {
          await send({ type: 'removeCorrection', id });
          await refresh();
          if (next) focusUndo(correctionId(next));
          else heading.focus();
          notice.success(t('correctionUndone', text));
        } catch (error) {
          notice.error(t('notUndone', errorText(error)));
        }
      })();
    });
    return el(
      'li',
      { class: 'correction', 'data-kind': entry.kind },
      el('span', { class: 'correction-text' }, text),
      undo,
    );
  }

  exportButton.addEventListener('click', () => {
    void (async () => {
      try {
        const corrections = await send({ type: 'getCorrections' });
        download(CORRECTIONS_FILE, 'application/json', JSON.stringify(correctionsFileOf(corrections), null, 2));
        notice.success(plural('correctionsExported', corrections.length, CORRECTIONS_FILE));
      } catch (error) {
        notice.error(t('correctionsNotExported', errorText(error)));
      }
    })();
  });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void (async () => {
      try {
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch {
          throw new Error(t('correctionsNotJson'));
        }
        const parsed = parseCorrectionsFile(json);
        if (!parsed.ok) throw new Error(parsed.error);
        const { received, total } = await send({ type: 'importCorrections', corrections: parsed.file.corrections });
        await refresh();
        notice.success(plural('correctionsImported', received, file.name, total));
      } catch (error) {
        notice.error(t('correctionsNotImported', file.name, errorText(error)));
      } finally {
        fileInput.value = '';
      }
    })();
  });

  return { refresh };
}
