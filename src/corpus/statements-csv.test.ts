import { describe, expect, it } from 'vitest';
import { compilePack } from './compile';
import { statementsCsv } from './statements-csv';

describe('statements as CSV', () => {
  const pack = compilePack(
    [
      {
        name: 'a.txt',
        text: 'Notes from Monday\n\nDr Jane Doe said, “We will publish, on Monday, the “full” report.”\n\n“=HYPERLINK(1)” was all the note said.',
      },
    ],
    { now: new Date('2024-01-01T00:00:00Z') },
  );

  it('has a header, then one row per statement with its speaker, words and source', () => {
    const lines = statementsCsv(pack).split('\r\n');
    expect(lines[0]).toBe('speaker,role,text,document,publisher,date,url,cue,corrected,source speaker');
    expect(lines[1]).toBe(
      'Jane Doe,,"We will publish, on Monday, the “full” report.",Notes from Monday,,,,said,,Jane Doe',
    );
    expect(lines).toHaveLength(pack.statements.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('leaves the speaker empty when the source does not make it clear, and never writes a formula', () => {
    const row = statementsCsv(pack).split('\r\n')[2] ?? '';
    expect(row.startsWith(",,'=HYPERLINK(1),")).toBe(true);
  });

  it('writes the speaker the reader named, marked, with the source’s beside it and no role', () => {
    const withRole = structuredClone(pack);
    const first = withRole.statements[0];
    if (first) first.role = 'chair';
    const corrected = (statement: { id: string }) =>
      statement.id === first?.id ? { speakerName: 'John Roe' } : undefined;
    const [, named, notCorrected] = statementsCsv(withRole, corrected).split('\r\n');
    expect(named).toMatch(/^John Roe,,".*",Notes from Monday,,,,said,by the reader,Jane Doe$/);
    expect(notCorrected).toMatch(/,,$/);
    const unclear = statementsCsv(withRole, () => ({ speakerName: null })).split('\r\n')[1];
    expect(unclear).toMatch(/^,,".*",Notes from Monday,,,,said,by the reader,Jane Doe$/);
  });

  it('quotes quotation marks and line breaks as RFC 4180 does', () => {
    const tricky = structuredClone(pack);
    const first = tricky.statements[0];
    if (first) first.text = 'He said "no"\nthen left';
    expect(statementsCsv(tricky).split('\r\n')[1]).toContain('"He said ""no""\nthen left"');
  });

  it.each([
    [' =1+1', "' =1+1"],
    ['\u00A0=1+1', "'\u00A0=1+1"],
    ['\uFF1DSUM(A1)', "'\uFF1DSUM(A1)"],
    ['\t=1', "'\t=1"],
    ['a;=1', '"a;=1"'],
    ['plain words', 'plain words'],
  ])('neutralises a formula however it is disguised: %j', (text, written) => {
    const tricky = structuredClone(pack);
    const first = tricky.statements[0];
    if (first) first.text = text;
    expect((statementsCsv(tricky).split('\r\n')[1] ?? '').split(',')[2]).toBe(written);
  });
});
