import type { SearchGroup, SearchResults, StatementHit } from '../shared/search-results';
import { el, textWithHighlights } from '../shared/ui/dom';
import { formatDate, plural, shortened } from '../shared/ui/format';
import { errorText } from '../shared/error-text';
import { correctedSpeakerLine } from '../shared/ui/correction-note';
import { activeOption } from '../shared/ui/active-option';

export type SearchHit = SearchGroup['hits'][number];

const GROUP_TITLES: Record<SearchGroup['group'], string> = {
  people: 'People and organisations',
  topics: 'Topics',
  statements: 'Statements',
  questions: 'Parliamentary questions',
  documents: 'Documents',
};

interface SearchViewOptions {
  input: HTMLInputElement;
  results: HTMLElement;
  hint: HTMLElement;
  status: HTMLElement;
  search(query: string): Promise<SearchResults>;
  open(hit: SearchHit): void;
}

function where(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' · ');
}

/** One result row: who said it, where and when, with the matched words marked. */
function hitContent(hit: SearchHit): (HTMLElement | null)[] {
  switch (hit.type) {
    case 'entity':
      return [
        el('div', { class: 'title' }, textWithHighlights(hit.name, hit.nameHighlights)),
        el(
          'div',
          { class: 'sub' },
          where([
            hit.kind === 'organisation'
              ? 'Organisation'
              : hit.kind === 'person'
                ? 'Person'
                : hit.kind === 'place'
                  ? 'Place'
                  : 'Topic',
            hit.matchedAlias ? `also “${hit.matchedAlias}”` : null,
            hit.statementCount > 0 ? plural(hit.statementCount, 'statement') : null,
            hit.questionCount > 0 ? plural(hit.questionCount, 'question') : null,
            plural(hit.documentCount, 'document'),
          ]),
        ),
      ];
    case 'statement':
      return [
        el('div', { class: 'line' }, '“', textWithHighlights(hit.excerpt.text, hit.excerpt.highlights), '”'),
        el('div', { class: 'sub' }, where([speakerLine(hit), hit.documentTitle, hit.publisher, formatDate(hit.date)])),
        alsoInLine(hit),
      ];
    case 'question':
      return [
        el(
          'div',
          { class: 'line' },
          hit.excerptFrom === 'answer' ? 'Answer: ' : '',
          textWithHighlights(hit.excerpt.text, hit.excerpt.highlights),
        ),
        el(
          'div',
          { class: 'sub' },
          where([
            `Asked by ${hit.askerName}`,
            hit.house === 'lords' ? 'House of Lords' : 'House of Commons',
            hit.dateAnswered
              ? `answered ${formatDate(hit.dateAnswered)}${hit.answererName ? ` by ${hit.answererName}` : ''}`
              : 'no answer recorded',
          ]),
        ),
      ];
    case 'document':
      return [
        el('div', { class: 'title' }, textWithHighlights(hit.title, hit.titleHighlights)),
        el('div', { class: 'sub' }, where([hit.publisher, formatDate(hit.date)]) || 'Publisher and date not given'),
        el('div', { class: 'line' }, textWithHighlights(hit.excerpt.text, hit.excerpt.highlights)),
      ];
  }
}

/** A document's title in a result row, where it shares a line with others. */
const TITLE_LENGTH = 70;

/** "Also in 2 sources: …": the other sources of the same words, earliest first, each with its date. */
function alsoInLine(hit: StatementHit): HTMLElement | null {
  if (hit.alsoIn.length === 0) return null;
  const sources = hit.alsoIn.map((source) => {
    const title = shortened(source.documentTitle, TITLE_LENGTH);
    return `${title === null ? source.documentTitle : `${title} …`} (${formatDate(source.date) ?? 'no date given'})`;
  });
  return el('div', { class: 'sub also-in' }, `Also in ${plural(hit.alsoIn.length, 'source')}: ${sources.join('; ')}`);
}

/**
 * Who said it, as the source gives it: a name, a source it does not name, a text signed by many, or "not clear"; or
 * as the reader corrected it, beside the source's.
 */
