import type { CardMention, CardStatement, EntityCard, PassageSource } from '../entity-card';
import { el, textWithHighlights } from './dom';
import { citation } from './format';
import { plural, t, type MessageKey } from '../i18n';
import type { EntityKind } from '../entity-kind';
import { longText } from './long-text';
import { questionItem } from './question-item';
import { originalLink } from './links';
import type { ViewLinks } from './passage-links';
import type { CitedStatement } from '../statement-citation';
import type { CitationFormat } from './copy-citation';
import { alsoInList } from './same-words-view';
import { compactTimeline } from './timeline-chart';
import { correctionNote } from './correction-note';

/** Items shown before "Show N more": enough to see who said what without a wall of text. */
const FIRST_ITEMS = 3;

const KIND_LABELS: Record<EntityKind, MessageKey> = {
  person: 'kindPerson',
  organisation: 'kindOrganisation',
  topic: 'kindTopic',
  place: 'kindPlace',
};

/** An entity's kind as a label ("Person"), in the card and the popup's search. */
export const kindLabel = (kind: EntityKind): string => t(KIND_LABELS[kind]);

/** " · in CORPUS", after a passage's source in a view that draws on several corpora. */
export const inCorpus = (corpus: string): string => `${t('listSeparator')}${t('inCorpus', corpus)}`;

let idCounter = 0;
function uniqueId(prefix: string): string {
  idCounter++;
  return `sl-${prefix}-${idCounter}`;
}

/**
 * The line under a passage: its role, its citation linked to the passage, the original page, and, in a view that
 * draws on several corpora, the corpus it comes from.
 */
export function sourceLine(
  source: PassageSource,
  links: ViewLinks,
  passage: string,
  role?: string,
  corpus?: string,
): HTMLElement {
  const original = originalLink(source.url, passage);
  return el(
    'p',
    { class: 'sl-meta' },
    role ? el('span', { class: 'sl-role', dir: 'auto' }, role) : null,
    role ? t('listSeparator') : null,
    links.passage(source, citation(source), { class: 'sl-source' }),
    original ? t('listSeparator') : null,
    original
      ? el(
          'a',
          { href: original, class: 'sl-original', target: '_blank', rel: 'noopener noreferrer' },
          t('originalPage'),
        )
      : null,
    corpus ? el('span', { class: 'sl-corpus' }, inCorpus(corpus)) : null,
  );
}

/** The corpus of an item, named only when the card's items come from more than one. */
export type CorpusOf = (source: PassageSource) => string | undefined;

/** Copies a statement's citation; the views that may write to the clipboard pass one. */
export type CopyCitation = (statement: CitedStatement, format: CitationFormat) => Promise<void>;

/** "Copy citation" and "Copy as annotation" for one statement, each saying for a moment that it copied. */
export function copyButtons(statement: CitedStatement, copy: CopyCitation): HTMLElement {
  const button = (label: string, format: CitationFormat): HTMLButtonElement => {
    // Which statement, for a screen reader going through the buttons alone.
    const which = t('copyWhich', statement.speaker, statement.source.documentTitle);
    const shown = el('span', {}, label);
    const copyButton = el(
      'button',
      { type: 'button', class: 'sl-more sl-copy' },
      shown,
      el('span', { class: 'visually-hidden' }, `: ${which}`),
    );
    copyButton.addEventListener('click', () => {
      copy(statement, format)
        .then(() => (shown.textContent = t('copied')))
        .catch(() => (shown.textContent = t('copyFailed')))
        .finally(() => setTimeout(() => (shown.textContent = label), 2_000));
    });
    return copyButton;
  };
  return el(
    'p',
    { class: 'sl-copies' },
    button(t('copyCitation'), 'text'),
    ' ',
    button(t('copyAnnotation'), 'annotation'),
  );
}

/** Controls a view adds under each statement (the card's "Wrong speaker"). */
export type StatementActions = (statement: CardStatement) => HTMLElement;

function statementItem(
  statement: CardStatement,
  links: ViewLinks,
  entityName: string,
  corpusOf: CorpusOf,
  copy: CopyCitation | undefined,
  actions?: StatementActions,
): HTMLLIElement {
  // A statement the reader gave to someone else (or to nobody) is cited as theirs, without the source's speaker's role.
  const speaker = statement.correction ? (statement.correction.speakerName ?? t('speakerNotClear')) : entityName;
  const role = statement.correction ? undefined : statement.role;
  return el(
    'li',
    { class: 'sl-item sl-statement' },
    el(
      'blockquote',
      { class: 'sl-quote', dir: 'auto' },
      links.passage(statement.source, `“${statement.excerpt.text}”`, {
        'aria-label': t('passageLabel', speaker, statement.source.documentTitle, statement.excerpt.text),
      }),
    ),
    sourceLine(
      statement.source,
      links,
      statement.excerpt.text.replace(/^… |…$/g, ''),
      role,
      corpusOf(statement.source),
    ),
    statement.correction ? correctionNote(statement.correction) : null,
    alsoInList(statement, links),
    copy
      ? copyButtons(
          {
            text: statement.excerpt.text,
            speaker,
            ...(role ? { role } : {}),
            source: statement.source,
          },
          copy,
        )
      : null,
    actions ? actions(statement) : null,
  );
}

