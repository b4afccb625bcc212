// "as Doe put it, “…”", "as she puts it: “…”", "in the words of Doe, “…”": an idiom that names whose words follow,
// inside the quote's own sentence.
import type { QuoteSpan } from '../quotes';
import type { Attribution, Scene } from './context';
import { resolveSubject } from './resolve';
import { subjectBeforeVerb } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "as Doe put it", "as she puts it": "as", the subject (group 1) and "put it" (group 2), the last in the text. */
  asPutIt: /\b[Aa]s\s+([^,;:“”"]{1,60}?)\s+(puts?\s+it)\b(?!.*\b[Aa]s\s+[^,;:“”"]{1,60}?\s+puts?\s+it\b)/su,
  /** "in the words of Doe, ": the owner of the words (group 1) ending the text. */
  inWordsOf: /\bin\s+the\s+words\s+of\s+([^,;:“”"]{1,60}?)[,:]?\s*$/u,
} as const;

export function asPutIt(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  if (quote.openAt === null) return undefined;
  const line = scene.lines[scene.lineAt(quote.openAt)];
  if (line === undefined) return undefined;
  const from = scene.sentenceStart(line, quote.openAt);
  const before = scene.text.slice(from, quote.openAt);
  const put = REGEXPS.asPutIt.exec(before);
  if (put?.[1] !== undefined && put[2] !== undefined) {
    const subjectFrom = from + put.index + put[0].indexOf(put[1]);
    const verbAt = from + put.index + put[0].length - put[2].length;
    // "The talks, as she puts it, are “…”": nobody else named between the idiom and the quote.
    if (scene.narrationMentions(verbAt, quote.openAt).length > 0) return undefined;
    return resolveSubject(scene, subjectBeforeVerb(scene, subjectFrom, verbAt), from, 'said');
  }
  const words = REGEXPS.inWordsOf.exec(before);
  if (words?.[1] === undefined) return undefined;
  const ownerFrom = from + words.index + words[0].indexOf(words[1]);
  const [owner, ...others] = scene.narrationMentions(ownerFrom, ownerFrom + words[1].length);
  return owner !== undefined && others.length === 0 && owner.end === ownerFrom + words[1].length
    ? resolveSubject(scene, { type: 'entity', mention: owner }, from, 'said')
    : undefined;
}
