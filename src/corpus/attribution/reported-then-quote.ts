// A quote that opens its sentence with no cue of its own, straight after a sentence whose named subject reports
// something: "Doe said the fuel was often stolen. / “We have a guard on every tank.”", "But Doe said the firm could
// act. “They have the power.”". The quote is that subject's, when the sentence names nobody else after its verb and
// holds no quote of its own.
import { REPORTING_VERBS } from '../lexicon';
import type { QuoteSpan } from '../quotes';
import type { Attribution, Scene } from './context';
import { resolveSubject } from './resolve';
import { claimThenQuote } from './said-before';
import { isPassive, subjectBeforeVerb } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  letters: /\p{L}+/gu,
  /** A sentence's full stop or exclamation mark, perhaps with a closing bracket, and spaces, ending the text. */
  sentenceEndLast: /[.!][)\]]?\s*$/u,
  /** Two capitalised words in a row: a name. */
  capitalisedPair: /\p{Lu}[\p{L}'’-]*\s+\p{Lu}[\p{L}'’-]*/u,
  /** A quote mark, straight or curly. */
  quoteMark: /[“”"]/u,
} as const;

export function reportedThenQuote(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  const { text } = scene;
  const opensAt = quote.openAt;
  if (opensAt === null) return undefined;
  const quoteLine = scene.lineAt(opensAt);
  const line = scene.lines[quoteLine];
  if (line === undefined) return undefined;
  const before = text.slice(line.start, opensAt);
  let sentence: { from: number; to: number } | undefined;
  if (before.trim() === '') {
    // A quote opening its paragraph: the last sentence of the paragraph just before, when that is prose.
    const previous = scene.proseBefore(quoteLine);
    const previousLine = scene.lines[previous];
    if (previous !== quoteLine - 1 || previousLine === undefined) return undefined;
    const to = previousLine.start + previousLine.text.trimEnd().length;
    sentence = { from: scene.sentenceStart(previousLine, Math.max(previousLine.start, to - 1)), to };
  } else if (REGEXPS.sentenceEndLast.test(before)) {
    const to = line.start + before.trimEnd().length;
    sentence = { from: scene.sentenceStart(line, to - 1), to };
  }
  if (sentence === undefined || !REGEXPS.sentenceEndLast.test(text.slice(sentence.from, sentence.to))) return undefined;
  // A sentence with a quote of its own is the patterns' before this one ("continued-quote").
  if (REGEXPS.quoteMark.test(text.slice(sentence.from, sentence.to))) return undefined;
  const closeEnd = quote.closeAt === null ? quote.end : quote.closeAt + 1;
  // Somebody named in the narration after the quote, in its paragraph, may be its speaker.
  if (personNamed(scene, closeEnd, line.end, null)) return undefined;
  for (const verb of text.slice(sentence.from, sentence.to).matchAll(REGEXPS.letters)) {
    const word = verb[0].toLowerCase();
    const verbAt = sentence.from + verb.index;
    if (!REPORTING_VERBS.has(word) || word.endsWith('ing') || isPassive(text, verbAt, verb[0])) continue;
    // "Asked if it would hold, Doe said …": a verb opening the sentence has no subject; it heads a clause.
    if (text.slice(sentence.from, verbAt).trim() === '') continue;
    // "Doe argued that Nils Aaberg had misread it. / “…”": a name after the verb may be whom the quote is from.
    const rest = text.slice(verbAt, sentence.to);
    if (REGEXPS.capitalisedPair.test(rest) || !claimThenQuote(scene, quote, sentence.from, verbAt)) return undefined;
    return resolveSubject(scene, subjectBeforeVerb(scene, sentence.from, verbAt), sentence.from, 'reported');
  }
  return undefined;
}

/** Whether the narration in [from, to) names a person other than `speakerId`. */
const personNamed = (scene: Scene, from: number, to: number, speakerId: string | null): boolean =>
  scene.narrationMentions(from, to).some((m) => m.entityId !== speakerId && scene.kindOf(m.entityId) === 'person');
