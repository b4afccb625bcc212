import { isolate, t, uiLanguage } from '../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and style: making one costs more than using it, and a result list shows many dates. */
function dateFormat(style: 'day' | 'moment'): Intl.DateTimeFormat {
  const language = uiLanguage();
  const key = `${style} ${language}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      language,
      style === 'day'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formats.set(key, format);
  }
  return format;
}

/**
 * "2020-09-10" as the UI language writes the day ("10 September 2020", "September 10, 2020", "۲۰ شهریور ۱۳۹۹" in the
 * Persian calendar); the corpus dates are days, shown without a time zone shift. Text that is not a day is shown as it
 * is.
 */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day || month > 12 || day > 31) return iso;
  return dateFormat('day').format(Date.UTC(year, month - 1, day));
}

/** A moment (a subscription's last check) with its time, in the reader's time zone and the UI language. */
export const formatMoment = (iso: string): string => dateFormat('moment').format(new Date(iso));

/** A year as a heading or an axis shows it, in the UI language's digits but never grouped ("1988", "۱۹۸۸"). */
export const formatYear = (year: number): string =>
  new Intl.NumberFormat(uiLanguage(), { useGrouping: false }).format(year);

/**
 * "Title — Publisher, 10 September 2020", leaving out what the source does not give. A title alone is isolated as the
 * message isolates what it fills in, or an English title's full stop lands at a Persian line's start.
 */
export function citation(source: { documentTitle: string; publisher?: string; date?: string }): string {
  const where = [source.publisher && isolate(source.publisher), formatDate(source.date)]
    .filter(Boolean)
    .join(t('commaSeparator'));
  return where ? t('citation', source.documentTitle, where) : isolate(source.documentTitle);
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
