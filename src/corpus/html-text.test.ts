import { describe, expect, it } from 'vitest';
import { plainTextOfHtml } from './html-text';

describe('plainTextOfHtml', () => {
  it('keeps a plain text exactly as it is', () => {
    const text = 'The Department holds no such data.\n  It will publish it in 2025 if x < y > z.';
    expect(plainTextOfHtml(text)).toBe(text);
  });

  it('puts each paragraph, list item and line break on a line of its own, and drops every tag', () => {
    expect(
      plainTextOfHtml(
        '<p>The Government is clear.</p>\n<p>We will:</p><ul><li>act <strong>now</strong>;</li><li>report<br/>later.</li></ul>',
      ),
    ).toBe('The Government is clear.\nWe will:\nact now;\nreport\nlater.');
  });

  it('decodes character references, and leaves an unknown name as written', () => {
    expect(plainTextOfHtml('<p>Fish &amp; chips cost &pound;5&nbsp;&ndash; &#8220;cheap&#x201D; &bogus;</p>')).toBe(
      'Fish & chips cost £5 – “cheap” &bogus;',
    );
  });

  it('takes a script or a link as words only, never as markup', () => {
    expect(plainTextOfHtml('<p>See <a href="javascript:alert(1)">the table</a><script>x</script>.</p>')).toBe(
      'See the tablex.',
    );
  });
});
