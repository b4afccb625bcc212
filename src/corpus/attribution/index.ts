// Decides who said each quotation by the attribution sieve (sieve.ts), and finds statements made without quote
// marks ("Name: ...", "According to X, ..."). When the text does not make the speaker clear, the speaker is null
// and the statement says why.
import { PACK_LIMITS, type Statement } from '../pack';
import { findQuotes } from '../quotes';
import { accordingTo } from './according-to';
import { colonLines } from './colon-lines';
import { abstain, createScene, type Attribution, type AttributionContext } from './context';
import { joinQuotesOverParagraphs } from './multi-paragraph';
import { guard, newGuardMemory } from './guards';
import { attributeQuote } from './sieve';

export type { AttributionContext } from './context';

/** Short quotes nobody is said to have spoken are titles or scare quotes, not statements. */
const MIN_UNATTRIBUTED_WORDS = 3;

/** An attribution as a statement keeps it: what the pattern read stays behind. */
function stored(attribution: Attribution): Omit<Attribution, 'evidence'> {
  const kept = { ...attribution };
  delete kept.evidence;
  return kept;
}

export function findStatements(ctx: AttributionContext): Statement[] {
  const { text, documentId } = ctx;
  const decided: Statement[] = [];
  const scene = createScene(ctx, findQuotes(text), decided);
  const spans = joinQuotesOverParagraphs(scene);
  const memory = newGuardMemory();
  let previousEnd = 0;
  for (const quote of spans) {
    // A quote longer than a pack allows (a quote mark never closed in a long text) keeps its first part.
    const body = text.slice(quote.start, Math.min(quote.end, quote.start + PACK_LIMITS.passageLength));
    const attribution = attributeQuote(scene, quote, previousEnd);
    previousEnd = (quote.closeAt ?? quote.end) + 1;
    if (attribution === undefined && (body.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_UNATTRIBUTED_WORDS) continue;
    const place = { start: quote.start, end: quote.start + body.length };
    const speaker = stored(
      attribution === undefined
        ? abstain('none', 'no-attribution')
        : guard(scene, attribution, place, memory).attribution,
    );
    decided.push({ id: '', documentId, text: body, ...place, ...speaker });
  }
  const quoted = (from: number, to: number): boolean => spans.some((q) => q.start < to && from < q.end);
  const unquoted = [...colonLines(scene, quoted), ...accordingTo(scene, quoted)].map(({ evidence, ...s }) => ({
    ...s,
    ...stored(guard(scene, { ...s, evidence }, s, memory).attribution),
  }));
  const statements = [...decided, ...unquoted];
  statements.sort((a, b) => a.start - b.start);
  return statements.map((s, i) => ({ ...s, id: `${documentId}-s${i + 1}` }));
}