function mentionItem(mention: CardMention, links: ViewLinks, corpusOf: CorpusOf): HTMLLIElement {
  return el(
    'li',
    { class: 'sl-item sl-mention' },
    el(
      'p',
      { class: 'sl-excerpt', dir: 'auto' },
      links.passage(mention.source, textWithHighlights(mention.excerpt.text, mention.excerpt.highlights, 'strong')),
    ),
    sourceLine(mention.source, links, mention.excerpt.text, undefined, corpusOf(mention.source)),
  );
}

/** A titled list showing its first items, with a button for the rest and a note of what was not sent. */
export function section<T>(
  title: string,
  items: T[],
  total: number,
  render: (item: T) => HTMLLIElement,
): HTMLElement | null {
  if (items.length === 0) return null;
  const headingId = uniqueId('section');
  const list = el('ul', { class: 'sl-list' });
  const rest: HTMLLIElement[] = [];
  items.forEach((item, i) => {
    const li = render(item);
    if (i >= FIRST_ITEMS) {
      li.hidden = true;
      rest.push(li);
    }
    list.append(li);
  });
  const section = el(
    'section',
    { class: 'sl-section', 'aria-labelledby': headingId },
    el('h3', { id: headingId }, t('sectionTitle', title, total)),
    list,
  );
  if (rest.length > 0) {
    const more = el(
      'button',
      { type: 'button', class: 'sl-more', 'aria-expanded': 'false' },
      t('showMore', rest.length),
    );
    more.addEventListener('click', () => {
      for (const li of rest) li.hidden = false;
      more.remove();
      rest[0]?.querySelector('a')?.focus();
    });
    section.append(more);
  }
  if (total > items.length) section.append(el('p', { class: 'sl-note' }, plural('moreInCorpus', total - items.length)));
  return section;
}

/** The corpus of each item, named only when the entity's items come from more than one. */
function corpusNamer(card: EntityCard): CorpusOf {
  const corpora = new Set([...card.statements, ...card.questions, ...card.mentions].map((item) => item.source.packId));
  return (source) => (corpora.size > 1 ? source.corpusTitle : undefined);
}

/**
 * The entity's kind, name (the heading that names the view), description with its source, and a link to its own
 * page where the view has one. A div, not a header: outside an article or section a header is a banner landmark,
 * and the page has its own.
 */
function entityHeader(card: EntityCard, links: ViewLinks, headingId: string, heading: 'h1' | 'h2'): HTMLElement {
  const { entity } = card;
  const description = entity.description
    ? el(
        'p',
        { class: 'sl-description' },
        ...longText(entity.description),
        entity.descriptionSource ? ' (' : null,
        entity.descriptionSource
          ? links.passage(entity.descriptionSource, t('descriptionSource', citation(entity.descriptionSource)))
          : null,
        entity.descriptionSource ? ')' : null,
      )
    : null;
  return el(
    'div',
    { class: 'sl-header' },
    el('p', { class: 'sl-kind' }, kindLabel(entity.kind)),
    el(heading, { id: headingId, class: 'sl-name', dir: 'auto' }, entity.name),
    description,
    entityPageLink(entity, links),
  );
}

/** Draws everything the corpus holds about one entity. Every piece of corpus text is inserted as text. */
export function renderEntityView(
  card: EntityCard,
  links: ViewLinks,
  headingId = uniqueId('name'),
  copy?: CopyCitation,
  statementActions?: StatementActions,
): HTMLElement {
  const { entity } = card;
  const corpusOf = corpusNamer(card);
  const sections = [
    section(t('sectionStatements'), card.statements, card.statementsTotal, (s) =>
      statementItem(s, links, entity.name, corpusOf, copy, statementActions),
    ),
    section(t('sectionQuestions'), card.questions, card.questionsTotal, (q) => questionItem(q, links, corpusOf)),
    section(t('sectionMentions'), card.mentions, card.mentionsTotal, (m) => mentionItem(m, links, corpusOf)),
  ].filter((s): s is HTMLElement => s !== null);
  return el(
    'div',
    { class: 'sl-entity' },
    entityHeader(card, links, headingId, 'h2'),
    compactTimeline(card.timeline, links),
    ...(sections.length > 0 ? sections : [el('p', { class: 'sl-note' }, t('entityNothingHeld', entity.name))]),
    disclaimer(),
  );
}

/** Said under every view of the sources. */
function disclaimer(): HTMLElement {
  return el('p', { class: 'sl-disclaimer' }, t('disclaimer'));
}

/** "All about NAME": a person's or a body's own page, with everything the corpus holds and its timeline. */
function entityPageLink(entity: EntityCard['entity'], links: ViewLinks): HTMLElement | null {
  if (!links.entityPage || (entity.kind !== 'person' && entity.kind !== 'organisation')) return null;
  return el('p', { class: 'sl-entity-page' }, links.entityPage(entity.id, t('entityPageLink', entity.name)));
}

/** The pieces an entity's own page (person/) draws as the card does. */
export { corpusNamer, disclaimer, entityHeader, mentionItem, questionItem, statementItem };
