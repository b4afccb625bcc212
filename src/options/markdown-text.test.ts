import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-text';

describe('markdownToText', () => {
  it('keeps headings and paragraphs as lines with a blank line between', () => {
    expect(markdownToText('# Harbour wall\n\nWork begins in May.\n\n## Cost\nIt doubled.')).toBe(
      'Harbour wall\n\nWork begins in May.\n\nCost\n\nIt doubled.',
    );
  });

  it('joins the lines a paragraph wraps over, so a quote split by the wrap stays one paragraph', () => {
    expect(markdownToText('"The wall will protect four hundred\nhomes," said Elspeth Marrow.\n')).toBe(
      '"The wall will protect four hundred homes," said Elspeth Marrow.',
    );
  });

  it('keeps the words of links, images, emphasis, code and strikethrough, and drops their syntax', () => {
    expect(
      markdownToText(
        'Councillor **Tobias Quill** told [the Gazette](https://example.org/g "x") that _costs_ had *doubled* ' +
          'and ~~fallen~~ ![a chart](chart.png) by `5%` <br> <https://example.org>.',
      ),
    ).toBe(
      'Councillor Tobias Quill told the Gazette that costs had doubled and fallen a chart by 5% https://example.org.',
    );
  });

  it('leaves underscores inside words and escaped characters alone', () => {
    expect(markdownToText('The file harbour_wall_plan and 2 \\* 3 \\_not emphasis\\_.')).toBe(
      'The file harbour_wall_plan and 2 * 3 _not emphasis_.',
    );
  });

  it('makes each list item and quoted paragraph its own line without its marker', () => {
    expect(markdownToText('- first item\n  wrapped\n* second\n1. third\n- [x] done\n\n> quoted line\n> more')).toBe(
      'first item wrapped\n\nsecond\n\nthird\n\ndone\n\nquoted line more',
    );
  });

  it('drops front matter, rules, reference definitions, table delimiters, comments and setext underlines', () => {
    const markdown = [
      '---',
      'layout: post',
      '---',
      'Title',
      '=====',
      '',
      '<!-- a note to self -->',
      'Text with a [reference][r].',
      '',
      '[r]: https://example.org',
      '***',
      '| Name | Role |',
      '| --- | :---: |',
      '| Tobias Quill | Councillor |',
    ].join('\n');
    expect(markdownToText(markdown)).toBe('Title\n\nText with a reference.\n\nName Role\n\nTobias Quill Councillor');
  });

  it('keeps the lines of a fenced code block as they are', () => {
    expect(markdownToText('Before\n\n```js\nconst a = 1;\n  b();\n```\nAfter')).toBe(
      'Before\n\nconst a = 1;\n  b();\n\nAfter',
    );
  });

  it('keeps the header lines the compiler reads (date, address) as lines of their own', () => {
    const text =
      'date 2024-03-12 Northport Gazette\nurl: https://example.org/a\nNorthport approves a wall\n\nIt said so.';
    expect(markdownToText(text)).toBe(
      'date 2024-03-12 Northport Gazette\n\nurl: https://example.org/a\n\nNorthport approves a wall\n\nIt said so.',
    );
  });

  it('turns front matter into the header lines and title the compiler reads', () => {
    const markdown =
      '---\ntitle: "Harbour wall approved"\ndate: 2024-03-12\npublisher: Northport Gazette\n---\nIt said so.';
    expect(markdownToText(markdown)).toBe('date 2024-03-12 Northport Gazette\n\nHarbour wall approved\n\nIt said so.');
  });
});
