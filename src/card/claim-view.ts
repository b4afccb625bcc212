import type { ClaimCard, FigureSource, QuoteSource } from '../shared/claim-card';
import { el, textWithHighlights } from '../shared/ui/dom';
import { section, sourceLine } from '../shared/ui/entity-view';
import type { ViewLinks } from '../shared/ui/passage-links';
import { correctionNote } from '../shared/ui/correction-note';
import { t, type MessageKey } from '../shared/i18n';

/**
 * The card of a quotation or figure the page prints, set beside what the sources say: which statements hold the
 * words and how closely, who the sources say spoke them, which figures they give for the same thing. It states
 * agreement and difference with the sources and cites them; it never judges a claim. Corpus text goes in as text.
 */

const MATCH_LABELS: Record<QuoteSource['match'], MessageKey> = {
  same: 'matchSame',
  part: 'matchPart',
  close: 'matchClose',
};

const PAGE_LENGTH = 240;
/** The page's words as a heading: cut when long, without the comma that led into "…, he said". */
const shortened = (text: string): string =>
  text.length > PAGE_LENGTH ? `${text.slice(0, PAGE_LENGTH)} …` : text.replace(/[,;:]$/, '');

/**
 * Who the source gives the words to, beside whom the page gives them to: facts about the two texts. Where the reader
 * corrected the source's speaker, their speaker is compared, and the note under it names the source's.
 */
function speakerLine(source: QuoteSource, pageSpeaker: string | null): string {
  if (source.correction) {
    const yours = source.correction.speakerName;
    if (yours === null) return t('claimYouSaidUnclear');
    if (source.speakers === 'someone-else') return t('claimYouGaveOther', yours, pageSpeaker ?? t('someoneElse'));
    return source.speakers === 'same-person' ? t('claimYouGaveSame', yours) : t('claimYouGave', yours);
  }
  const corpusSpeaker = source.speakerName ?? t('claimSomeoneUnnamed');
  switch (source.speakers) {
    case 'same-person':
      return t('claimSourceAlsoGives', corpusSpeaker);
    case 'someone-else':
      return t('claimSourceGivesOther', corpusSpeaker, pageSpeaker ?? t('someoneElse'));
    case 'corpus-does-not-say':
      return t('claimSourceDoesNotSay');
    case 'page-does-not-say':
      return t('claimSourceGives', corpusSpeaker);
  }
}

/** The page's words beside the source's, word by word: the source's struck through, the page's underlined. */
function diffLine(source: QuoteSource): HTMLElement {
  const words = el('span', { dir: 'auto' });
  source.diff.forEach((part, i) => {
    if (i > 0) words.append(' ');
    if (part.op === 'source') words.append(el('del', { title: t('diffInSource') }, part.text));
    else if (part.op === 'page') words.append(el('ins', { title: t('diffOnPage') }, part.text));
    else if (part.op === 'cut') words.append(el('span', { class: 'sl-cut', title: t('diffLeftOut') }, '…'));
    else words.append(part.text);
  });
  return el('p', { class: 'sl-diff' }, el('span', { class: 'sl-label' }, `${t('diffLabel')}: `), words);
}

function quoteItem(source: QuoteSource, pageSpeaker: string | null, links: ViewLinks): HTMLLIElement {
  const who = source.speakerName ?? t('speakerNotClear');
  return el(
    'li',
    { class: 'sl-item sl-claim-source', 'data-match': source.match, 'data-speakers': source.speakers },
    el('p', { class: 'sl-meta' }, el('span', { class: 'sl-badge' }, t(MATCH_LABELS[source.match]))),
    el('p', { class: 'sl-speaker-line' }, speakerLine(source, pageSpeaker)),
    source.correction ? correctionNote(source.correction) : null,
    source.match === 'close' ? diffLine(source) : null,
    el(
      'blockquote',
      { class: 'sl-quote', dir: 'auto' },
      links.passage(source.source, textWithHighlights(source.statement.text, source.statement.highlights, 'strong'), {
        'aria-label': t('passageLabel', who, source.source.documentTitle, source.statement.text),
      }),
    ),
    sourceLine(source.source, links, source.statement.text.replace(/^… |…$/g, '')),
  );
}

function figureItem(source: FigureSource, links: ViewLinks): HTMLLIElement {
  const who = source.inStatement
    ? t('figureInStatement', source.speakerName ?? t('figureSpeakerUnnamed'))
    : t('figureInText');
  return el(
    'li',
    { class: 'sl-item sl-claim-source', 'data-agrees': String(source.agrees) },
    el(
      'p',
      { class: 'sl-meta' },
      el('span', { class: 'sl-badge' }, source.agrees ? t('figureSame') : t('figureDifferent')),
      ` ${who}: `,
      el('span', { dir: 'auto' }, source.text),
    ),
    el(
      'p',
      { class: 'sl-excerpt', dir: 'auto' },
      links.passage(source.source, textWithHighlights(source.excerpt.text, source.excerpt.highlights, 'strong')),
    ),
    source.correction ? correctionNote(source.correction) : null,
    sourceLine(source.source, links, source.text),
  );
}

export function renderClaimView(card: ClaimCard, links: ViewLinks, headingId: string): HTMLElement {
  const header =
    card.kind === 'quote'
      ? el(
          'div',
          { class: 'sl-header' },
          el('p', { class: 'sl-kind' }, t('claimQuotationKind')),
          el('h2', { id: headingId, class: 'sl-name sl-claim-text', dir: 'auto' }, `“${shortened(card.pageText)}”`),
          el(
            'p',
            { class: 'sl-reason' },
            card.pageSpeakerName ? t('claimPageGives', card.pageSpeakerName) : t('claimPageDoesNotSay'),
          ),
        )
      : el(
          'div',
          { class: 'sl-header' },
          el('p', { class: 'sl-kind' }, t('claimFigureKind')),
          el('h2', { id: headingId, class: 'sl-name sl-claim-text', dir: 'auto' }, shortened(card.pageText)),
        );
  const list =
    card.kind === 'quote'
      ? section(t('claimInSources'), card.sources, card.sources.length, (s) =>
          quoteItem(s, card.pageSpeakerName, links),
        )
      : section(t('claimFiguresFor', card.noun), card.sources, card.total, (s) => figureItem(s, links));
  return el(
    'div',
    { class: 'sl-entity sl-claim' },
    header,
    list,
    el('p', { class: 'sl-disclaimer' }, t('claimDisclaimer')),
  );
}
