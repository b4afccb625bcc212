import * as z from 'zod/mini';
import { entityKind, type EntityKind } from './entity-kind';
import { t } from './i18n';

/**
 * The dictionary the background sends to content scripts: only the words to look for on a page and the entity ids
 * they stand for, never the corpus itself.
 *
 * It is built once in the background, already in the form the page's matcher walks (`content/matcher.ts`), so a
 * page compiles nothing. It is one string of lines `KEY¯TERM¯TERM¨`, sorted by KEY: a term's folded text
 * (`foldTerm`: lowercase, no diacritics), then the terms written that way, most trusted first. Sorted keys are a
 * trie already: the keys that go on with the units read so far are one run of lines, found by binary search, and a
 * page opens only the runs its own words lead to.
 *
 * One string, because it crosses runtime messaging whole in both browsers (Chrome sends JSON, Firefox a structured
 * clone) and needs no decoding. Its separators are Latin-1 characters that JSON leaves as they are and that folding
 * never leaves in a key (NFKD turns "¨", "¯", "¸" and "µ" into a space plus a mark, or into "μ"): a reply with no
 * escapes and, for Latin names, one byte a character parses several times faster than JSON records would.
 */
export const DICTIONARY_VERSION = 5;
/** The most a page is sent, in UTF-16 units: past it highlighting stops and says why, rather than cut names. */
export const MAX_DICTIONARY_LENGTH = 24_000_000;

/**
 * The most text a page sends in one request for its share of the dictionary (`getDictionary`); a page with more asks
 * in parts. A browser message is capped (64 MiB in Chromium, counted as escaped UTF-8, up to 6 bytes a character).
 */
export const MAX_SHARE_TEXT = 2_000_000;

