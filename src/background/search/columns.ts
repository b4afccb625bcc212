/**
 * Columns of the search table (table.ts): many values stored as one string or one typed array, because IndexedDB's
 * structured clone copies a string or a typed array in one piece, where 100,000 rows of objects are 100,000 objects
 * to rebuild. A text column keeps each distinct string once, all of them end to end, and per row the number of its
 * string, or NONE.
 */
import { z } from 'zod';

export const uint32Array = z.custom<Uint32Array>((value) => value instanceof Uint32Array, 'expected a Uint32Array');
export const int32Array = z.custom<Int32Array>((value) => value instanceof Int32Array, 'expected an Int32Array');

/** A row without a value: an optional field left out, or a null. */
export const NONE = -1;

export interface TextColumn {
  /** The distinct strings, end to end. */
  text: string;
  /** Where each distinct string starts in `text`, and one more: where the last ends. */
  starts: Uint32Array;
  /** Per row, the number of its string, or NONE. */
  rows: Int32Array;
}

/**
 * Whether `offsets` cut a run of `length` items into consecutive parts: it starts at 0, never goes back, and ends at
 * `length`. Checked on every stored offset array, so a damaged one is refused rather than read out of range.
 */
export function areOffsets(offsets: ArrayLike<number>, length: number): boolean {
  if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== length) return false;
  for (let i = 1; i < offsets.length; i++) if ((offsets[i] as number) < (offsets[i - 1] as number)) return false;
  return true;
}

/** A text column's schema: its parts fit together, and each distinct value passes `value` when given. */
export function textColumnOf(value?: z.core.$ZodType<string>) {
  return z.object({ text: z.string(), starts: uint32Array, rows: int32Array }).refine((column) => {
    if (!areOffsets(column.starts, column.text.length)) return false;
    const values = column.starts.length - 1;
    const rows = column.rows;
    for (let i = 0; i < rows.length; i++) if ((rows[i] as number) < NONE || (rows[i] as number) >= values) return false;
    if (!value) return true;
    for (let i = 0; i < values; i++) if (!z.safeParse(value, valueAt(column, i)).success) return false;
    return true;
  }, 'the column does not fit together');
}
export const textColumn = textColumnOf();

function valueAt(column: TextColumn, value: number): string {
  return column.text.slice(column.starts[value], column.starts[value + 1]);
}

/** The row's string, or undefined for NONE. */
export function textAt(column: TextColumn, row: number): string | undefined {
  const value = column.rows[row] ?? NONE;
  return value === NONE ? undefined : valueAt(column, value);
}

/** Collects a text column row by row; a string seen before is stored once. */
export class TextColumnBuilder {
  private readonly numbers = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly rows: number[] = [];

  add(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.rows.push(NONE);
      return;
    }
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.numbers.set(value, number);
      this.values.push(value);
    }
    this.rows.push(number);
  }

  build(): TextColumn {
    const starts = new Uint32Array(this.values.length + 1);
    this.values.forEach((value, i) => {
      starts[i + 1] = (starts[i] as number) + value.length;
    });
    return { text: this.values.join(''), starts, rows: Int32Array.from(this.rows) };
  }
}

/** A list of strings per row: every row's strings one after another, and where each row's list starts. */
export interface TextListColumn {
  values: TextColumn;
  /** Where each row's strings start in `values`, and one more: where the last row's end. */
  starts: Uint32Array;
}

export const textListColumn = z
  .object({ values: textColumn, starts: uint32Array })
  .refine((column) => areOffsets(column.starts, column.values.rows.length), 'the list column does not fit together');

export function listAt(column: TextListColumn, row: number): string[] {
  const list: string[] = [];
  for (let i = column.starts[row] ?? 0; i < (column.starts[row + 1] ?? 0); i++)
    list.push(textAt(column.values, i) ?? '');
  return list;
}

export class TextListColumnBuilder {
  private readonly values = new TextColumnBuilder();
  private readonly starts = [0];

  add(list: readonly string[]): void {
    for (const value of list) this.values.add(value);
    this.starts.push((this.starts.at(-1) as number) + list.length);
  }

  build(): TextListColumn {
    return { values: this.values.build(), starts: Uint32Array.from(this.starts) };
  }
}

/** Numbers: counts and offsets in a Uint32Array, rows of another group (or NONE) in an Int32Array. */
export class NumberColumnBuilder<A extends Uint32Array | Int32Array> {
  private readonly values: number[] = [];

  constructor(private readonly kind: { from(values: number[]): A }) {}

  add(value: number): void {
    this.values.push(value);
  }

  build(): A {
    return this.kind.from(this.values);
  }
}

type ColumnBuilder = TextColumnBuilder | TextListColumnBuilder | NumberColumnBuilder<Uint32Array | Int32Array>;

/** One row's values, a value per column. */
export type RowOf<Builders extends Record<string, ColumnBuilder>> = {
  [K in keyof Builders]: Parameters<Builders[K]['add']>[0];
};

/** Adds a row to a group's columns. */
export function addRow<Builders extends Record<string, ColumnBuilder>>(builders: Builders, row: RowOf<Builders>): void {
  for (const key of Object.keys(builders)) (builders[key] as { add(value: unknown): void }).add(row[key]);
}

/** The group's columns, each built. */
export function buildColumns<Builders extends Record<string, ColumnBuilder>>(
  builders: Builders,
): { [K in keyof Builders]: ReturnType<Builders[K]['build']> } {
  return Object.fromEntries(Object.entries(builders).map(([key, builder]) => [key, builder.build()])) as {
    [K in keyof Builders]: ReturnType<Builders[K]['build']>;
  };
}

/** How many rows a column holds, whichever kind it is. */
export function rowCount(column: TextColumn | TextListColumn | Uint32Array | Int32Array): number {
  if (column instanceof Uint32Array || column instanceof Int32Array) return column.length;
  return 'rows' in column ? column.rows.length : column.starts.length - 1;
}
