// Decides who said each quotation by the attribution sieve (sieve.ts), and finds statements made without quote
// marks ("Name: ...", "According to X, ..."). When the text does not make the speaker clear, the speaker is null
// and the statement says why.
import { PACK_LIMITS, type Statement } from '../pack';
import { findQuotes } from '../quotes';
import { lowerBound } from '../text';
import type { QuoteSpan } from '../quotes';
import { abstain, createScene, type Attribution, type AttributionContext, type Scene } from './context';
import { guard, newGuardMemory, type GuardMemory, type Place } from './guards';
import { attributeQuote, GUARDS, SPANS, UNQUOTED } from './sieve';

export type { AttributionContext } from './context';

/** Short quotes nobody is said to have spoken are titles or scare quotes, not statements. */
const MIN_UNATTRIBUTED_WORDS = 3;

const GUARD_CHECKS = GUARDS.map((entry) => entry.guard);

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  word: /[\p{L}\p{N}]+/gu,
} as const;

/**
 * An attribution as a statement keeps it, with the sieve's entry that decided it (a resolver after its pattern, or
 * the guard that fired): what the pattern read stays behind.
 */
function stored(
  scene: Scene,
  proposed: Attribution,
  by: string,
  place: Place,
  memory: GuardMemory,
): Omit<Attribution, 'evidence'> & { decidedBy: string } {
  const { attribution, firedBy } = guard(scene.guards === false ? [] : GUARD_CHECKS, scene, proposed, place, memory);
  const resolver = proposed.evidence?.resolver;
  const kept = { ...attribution };
  delete kept.evidence;
  return { ...kept, decidedBy: firedBy ?? (resolver === undefined ? by : `${by} > ${resolver}`) };
}

export function findStatements(ctx: AttributionContext): Statement[] {
  const { text, documentId } = ctx;
  const decided: Statement[] = [];
  const scene = createScene(ctx, findQuotes(text), decided);
  const spans = SPANS.reduce<readonly QuoteSpan[]>(
    (read, entry) => entry.spans({ ...scene, quotes: read }),
    scene.quotes,
  );
  const memory = newGuardMemory();
  let previousEnd = 0;
  for (const quote of spans) {
    // A quote longer than a pack allows (a quote mark never closed in a long text) keeps its first part.
    const body = text.slice(quote.start, Math.min(quote.end, quote.start + PACK_LIMITS.passageLength));
    if (ctx.attributes?.(quote.start, quote.start + body.length) === false) {
      // Passed over, it still ends the run of a speaker's quotes: the next one is not taken as theirs.
      previousEnd = (quote.closeAt ?? quote.end) + 1;
      const passed = { ...abstain('none', 'no-attribution'), decidedBy: 'passed-over' };
      decided.push({ id: '', documentId, text: body, start: quote.start, end: quote.start + body.length, ...passed });
      continue;
    }
    const found = attributeQuote(scene, quote, previousEnd);
    previousEnd = (quote.closeAt ?? quote.end) + 1;
    if (found === undefined && (body.match(REGEXPS.word) ?? []).length < MIN_UNATTRIBUTED_WORDS) continue;
    const place = { start: quote.start, end: quote.start + body.length };
    const speaker =
      found === undefined
        ? { ...abstain('none', 'no-attribution'), decidedBy: 'none' }
        : stored(scene, found.attribution, found.pattern, place, memory);
    decided.push({ id: '', documentId, text: body, ...place, ...speaker });
  }
  // Spans are in order and do not overlap: the last one starting before `to` is the only one that may reach `from`.
  const quoted = (from: number, to: number): boolean => (spans[lowerBound(spans, to) - 1]?.end ?? -1) > from;
  const unquoted = UNQUOTED.flatMap((entry) =>
    entry.find(scene, quoted).map(({ evidence, ...s }) => ({
      ...s,
      ...stored(scene, { ...s, evidence }, entry.name, s, memory),
    })),
  );
  const statements = [...decided, ...unquoted];
  statements.sort((a, b) => a.start - b.start);
  return statements.map((s, i) => ({ ...s, id: `${documentId}-s${i + 1}` }));
}
