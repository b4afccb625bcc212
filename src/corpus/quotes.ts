// Finds quotation spans: curly and straight marks, quotes inside quotes, quotes running over several
// paragraphs, and the unbalanced marks of messy text.
import { SPEECH_VERB_ALTERNATION } from './lexicon';
import { splitLines } from './text';

export interface QuoteSpan {
  /** Offsets of the quoted words, without the marks. */
  start: number;
  end: number;
  /** Where the opening mark is; null when the text only closes it (the quote then starts with its paragraph). */
  openAt: number | null;
  /** Where the closing mark is; null when the quote is never closed (it then ends with its paragraph). */
  closeAt: number | null;
  /** For a close without an open: the unclosed quote before it that it may finish, with only unmarked paragraphs between. */
  bridgeFrom?: number;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
const MAX_BRIDGED_LINES = 8;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** What may stand before a straight mark that opens: a space, an opening bracket or a dash. */
  beforeOpeningMark: /[\s([{\u2014\u2013-]/,
  /** The end of a word or sentence, which a mark glued to it closes. */
  wordOrSentenceEnd: /[\p{L}\p{N}.,!?…]/u,
  spaceOrNothing: /^(?:\s|$)/,
  whitespace: /\s/,
  /** One to three capitalised words and nothing else: the shape of a name ("Perry", "Big Tom"). */
  nameShape: /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}$/u,
  /**
   * After the closing mark, the quoted words' own speech verb (perhaps after an adverb, perhaps "in" or "back"), then
   * a colon, a comma, a full stop, a quote or "that": “Perry” chimed in: “…”. Not “Fire” shouted a man.
   */
  speechVerbWithoutSubject: new RegExp(
    `^[”"]?\\s+(?:\\p{Ll}+ly\\s+)?(?:${SPEECH_VERB_ALTERNATION})(?:\\s+(?:in|back|up))?(?:\\s*[:,.“"]|\\s+that\\b)`,
    'u',
  ),
} as const;

type Mark = 'open' | 'close';

function markAt(text: string, i: number): Mark | null {
  const c = text[i] ?? '';
  if (OPENERS.has(c)) return 'open';
  if (CLOSERS.has(c)) return 'close';
  if (c !== '"') return null;
  // A straight mark opens after a space or bracket and closes after a word or punctuation.
  const before = i === 0 ? '\n' : (text[i - 1] ?? '\n');
  return REGEXPS.beforeOpeningMark.test(before) ? 'open' : 'close';
}

/**
 * "“We did it for the town,“ Okafor says": an opening curly mark glued to the end of a word or sentence,
 * with a space or the paragraph end after it, closes the open quote (a typesetting slip); an opening mark never
 * ends a word.
 */
function isMisturnedClose(text: string, i: number): boolean {
  return (
    text[i] === '“' &&
    REGEXPS.wordOrSentenceEnd.test(text[i - 1] ?? ' ') &&
    REGEXPS.spaceOrNothing.test(text.slice(i + 1, i + 2))
  );
}

/**
 * “Perry” chimed in: “…”: a name in quote marks (a nickname, a name the writer doubts) as the subject of its own
 * speech verb is the narration's speaker, not a quotation.
 */
function isQuotedName(text: string, quote: QuoteSpan): boolean {
  return (
    quote.closeAt !== null &&
    REGEXPS.nameShape.test(text.slice(quote.start, quote.end)) &&
    REGEXPS.speechVerbWithoutSubject.test(text.slice(quote.closeAt, quote.closeAt + 60))
  );
}

/**
 * Top-level quotations in document order; quotes inside quotes stay part of their outer quote, and a quoted name
 * that speaks is no quotation.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let open: { openAt: number; depth: number } | null = null;
  /** The last quote left unclosed at a paragraph end, and the line it ended on. */
  let unclosed: { index: number; line: number } | null = null;
  const lines = splitLines(text);
  const trimmedEnd = (from: number, to: number): number => {
    let end = to;
    while (end > from && REGEXPS.whitespace.test(text[end - 1] ?? '')) end--;
    return end;
  };
  lines.forEach((line, lineIndex) => {
    let sawMark = false;
    let lastMarkEnd = line.start;
    for (let i = line.start; i < line.end; i++) {
      let mark = markAt(text, i);
      if (mark === null) continue;
      if (mark === 'open' && open !== null && isMisturnedClose(text, i)) mark = 'close';
      if (mark === 'open') {
        if (open === null) open = { openAt: i, depth: 1 };
        else if (i === line.start && !sawMark)
          open.depth = 1; // a paragraph re-opening the same quote
        else open.depth++;
      } else if (open !== null) {
        open.depth--;
        if (open.depth === 0) {
          quotes.push({ start: open.openAt + 1, end: i, openAt: open.openAt, closeAt: i });
          open = null;
          lastMarkEnd = i + 1;
        }
      } else {
        const start = lastMarkEnd;
        const span: QuoteSpan = { start, end: i, openAt: null, closeAt: i };
        if (unclosed !== null && !sawMark && lineIndex - unclosed.line <= MAX_BRIDGED_LINES)
          span.bridgeFrom = unclosed.index;
        if (i > start) quotes.push(span);
        lastMarkEnd = i + 1;
      }
      sawMark = true;
    }
    if (sawMark) unclosed = null;
    const next = lines[lineIndex + 1];
    const nextOpens = next !== undefined && markAt(text, next.start) === 'open';
    if (open !== null && !nextOpens) {
      // Unclosed at the paragraph end and not continued by the next paragraph: the quote ends here.
      quotes.push({
        start: open.openAt + 1,
        end: trimmedEnd(open.openAt + 1, line.end),
        openAt: open.openAt,
        closeAt: null,
      });
      unclosed = { index: quotes.length - 1, line: lineIndex };
      open = null;
    }
  });
  return quotes.filter((q) => q.end > q.start && !isQuotedName(text, q));
}
