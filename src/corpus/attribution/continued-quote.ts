// A quote that continues the one before it with no attribution of its own: a paragraph that is only a quote,
// straight after a paragraph whose quote has a speaker, with no other person named between.
import type { QuoteSpan } from '../quotes';
import type { Attribution, Scene } from './context';

export function continuedQuote(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  const last = scene.decided[scene.decided.length - 1];
  if (last?.speakerId == null) return undefined;
  const quoteLine = scene.lineAt(quote.openAt ?? quote.start);
  if (scene.lineAt(last.end) < quoteLine - 1) return undefined;
  const leadIn = scene.text.slice(scene.lines[quoteLine]?.start ?? quote.start, quote.openAt ?? quote.start).trim();
  if (leadIn !== '') return undefined;
  const othersNamed = scene.narrationMentions(last.end, quote.start).some((m) => scene.kindOf(m.entityId) === 'person');
  return othersNamed ? undefined : { speakerId: last.speakerId, cue: 'previous-speaker' };
}
