import { t } from '../i18n';
import { el } from './dom';
import { shortened } from './format';

/** Characters of a description or an answer shown before "Show more". */
const FIRST_CHARACTERS = 320;

/**
 * A text of the corpus shown up to FIRST_CHARACTERS, with a button that shows the whole (the pack caps its length). It
 * keeps its own direction, whatever the UI's.
 */
export function longText(text: string): (string | HTMLElement)[] {
  const start = shortened(text, FIRST_CHARACTERS);
  if (start === null) return [el('span', { dir: 'auto' }, text)];
  const shown = el('span', { tabindex: '-1', dir: 'auto' }, `${start} …`);
  const more = el('button', { type: 'button', class: 'sl-more sl-more-text' }, t('showMoreText'));
  more.addEventListener('click', () => {
    shown.textContent = text;
    more.remove();
    // Focus stays where the reader was reading, not lost with the button.
    shown.focus();
  });
  return [shown, ' ', more];
}
