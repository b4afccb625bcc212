const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2020-09-10" as "10 September 2020"; the corpus dates are days, shown without a time zone shift. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** "Title — Publisher, 10 September 2020", leaving out what the source does not give. */
export function citation(source: { documentTitle: string; publisher?: string; date?: string }): string {
  const where = [source.publisher, formatDate(source.date)].filter(Boolean).join(', ');
  return where ? `${source.documentTitle} — ${where}` : source.documentTitle;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The start of a long text, cut at a space before `max` characters (never inside a surrogate pair), for a view that
 * shows the rest on request; null when the text is short enough to show whole.
 */
export function shortened(text: string, max: number): string | null {
  if (text.length <= max) return null;
  const space = text.lastIndexOf(' ', max);
  let end = space > max / 2 ? space : max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}
