import type { CardQuestion } from '../entity-card';
import { el } from './dom';
import type { CorpusOf } from './entity-view';
import { formatDate } from './format';
import { longText } from './long-text';
import type { ViewLinks } from './passage-links';

const withRole = (name: string, role: string | undefined): string => (role ? `${name} (${role})` : name);
const on = (iso: string | undefined): string => (iso ? ` on ${formatDate(iso)}` : '');
/** "Holding answer (11 March 2024): ", the label before an answer's words. */
const dated = (label: string, iso: string | null | undefined): string =>
  `${label}${iso ? ` (${formatDate(iso)})` : ''}: `;

/**
 * What Parliament's record says of the answer, as words a reader sees and a screen reader reads: a holding answer,
 * a correction and its day, a withdrawal. Questions read from a document's text have none.
 */
function flagsOf(question: CardQuestion): { flag: string; text: string }[] {
  const flags: { flag: string; text: string }[] = [];
  if (question.answerIsHolding)
    flags.push({ flag: 'holding', text: `Holding answer${on(question.dateHoldingAnswer)}` });
  else if (question.dateHoldingAnswer)
    flags.push({
      flag: 'holding',
      text: `Holding answer on ${formatDate(question.dateHoldingAnswer)}, since answered`,
    });
  if (question.answerIsCorrection)
    flags.push({
      flag: 'corrected',
      text: question.dateAnswerCorrected ? `Corrected on ${formatDate(question.dateAnswerCorrected)}` : 'Corrected',
    });
  if (question.isWithdrawn) flags.push({ flag: 'withdrawn', text: 'Withdrawn' });
  return flags;
}

function answerParagraph(label: string, text: string, className = 'sl-answer'): HTMLParagraphElement {
  return el('p', { class: className }, el('span', { class: 'sl-label' }, label), ...longText(text));
}

/** Every answer the record keeps, latest first: the answer, then the holding answer or the answer as first given. */
function answers(question: CardQuestion): HTMLParagraphElement[] {
  if (question.answerText === null)
    return [
      el(
        'p',
        { class: 'sl-answer sl-none' },
        question.isWithdrawn ? 'No answer: the question was withdrawn.' : 'No answer in the source.',
      ),
    ];
  const label = question.answerIsHolding
    ? dated('Holding answer', question.dateHoldingAnswer)
    : question.answerIsCorrection
      ? dated('Corrected answer', question.dateAnswerCorrected)
      : 'Answer: ';
  const earlier: [string | undefined, string][] = [
    [question.holdingAnswerText, dated('Holding answer', question.dateHoldingAnswer)],
    [question.originalAnswerText, dated('Answer as first given', question.dateAnswered)],
  ];
  return [
    answerParagraph(label, question.answerText),
    ...earlier.flatMap(([text, earlierLabel]) =>
      text ? [answerParagraph(earlierLabel, text, 'sl-answer sl-earlier')] : [],
    ),
  ];
}

/** A parliamentary question in a card or the popup: who asked and answered it, when, and what the record flags. */
export function questionItem(question: CardQuestion, links: ViewLinks, corpusOf: CorpusOf): HTMLLIElement {
  const house = question.house === 'lords' ? 'House of Lords' : 'House of Commons';
  const body = question.answeringBody ? `, to the ${question.answeringBody}` : '';
  const asked = `asked by ${withRole(question.askerName, question.askerRole)}${on(question.dateAsked)}${body}`;
  const answered = question.dateAnswered
    ? `answered${on(question.dateAnswered)}`
    : question.answerText !== null
      ? 'answered'
      : question.isWithdrawn
        ? 'withdrawn before an answer'
        : 'no answer recorded';
  const by =
    question.answerText !== null
      ? question.answererName
        ? ` by ${withRole(question.answererName, question.answererRole)}`
        : ' (the answer names no minister)'
      : '';
  const flags = flagsOf(question);
  const corpus = corpusOf(question.source);
  return el(
    'li',
    { class: 'sl-item sl-question' },
    el(
      'p',
      { class: 'sl-meta' },
      el('span', { class: 'sl-badge' }, question.relation === 'asked' ? 'Asked' : 'Answered'),
      ` ${house}${question.uin ? ` · question ${question.uin}` : ''} · ${asked} · ${answered}${by}`,
      corpus ? el('span', { class: 'sl-corpus' }, ` · in ${corpus}`) : null,
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
    el('p', { class: 'sl-question-text' }, links.passage(question.source, question.questionText)),
    ...answers(question),
  );
}
