import type { ClaimCard, FigureSource, QuoteSource } from '../shared/claim-card';
import { el, textWithHighlights } from '../shared/ui/dom';
import { section, sourceLine } from '../shared/ui/entity-view';
import type { ViewLinks } from '../shared/ui/passage-links';
import { correctionNote } from '../shared/ui/correction-note';

/**
 * The card of a quotation or figure the page prints, set beside what the sources say: which statements hold the
 * words and how closely, who the sources say spoke them, which figures they give for the same thing. It states
 * agreement and difference with the sources and cites them; it never judges a claim. Corpus text goes in as text.
 */

const MATCH_LABELS: Record<QuoteSource['match'], string> = {
  same: 'Same words',
  part: 'Part of a longer statement',
  close: 'Close wording',
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
    if (yours === null) return 'You said the speaker of these words is not clear.';
    return source.speakers === 'someone-else'
      ? `You gave these words to ${yours}; the page gives them to ${pageSpeaker ?? 'someone else'}.`
      : `You gave these words to ${yours}${source.speakers === 'same-person' ? ', as the page does' : ''}.`;
  }
  const corpusSpeaker = source.speakerName ?? 'someone it does not name';
  switch (source.speakers) {
    case 'same-person':
      return `This source also gives these words to ${corpusSpeaker}.`;
    case 'someone-else':
      return `This source gives these words to ${corpusSpeaker}; the page gives them to ${pageSpeaker ?? 'someone else'}.`;
    case 'corpus-does-not-say':
      return 'This source does not say who said these words.';
    case 'page-does-not-say':
      return `This source gives these words to ${corpusSpeaker}.`;
  }
}

/** The page's words beside the source's, word by word: the source's struck through, the page's underlined. */
function diffLine(source: QuoteSource): HTMLElement {
  const words = el('p', { class: 'sl-diff' }, el('span', { class: 'sl-label' }, 'Word by word: '));
  source.diff.forEach((part, i) => {
    if (i > 0) words.append(' ');
    if (part.op === 'source') words.append(el('del', { title: 'in the source' }, part.text));
    else if (part.op === 'page') words.append(el('ins', { title: 'on this page' }, part.text));
    else if (part.op === 'cut') words.append(el('span', { class: 'sl-cut', title: 'left out by the page' }, '…'));
    else words.append(part.text);
  });
  return words;
}

function quoteItem(source: QuoteSource, pageSpeaker: string | null, links: ViewLinks): HTMLLIElement {
  const who = source.speakerName ?? 'Speaker not clear';
  return el(
    'li',
    { class: 'sl-item sl-claim-source', 'data-match': source.match, 'data-speakers': source.speakers },
    el('p', { class: 'sl-meta' }, el('span', { class: 'sl-badge' }, MATCH_LABELS[source.match])),
    el('p', { class: 'sl-speaker-line' }, speakerLine(source, pageSpeaker)),
    source.correction ? correctionNote(source.correction) : null,
    source.match === 'close' ? diffLine(source) : null,
    el(
      'blockquote',
      { class: 'sl-quote' },
      links.passage(source.source, textWithHighlights(source.statement.text, source.statement.highlights, 'strong'), {
        'aria-label': `${who} in ${source.source.documentTitle}: ${source.statement.text}`,
      }),
    ),
    sourceLine(source.source, links, source.statement.text.replace(/^… |…$/g, '')),
  );
}

function figureItem(source: FigureSource, links: ViewLinks): HTMLLIElement {
  const who = source.inStatement
    ? `${source.speakerName ?? 'A speaker the source does not name'}, in a statement`
    : 'In the text of the source';
  return el(
    'li',
    { class: 'sl-item sl-claim-source', 'data-agrees': String(source.agrees) },
    el(
      'p',
      { class: 'sl-meta' },
      el('span', { class: 'sl-badge' }, source.agrees ? 'Same figure' : 'A different figure'),
      ` ${who}: ${source.text}`,
    ),
    el(
      'p',
      { class: 'sl-excerpt' },
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
          el('p', { class: 'sl-kind' }, 'Quotation on this page'),
          el('h2', { id: headingId, class: 'sl-name sl-claim-text' }, `“${shortened(card.pageText)}”`),
          el(
            'p',
            { class: 'sl-reason' },
            card.pageSpeakerName
              ? `The page gives these words to ${card.pageSpeakerName}.`
              : 'The page does not say who said these words.',
          ),
        )
      : el(
          'div',
          { class: 'sl-header' },
          el('p', { class: 'sl-kind' }, 'Figure on this page'),
          el('h2', { id: headingId, class: 'sl-name sl-claim-text' }, shortened(card.pageText)),
        );
  const list =
    card.kind === 'quote'
      ? section('In the sources', card.sources, card.sources.length, (s) => quoteItem(s, card.pageSpeakerName, links))
      : section(`Figures the sources give for “${card.noun}”`, card.sources, card.total, (s) => figureItem(s, links));
  return el(
    'div',
    { class: 'sl-entity sl-claim' },
    header,
    list,
    el(
      'p',
      { class: 'sl-disclaimer' },
      'What the sources say, where and when, beside the page. Sourcelight does not judge whether a claim is true.',
    ),
  );
}
