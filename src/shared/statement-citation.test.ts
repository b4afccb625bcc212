import { describe, expect, it } from 'vitest';
import type { PassageSource } from './entity-card';
import { citationText, webAnnotation } from './statement-citation';

const documentText = 'Notes\n\nJane Roe said: “We will publish the whole report in May.” She left.';
const start = documentText.indexOf('We will');
const end = documentText.indexOf('May.') + 4;
const source: PassageSource = {
  packId: 'reader-notes',
  corpusTitle: 'Reader notes',
  documentId: 'notes',
  documentTitle: 'Notes',
  publisher: 'The Harbour Gazette',
  date: '2026-03-14',
  url: 'https://example.org/notes',
  start,
  end,
};
const statement = {
  text: 'We will publish the whole report in May.',
  speaker: 'Jane Roe',
  role: 'trust director',
  source,
};

describe('a statement cited', () => {
  it('as text: the words, then who said them as what, the publisher, the day and the address', () => {
    expect(citationText(statement)).toBe(
      '“We will publish the whole report in May.” — Jane Roe, trust director, The Harbour Gazette, 14 March 2026, https://example.org/notes',
    );
    const bare: PassageSource = { ...source, publisher: undefined, url: undefined };
    expect(citationText({ text: 'Yes.', speaker: 'Jane Roe', source: bare })).toBe(
      '“Yes.” — Jane Roe, 14 March 2026, Notes',
    );
  });

  it('as a Web Annotation whose selectors find the words in the source again', () => {
    const annotation = webAnnotation(statement, documentText) as {
      target: {
        source: string;
        selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }];
      };
    };
    expect(annotation.target.source).toBe('https://example.org/notes');
    const [quote, position] = annotation.target.selector;
    expect(quote.exact).toBe(statement.text);
    expect(documentText.indexOf(quote.prefix + quote.exact + quote.suffix)).toBe(start - quote.prefix.length);
    expect(documentText.slice(position.start, position.end)).toBe(statement.text);
  });
});
