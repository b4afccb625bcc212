// Decides who said each quotation by the attribution sieve (sieve.ts), and finds statements made without quote
// marks ("Name: ...", "According to X, ..."). When the text does not make the speaker clear, the speaker is null
// and the statement says why.
import { PACK_LIMITS, type Statement } from '../pack';
import { findQuotes } from '../quotes';
import { accordingTo } from './according-to';
import { colonLines } from './colon-lines';
import { abstain, createScene, type AttributionContext } from './context';
import { joinQuotesOverParagraphs } from './multi-paragraph';
import { attributeQuote } from './sieve';

export type { AttributionContext } from './context';

/** Short quotes nobody is said to have spoken are titles or scare quotes, not statements. */
const MIN_UNATTRIBUTED_WORDS = 3;

export function findStatements(ctx: AttributionContext): Statement[] {
  const { text, documentId } = ctx;
  const decided: Statement[] = [];
  const scene = createScene(ctx, findQuotes(text), decided);
  const spans = joinQuotesOverParagraphs(scene);
  let previousEnd = 0;
  for (const quote of spans) {
    // A quote longer than a pack allows (a quote mark never closed in a long text) keeps its first part.
    const body = text.slice(quote.start, Math.min(quote.end, quote.start + PACK_LIMITS.passageLength));
    const attribution = attributeQuote(scene, quote, previousEnd);
    previousEnd = (quote.closeAt ?? quote.end) + 1;
    if (attribution === undefined && (body.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_UNATTRIBUTED_WORDS) continue;
    const speaker = attribution ?? abstain('none', 'no-attribution');
    decided.push({ id: '', documentId, text: body, start: quote.start, end: quote.start + body.length, ...speaker });
  }
  const quoted = (from: number, to: number): boolean => spans.some((q) => q.start < to && from < q.end);
  const statements = [...decided, ...colonLines(scene, quoted), ...accordingTo(scene, quoted)];
  statements.sort((a, b) => a.start - b.start);
  return statements.map((s, i) => ({ ...s, id: `${documentId}-s${i + 1}` }));
}
