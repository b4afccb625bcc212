// Reads written parliamentary questions laid out as on the UK Parliament site: a member block
// (name, party, seat, "House of Commons|Lords"), "To ask ...", then optionally the answering member's block,
// "Answered on <date>" (the date may sit on the next line) and the answer.
import { dateOfWholeText, findDates } from './dates';
import { splitLines, type Line } from './text';

export interface RawQuestion {
  house: 'commons' | 'lords';
  askerName: string;
  askerDetails: string[];
  askerStart: number;
  questionText: string;
  answererName: string | null;
  answererStart: number | null;
  answerText: string | null;
  dateAnswered: string | null;
  dateAsked?: string;
}

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  houseLine: /^House of (Commons|Lords)$/i,
  askLine: /^To ask\b/,
  /** "Answered on 5 March 2017", the date (group 1) on this line or the next. */
  answeredLine: /^Answered on\b\s*(.*)$/i,
  askedLine: /^Asked on\b\s*(.*)$/i,
  /** A line that ends as a sentence or a question does: no line of a member block. */
  sentenceEnd: /[.?:;]$/,
  lords: /lords/i,
  /** A line that starts in lower case or with a bracket: it carries on the line before. */
  runOnStart: /^[(a-z]/,
} as const;
const MAX_BLOCK_LINES = 3;

/** The member block above a "House of ..." line: up to three short lines, the first being the name. */
function memberBlock(
  lines: readonly Line[],
  houseIndex: number,
): { nameLine: Line; details: string[]; first: number } | undefined {
  let first = houseIndex;
  while (first > 0 && houseIndex - first < MAX_BLOCK_LINES) {
    const line = lines[first - 1];
    if (
      line === undefined ||
      line.text.length > 60 ||
      REGEXPS.sentenceEnd.test(line.text) ||
      REGEXPS.askLine.test(line.text) ||
      REGEXPS.answeredLine.test(line.text)
    )
      break;
    if (dateOfWholeText(line.text) !== null) break;
    first--;
  }
  const nameLine = lines[first];
  if (nameLine === undefined || first === houseIndex) return undefined;
  return { nameLine, details: lines.slice(first + 1, houseIndex).map((l) => l.text), first };
}

export function findQuestions(text: string): RawQuestion[] {
  const lines = splitLines(text);
  const questions: RawQuestion[] = [];
  const blockStarts = new Set<number>();
  const blocks = new Map<number, ReturnType<typeof memberBlock>>();
  lines.forEach((line, i) => {
    if (!REGEXPS.houseLine.test(line.text)) return;
    const block = memberBlock(lines, i);
    if (block === undefined) return;
    blocks.set(i, block);
    blockStarts.add(block.first);
  });
  let current: RawQuestion | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const block = blocks.get(i);
    if (block !== undefined) {
      const house = REGEXPS.lords.test(line.text) ? 'lords' : 'commons';
      const next = lines[i + 1];
      if (next !== undefined && REGEXPS.askLine.test(next.text)) {
        const textLines = [next.text];
        let j = i + 2;
        for (; j < lines.length; j++) {
          const l = lines[j];
          if (
            l === undefined ||
            blockStarts.has(j) ||
            REGEXPS.answeredLine.test(l.text) ||
            REGEXPS.askedLine.test(l.text) ||
            REGEXPS.houseLine.test(l.text)
          )
            break;
          if (!REGEXPS.runOnStart.test(l.text)) break; // a question runs on only in a broken line
          textLines.push(l.text);
        }
        current = {
          house,
          askerName: block.nameLine.text,
          askerDetails: block.details,
          askerStart: block.nameLine.start,
          questionText: textLines.join(' '),
          answererName: null,
          answererStart: null,
          answerText: null,
          dateAnswered: null,
        };
        questions.push(current);
        i = j - 1;
      } else if (current !== null && current.answererName === null && current.answerText === null) {
        current.answererName = block.nameLine.text;
        current.answererStart = block.nameLine.start;
      }
      continue;
    }
    const asked = REGEXPS.askedLine.exec(line.text);
    if (asked !== null && current !== null) {
      const date = findDates(asked[1] || (lines[i + 1]?.text ?? ''))[0];
      if (date !== undefined) current.dateAsked = date.iso;
      continue;
    }
    const answered = REGEXPS.answeredLine.exec(line.text);
    if (answered !== null && current !== null && current.answerText === null) {
      let j = i + 1;
      let date = findDates(answered[1] ?? '')[0];
      if (date === undefined && lines[j] !== undefined && dateOfWholeText(lines[j]?.text ?? '') !== null) {
        date = findDates(lines[j]?.text ?? '')[0];
        j++;
      }
      current.dateAnswered = date?.iso ?? null;
      const answer: string[] = [];
      for (; j < lines.length && !blockStarts.has(j) && !REGEXPS.askLine.test(lines[j]?.text ?? ''); j++)
        answer.push(lines[j]?.text ?? '');
      current.answerText = answer.length > 0 ? answer.join('\n') : null;
      i = j - 1;
    }
  }
  return questions;
}
