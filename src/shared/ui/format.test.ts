import { describe, expect, it } from 'vitest';
import { citation, formatDate, plural, shortened } from './format';

describe('format', () => {
  it.each([
    ['2020-09-10', '10 September 2020'],
    ['1988-07-01', '1 July 1988'],
    ['not a date', 'not a date'],
  ])('shows %s as %s, without a time zone shift', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
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

  it('counts in the singular and the plural', () => {
    expect(plural(1, 'statement')).toBe('1 statement');
    expect(plural(3, 'statement')).toBe('3 statements');
    expect(plural(2, 'body', 'bodies')).toBe('2 bodies');
  });

  it('cuts a long text at a space, and leaves a short one whole', () => {
    expect(shortened('short', 10)).toBeNull();
    expect(shortened('one two three four five', 12)).toBe('one two');
    expect(shortened('abcdefghijklmnop', 10)).toBe('abcdefghij');
    expect(shortened('abcdefghi😀jkl', 10)).toBe('abcdefghi');
  });
});
