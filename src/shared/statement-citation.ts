import type { PassageSource } from './entity-card';
import { formatDate } from './ui/format';

/** A statement to cite: its words, who said them as what, and where. */
export interface CitedStatement {
  text: string;
  speaker: string;
  role?: string;
  source: PassageSource;
}

/** How much of the document's text on each side of a quote a TextQuoteSelector keeps, to find the quote again. */
const CONTEXT = 32;

/** “…” — Name, role, Publisher, 14 March 2026, URL (the document's title where it has no URL). */
export function citationText({ text, speaker, role, source }: CitedStatement): string {
  const where = [speaker, role, source.publisher, formatDate(source.date), source.url ?? source.documentTitle];
  return `“${text}” — ${where.filter(Boolean).join(', ')}`;
}

/**
 * The statement as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) quoting its source: a
 * TextQuoteSelector (the words with some text before and after) and a TextPositionSelector (their offsets), both over
 * the document's text as the corpus holds it. `documentText` is that text.
 */
export function webAnnotation(statement: CitedStatement, documentText: string): object {
  const { source } = statement;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'quoting',
    body: {
      type: 'TextualBody',
      purpose: 'describing',
      value: [statement.speaker, statement.role].filter(Boolean).join(', '),
    },
    target: {
      source:
        source.url ?? `urn:sourcelight:${encodeURIComponent(source.packId)}:${encodeURIComponent(source.documentId)}`,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: documentText.slice(source.start, source.end),
          prefix: documentText.slice(Math.max(0, source.start - CONTEXT), source.start),
          suffix: documentText.slice(source.end, source.end + CONTEXT),
        },
        { type: 'TextPositionSelector', start: source.start, end: source.end },
      ],
    },
  };
}
