/**
 * The words of a passage an official record writes as HTML (Parliament's answers are `<p>` paragraphs, lists and
 * tables), as plain text: tags dropped, a paragraph, row or line break ended with a line break, character references
 * decoded. The result is only ever shown as text; this makes markup readable, it does not make it safe.
 */

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  comment: /<!--[\s\S]*?-->/g,
  /** Ends of blocks and line breaks, where the text goes on a new line. */
  lineBreak: /<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6]|blockquote|table|ul|ol|dd|dt)\s*>/gi,
  /** A tag: `<` then a letter or `/`, so that "x < y > z" in running text is left alone. */
  tag: /<\/?[a-z][^<>]*>/gi,
  /** A character reference: decimal (group 1), hexadecimal (group 2) or named (group 3). */
  reference: /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi,
  looksLikeMarkup: /<\/?[a-z][^<>]*>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i,
  /** A line break in the source with the spaces around it: HTML's line breaks are spaces. */
  sourceLineBreak: /\s*\n\s*/g,
  horizontalSpaces: /[ \t\u00a0]+/g,
} as const;

/** The named references such records use; any other is left as written rather than guessed. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  euro: '€',
  deg: '°',
  frac12: '½',
  middot: '·',
  bull: '•',
};

function decodeReference(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

export function plainTextOfHtml(text: string): string {
  if (!REGEXPS.looksLikeMarkup.test(text)) return text;
  return text
    .replace(REGEXPS.comment, '')
    .replace(REGEXPS.sourceLineBreak, ' ')
    .replace(REGEXPS.lineBreak, '\n')
    .replace(REGEXPS.tag, '')
    .replace(REGEXPS.reference, decodeReference)
    .split('\n')
    .map((line) => line.replace(REGEXPS.horizontalSpaces, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
