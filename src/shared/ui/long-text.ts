import { el } from './dom';
import { shortened } from './format';

/** Characters of a description or an answer shown before "Show more". */
const FIRST_CHARACTERS = 320;

/** A text shown up to FIRST_CHARACTERS, with a button that shows the whole (the pack caps its length). */
export function longText(text: string): (string | HTMLElement)[] {
  const start = shortened(text, FIRST_CHARACTERS);
  if (start === null) return [text];
  const shown = el('span', { tabindex: '-1' }, `${start} …`);
  const more = el('button', { type: 'button', class: 'sl-more sl-more-text' }, 'Show more');
  more.addEventListener('click', () => {
    shown.textContent = text;
    more.remove();
    // Focus stays where the reader was reading, not lost with the button.
    shown.focus();
  });
  return [shown, ' ', more];
}
