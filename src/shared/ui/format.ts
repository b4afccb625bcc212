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
