// The attribution sieve: the patterns in order of reliability. The first pattern that decides a quote (a speaker,
// or a certain "nobody can be named") settles it; a later pattern never overrules an earlier one.
import type { QuoteSpan } from '../quotes';
import { abstain, type Attribution, type Scene } from './context';
import { continuedQuote } from './continued-quote';
import { reportedPartial } from './reported-partial';
import { saidAfter } from './said-after';
import { saidBefore } from './said-before';

interface QuotePattern {
  name: string;
  /** `previousEnd`: where the quote before this one closed. */
  attribute(scene: Scene, quote: QuoteSpan, previousEnd: number): Attribution | undefined;
}

/** The clause before and the clause after name different speakers: the text contradicts itself, so nobody is named. */
function conflictingCues(scene: Scene, quote: QuoteSpan, previousEnd: number): Attribution | undefined {
  const before = saidBefore(scene, quote, previousEnd);
  const after = before === undefined ? undefined : saidAfter(scene, quote);
  return after !== undefined && before !== undefined && after.speakerId !== before.speakerId
    ? abstain('conflicting', 'conflicting-attributions')
    : undefined;
}

export const SIEVE: readonly QuotePattern[] = [
  { name: 'conflicting-cues', attribute: conflictingCues },
  { name: 'said-after', attribute: (scene, quote) => saidAfter(scene, quote) },
  { name: 'said-before', attribute: saidBefore },
  { name: 'reported-partial', attribute: (scene, quote) => reportedPartial(scene, quote) },
  { name: 'continued-quote', attribute: (scene, quote) => continuedQuote(scene, quote) },
];

export function attributeQuote(scene: Scene, quote: QuoteSpan, previousEnd: number): Attribution | undefined {
  for (const pattern of SIEVE) {
    const decided = pattern.attribute(scene, quote, previousEnd);
    if (decided !== undefined) return decided;
  }
  return undefined;
}
