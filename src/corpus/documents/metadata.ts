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
/** A header line such as " date 2017-10-04 Iran Focus". */
const DATE_HEADER = /^date\s*:?\s*(\d{4}-\d{2}-\d{2})\s*(.*)$/i;
/** A dateline opening the body: "London, 4 Oct - ". */
const DATELINE = /^[A-Z][\p{L} .'-]{1,40},\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?\s+[-–—]\s+/u;
const URL_LINE = /^(?:url|source)\s*:?\s*(https?:\/\/\S+)$/i;

/** A stable document id from a file name: "000_7a97.txt" -> "000-7a97". */
export function documentIdFromName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return slugify(base.replace(/\.[^.]+$/, ''));
}

function shortened(line: string): string {
  if (line.length <= TITLE_MAX) return line;
  const sentenceEnd = line.search(/[.!?](\s|$)/);
  if (sentenceEnd > 20 && sentenceEnd < TITLE_MAX) return line.slice(0, sentenceEnd + 1);
  const cut = line.lastIndexOf(' ', TITLE_MAX - 1);
  return `${line.slice(0, cut > 40 ? cut : TITLE_MAX - 1).replace(/[\s,;:]+$/, '')}…`;
}

function looksLikeOrganisation(line: string): boolean {
  return (
    line.length < 90 && !/[.!?]$/.test(line) && line.split(/\s+/).some((w) => ORGANISATION_WORDS.has(w.toLowerCase()))
  );
}

/** Title, publisher and date as the text gives them; a title from the first line otherwise. */
export function findDocumentMetadata(text: string, fallbackTitle: string): DocumentMetadata {
  const lines = splitLines(text);
  const meta: DocumentMetadata = { title: '' };
  let bodyIndex = 0;
  for (; bodyIndex < Math.min(lines.length, 3); bodyIndex++) {
    const line = lines[bodyIndex]?.text ?? '';
    const header = DATE_HEADER.exec(line);
    const url = URL_LINE.exec(line);
    if (header?.[1] !== undefined) {
      meta.date = header[1];
      if (header[2]) meta.publisher = header[2].trim();
    } else if (url?.[1] !== undefined) {
      meta.url = url[1];
    } else break;
  }
  const first = lines[bodyIndex]?.text.replace(DATELINE, '') ?? '';
  meta.title = first ? shortened(first) : fallbackTitle;

  // A signature block at the end: "... Committee for X Freedom" then "10 September 2020".
  const last = lines[lines.length - 1];
  const trailingDate = last !== undefined && lines.length > 1 ? dateOfWholeText(last.text) : null;
  if (trailingDate !== null) {
    meta.date ??= trailingDate;
    const signature = lines[lines.length - 2]?.text ?? '';
    const body = /\bof (?:the )?(.+)$/.exec(signature)?.[1] ?? signature;
    if (meta.publisher === undefined && looksLikeOrganisation(body)) meta.publisher = body;
  }
  if (meta.date === undefined) {
    // An event date near the top ("on Thursday, 10 September 2020") dates a report of that event.
    const top = lines
      .slice(bodyIndex, bodyIndex + 3)
      .map((l) => l.text)
      .join('\n');
    const onDate = findDates(top).find((d) => /\bon\s+$/.test(top.slice(Math.max(0, d.start - 4), d.start)));
    if (onDate !== undefined) meta.date = onDate.iso;
  }
  return meta;
}
