import type { CardStatement, SameWordsSource } from '../entity-card';
import { el } from './dom';
import { citation, plural } from './format';
import type { ViewLinks } from './passage-links';

/** How another source's words stand to the statement shown, said plainly. */
const WORDING: Record<SameWordsSource['wording'], string> = {
  same: 'the same words',
  part: 'a part of these words',
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
    el('p', { class: 'sl-meta sl-also-in-title' }, `Also in ${plural(statement.alsoIn.length, 'source')}:`),
    el(
      'ul',
      { class: 'sl-also-in-list' },
      ...statement.alsoIn.map(({ source, role, wording }) =>
        el(
          'li',
          { class: 'sl-meta' },
          links.passage(source, citation(source), { class: 'sl-source' }),
          source.date === undefined ? ' · no date given' : null,
          role ? ` · ${role}` : null,
          ` · ${WORDING[wording]}`,
        ),
      ),
    ),
  );
}
