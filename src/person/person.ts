import '../shared/zod-config';
import { z } from 'zod';
import type { EntityCard, TimelinePoint } from '../shared/entity-card';
import { errorText } from '../shared/error-text';
import { send } from '../shared/messages';
import { timelineYears } from '../shared/timeline';
import { copyCitation } from '../shared/ui/copy-citation';
import { byId, el } from '../shared/ui/dom';
import {
  corpusNamer,
  disclaimer,
  entityHeader,
  mentionItem,
  questionItem,
  statementItem,
} from '../shared/ui/entity-view';
import { openTab, viewerHref } from '../shared/ui/extension-links';
import { formatYear } from '../shared/ui/format';
import { isolate, localizePage, plural, t } from '../shared/i18n';
import { viewerLinks } from '../shared/ui/passage-links';
import { timelineChart, timelineSummary } from '../shared/ui/timeline-chart';

/**
 * A person's or a body's own page: everything the corpus holds about them, their statements and questions on a
 * timeline (a chart, and the same items as a list by year, which is the keyboard's and the screen reader's way
 * through them), the undated apart, and where the documents mention them. Reached from a card's "All about NAME"
 * and from the popup, as person.html?entity=ID. Every piece of corpus text goes in as text.
 */
const pageParams = z.object({ entity: z.string().min(1).max(500) });

const main = byId('page');
const links = viewerLinks(viewerHref, openTab);
const CHART_SIZE = { width: 720, height: 150 };

function status(text: string, isError = false): void {
  main.replaceChildren(
    el('p', { class: isError ? 'status error' : 'status', role: isError ? 'alert' : 'status' }, text),
  );
}

/** A titled part of the page. */
function part(id: string, title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return el(
    'section',
    { class: 'sl-section', 'aria-labelledby': id },
    el('h2', { id, class: 'sl-page-heading' }, title),
    ...content,
  );
}

function render(card: EntityCard): void {
  const { entity } = card;
  const corpusOf = corpusNamer(card);
  const statements = new Map(card.statements.map((statement) => [statement.id, statement]));
  const questions = new Map(card.questions.map((question) => [question.id, question]));
  const itemOf = (point: TimelinePoint): HTMLLIElement | null => {
    const statement = point.kind === 'statement' ? statements.get(point.id) : undefined;
    if (statement) return statementItem(statement, links, entity.name, corpusOf, copyCitation);
    const question = point.kind === 'question' ? questions.get(point.id) : undefined;
    return question ? questionItem(question, links, corpusOf) : null;
  };
  // The chart and the list hold the same items: those the page was sent.
  const points = card.timeline.filter((point) => (point.kind === 'statement' ? statements : questions).has(point.id));
  const list = (items: readonly TimelinePoint[]): HTMLElement =>
    el('ol', { class: 'sl-list sl-timeline-list' }, ...items.map(itemOf));
  const { years, undated } = timelineYears(points);
  const chart = timelineChart(points, links, CHART_SIZE);
  const notSent = card.statementsTotal + card.questionsTotal - points.length;

  const timeline =
    points.length > 0
      ? part(
          'timeline-title',
          t('personTimeline'),
          el('p', { class: 'sl-note', id: 'timeline-summary' }, timelineSummary(points)),
          chart ? el('p', { class: 'sl-note sl-legend' }, t('personChartLegend')) : null,
          chart ? el('div', { class: 'sl-timeline' }, chart) : null,
          ...years.map(({ year, points: inYear }) =>
            el(
              'section',
              { class: 'sl-year', 'aria-labelledby': `year-${year}` },
              el(
                'h3',
                { id: `year-${year}` },
                `${formatYear(year)} `,
                el('span', { class: 'sl-count' }, t('inParentheses', inYear.length)),
              ),
              list(inYear),
            ),
          ),
          notSent > 0 ? el('p', { class: 'sl-note' }, plural('personMoreItems', notSent)) : null,
        )
      : null;
  const withoutDate =
    undated.length > 0
      ? part(
          'undated-title',
          t('personUndated'),
          el('p', { class: 'sl-note' }, plural('personUndatedNote', undated.length)),
          list(undated),
        )
      : null;
  const mentions =
    card.mentions.length > 0
      ? part(
          'mentions-title',
          t('sectionTitle', t('sectionMentions'), card.mentionsTotal),
          el('ul', { class: 'sl-list' }, ...card.mentions.map((mention) => mentionItem(mention, links, corpusOf))),
          card.mentionsTotal > card.mentions.length
            ? el('p', { class: 'sl-note' }, plural('personMoreMentions', card.mentionsTotal - card.mentions.length))
            : null,
        )
      : null;
  const header = entityHeader(card, links, 'entity-name', 'h1');
  if (entity.aliases.length > 0)
    header.append(
      el('p', { class: 'sl-meta' }, t('personAliases', entity.aliases.map(isolate).join(t('commaSeparator')))),
    );
  const nothing =
    points.length === 0 && card.mentions.length === 0
      ? el('p', { class: 'sl-note' }, t('personNothingMore', entity.name))
      : null;
  main.replaceChildren(
    ...[header, timeline, withoutDate, mentions, nothing, disclaimer()].filter(
      (piece): piece is HTMLElement => piece !== null,
    ),
  );
  document.title = t('personDocumentTitle', entity.name);
}

async function show(): Promise<void> {
  const params = pageParams.safeParse(Object.fromEntries(new URLSearchParams(location.search)));
  if (!params.success) {
    status(t('personBadLink'), true);
    return;
  }
  const card = await send({ type: 'getEntityPage', entityId: params.data.entity });
  if (!card) {
    status(t('nameNoLongerInCorpus'), true);
    return;
  }
  render(card);
}

localizePage();
show().catch((error: unknown) => status(t('personFailed', errorText(error)), true));
