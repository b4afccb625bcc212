import type { CardQuestion } from '../entity-card';
import { t } from '../i18n';
import { el } from './dom';
import { inCorpus, type CorpusOf } from './entity-view';
import { formatDate } from './format';
import { longText } from './long-text';
import type { ViewLinks } from './passage-links';

const withRole = (name: string, role: string | undefined): string => (role ? t('nameWithRole', name, role) : name);
/** "Holding answer (11 March 2024): ", the label before an answer's words. */
const dated = (label: string, iso: string | null | undefined): string =>
  `${iso ? t('labelWithDate', label, formatDate(iso) ?? iso) : label}: `;

/**
 * What Parliament's record says of the answer, as words a reader sees and a screen reader reads: a holding answer,
 * a correction and its day, a withdrawal. Questions read from a document's text have none.
 */
function flagsOf(question: CardQuestion): { flag: string; text: string }[] {
  const flags: { flag: string; text: string }[] = [];
  const holdingDay = formatDate(question.dateHoldingAnswer);
  if (question.answerIsHolding)
    flags.push({ flag: 'holding', text: holdingDay ? t('flagHoldingOn', holdingDay) : t('flagHolding') });
  else if (holdingDay) flags.push({ flag: 'holding', text: t('flagHoldingSinceAnswered', holdingDay) });
  if (question.answerIsCorrection) {
    const correctedDay = formatDate(question.dateAnswerCorrected);
    flags.push({ flag: 'corrected', text: correctedDay ? t('flagCorrectedOn', correctedDay) : t('flagCorrected') });
  }
  if (question.isWithdrawn) flags.push({ flag: 'withdrawn', text: t('flagWithdrawn') });
  return flags;
}

function answerParagraph(label: string, text: string, className = 'sl-answer'): HTMLParagraphElement {
  return el('p', { class: className }, el('span', { class: 'sl-label' }, label), ...longText(text));
}

/** Every answer the record keeps, latest first: the answer, then the holding answer or the answer as first given. */
function answers(question: CardQuestion): HTMLParagraphElement[] {
  if (question.answerText === null)
    return [
      el('p', { class: 'sl-answer sl-none' }, question.isWithdrawn ? t('noAnswerWithdrawn') : t('noAnswerInSource')),
    ];
  const label = question.answerIsHolding
    ? dated(t('holdingAnswer'), question.dateHoldingAnswer)
    : question.answerIsCorrection
      ? dated(t('correctedAnswer'), question.dateAnswerCorrected)
      : dated(t('answer'), null);
  const earlier: [string | undefined, string][] = [
    [question.holdingAnswerText, dated(t('holdingAnswer'), question.dateHoldingAnswer)],
    [question.originalAnswerText, dated(t('answerAsFirstGiven'), question.dateAnswered)],
  ];
  return [
    answerParagraph(label, question.answerText),
    ...earlier.flatMap(([text, earlierLabel]) =>
      text ? [answerParagraph(earlierLabel, text, 'sl-answer sl-earlier')] : [],
    ),
  ];
}

/** "asked by NAME (role) on DAY, to the BODY". */
function askedPart(question: CardQuestion): string {
  const who = withRole(question.askerName, question.askerRole);
  const day = formatDate(question.dateAsked);
  const asked = day ? t('questionAskedByOn', who, day) : t('questionAskedBy', who);
  return question.answeringBody ? t('questionToBody', asked, question.answeringBody) : asked;
}

/** "answered on DAY by NAME (role)", or why there is no answer. */
function answeredPart(question: CardQuestion): string {
  const day = formatDate(question.dateAnswered);
  const answered = day
    ? t('questionAnsweredOn', day)
    : question.answerText !== null
      ? t('questionAnswered')
      : question.isWithdrawn
        ? t('questionWithdrawnUnanswered')
        : t('questionNoAnswerRecorded');
  if (question.answerText === null) return answered;
  return question.answererName
    ? t('questionAnsweredBy', answered, withRole(question.answererName, question.answererRole))
    : t('questionAnswerNamesNoMinister', answered);
}

/** A parliamentary question in a card or the popup: who asked and answered it, when, and what the record flags. */
export function questionItem(question: CardQuestion, links: ViewLinks, corpusOf: CorpusOf): HTMLLIElement {
  const house = question.house === 'lords' ? t('houseOfLords') : t('houseOfCommons');
  const line = [
    house,
    question.uin ? t('questionNumber', question.uin) : null,
    askedPart(question),
    answeredPart(question),
  ]
    .filter(Boolean)
    .join(t('listSeparator'));
  const flags = flagsOf(question);
  const corpus = corpusOf(question.source);
  return el(
    'li',
    { class: 'sl-item sl-question' },
    el(
      'p',
      { class: 'sl-meta' },
      el('span', { class: 'sl-badge' }, question.relation === 'asked' ? t('badgeAsked') : t('badgeAnswered')),
      ` ${line}`,
      corpus ? el('span', { class: 'sl-corpus' }, inCorpus(corpus)) : null,
    ),
    flags.length > 0
      ? el(
          'p',
          { class: 'sl-flags' },
          ...flags.flatMap(({ flag, text }, i) => [
            i > 0 ? ' ' : null,
            el('span', { class: 'sl-badge sl-flag', 'data-flag': flag }, text),
          ]),
        )
      : null,
    el('p', { class: 'sl-question-text' }, links.passage(question.source, question.questionText, { dir: 'auto' })),
    ...answers(question),
  );
}
