import type { CardStatement } from '../shared/entity-card';
import { errorText } from '../shared/error-text';
import { send } from '../shared/messages';
import { el } from '../shared/ui/dom';
import type { StatementActions } from '../shared/ui/entity-view';
import { createSpeakerPicker } from './speaker-picker';
import { t } from '../shared/i18n';

/**
 * The reader's corrections, made on the card: "Not this person" (this site stops linking the entity), "Hide
 * everywhere" (no page highlights it) and, under each statement, "Wrong speaker". Each is a button; the two that take
 * highlights away ask first. What the reader decides goes to the background only: the page learns nothing but that a
 * name it showed is no longer highlighted.
 */
export interface CardCorrectionsOptions {
  /** The card's entity. */
  entity: { id: string; name: string };
  /** The site of the page the card was opened on; null where there is none. */
  site: string | null;
  /** Draws the card again after a correction, with focus on the control with this key, saying what was done. */
  redraw(focus: CorrectionFocus): Promise<void>;
}

export interface CardCorrections {
  /** "Not this person" and "Hide everywhere", for the card's entity. */
  entityActions(): HTMLElement;
  /** "Wrong speaker" (and "Undo correction" once corrected) under a statement. */
  statementActions: StatementActions;
}

/** The control a redraw gives focus back to (a statement's actions, by corpus and statement id), and what to say. */
export interface CorrectionFocus {
  key: string;
  announcement: string;
}
const FOCUS_KEY = 'data-correction-for';
const focusKeyOf = (statement: CardStatement): string => `${statement.source.packId}\n${statement.id}`;

/**
 * Gives focus to the first button under the key, showing its item when it sits among the ones "Show more" hides, and
 * says in its live region what was done.
 */
export function focusCorrectionControl(root: HTMLElement, { key, announcement }: CorrectionFocus): void {
  const target = [...root.querySelectorAll<HTMLElement>(`[${FOCUS_KEY}]`)].find(
    (node) => node.getAttribute(FOCUS_KEY) === key,
  );
  if (!target) return;
  const item = target.closest<HTMLElement>('li');
  if (item?.hidden) item.closest('section')?.querySelector<HTMLButtonElement>('button[aria-expanded]')?.click();
  target.querySelector<HTMLElement>('button')?.focus();
  const status = target.querySelector('.sl-correction-status');
  // A moment after the region is drawn, so that screen readers announce it.
  if (status) setTimeout(() => (status.textContent = announcement), 100);
}

const button = (label: string, className = 'sl-more'): HTMLButtonElement =>
  el('button', { type: 'button', class: className }, label);

/**
 * A destructive action behind a question: the first button opens a line that says what will happen, with the action
 * and Cancel; Esc or Cancel closes it and gives focus back.
 */
function confirmed(
  label: string,
  question: string,
  confirmLabel: string,
  act: () => Promise<string>,
  status: HTMLElement,
): HTMLElement {
  const open = button(label);
  const yes = button(confirmLabel, 'sl-more sl-danger');
  const no = button(t('cancel'));
  const panel = el(
    'div',
    { class: 'sl-confirm', role: 'group', 'aria-label': label },
    el('p', {}, question),
    yes,
    ' ',
    no,
  );
  panel.hidden = true;
  const close = (): void => {
    panel.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  };
  open.setAttribute('aria-expanded', 'false');
  open.addEventListener('click', () => {
    panel.hidden = false;
    open.setAttribute('aria-expanded', 'true');
    yes.focus();
  });
  no.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  });
  yes.addEventListener('click', () => {
    yes.disabled = true;
    act()
      .then((done) => {
        panel.hidden = true;
        status.textContent = done;
      })
      .catch((error: unknown) => {
        status.textContent = t('notSaved', errorText(error));
        yes.disabled = false;
      });
  });
  return el('span', { class: 'sl-confirmable' }, open, panel);
}

export function createCardCorrections(options: CardCorrectionsOptions): CardCorrections {
  const { site, entity } = options;

  function entityActions(): HTMLElement {
    const status = el('p', { class: 'sl-correction-status', role: 'status' });
    const hide = (where: string | null) => async (): Promise<string> => {
      await send({ type: 'hideEntity', entityId: entity.id, site: where });
      return where === null ? t('hiddenEverywhere', entity.name) : t('unlinkedOnSite', entity.name, where);
    };
    return el(
      'div',
      { class: 'sl-entity-corrections' },
      site === null
        ? null
        : confirmed(
            t('notThisPerson'),
            t('notThisPersonQuestion', entity.name, site),
            t('notThisPersonConfirm', site),
            hide(site),
            status,
          ),
      ' ',
      confirmed(t('hideEverywhere'), t('hideEverywhereQuestion', entity.name), t('hideEverywhere'), hide(null), status),
      status,
    );
  }

  const statementActions: StatementActions = (statement) => {
    const key = focusKeyOf(statement);
    const status = el('p', { class: 'sl-correction-status', role: 'status' });
    const correct = (speakerId: string | null, name: string): void => {
      send({ type: 'correctSpeaker', packId: statement.source.packId, statementId: statement.id, speakerId })
        .then((saved) =>
          options.redraw({
            key,
            announcement: saved ? t('speakerSaved', name) : t('speakerSavedSource'),
          }),
        )
        .catch((error: unknown) => (status.textContent = t('notSaved', errorText(error))));
    };
    const wrong = button(t('wrongSpeaker'));
    wrong.append(el('span', { class: 'visually-hidden' }, `: ${statement.excerpt.text.slice(0, 80)}`));
    wrong.setAttribute('aria-expanded', 'false');
    const container = el('div', { class: 'sl-statement-corrections', [FOCUS_KEY]: key }, wrong);
    wrong.addEventListener('click', () => {
      if (container.querySelector('.sl-picker')) return;
      wrong.setAttribute('aria-expanded', 'true');
      const picker = createSpeakerPicker({
        currentSpeakerId: statement.correction ? statement.correction.speakerId : entity.id,
        choices: (query) =>
          send({
            type: 'speakerChoices',
            packId: statement.source.packId,
            documentId: statement.source.documentId,
            query,
          }),
        choose: (choice) =>
          choice === null
            ? correct(null, t('correctionSaidUnclear'))
            : correct(choice.id, t('correctionSaidBy', choice.name)),
        cancel: () => {
          picker.element.remove();
          wrong.setAttribute('aria-expanded', 'false');
          wrong.focus();
        },
      });
      container.append(picker.element);
      picker.focus();
    });
    if (statement.correction) {
      const { id } = statement.correction;
      const undo = button(t('undoCorrection'));
      undo.addEventListener('click', () => {
        send({ type: 'removeCorrection', id })
          .then(() => options.redraw({ key, announcement: t('speakerUndone') }))
          .catch((error: unknown) => (status.textContent = t('notUndone', errorText(error))));
      });
      container.append(' ', undo);
    }
    container.append(status);
    return container;
  };

  return { entityActions, statementActions };
}
