// Finds figures: a number and what it counts ("30,000 political prisoners", "some 1,500 protesters", "more than
// 100 people killed", "thirty thousand prisoners", "between 3,800 and 5,000 prisoners"). A year is not a figure
// ("the 1988 massacre", "in 1988"), nor is money ("$200 billion"): a figure counts people or things, and the
// corpus's figures are compared by what they count.
import { singular, withoutPossessive } from '../text';

export interface Figure {
  /** The figure as the text writes it, qualifier and noun included. */
  start: number;
  end: number;
  /** The number; for a range, its lower end. */
  value: number;
  /** A range's upper end. */
  upper?: number;
  /** "some", "more than", "at least": how the text hedges the number. */
  qualifier?: string;
  /** What is counted, folded and singular: the last word of the noun phrase ("political prisoners" → "prisoner"). */
  noun: string;
}

/** A figure under this counts the ordinary things of prose ("three brothers", "two things"), not a claim. */
const MIN_FIGURE = 10;

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

const QUALIFIERS = [
  'more than',
  'fewer than',
  'less than',
  'at least',
  'at most',
  'up to',
  'as many as',
  'some',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'approximately',
  'roughly',
  'an estimated',
  'estimated',
  'close to',
  'upwards of',
];
/** Words that end a noun phrase: what follows them is no longer what is counted. */
const PHRASE_ENDS = new Set([
  ...'of in at on for to from by with and or but who which that were was are is had have has be been as since'.split(
    ' ',
  ),
  ...'during after before than per years year held slain taken shot dead still now last this next ago each every'.split(
    ' ',
  ),
  ...'the a an across under into while when until according'.split(' '),
  // A number before a month or a weekday is a date ("10 September 2020").
  ...'january february march april may june july august september october november december'.split(' '),
  ...'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
]);
const MAX_NOUN_WORDS = 3;

const NUMBER_WORD = `(?:${[...Object.keys(UNITS).filter((w) => w !== 'a' && w !== 'an'), ...Object.keys(SCALES)].join('|')})`;
/** Digits (with thousands separators, or a decimal before a scale word), or number words, with an optional scale. */
const NUMBER = `(?:\\d{1,3}(?:[,.]\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)(?:\\s+(?:${Object.keys(SCALES).join('|')}))?|(?:an?\\s+)?${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*`;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /**
   * A figure: a qualifier ("some"), money's sign, a range's lower end ("between 3,800 and", "3,800 to"), the number,
   * and up to MAX_NOUN_WORDS words after it, each in its named group.
   */
  figure: new RegExp(
    `(?<qualifier>\\b(?:${QUALIFIERS.join('|')})\\s+)?(?<money>[$£€]\\s?)?\\b(?:between\\s+(?<low>${NUMBER})\\s+and\\s+|(?<from>${NUMBER})\\s*(?:-|–|to)\\s*)?(?<number>${NUMBER})\\b(?<after>(?:\\s+[\\p{L}'’-]+){1,${MAX_NOUN_WORDS}})?`,
    'giu',
  ),
  /** A number in digits (group 1) and a word after it (group 2), such as its scale ("1.5 million"). */
  numberInDigits: /^(\d{1,3}(?:[,.]\d{3})+(?!\d)|\d+(?:\.\d+)?)(?:\s+(\w+))?$/,
  /** "30,000" or "30.000", not "1.5": a separator before three digits and the end or another separator. */
  thousandsGroup: /[,.]\d{3}(?:$|[,.])/,
  separators: /[,.]/g,
  spacesOrHyphens: /[\s-]+/,
  /** An "s" plural: not "-ss", nor a possessive "'s". */
  pluralS: /[^s']s$/,
  /** "census", "crisis": singulars that end in "s". */
  singularEndingInS: /(?:us|is)$/,
  whitespace: /\s+/,
  lettersOnly: /^[\p{L}-]+$/u,
  capitalisedWord: /^\p{Lu}\p{Ll}/u,
  fourDigits: /^\d{4}$/,
  percent: /^\s*(?:per\s*cent|percent|%)/i,
} as const;