/** Ends a line. */
export const LINE_END = '\u00A8';
/** Ends the key, and each term but the last. */
export const TERM_START = '\u00AF';
/** Between a term's fields: kind and flags, text, ids, qualifiers. */
export const FIELD = '\u00B8';
/** Between the ids (or the qualifiers) of one field. */
export const ITEM = '\u00B5';
/** Characters a field writes as %XX: the separators, "%" itself, and what JSON would escape. */
const ESCAPED =
  // eslint-disable-next-line no-control-regex -- control characters are what JSON would escape
  /[%\u00A8\u00AF\u00B8\u00B5"\\\u0000-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
export const KINDS = entityKind.options;

/** A term as a page's matcher reads it back from its line. */
export interface PackedTerm {
  kind: EntityKind;
  ids: string[];
  needsFullName: boolean;
  /** A one-word name that is also a common word ("May"): never linked at a sentence start. */
  commonWord: boolean;
  /** The words as the corpus capitalises them, diacritics dropped ("Maryam Rajavi"); for a topic, its key. */
  casedText: string;
  qualifiers: string[] | undefined;
}

/** In zod/mini, as every schema a page's content script loads (`zod-config.ts`). */
export const dictionary = z.object({
  version: z.literal(DICTIONARY_VERSION),
  /** Sorted lines (see above); empty for an empty corpus. */
  lines: z.string().check(
    z.maxLength(MAX_DICTIONARY_LENGTH),
    z.refine((lines) => lines === '' || lines.endsWith(LINE_END), 'every line ends with its separator'),
  ),
  /** How many terms the whole dictionary holds: a page is sent only its share of the lines (`dictionaryShare`). */
  terms: z.int().check(z.nonnegative()),
  /**
   * People's names in other spellings (`spellingVariants`), as lines `TAG KEY¯IDS¨` sorted by `TAG KEY` (`variantIds`
   * finds one by binary search, so a page unpacks none of them): tag `f` a full name's skeleton, `s` a surname's,
   * each with the ids of the people known by it; `e` a person's name as the corpus writes it (`writtenForm`), with
   * no ids. Keys are not escaped: both forms fold, which leaves no separator (see above).
   */
  variants: z.string().check(z.maxLength(MAX_DICTIONARY_LENGTH)),
});
export type Dictionary = z.infer<typeof dictionary>;

export const NEEDS_FULL_NAME = 1;
export const COMMON_WORD = 2;

/** The cap was passed: the message names the cap, and what to do. */
export class DictionaryTooLargeError extends Error {
  override name = 'DictionaryTooLargeError';
  constructor(
    readonly length: number,
    readonly maxLength = MAX_DICTIONARY_LENGTH,
  ) {
    super(t('dictionaryTooLarge', length, maxLength));
  }
}

export const escapeField = (text: string): string =>
  text.replace(ESCAPED, (char) =>
    char.length === 1 && char.charCodeAt(0) < 0x100
      ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : `%u${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const unescapeField = (text: string): string =>
  text.includes('%')
    ? text.replace(/%(?:u([0-9A-F]{4})|([0-9A-F]{2}))/gu, (_, wide: string | undefined, narrow: string | undefined) =>
        String.fromCharCode(parseInt(wide ?? narrow ?? '0', 16)),
      )
    : text;

/** "maryam rajavi" as most names are capitalised: "Maryam Rajavi". */
export const titleCased = (key: string): string =>
  key
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

/** The terms of the line whose key is `key`, written from `line` (the part after the key). */
export function unpackTerms(key: string, line: string): PackedTerm[] {
  const terms: PackedTerm[] = [];
  for (const packed of line.split(TERM_START)) {
    const [head = '', text = '', ids = '', qualifiers] = packed.split(FIELD);
    const kind = KINDS[Number(head.charAt(0))];
    const flags = Number(head.charAt(1));
    if (kind === undefined || ids === '') continue;
    terms.push({
      kind,
      ids: ids.split(ITEM).map(unescapeField),
      needsFullName: (flags & NEEDS_FULL_NAME) !== 0,
      commonWord: (flags & COMMON_WORD) !== 0,
      casedText: text === '' ? (kind === 'topic' ? key : titleCased(key)) : unescapeField(text),
      qualifiers: qualifiers === undefined ? undefined : qualifiers.split(ITEM).filter(Boolean).map(unescapeField),
    });
  }
  return terms;
}

/**
 * A name as written, only case and diacritics dropped: the corpus's own spellings, which the page's terms already
 * match under their own rules ("May" never at a sentence start), so a variant is only ever another spelling.
 */
export const writtenForm = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").replace(/\s+/g, ' ').trim();

/** The tags of the variants' lines: a full name's skeleton, a surname's, a name as the corpus writes it. */
export const VARIANT_FULL_NAME = 'f';
export const VARIANT_SURNAME = 's';
export const VARIANT_WRITTEN = 'e';

/**
 * The ids on the variants line with this tag and key ([] for a line of tag `e`), found by binary search in the sorted
 * lines; undefined when there is no such line. At 200,000 people the lines are about 11 M characters, which a page
 * took a second or more to unpack into maps before matching anything.
 */
export function variantIds(variants: string, tag: string, key: string): string[] | undefined {
  const wanted = tag + key;
  let from = 0;
  let to = variants.length;
  while (from < to) {
    // The line holding the middle: from and to are always line starts.
    const line = variants.lastIndexOf(LINE_END, ((from + to) >>> 1) - 1) + 1;
    const lineEnd = variants.indexOf(LINE_END, line);
    // A last line left open (the schema does not check these lines) ends the search rather than loop.
    if (lineEnd === -1) return undefined;
    const headEnd = variants.indexOf(TERM_START, line);
    const head = variants.slice(line, headEnd);
    if (head === wanted) {
      const ids = variants.slice(headEnd + 1, lineEnd);
      return ids ? ids.split(ITEM).map(unescapeField) : [];
    }
    if (head < wanted) from = lineEnd + 1;
    else to = line;
  }
  return undefined;
}
