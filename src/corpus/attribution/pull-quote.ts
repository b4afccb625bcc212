// A pull quote: a paragraph that is only a quote, whose words the article quotes again elsewhere, set apart for
// the eye. Where it stands nobody says it; the words count where the article gives them their speaker.
import type { QuoteSpan } from '../quotes';
import { abstain, oncePerScene, type Attribution, type Scene } from './context';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  word: /[\p{L}\p{N}]+/gu,
} as const;

/** Words in a row that, found again in another quote, show the same words quoted twice. */
const SHINGLE_WORDS = 6;

/** How often each run of `SHINGLE_WORDS` words stands in the document's quotes; counted once per document. */
const shingles = oncePerScene((scene): Map<string, number> => {
  const counts: Map<string, number> = new Map();
  for (const quote of scene.quotes) {
    const words = scene.text.slice(quote.start, quote.end).toLowerCase().match(REGEXPS.word) ?? [];
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
      const key = words.slice(i, i + SHINGLE_WORDS).join(' ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
});

export function pullQuote(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  const line = scene.lines[scene.lineAt(quote.openAt ?? quote.start)];
  if (line === undefined || quote.openAt !== line.start || (quote.closeAt ?? -1) + 1 !== line.end) return undefined;
  const words = scene.text.slice(quote.start, quote.end).toLowerCase().match(REGEXPS.word) ?? [];
  if (words.length < SHINGLE_WORDS) return undefined;
  const repeated = (shingles(scene).get(words.slice(0, SHINGLE_WORDS).join(' ')) ?? 0) > 1;
  return repeated ? abstain('none', 'no-attribution') : undefined;
}
