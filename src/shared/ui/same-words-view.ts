import type { CardStatement, SameWordsSource } from '../entity-card';
import { el } from './dom';
import { plural, t, type MessageKey } from '../i18n';
import { citation } from './format';
import type { ViewLinks } from './passage-links';

/** How another source's words stand to the statement shown, said plainly. */
const WORDING: Record<SameWordsSource['wording'], MessageKey> = {
  same: 'wordingSame',
  part: 'wordingPart',
};

/**
 * "Also in 2 sources": the other sources that give a statement's words, earliest first, each with its date (or that
 * it gives none), the role it gives the speaker, and how its words stand to the ones shown. Null when there are none.
 */
export function alsoInList(statement: CardStatement, links: ViewLinks): HTMLElement | null {
  if (statement.alsoIn.length === 0) return null;
  return el(
    'div',
    { class: 'sl-also-in' },
    el('p', { class: 'sl-meta sl-also-in-title' }, plural('alsoInSources', statement.alsoIn.length)),
    el(
      'ul',
      { class: 'sl-also-in-list' },
      ...statement.alsoIn.map(({ source, role, wording }) =>
        el(
          'li',
          { class: 'sl-meta' },
          links.passage(source, citation(source), { class: 'sl-source' }),
          source.date === undefined ? `${t('listSeparator')}${t('noDateGiven')}` : null,
          role ? t('listSeparator') : null,
          role ? el('span', { dir: 'auto' }, role) : null,
          `${t('listSeparator')}${t(WORDING[wording])}`,
        ),
      ),
    ),
  );
}
