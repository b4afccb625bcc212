import { describe, expect, it } from 'vitest';
import { useLanguage } from '../../../test/unit/browser-i18n';
import { citation, formatDate, formatYear, shortened } from './format';

describe('format', () => {
  it.each([
    ['2020-09-10', '10 September 2020'],
    ['1988-07-01', '1 July 1988'],
    ['not a date', 'not a date'],
  ])('shows %s as %s in British English, without a time zone shift', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it('shows a day as the reader’s language and region write it', () => {
    useLanguage('en', 'en-US');
    expect(formatDate('2020-09-10')).toBe('September 10, 2020');
    useLanguage('fa');
    // The Persian calendar, with Persian digits: 10 September 2020 is 20 Shahrivar 1399.
    expect(formatDate('2020-09-10')).toBe('۲۰ شهریور ۱۳۹۹');
    expect(formatYear(1988)).toBe('۱۹۸۸');
  });

  it('shows nothing for a missing date', () => {
    expect(formatDate(undefined)).toBeNull();
    expect(formatDate('')).toBeNull();
  });

  it('cites what the source gives and leaves out what it does not', () => {
    expect(citation({ documentTitle: 'Answer', publisher: 'Hansard', date: '2021-09-15' })).toBe(
      'Answer — Hansard, 15 September 2021',
    );
    expect(citation({ documentTitle: 'Answer', date: '2021-09-15' })).toBe('Answer — 15 September 2021');
    expect(citation({ documentTitle: 'Answer' })).toBe('Answer');
  });

  it('isolates an English title in a Persian citation, alone or not, so its full stop stays at its own end', () => {
    useLanguage('fa');
    expect(citation({ documentTitle: 'A report.' })).toBe('\u2068A report.\u2069');
    expect(citation({ documentTitle: 'A report.', date: '2021-09-15' })).toMatch(/^\u2068A report\.\u2069 — /);
  });

  it('cuts a long text at a space, and leaves a short one whole', () => {
    expect(shortened('short', 10)).toBeNull();
    expect(shortened('one two three four five', 12)).toBe('one two');
    expect(shortened('abcdefghijklmnop', 10)).toBe('abcdefghij');
    expect(shortened('abcdefghi😀jkl', 10)).toBe('abcdefghi');
  });
});