function speakerLine(hit: StatementHit): string {
  if (hit.correction) return correctedSpeakerLine(hit.correction);
  if (hit.speakerName !== null) return hit.speakerName;
  if (hit.unattributedReason === 'unnamed-source')
    return hit.role !== undefined ? `A source the text does not name (${hit.role})` : 'A source the text does not name';
  return hit.cue === 'collective' || hit.unattributedReason === 'joint-statement'
    ? 'A joint statement: no single speaker'
    : 'Speaker not clear in the source';
}

/**
 * The popup's search: a combobox whose list shows grouped results. Focus stays in the field; Up and Down move
 * the active option (aria-activedescendant), Enter opens it, Esc clears the query.
 */
export function createSearchView(options: SearchViewOptions): { refresh(): void } {
  const { input, results, hint, status } = options;
  let hits: { hit: SearchHit; element: HTMLElement }[] = [];
  const active = activeOption(input, () => hits.map(({ element }) => element));
  /** Each query's number, in the order typed, and the number of the query whose answer the list shows. */
  let latest = 0;
  let shown = 0;

  const show = (found: SearchResults, asked: string): void => {
    // Which query the list answers: replies can arrive after the reader typed on.
    results.dataset.query = asked;
    hits = [];
    active.clear();
    const query = found.query.trim();
    results.replaceChildren();
    if (query === '') {
      results.hidden = true;
      hint.hidden = false;
      input.setAttribute('aria-expanded', 'false');
      status.textContent = '';
      return;
    }
    hint.hidden = true;
    if (found.groups.length === 0) {
      results.hidden = false;
      results.append(
        el(
          'p',
          { class: 'hint', id: 'no-results' },
          `Nothing found for “${query}”. Check the spelling, try fewer words, a surname alone, or words without quotes.`,
        ),
      );
      input.setAttribute('aria-expanded', 'false');
      status.textContent = 'Nothing found';
      return;
    }
    for (const group of found.groups) {
      const titleId = `group-${group.group}`;
      const box = el(
        'div',
        { role: 'group', 'aria-labelledby': titleId },
        el('div', { class: 'group-title', id: titleId, role: 'presentation' }, GROUP_TITLES[group.group]),
      );
      for (const hit of group.hits) {
        const index = hits.length;
        // The option is named by what it shows (who, what, where, when), so that a reader who says what they see selects it.
        const element = el(
          'div',
          { class: 'option', role: 'option', id: `result-${index}`, 'aria-selected': 'false', 'data-type': hit.type },
          ...hitContent(hit),
        );
        element.addEventListener('mousedown', (event) => event.preventDefault());
        element.addEventListener('click', () => options.open(hit));
        hits.push({ hit, element });
        box.append(element);
      }
      if (group.more.count > 0)
        box.append(el('p', { class: 'more' }, `${group.more.atLeast ? 'at least ' : ''}${group.more.count} more`));
      results.append(box);
    }
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${plural(hits.length, 'result')} shown`;
    active.mark(0);
  };

  const run = (): void => {
    const query = input.value;
    const ticket = ++latest;
    if (query.trim() === '') {
      shown = ticket;
      show({ query: '', groups: [] }, query);
      return;
    }
    options
      .search(query)
      .then((found) => {
        // An answer newer than the one shown replaces it, though the reader has typed on: while a restarted
        // background loads its index, the first keystroke's answer comes first, and the list never goes back.
        if (ticket <= shown) return;
        shown = ticket;
        show(found, query);
      })
      .catch((error: unknown) => {
        if (ticket !== latest) return;
        results.hidden = false;
        results.replaceChildren(el('p', { class: 'hint error', role: 'alert' }, `Search failed: ${errorText(error)}`));
      });
  };

  input.addEventListener('input', run);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      active.mark(active.index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const current = hits[active.index];
      if (current) {
        event.preventDefault();
        options.open(current.hit);
      }
    } else if (event.key === 'Escape' && input.value !== '') {
      // Esc clears the query; a second Esc (on an empty field) closes the popup as usual.
      event.preventDefault();
      input.value = '';
      run();
    }
  });
  return { refresh: run };
}
