import type { CorpusPack, Statement } from './pack';

/**
 * The columns, in order: who said it, as what, the words, and where and when, as the pack records them; then whether
 * the reader corrected the speaker, and whom the source's text gives the words to, so that the original stays.
 */
export const STATEMENT_COLUMNS = [
  'speaker',
  'role',
  'text',
  'document',
  'publisher',
  'date',
  'url',
  'cue',
  'corrected',
  'source speaker',
] as const;

/** The speaker the reader named for a statement (null: "speaker not clear"), when they corrected it. */
export type CorrectedSpeaker = (statement: Statement) => { speakerName: string | null } | undefined;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /**
   * What a spreadsheet may run as a formula when a cell starts with it: =, +, -, @ (also in their full-width forms,
   * which some spreadsheets fold), after any spaces, no-break spaces, tabs or line breaks they skip (OWASP's CSV
   * injection list).
   */
  formulaStart: /^[\s\u00A0\u2000-\u200B\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u,
  /** What makes RFC 4180 quote a cell: a quote, a comma, a semicolon or a line break. */
  needsQuoting: /[",;\r\n]/,
  quoteMark: /"/g,
} as const;

/**
 * A cell as RFC 4180 writes it, quoted when it holds a comma, a semicolon (the separator where the decimal mark is a
 * comma), a quote or a line break. A cell a spreadsheet would run as a formula gets a leading apostrophe: corpus text
 * is data, never code.
 */
function cell(value: string): string {
  const safe = REGEXPS.formulaStart.test(value) ? `'${value}` : value;
  return REGEXPS.needsQuoting.test(safe) ? `"${safe.replace(REGEXPS.quoteMark, '""')}"` : safe;
}

/**
 * A pack's statements as CSV, one row each, in the pack's order. A statement whose source does not make the speaker
 * clear has an empty speaker: the CSV, like the card, never guesses. A statement the reader corrected has their
 * speaker, "by the reader" in `corrected`, and no role (the role is the source speaker's).
 */
export function statementsCsv(pack: CorpusPack, corrected: CorrectedSpeaker = () => undefined): string {
  const names = new Map(pack.entities.map((entity) => [entity.id, entity.name]));
  const sources = new Map(pack.documents.map((source) => [source.id, source]));
  const rows = pack.statements.map((statement) => {
    const source = sources.get(statement.documentId);
    const sourceSpeaker = statement.speakerId === null ? '' : (names.get(statement.speakerId) ?? '');
    const correction = corrected(statement);
    return [
      correction ? (correction.speakerName ?? '') : sourceSpeaker,
      correction ? '' : (statement.role ?? ''),
      statement.text,
      source?.title ?? '',
      source?.publisher ?? '',
      source?.date ?? '',
      source?.url ?? '',
      statement.cue,
      correction ? 'by the reader' : '',
      sourceSpeaker,
    ]
      .map(cell)
      .join(',');
  });
  return [STATEMENT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
