// Month names and their usual abbreviations: the compiler reads dates written in words with them, and a page's
// matcher leaves a name alone where it is a month written as a date ("in May", "May 5"). One table for both.

/** The months' names, in order. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The abbreviations a date is written with ("Jan.", "Sept."): each name's first three letters, and "sept". Marked
 * pure so that a page's script, which reads only MONTHS, does not carry it.
 */
export const MONTH_ABBREVIATIONS: readonly string[] = /* @__PURE__ */ (() => [
  ...MONTH_NAMES.map((m) => m.slice(0, 3)).filter((a) => !MONTH_NAMES.includes(a)),
  'sept',
])();

/** Each month's name, its first three letters and (for longer names) its first four, to the month's number. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap(
    (m, i) =>
      [[m, i + 1], [m.slice(0, 3), i + 1], ...(m.length > 4 ? [[m.slice(0, 4), i + 1] as [string, number]] : [])] as [
        string,
        number,
      ][],
  ),
);

/** Words before a month that make it a date: "in May", "the end of May", "mid-May". */
const BEFORE_A_DATE =
  /(?:\b(?:in|on|of|since|until|till|through|during|early|late|last|next|this|each|every)\s+|\b(?:mid|early|late)-)$/i;
const DAY_OR_YEAR_AFTER = /^\s+\d/;

/**
 * A month written as a date: "in May", "on May 5", "mid-May". The page's matcher and the compiler both leave such a
 * word alone where it is also somebody's surname.
 */
export function isMonthDate(text: string, start: number, end: number): boolean {
  if (!MONTHS.has(text.slice(start, end).toLowerCase())) return false;
  return (
    BEFORE_A_DATE.test(text.slice(Math.max(0, start - 12), start)) || DAY_OR_YEAR_AFTER.test(text.slice(end, end + 3))
  );
}
