/**
 * The documents' whole texts, kept apart from the rest of the search index and read in parts as searches need them.
 * At 100,000 statements they are 19.6 M characters, twice that in bytes once a text holds a curly quote, and reading
 * them took most of a restarted background's first search in Firefox; a first search needs the texts of the few
 * dozen records it ranks. Each part holds whole documents, about PART_CHARS characters of them, so a record's text
 * is in one part.
 */
import { z } from 'zod';
import { areOffsets, uint32Array } from './columns';

/** About this many characters of documents per part; a longer document is a part of its own. */
const PART_CHARS = 32_768;

/** What the table keeps of the texts: where each document's text stands among them all, and which part holds it. */
export const documentTextsColumn = z
  .object({
    /** Where each document's text starts, the texts end to end, and one more: where the last ends. */
    starts: uint32Array,
    /** The first document of each part, and one more: the number of documents. */
    partRows: uint32Array,
  })
  .refine(
    ({ starts, partRows }) =>
      areOffsets(starts, starts[starts.length - 1] ?? 0) && areOffsets(partRows, starts.length - 1),
    'the document texts do not fit together',
  );
export type DocumentTextsColumn = z.infer<typeof documentTextsColumn>;

/** The length of a document's text, from the column alone: whether its part is read or not. */
export function textLength(column: DocumentTextsColumn, row: number): number {
  return (column.starts[row + 1] ?? 0) - (column.starts[row] ?? 0);
}

/** The documents' texts cut into parts, and the column that finds a document's text among them. */
export function documentTextParts(texts: readonly string[]): { column: DocumentTextsColumn; parts: string[] } {
  const starts = new Uint32Array(texts.length + 1);
  const partRows = [0];
  const parts: string[] = [];
  let part: string[] = [];
  let partLength = 0;
  texts.forEach((text, row) => {
    starts[row + 1] = (starts[row] as number) + text.length;
    if (part.length && partLength + text.length > PART_CHARS) {
      parts.push(part.join(''));
      partRows.push(row);
      part = [];
      partLength = 0;
    }
    part.push(text);
    partLength += text.length;
  });
  if (part.length) {
    parts.push(part.join(''));
    partRows.push(texts.length);
  }
  return { column: { starts, partRows: Uint32Array.from(partRows) }, parts };
}

/**
 * The texts as far as they are read. A text whose part is not read yet is undefined, and its part is noted as
 * wanted; the caller reads the wanted parts and fills them in. A part that cannot be read, or does not fit, is
 * marked as missing: its documents' records are then left out of searches rather than shown with a wrong text.
 */
export class DocumentTexts {
  private readonly parts: (string | null | undefined)[];
  private readonly wanted = new Set<number>();

  /** `parts` as far as they are read (all of them for an index just built), undefined where not. */
  constructor(
    readonly column: DocumentTextsColumn,
    parts: readonly (string | undefined)[] = [],
  ) {
    this.parts = Array.from({ length: this.partCount }, (_, part) => {
      const text = parts[part];
      return text !== undefined && this.fits(part, text) ? text : undefined;
    });
  }

  get partCount(): number {
    return this.column.partRows.length - 1;
  }

  /** Characters `start` to `end` of the document's text (all of it by default); undefined while its part is unread. */
  slice(row: number, start = 0, end = textLength(this.column, row)): string | undefined {
    const part = this.partOf(row);
    const text = this.parts[part];
    if (typeof text !== 'string') {
      if (text === undefined && part >= 0) this.wanted.add(part);
      return undefined;
    }
    const base = (this.column.starts[row] ?? 0) - (this.column.starts[this.column.partRows[part] ?? 0] ?? 0);
    return text.slice(base + start, base + end);
  }

  /** The parts asked for since the last call and not yet read, which the caller is to read. */
  takeWanted(): number[] {
    const wanted = [...this.wanted].filter((part) => this.parts[part] === undefined);
    this.wanted.clear();
    return wanted;
  }

  /** Fills in a part as read: undefined, or a text of another length than the part's, marks it missing. */
  fill(part: number, text: string | undefined): void {
    if (this.parts[part] !== undefined) return;
    this.parts[part] = text !== undefined && this.fits(part, text) ? text : null;
  }

  /** Every part, for storing an index just built; undefined while any is unread or missing. */
  allParts(): string[] | undefined {
    return this.parts.every((text) => typeof text === 'string') ? (this.parts as string[]) : undefined;
  }

  private fits(part: number, text: string): boolean {
    const { starts, partRows } = this.column;
    return text.length === (starts[partRows[part + 1] ?? 0] ?? 0) - (starts[partRows[part] ?? 0] ?? 0);
  }

  /** The part holding the document, -1 for a row out of range. */
  private partOf(row: number): number {
    const rows = this.column.partRows;
    if (!(row >= 0 && row < (rows[rows.length - 1] ?? 0))) return -1;
    let low = 0;
    let high = rows.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((rows[middle] as number) <= row) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
