// A quote that runs over paragraphs. Paragraphs that re-open the same quote are joined by the quote finder; this
// joins a quote left open with a later close, when only unmarked paragraphs lie between and the close names no
// other speaker.
import type { QuoteSpan } from '../quotes';
import { SPEECH_VERB_ALTERNATION } from '../lexicon';
import type { Scene } from './context';
import { saidAfter } from './said-after';
import { saidBefore } from './said-before';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "Jane Doe:" or "Jane Doe, the minister, said:" opening a paragraph starts another speaker's words. */
  speakerLine: new RegExp(
    `^[\\p{Lu}][\\p{L}'’.-]*(?:\\s+[\\p{Lu}][\\p{L}'’.-]*){0,4}\\s*(?:,[^,]{0,80},)?\\s*(?:${SPEECH_VERB_ALTERNATION})?\\s*:`,
    'u',
  ),
} as const;

export function joinQuotesOverParagraphs(scene: Scene): QuoteSpan[] {
  const { quotes } = scene;
  const joined: QuoteSpan[] = [];
  const absorbed = new Set<QuoteSpan>();
  for (const quote of quotes) {
    const opener = quote.bridgeFrom === undefined ? undefined : quotes[quote.bridgeFrom];
    if (opener !== undefined) {
      const post = saidAfter(scene, quote);
      const pre = saidBefore(scene, opener, 0);
      const startsNewSpeaker = scene.lines
        .slice(scene.lineAt(opener.end) + 1, scene.lineAt(quote.start) + 1)
        .some((l) => REGEXPS.speakerLine.test(l.text));
      const sameSpeaker =
        post === undefined || (pre !== undefined && post.speakerId !== null && post.speakerId === pre.speakerId);
      if (sameSpeaker && !startsNewSpeaker) {
        absorbed.add(opener);
        joined.push({ start: opener.start, end: quote.end, openAt: opener.openAt, closeAt: quote.closeAt });
        continue;
      }
    }
    joined.push(quote);
  }
  return joined.filter((q) => !absorbed.has(q));
}
