import { describe, expect, it } from 'vitest';
import { dateOfWholeText, findDates } from './dates';

describe('findDates', () => {
  it('reads the ways press and parliament write dates', () => {
    expect(findDates('on Thursday, 10 September 2020, and August 15, 1988, and 2017-10-04').map((d) => d.iso)).toEqual([
      '2020-09-10',
      '1988-08-15',
      '2017-10-04',
    ]);
  });

  it('ignores impossible dates and dates without a year', () => {
    expect(findDates('31 February 2020 and 10 September')).toEqual([]);
  });

  it('knows a line that is only a date', () => {
    expect(dateOfWholeText('5 March 2017')).toBe('2017-03-05');
    expect(dateOfWholeText('Answered on 5 March 2017')).toBeNull();
  });
});
