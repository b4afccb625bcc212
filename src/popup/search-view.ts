import type { SearchGroup, SearchResults, StatementHit } from '../shared/search-results';
import { el, textWithHighlights } from '../shared/ui/dom';
import { formatDate, shortened } from '../shared/ui/format';
import { isolate, plural, t, type MessageKey } from '../shared/i18n';
import { kindLabel } from '../shared/ui/entity-view';
import { errorText } from '../shared/error-text';
import { correctedSpeakerLine } from '../shared/ui/correction-note';
import { activeOption } from '../shared/ui/active-option';

export type SearchHit = SearchGroup['hits'][number];

const GROUP_TITLES: Record<SearchGroup['group'], MessageKey> = {
  people: 'groupPeople',
  topics: 'groupTopics',
  statements: 'sectionStatements',
  questions: 'sectionQuestions',
  documents: 'groupDocuments',
};

interface SearchViewOptions {
  input: HTMLInputElement;
  results: HTMLElement;
  hint: HTMLElement;
  status: HTMLElement;
  search(query: string): Promise<SearchResults>;
  open(hit: SearchHit): void;
}

/** A result's line of parts (who, document, publisher, date), each in its own direction, in the UI's order. */
function where(parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .map(isolate)
    .join(t('listSeparator'));
}

/** One result row: who said it, where and when, with the matched words marked. */
function hitContent(hit: SearchHit): (HTMLElement | null)[] {
  switch (hit.type) {
    case 'entity':
      return [
        el('div', { class: 'title', dir: 'auto' }, textWithHighlights(hit.name, hit.nameHighlights)),
        el(
          'div',
          { class: 'sub' },
          where([
            kindLabel(hit.kind),
            hit.matchedAlias ? t('searchAlsoCalled', hit.matchedAlias) : null,
            hit.statementCount > 0 ? plural('countStatements', hit.statementCount) : null,
            hit.questionCount > 0 ? plural('countQuestions', hit.questionCount) : null,
            plural('countDocuments', hit.documentCount),
          ]),
        ),
      ];
    case 'statement':
      return [
        el(
          'div',
          { class: 'line', dir: 'auto' },
          '“',
          textWithHighlights(hit.excerpt.text, hit.excerpt.highlights),
          '”',
        ),
        el('div', { class: 'sub' }, where([speakerLine(hit), hit.documentTitle, hit.publisher, formatDate(hit.date)])),
        alsoInLine(hit),
      ];
    case 'question':
      return [
        el(
          'div',
          { class: 'line' },
          hit.excerptFrom === 'answer' ? `${t('answer')}: ` : '',
          el('span', { dir: 'auto' }, textWithHighlights(hit.excerpt.text, hit.excerpt.highlights)),
        ),
        el(
          'div',
          { class: 'sub' },
          where([
            t('searchAskedBy', hit.askerName),
            t(hit.house === 'lords' ? 'houseOfLords' : 'houseOfCommons'),
            answeredLine(hit),
          ]),
        ),
      ];
    case 'document':
      return [
        el('div', { class: 'title', dir: 'auto' }, textWithHighlights(hit.title, hit.titleHighlights)),
        el('div', { class: 'sub' }, where([hit.publisher, formatDate(hit.date)]) || t('searchNoPublisher')),
        el('div', { class: 'line', dir: 'auto' }, textWithHighlights(hit.excerpt.text, hit.excerpt.highlights)),
      ];
  }
}

/** "answered 11 March 2024 by NAME", or that the record holds no answer. */
function answeredLine(hit: Extract<SearchHit, { type: 'question' }>): string {
  const day = formatDate(hit.dateAnswered);
  if (!day) return t('questionNoAnswerRecorded');
  return hit.answererName ? t('searchAnsweredBy', day, hit.answererName) : t('searchAnswered', day);
}

/** A document's title in a result row, where it shares a line with others. */
const TITLE_LENGTH = 70;
/** How soon an answer from the corpus as it was before its latest change is asked for again. */
const OUTDATED_RETRY_MS = 500;

/** "Also in 2 sources: …": the other sources of the same words, earliest first, each with its date. */
function alsoInLine(hit: StatementHit): HTMLElement | null {
  if (hit.alsoIn.length === 0) return null;
  const sources = hit.alsoIn.map((source) => {
    const title = shortened(source.documentTitle, TITLE_LENGTH);
    return t(
      'searchAlsoInSource',
      title === null ? source.documentTitle : `${title} …`,
      formatDate(source.date) ?? t('noDateGiven'),
    );
  });
  return el(
    'div',
    { class: 'sub also-in' },
    `${plural('alsoInSources', hit.alsoIn.length)} ${sources.join(t('semicolonSeparator'))}`,
  );
}

/**
 * Who said it, as the source gives it: a name, a source it does not name, a text signed by many, or "not clear"; or
 * as the reader corrected it, beside the source's.
 */
function speakerLine(hit: StatementHit): string {
  if (hit.correction) return correctedSpeakerLine(hit.correction);
  if (hit.speakerName !== null) return hit.speakerName;
  if (hit.unattributedReason === 'unnamed-source')
    return hit.role !== undefined ? t('speakerUnnamedWithRole', hit.role) : t('speakerUnnamed');
  return hit.cue === 'collective' || hit.unattributedReason === 'joint-statement'
    ? t('speakerJoint')
    : t('speakerNotClearInSource');
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
      results.append(el('p', { class: 'hint', id: 'no-results' }, t('searchNothingFound', query)));
      input.setAttribute('aria-expanded', 'false');
      status.textContent = t('searchNothingFoundShort');
      return;
    }
    for (const group of found.groups) {
      const titleId = `group-${group.group}`;
      const box = el(
        'div',
        { role: 'group', 'aria-labelledby': titleId },
        el('div', { class: 'group-title', id: titleId, role: 'presentation' }, t(GROUP_TITLES[group.group])),
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
        box.append(
          el('p', { class: 'more' }, t(group.more.atLeast ? 'searchAtLeastMore' : 'searchMore', group.more.count)),
        );
      results.append(box);
    }
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = plural('searchResultsShown', hits.length);
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
        // The corpus changed a moment ago (a page added) and its index is still being made: ask again, so what the
        // change brought shows up without another keystroke.
        if (found.outdated) setTimeout(() => ticket === latest && run(), OUTDATED_RETRY_MS);
      })
      .catch((error: unknown) => {
        if (ticket !== latest) return;
        results.hidden = false;
        results.replaceChildren(el('p', { class: 'hint error', role: 'alert' }, t('searchFailed', errorText(error))));
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
