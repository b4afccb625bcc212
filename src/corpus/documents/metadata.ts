// Reads a document's title, publisher and date from its own text, and gives it an id from its file name.
import { dateOfWholeText, findDates } from '../dates';
import { ORGANISATION_WORDS } from '../lexicon';
import { slugify, splitLines } from '../text';

export interface DocumentMetadata {
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
}

const TITLE_MAX = 120;
/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A header line such as " date 2017-10-04 Iran Focus": the date (group 1) and the publisher (group 2). */
  dateHeader: /^date\s*:?\s*(\d{4}-\d{2}-\d{2})\s*(.*)$/i,
  /** A dateline opening the body: "London, 4 Oct - ". */
  dateline: /^[A-Z][\p{L} .'-]{1,40},\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?\s+[-–—]\s+/u,
  urlLine: /^(?:url|source)\s*:?\s*(https?:\/\/\S+)$/i,
  pathSeparator: /[\\/]/,
  fileExtension: /\.[^.]+$/,
  /** A full stop, "!" or "?" that ends a sentence: before a space or the line's end. */
  sentenceEnd: /[.!?](\s|$)/,
  trailingSpacesAndPunctuation: /[\s,;:]+$/,
  endsSentence: /[.!?]$/,
  whitespace: /\s+/,
  /** "Committee for X Freedom" in "The Chair of the Committee for X Freedom": what a signature speaks for. */
  ofBody: /\bof (?:the )?(.+)$/,
  onBeforeDate: /\bon\s+$/,
} as const;

/** A stable document id from a file name: "000_7a97.txt" -> "000-7a97". */
export function documentIdFromName(name: string): string {
  const base = name.split(REGEXPS.pathSeparator).pop() ?? name;
  return slugify(base.replace(REGEXPS.fileExtension, ''));
}

function shortened(line: string): string {
  if (line.length <= TITLE_MAX) return line;
  const sentenceEnd = line.search(REGEXPS.sentenceEnd);
  if (sentenceEnd > 20 && sentenceEnd < TITLE_MAX) return line.slice(0, sentenceEnd + 1);
  const cut = line.lastIndexOf(' ', TITLE_MAX - 1);
  return `${line.slice(0, cut > 40 ? cut : TITLE_MAX - 1).replace(REGEXPS.trailingSpacesAndPunctuation, '')}…`;
}

function looksLikeOrganisation(line: string): boolean {
  return (
    line.length < 90 &&
    !REGEXPS.endsSentence.test(line) &&
    line.split(REGEXPS.whitespace).some((w) => ORGANISATION_WORDS.has(w.toLowerCase()))
  );
}

/** Title, publisher and date as the text gives them; a title from the first line otherwise. */
export function findDocumentMetadata(text: string, fallbackTitle: string): DocumentMetadata {
  const lines = splitLines(text);
  const meta: DocumentMetadata = { title: '' };
  let bodyIndex = 0;
  for (; bodyIndex < Math.min(lines.length, 3); bodyIndex++) {
    const line = lines[bodyIndex]?.text ?? '';
    const header = REGEXPS.dateHeader.exec(line);
    const url = REGEXPS.urlLine.exec(line);
    if (header?.[1] !== undefined) {
      meta.date = header[1];
      if (header[2]) meta.publisher = header[2].trim();
    } else if (url?.[1] !== undefined) {
      meta.url = url[1];
    } else break;
  }
  const first = lines[bodyIndex]?.text.replace(REGEXPS.dateline, '') ?? '';
  meta.title = first ? shortened(first) : fallbackTitle;

  // A signature block at the end: "... Committee for X Freedom" then "10 September 2020".
  const last = lines[lines.length - 1];
  const trailingDate = last !== undefined && lines.length > 1 ? dateOfWholeText(last.text) : null;
  if (trailingDate !== null) {
    meta.date ??= trailingDate;
    const signature = lines[lines.length - 2]?.text ?? '';
    const body = REGEXPS.ofBody.exec(signature)?.[1] ?? signature;
    if (meta.publisher === undefined && looksLikeOrganisation(body)) meta.publisher = body;
  }
  if (meta.date === undefined) {
    // An event date near the top ("on Thursday, 10 September 2020") dates a report of that event.
    const top = lines
      .slice(bodyIndex, bodyIndex + 3)
      .map((l) => l.text)
      .join('\n');
    const onDate = findDates(top).find((d) => REGEXPS.onBeforeDate.test(top.slice(Math.max(0, d.start - 4), d.start)));
    if (onDate !== undefined) meta.date = onDate.iso;
  }
  return meta;
}
