// A quote that continues the one before it with no attribution of its own:
// - in the same paragraph: "“A,” said X, a professor at Y. “B.”";
// - as the next paragraph, opening with the quote: "“A,” he said." / "“B.”".
// Only when the quote before has a speaker and, across paragraphs, is no question, and no other person or body is named in the narration between them,
// beyond the clause that attributed the quote before.
import type { QuoteSpan } from '../quotes';
import { REPORTING_VERBS, SPEECH_VERBS } from '../lexicon';
import { isRole } from '../names';
import { sentenceEnd, type Attribution, type Scene } from './context';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** Words that make a quote the next turn of a dialogue: "came the answer", "she replied". */
  turnWords: /\b(?:repl(?:y|ied|ies)|answer(?:ed|s)?|respon(?:se|ded|ds)|retort(?:ed|s)?|rejoin(?:der|ed|s)?)\b/i,
  /**
   * "“…,” he <verb>": a pronoun (group 1) and a lower-case word straight after the closing mark, an attribution of
   * the quote's own that no pattern read (a verb the lists lack), which may name another speaker.
   */
  pronounClauseAfter: /^[”"’]?,?\s+(he|she|they)\s+\p{Ll}+/u,
  word: /\p{L}+/gu,
  /** "” – the crew behind the new library – “": a remark between dashes, and nothing else, between two quotes. */
  remarkBetweenDashes: /^[”"’]?\s+[–—]\s[^“”".!?]+\s[–—]\s*$/u,
  /** A question mark, and perhaps a closing quote, ending the text. */
  endsInQuestion: /\?[”"’]?\s*$/,
  /** A sentence's mark or a colon, and perhaps a closing quote or bracket, ending the text. */
  endsSentenceOrColon: /[.!?:][”"’)]?\s*$/,
  finalSentenceMark: /[.!?…]['’]?$/,
  quoteMark: /[“”"]/u,
  sentenceBreak: /(?<=[.!?])\s+/u,
  /** A line that reads as a sentence: a capital first, a sentence's mark last. */
  sentence: /^\p{Lu}.*[.!?]$/u,
  /** A sentence about a thing: "it", "this", "that", "there" as its subject, perhaps after a phrase and a comma. */
  impersonalSubject: /^(?:[\p{L}\s'’-]{1,40},\s+)?(?:it|this|that|there)\s/iu,
  /** A capital that does not open a sentence: a name, a title, a body. */
  capitalInsideSentence: /[^.!?\s]\s+\p{Lu}/u,
} as const;

/** Words after which a speech verb's form is a noun: "of states", "the remarks", "his notes". */
const NOUN_MARKERS = new Set(
  'a an the his her its their our my your this that these those of in on for by with from about all some many'.split(
    ' ',
  ),
);

/**
 * "“… our builders Jo Doe and Ann Lee” – the crew behind the new library – “and then we’d …”":
 * the writer's remark between dashes, with no speech verb, inside one quote.
 */
function dashInsertion(scene: Scene, from: number, to: number): boolean {
  const between = scene.text.slice(from, to);
  const words = between.toLowerCase().match(REGEXPS.word) ?? [];
  return REGEXPS.remarkBetweenDashes.test(between) && !words.some((w) => SPEECH_VERBS.has(w));
}

/**
 * "“A,” Doe said. / In short, it would close the schools. / “B.”": a paragraph of narration between two quotes
 * that brings in nobody explains the quote before, and the one after goes on with its speaker. Nobody: every sentence
 * is about a thing ("it", "this", "there", perhaps after an opening phrase; "The harbour master was unconvinced" may
 * bring in the next speaker), with no name, capitalised word inside a sentence, office, pronoun for a person or a
 * group, or reporting verb.
 */
function isAside(scene: Scene, lineIndex: number): boolean {
  const line = scene.lines[lineIndex];
  if (line === undefined || scene.narrationMentions(line.start, line.end).length > 0) return false;
  const words = line.text.match(REGEXPS.word) ?? [];
  return (
    line.text
      .trim()
      .split(REGEXPS.sentenceBreak)
      .every((sentence) => REGEXPS.impersonalSubject.test(sentence)) &&
    !REGEXPS.quoteMark.test(line.text) &&
    !REGEXPS.capitalInsideSentence.test(line.text) &&
    words.every((w) => {
      const lower = w.toLowerCase();
      return !REPORTING_VERBS.has(lower) && !PERSON_PRONOUNS.has(lower) && !isRole(lower);
    })
  );
}

/** Pronouns that stand for a person or a group, who may be the next quote's speaker. */
const PERSON_PRONOUNS = new Set('he she they him her them his their hers theirs i we me us my our'.split(' '));

export function continuedQuote(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  // "“Not yet,” came the answer.": an answer is somebody else's turn.
  // Read in the quote's own paragraph: the next one's "he replied" is that quote's.
  const closeLineEnd = quote.closeAt === null ? 0 : (scene.lines[scene.lineAt(quote.closeAt)]?.end ?? 0);
  if (
    quote.closeAt !== null &&
    REGEXPS.turnWords.test(
      scene.text.slice(quote.closeAt + 1, sentenceEnd(scene.text, quote.closeAt + 1, closeLineEnd)),
    )
  )
    return undefined;
  const last = scene.decided[scene.decided.length - 1];
  if (last?.speakerId == null) return undefined;
  // "“…,” he rejoined" after her quote: the quote's own pronoun is somebody else when it does not fit.
  const own =
    quote.closeAt === null
      ? null
      : REGEXPS.pronounClauseAfter.exec(scene.text.slice(quote.closeAt, quote.closeAt + 40));
  const ownSex = own?.[1] === 'he' ? 'male' : own?.[1] === 'she' ? 'female' : undefined;
  const lastSex = scene.genderOf(last.speakerId);
  if (own !== null && (ownSex === undefined || (lastSex !== undefined && lastSex !== ownSex))) return undefined;
  const opensAt = quote.openAt ?? quote.start;
  const quoteLine = scene.lineAt(opensAt);
  const lastLine = scene.lineAt(last.end);
  const line = scene.lines[quoteLine];
  if (line === undefined) return undefined;
  if (lastLine !== quoteLine) {
    const previous = scene.proseBefore(quoteLine);
    const overAside = previous !== lastLine && scene.proseBefore(previous) === lastLine && isAside(scene, previous);
    if ((previous !== lastLine && !overAside) || scene.text.slice(line.start, opensAt).trim() !== '') return undefined;
    // "The minister disagreed.": a sentence too short to count as prose may still bring in the next speaker.
    for (let i = lastLine + 1; i < quoteLine; i++)
      if (i !== previous && REGEXPS.sentence.test(scene.lines[i]?.text.trim() ?? '') && !isAside(scene, i))
        return undefined;
    // "“What happens to the pensions?” asked Jo Doe. / “They will be paid.”": after a question, an answer, which is
    // another turn.
    if (REGEXPS.endsInQuestion.test(last.text)) return undefined;
  } else if (
    !REGEXPS.endsSentenceOrColon.test(scene.text.slice(last.end, opensAt)) &&
    !dashInsertion(scene, last.end, opensAt)
  ) {
    // In the same paragraph, only a quote that opens a sentence, or goes on after a remark set off by dashes; one
    // inside a sentence is that sentence's own.
    return undefined;
  }
  // A second speech verb between the two ("…,” Okafor said, when a reporter asked …) may bring in another speaker.
  // "of states", "his remarks": a speech verb's form after an article, a possessive or a preposition is a noun.
  const words = scene.text.slice(last.end, opensAt).toLowerCase().match(REGEXPS.word) ?? [];
  // "he joked, adding that …": a participle goes on the same speaker's clause.
  const verbs = words.filter(
    (w, i) => SPEECH_VERBS.has(w) && !NOUN_MARKERS.has(words[i - 1] ?? '') && !w.endsWith('ing'),
  );
  if (verbs.length > 1) return undefined;
  // The sentence that attributed the quote before may name its speaker's body ("president of the union").
  const lastLineEnd = scene.lines[lastLine]?.end ?? last.end;
  const attributionEnd = Math.min(sentenceEnd(scene.text, last.end + 1, lastLineEnd), opensAt);
  const others = scene.narrationMentions(attributionEnd, opensAt).filter((m) => m.entityId !== last.speakerId);
  // "“…,” Paul Greer, the coach, and his players left.": somebody else named in the quote's own sentence after it
  // may be its speaker.
  const closeEnd = quote.closeAt === null ? quote.end : quote.closeAt + 1;
  const endsSentence = REGEXPS.finalSentenceMark.test(scene.text.slice(quote.start, quote.end).trim());
  const after = endsSentence
    ? []
    : scene
        .narrationMentions(closeEnd, sentenceEnd(scene.text, closeEnd, line.end))
        .filter((m) => m.entityId !== last.speakerId && scene.kindOf(m.entityId) === 'person');
  return others.length === 0 && after.length === 0 ? { speakerId: last.speakerId, cue: 'previous-speaker' } : undefined;
}
