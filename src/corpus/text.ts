// Small pure helpers over plain text that every stage of the compiler shares.

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  notLetterOrDigit: /[^\p{L}\p{N}]/gu,
  /** The accents NFKD splits off a letter ("é" -> "e" + U+0301). */
  combiningAccent: /[\u0300-\u036f]/g,
  apostrophe: /['’]/g,
  notSlugCharacters: /[^a-z0-9]+/g,
  edgeHyphens: /^-+|-+$/g,
  possessiveS: /['’]s$/u,
  /** "ministers’": a plural's possessive, whose "s" stays. */
  pluralPossessive: /s['’]$/u,
  /** "class", "bus", "crisis", "gas": endings of singulars that look plural. */
  singularEnding: /(?:ss|us|is|as)$/,
  /** "casualties" but not "pies" (a vowel before "ies"). */
  consonantIes: /[^aeiou]ies$/,
  finalS: /s$/,
} as const;

export interface Line {
  start: number;
  end: number;
  text: string;
}

/** Non-blank lines with their offsets, trimmed; a line is the compiler's paragraph. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at <= text.length) {
    let next = text.indexOf('\n', at);
    if (next === -1) next = text.length;
    const raw = text.slice(at, next);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) lines.push({ start: at + lead, end: at + lead + body.length, text: body });
    at = next + 1;
  }
  return lines;
}

/** Lower case, straight apostrophes, letters and digits only: the key under which spelling variants meet. */
export function squash(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(REGEXPS.notLetterOrDigit, '');
}

/** A URL- and id-safe slug: "Maryam Rajavi" -> "maryam-rajavi". */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(REGEXPS.combiningAccent, '')
    .replace(REGEXPS.apostrophe, '')
    .replace(REGEXPS.notSlugCharacters, '-')
    .replace(REGEXPS.edgeHyphens, '');
  return slug || 'x';
}

/** Cuts a trailing possessive ("Rajavi’s" -> "Rajavi"). */
export function withoutPossessive(word: string): string {
  return word.replace(REGEXPS.possessiveS, '').replace(REGEXPS.pluralPossessive, 's');
}

/** Index of the first item whose `start` is >= offset, in an array sorted by start. */
export function lowerBound<T extends { start: number }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item !== undefined && item.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items sorted by start that lie wholly inside [from, to). */
export function itemsWithin<T extends { start: number; end: number }>(
  items: readonly T[],
  from: number,
  to: number,
): T[] {
  const found: T[] = [];
  for (let i = lowerBound(items, from); i < items.length; i++) {
    const item = items[i];
    if (item === undefined || item.start >= to) break;
    if (item.end <= to) found.push(item);
  }
  return found;
}

/** Nouns that end in "s" in the singular too. */
const NOT_PLURALS = new Set(['news', 'series', 'species', 'means', 'politics', 'economics', 'physics', 'always']);

/**
 * A plural in lower case as its singular, well enough to compare nouns ("prisoners", "casualties", "people",
 * "ministries"); the compiler's one such rule. Words that end like singulars are left alone ("bus", "gas", "crisis").
 */
export function singular(word: string): string {
  if (word === 'people' || word === 'persons') return 'person';
  if (word.length <= 2 || NOT_PLURALS.has(word) || REGEXPS.singularEnding.test(word)) return word;
  if (REGEXPS.consonantIes.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  return word.replace(REGEXPS.finalS, '');
}
