import type { EntityKind } from '../shared/entity-kind';
import { errorText } from '../shared/error-text';
import { el } from '../shared/ui/dom';
import { plural, t } from '../shared/i18n';
import { activeOption } from '../shared/ui/active-option';

/** A person or body the reader may name as a statement's speaker. */
export interface SpeakerChoice {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface SpeakerPickerOptions {
  /** Who the statement is given to now, left out of the choices. */
  currentSpeakerId: string | null;
  /** The choices for what the reader typed; with nothing typed, those the statement's document names. */
  choices(query: string): Promise<SpeakerChoice[]>;
  /** The reader chose a speaker, or "speaker not clear" (null). */
  choose(choice: SpeakerChoice | null): void;
  cancel(): void;
}

let pickers = 0;

/**
 * "Who said these words?": a combobox over the corpus's people and organisations (the ARIA pattern with a list
 * popup). Focus stays in the field; Up and Down move through the list, Enter names the one marked, Esc gives up.
 * "Speaker not clear" and "Cancel" are buttons beside it. Names go in as text.
 */
export function createSpeakerPicker(options: SpeakerPickerOptions): { element: HTMLElement; focus(): void } {
  const n = ++pickers;
  const titleId = `sl-picker-title-${n}`;
  const listId = `sl-picker-list-${n}`;
  const input = el('input', {
    id: `sl-picker-input-${n}`,
    type: 'text',
    class: 'sl-picker-input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = el('ul', { id: listId, role: 'listbox', class: 'sl-picker-list', 'aria-labelledby': titleId });
  const status = el('p', { class: 'sl-picker-status', role: 'status' });
  const notClear = el('button', { type: 'button', class: 'sl-more' }, t('speakerNotClear'));
  const cancel = el('button', { type: 'button', class: 'sl-more' }, t('cancel'));
  let shown: { choice: SpeakerChoice; option: HTMLElement }[] = [];
  const active = activeOption(input, () => shown.map(({ option }) => option));
  let asked = 0;

  const show = (choices: SpeakerChoice[], query: string): void => {
    const kept = choices.filter(
      (choice, i) =>
        choice.id !== options.currentSpeakerId && choices.findIndex((other) => other.id === choice.id) === i,
    );
    shown = kept.map((choice, i) => {
      const option = el(
        'li',
        { id: `${listId}-${i}`, role: 'option', class: 'sl-picker-option', 'aria-selected': 'false' },
        el('span', { dir: 'auto' }, choice.name),
        el(
          'span',
          { class: 'sl-picker-kind' },
          `${t('listSeparator')}${t(choice.kind === 'person' ? 'pickerPerson' : 'pickerOrganisation')}`,
        ),
      );
      // The field keeps focus: a press on an option must not take it away before the click names the option.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => options.choose(choice));
      return { choice, option };
    });
    active.clear();
    list.replaceChildren(...shown.map(({ option }) => option));
    // Which query the list answers: answers can arrive after the reader typed on.
    list.dataset.query = query;
    input.setAttribute('aria-expanded', String(shown.length > 0));
    list.hidden = shown.length === 0;
    status.textContent =
      shown.length === 0
        ? query === ''
          ? t('pickerTypeName')
          : t('pickerNobody', query)
        : query === ''
          ? plural('pickerNamesInDocument', shown.length)
          : plural('pickerMatches', shown.length);
  };

  const search = (): void => {
    const query = input.value.trim();
    const ticket = ++asked;
    options
      .choices(query)
      .then((choices) => {
        if (ticket === asked) show(choices, query);
      })
      .catch((error: unknown) => {
        if (ticket === asked) status.textContent = t('pickerSearchFailed', errorText(error));
      });
  };

  input.addEventListener('input', search);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length > 0)
        // From none marked, Down marks the first and Up the last.
        active.mark(event.key === 'ArrowDown' ? active.index + 1 : Math.max(active.index, 0) - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const current = shown[active.index] ?? (shown.length === 1 ? shown[0] : undefined);
      if (current) options.choose(current.choice);
      else status.textContent = t('pickerChooseFirst');
    }
  });
  notClear.addEventListener('click', () => options.choose(null));
  cancel.addEventListener('click', () => options.cancel());

  const element = el(
    'div',
    { class: 'sl-picker', role: 'group', 'aria-labelledby': titleId },
    el('p', { id: titleId, class: 'sl-picker-title' }, t('pickerTitle')),
    el('label', { for: input.id, class: 'sl-picker-label' }, t('pickerLabel')),
    input,
    list,
    status,
    el('p', { class: 'sl-picker-buttons' }, notClear, ' ', cancel),
  );
  // Esc gives up the choice, not the whole card.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    options.cancel();
  });
  list.hidden = true;
  search();
  return { element, focus: () => input.focus() };
}