/** "30,000" / "30.000" / "1.5 million" / "thirty thousand" / "twenty-five" as a number; NaN for none. */
export function parseNumber(raw: string): number {
  const text = raw.trim().toLowerCase();
  const digits = REGEXPS.numberInDigits.exec(text);
  if (digits) {
    const [, number = '', scale] = digits;
    const value = REGEXPS.thousandsGroup.test(number) ? Number(number.replace(REGEXPS.separators, '')) : Number(number);
    return value * (scale !== undefined ? (SCALES[scale] ?? NaN) : 1);
  }
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of text.split(REGEXPS.spacesOrHyphens)) {
    if (word === 'and') continue;
    const unit = UNITS[word];
    const scale = SCALES[word];
    if (unit !== undefined) current += unit;
    else if (scale === 100) current = Math.max(1, current) * 100;
    else if (scale !== undefined) {
      total += Math.max(1, current) * scale;
      current = 0;
    } else return NaN;
    any = true;
  }
  return any ? total + current : NaN;
}

/** Plurals without an "s". */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'troops']);
const isPlural = (word: string): boolean =>
  IRREGULAR_PLURALS.has(word) || (REGEXPS.pluralS.test(word) && !REGEXPS.singularEndingInS.test(word));

/**
 * The noun phrase of the words after a number, up to its first plural ("30,000 political prisoners", "80 cross
 * party MPs"): a count of more than one names its things in the plural, and what follows is no longer what is
 * counted. Undefined when no plural comes before a word that ends the phrase (a preposition, a name).
 */
function nounPhrase(after: string): { text: string; noun: string } | undefined {
  const taken: string[] = [];
  for (const raw of after.trim().split(REGEXPS.whitespace)) {
    const word = withoutPossessive(raw).toLowerCase();
    if (PHRASE_ENDS.has(word) || !REGEXPS.lettersOnly.test(word)) return undefined;
    // A capitalised word other than an acronym ("MPs") starts a name: "30,000 Iranians" counts, "1988 Iran" does not.
    if (taken.length > 0 && REGEXPS.capitalisedWord.test(raw)) return undefined;
    taken.push(raw);
    if (isPlural(word)) return { text: taken.join(' '), noun: singular(word) };
  }
  return undefined;
}

const isYear = (raw: string, value: number): boolean => REGEXPS.fourDigits.test(raw) && value >= 1000 && value <= 2100;

/** The figures of a text, in order. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(REGEXPS.figure)) {
    const groups = m.groups ?? {};
    let raw = groups.number ?? '';
    let lowRaw = groups.low ?? groups.from;
    // "twenty-five" is one number, not a range from twenty down to five.
    if (lowRaw !== undefined && groups.from !== undefined && parseNumber(lowRaw) >= parseNumber(raw)) {
      raw = `${lowRaw} ${raw}`;
      lowRaw = undefined;
    }
    const value = parseNumber(raw);
    const low = lowRaw !== undefined ? parseNumber(lowRaw) : undefined;
    if (groups.money !== undefined || Number.isNaN(value) || (low !== undefined && Number.isNaN(low))) continue;
    if (isYear(raw, value) || (lowRaw !== undefined && isYear(lowRaw, low ?? 0))) continue;
    // "in 1990s" and "a thousand" alone say nothing countable; a percentage is a share, not a count.
    const after = groups.after ?? '';
    if (REGEXPS.percent.test(after)) continue;
    const phrase = nounPhrase(after);
    if (phrase === undefined || Math.max(value, low ?? 0) < MIN_FIGURE) continue;
    const qualifier = groups.qualifier?.trim().toLowerCase();
    const phraseAt = m.index + m[0].length - after.length + (after.length - after.trimStart().length);
    figures.push({
      start: m.index,
      end: phraseAt + phrase.text.length,
      value: low ?? value,
      ...(low !== undefined ? { upper: value } : {}),
      ...(qualifier !== undefined ? { qualifier } : {}),
      noun: phrase.noun,
    });
  }
  return figures;
}

/**
 * The tolerance: two figures for the same noun agree when they are within 5% of each other (or of a range's ends),
 * so "some 30,000", "over 30,000" and "30.000" agree, and 1,500 does not agree with 1,400 or 3,800.
 */
export const FIGURE_TOLERANCE = 0.05;

export function figuresAgree(a: Pick<Figure, 'value' | 'upper'>, b: Pick<Figure, 'value' | 'upper'>): boolean {
  const reaches = (low: Pick<Figure, 'value'>, high: Pick<Figure, 'value' | 'upper'>): boolean =>
    low.value <= (high.upper ?? high.value) * (1 + FIGURE_TOLERANCE);
  return reaches(a, b) && reaches(b, a);
}
