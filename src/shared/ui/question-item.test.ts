// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CardQuestion } from '../entity-card';
import { questionItem } from './question-item';
import { viewerLinks } from './passage-links';

const links = viewerLinks(() => 'viewer.html');
const base: CardQuestion = {
  id: 'q',
  relation: 'asked',
  house: 'commons',
  askerName: 'Orla Tregarthen',
  answererName: 'Caspar Wellbeloved',
  questionText: 'To ask the Secretary of State for Coastal Affairs, what assessment he has made of cliff loss.',
  answerText: 'I will reply as soon as possible.',
  dateAsked: '2024-03-04',
  dateAnswered: '2024-03-11',
  source: {
    packId: 'wq',
    corpusTitle: 'Written questions',
    documentId: 'd',
    documentTitle: 'Coastal Erosion (10452)',
    start: 0,
    end: 10,
  },
};
const draw = (question: Partial<CardQuestion>): HTMLLIElement =>
  questionItem({ ...base, ...question }, links, () => undefined);
const flags = (item: HTMLElement): string[] => [...item.querySelectorAll('.sl-flag')].map((f) => f.textContent ?? '');
const answers = (item: HTMLElement): string[] =>
  [...item.querySelectorAll('.sl-answer')].map((a) => a.textContent ?? '');

describe('a parliamentary question in a card', () => {
  it('says who asked and answered it, in what role, to which body and when', () => {
    const item = draw({
      uin: '10452',
      askerRole: 'Labour MP for Wyndham North',
      answererRole: 'Conservative MP for Fenmoor',
      answeringBody: 'Department for Coastal Affairs',
    });
    expect(item.querySelector('.sl-meta')?.textContent).toBe(
      'Asked House of Commons · question 10452 · asked by Orla Tregarthen (Labour MP for Wyndham North) on 4 March 2024, to the Department for Coastal Affairs · answered on 11 March 2024 by Caspar Wellbeloved (Conservative MP for Fenmoor)',
    );
    expect(flags(item)).toEqual([]);
  });

  it('flags a holding answer that still stands', () => {
    const item = draw({ answerIsHolding: true, dateHoldingAnswer: '2024-03-11' });
    expect(flags(item)).toEqual(['Holding answer on 11 March 2024']);
    expect(answers(item)).toEqual(['Holding answer (11 March 2024): I will reply as soon as possible.']);
  });

  it('shows the substantive answer and the holding answer it replaced, both', () => {
    const item = draw({
      answerIsHolding: false,
      dateHoldingAnswer: '2024-03-11',
      holdingAnswerText: 'I will reply as soon as possible.',
      answerText: 'Eleven walls were inspected.',
      dateAnswered: '2024-03-20',
    });
    expect(flags(item)).toEqual(['Holding answer on 11 March 2024, since answered']);
    expect(answers(item)).toEqual([
      'Answer: Eleven walls were inspected.',
      'Holding answer (11 March 2024): I will reply as soon as possible.',
    ]);
  });

  it('flags a correction with its day, and keeps the answer as first given', () => {
    const item = draw({
      answerIsCorrection: true,
      dateAnswerCorrected: '2024-02-26',
      dateAnswered: '2024-02-19',
      answerText: 'We allocated £4.2 million.',
      originalAnswerText: 'We allocated £2.4 million.',
    });
    expect(flags(item)).toEqual(['Corrected on 26 February 2024']);
    expect(answers(item)).toEqual([
      'Corrected answer (26 February 2024): We allocated £4.2 million.',
      'Answer as first given (19 February 2024): We allocated £2.4 million.',
    ]);
  });

  it('flags a withdrawn question and says why it has no answer', () => {
    const item = draw({ isWithdrawn: true, answerText: null, answererName: null, dateAnswered: null });
    expect(flags(item)).toEqual(['Withdrawn']);
    expect(item.querySelector('.sl-meta')?.textContent).toContain('withdrawn before an answer');
    expect(answers(item)).toEqual(['No answer: the question was withdrawn.']);
  });

  it('inserts corpus text as text, never as markup', () => {
    const item = draw({ answerText: '<img src=x onerror="alert(1)">', originalAnswerText: '<b>bold</b>' });
    expect(item.querySelector('img, b')).toBeNull();
    expect(answers(item)[0]).toBe('Answer: <img src=x onerror="alert(1)">');
  });
});
