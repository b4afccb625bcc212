import { describe, expect, it } from 'vitest';
import { figuresAgree, findFigures, parseNumber } from './figures';

const figure = (text: string) => {
  const [found] = findFigures(text);
  return (
    found && {
      value: found.value,
      upper: found.upper,
      qualifier: found.qualifier,
      noun: found.noun,
      text: text.slice(found.start, found.end),
    }
  );
};

describe('findFigures', () => {
  it.each([
    [
      'the massacre of 30,000 political prisoners in 1988',
      30_000,
      undefined,
      undefined,
      'prisoner',
      '30,000 political prisoners',
    ],
    [
      'the massacre of 30.000 political prisoners',
      30_000,
      undefined,
      undefined,
      'prisoner',
      '30.000 political prisoners',
    ],
    ['thirty thousand prisoners were executed', 30_000, undefined, undefined, 'prisoner', 'thirty thousand prisoners'],
    ['some 30,000 prisoners', 30_000, undefined, 'some', 'prisoner', 'some 30,000 prisoners'],
    [
      'the killing of at least 1,500 protesters last November',
      1_500,
      undefined,
      'at least',
      'protester',
      'at least 1,500 protesters',
    ],
    ['more than 100 people killed in the crackdown', 100, undefined, 'more than', 'person', 'more than 100 people'],
    [
      'between 3,800 and 5,000 prisoners died',
      3_800,
      5_000,
      undefined,
      'prisoner',
      'between 3,800 and 5,000 prisoners',
    ],
    ['3,800-5,000 prisoners', 3_800, 5_000, undefined, 'prisoner', '3,800-5,000 prisoners'],
    ['twenty-five executions', 25, undefined, undefined, 'execution', 'twenty-five executions'],
    ['1.5 million refugees', 1_500_000, undefined, undefined, 'refugee', '1.5 million refugees'],
    ['supported by 80 cross party MPs.', 80, undefined, undefined, 'mp', '80 cross party MPs'],
    ['87 executions in January alone', 87, undefined, undefined, 'execution', '87 executions'],
    [
      'put the toll at 3,800 political prisoners instead',
      3_800,
      undefined,
      undefined,
      'prisoner',
      '3,800 political prisoners',
    ],
  ])('reads “%s”', (text, value, upper, qualifier, noun, written) => {
    expect(figure(text)).toEqual({ value, upper, qualifier, noun, text: written });
  });

  it.each([
    ['a year', 'the 1988 massacre of political prisoners'],
    ['a year after “in”', 'executed in 1988 across Iran'],
    ['money', 'More than $200 billion are at the disposition of Khamenei'],
    ['money in pounds', 'a fine of £5,000 pounds'],
    ['a small count of ordinary prose', 'three brothers were sentenced'],
    ['a duration', 'sentenced to 20 years in prison'],
    ['a percentage', 'turnout was 45 per cent of voters'],
    ['a number before a name', 'the 2019 Iran protests'],
    ['a date', 'a conference on 10 September 2020'],
  ])('finds no figure in %s', (_, text) => {
    expect(findFigures(text)).toEqual([]);
  });

  it('parses written and separated numbers alike', () => {
    expect(parseNumber('thirty thousand')).toBe(30_000);
    expect(parseNumber('a hundred')).toBe(100);
    expect(parseNumber('two hundred and fifty')).toBe(250);
    expect(parseNumber('30.000')).toBe(30_000);
    expect(parseNumber('1,500')).toBe(1_500);
  });
});

describe('figuresAgree', () => {
  it.each([
    [{ value: 30_000 }, { value: 30_000 }, true],
    [{ value: 30_000 }, { value: 29_000 }, true],
    [{ value: 30_000 }, { value: 3_800, upper: 5_000 }, false],
    [{ value: 4_500 }, { value: 3_800, upper: 5_000 }, true],
    [{ value: 1_500 }, { value: 1_400 }, false],
    [{ value: 100 }, { value: 1_500 }, false],
  ])('%o and %o: %s', (a, b, agree) => {
    expect(figuresAgree(a, b)).toBe(agree);
  });
});
