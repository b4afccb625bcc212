// Turns a UK Parliament written questions export into a pack on the options page: each record checked in turn, a
// few hundred per task so the page keeps drawing its progress, then the pack made whole. A single bad record stops
// the import before anything is stored.
import { slugify } from '../corpus/text';
import { readWrittenQuestion, type WrittenQuestion } from '../corpus/written-questions-api';
import { writtenQuestionsPack } from '../corpus/written-questions';
import { plural, t } from '../shared/i18n';

/** Records checked between two looks at the page: a few milliseconds of work. */
const RECORDS_PER_TASK = 250;
/** Errors listed by name; the rest are counted. */
const ERRORS_NAMED = 5;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The pack a file's questions become: importing a file of the same name again replaces it. */
export function writtenQuestionsPackId(fileName: string): string {
  return `written-questions-${slugify(fileName.replace(/\.json$/i, '')).slice(0, 60)}`;
}

export async function writtenQuestionsPackJson(
  results: readonly unknown[],
  fileName: string,
  onChecked: (checked: number, total: number) => void,
): Promise<{ json: string; questions: number }> {
  const records: WrittenQuestion[] = [];
  const errors: string[] = [];
  for (let index = 0; index < results.length; index++) {
    const read = readWrittenQuestion(results[index], index);
    if (read.ok) records.push(read.question);
    else errors.push(read.error);
    if ((index + 1) % RECORDS_PER_TASK === 0 && index + 1 < results.length) {
      onChecked(index + 1, results.length);
      await nextTask();
    }
  }
  onChecked(results.length, results.length);
  if (errors.length > 0) {
    const named = errors.slice(0, ERRORS_NAMED).join(t('semicolonSeparator'));
    const listed = errors.length > ERRORS_NAMED ? t('andMore', named, errors.length - ERRORS_NAMED) : named;
    throw new Error(plural('writtenQuestionsBadRecords', errors.length, listed));
  }
  const made = writtenQuestionsPack(records, {
    id: writtenQuestionsPackId(fileName),
    title: t('writtenQuestionsTitle', fileName),
  });
  if (!made.ok) throw new Error(t('writtenQuestionsUnreadable', made.error));
  return { json: JSON.stringify(made.pack), questions: made.questions };
}
