// Finds calendar dates written in the ways news and parliamentary text writes them.
import { MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS } from '../shared/months';

export interface FoundDate {
  start: number;
  end: number;
  /** YYYY-MM-DD */
  iso: string;
}

const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
/** A month's name or abbreviation, capitalised (group), and an abbreviation's full stop. */
const MONTH = `(${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS].map((m) => m[0]?.toUpperCase() + m.slice(1)).join('|')})\\.?`;
/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A full date: "2017-03-05" (groups 1–3), "Sunday, 5th of March 2017" (4–6), "March 5, 2017" (7–9). */
  date: new RegExp(
    [
      '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b',
      `\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`,
      `\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
    ].join('|'),
    'g',
  ),
  trailingStopOrComma: /[.,]$/,
} as const;

/** YYYY-MM-DD for a real calendar day, else null (no 31 April). */
export function isoFrom(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const monthNumber = (name: string | undefined): number =>
  MONTHS.get((name ?? '').toLowerCase().slice(0, 4)) ?? MONTHS.get((name ?? '').toLowerCase().slice(0, 3)) ?? 0;

/** Every full date (day, month and year) in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(REGEXPS.date)) {
    let iso: string | null = null;
    if (m[1] !== undefined) iso = isoFrom(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[4] !== undefined) iso = isoFrom(Number(m[6]), monthNumber(m[5]), Number(m[4]));
    else if (m[7] !== undefined) iso = isoFrom(Number(m[9]), monthNumber(m[7]), Number(m[8]));
    if (iso !== null) found.push({ start: m.index, end: m.index + m[0].length, iso });
  }
  return found;
}

/** The date when the whole text is one date and nothing else ("5 March 2017"), else null. */
export function dateOfWholeText(text: string): string | null {
  const trimmed = text.trim().replace(REGEXPS.trailingStopOrComma, '');
  const [first] = findDates(trimmed);
  return first !== undefined && first.start === 0 && first.end === trimmed.length ? first.iso : null;
}
