// "X said: “…”", "X said, “…”", "X told the BBC: “…”", "Lord X of Y, “…”", "The statement read: “…”": the
// clause before the quote introduces it.
import { HONORIFICS, REPORTING_VERBS, SPEECH_NOUNS, SPEECH_VERBS } from '../lexicon';
import type { QuoteSpan } from '../quotes';
import { abstain, quotesFrom, unknownPersonIn, type Attribution, type Scene } from './context';
import { resolveSubject } from './resolve';
import { isNameLead, leadSubject, subjectAt, subjectBeforeVerb, type Subject } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A colon, or "the following" or "as follows", ending a paragraph that introduces the quote after it. */
  introducesNext: /(?::|\b(?:the following|as follows)[.:])$/,
  capitalFirst: /^\p{Lu}/u,
  /** A sentence's mark, perhaps with an apostrophe, ending the text. */
  sentenceMarkLast: /[.!?]['’]?\s*$/,
  letters: /\p{L}+/gu,
  /** "The town, she declared": a comma and one to three words ending the text. */
  commaAndWordsLast: /,\s+(?:[\p{L}.'’-]+\s+){1,3}$/u,
  commaFirst: /^,\s/,
  /** What may follow an attribution that ends its sentence: names, when it was said, an adverb, then "." or ":". */
  attributionTail:
    /^(?:\s+(?:\p{Lu}[\p{L}.'’-]*|on|in|at|last|this|today|yesterday|\p{Lu}\p{Ll}+day|\p{Ll}+ly))*\s*[.:]\s*$/u,
  colonOrCommaLast: /[:,]$/,
  thatLast: /\bthat$/,
  /** "who tells his team,": a relative pronoun and up to two words ending the text. */
  relativePronounLast: /\b(?:who|that|which)\s+(?:\p{L}+\s+){0,2}$/iu,
  /** The word (group 1) that ends the text. */
  lastWord: /(\p{L}+)\s*$/u,
  /** A word (group 1), perhaps with a full stop, and a space, ending the text: "Supt " in "…, Supt ". */
  wordLast: /(?<=\s|^)(\p{L}+)\.?\s+$/u,
  nothingButComma: /^\s*,?\s*$/,
  spacesOnly: /^\s+$/,
  formOfBe: /\b(?:is|was|are|were|be|been)\b/i,
  ofWord: /\bof\b/g,
  /** Only words (perhaps a comma or a colon after them): "Lord X of Y, “…”". */
  onlyWords: /^[\s\p{L}'’-]*[,:]?\s*$/u,
  lowerCaseWord: /\s[a-z]/,
  /** One lower-case verb (group 1), perhaps after an adverb, and a colon: " hesitated:", " then laughed:". */
  verbThenColon: /^\s+(?:\p{Ll}+ly\s+|then\s+)?(\p{Ll}+):\s*$/u,
  /**
   * What may stand before a claim's subject: nothing, a conjunction joining the sentence to the one before ("But " in
   * "But Okafor claimed …"), or an opening clause of lower-case words closed by a comma ("Asked if it would hold, "),
   * which names nobody.
   */
  subjectOpening: /^\s*(?:(?:But|And|Yet)\s+)?(?:\p{Lu}\p{Ll}*(?:\s+[\p{Ll}\d'’-]+)*,\s*)?$/u,
  /** ", but" or ", and" ending the text. */
  conjunctionLast: /,\s+(?:but|and)$/,
  /** ", as …" straight after a closing mark. */
  asClauseNext: /^[,\s]*as\s/,
} as const;

/**
 * "Okafor even claimed a mandate for leaving the league. “The members chose this.”": a sentence that
 * opens with the one person it names (perhaps after "But"), as the subject of a speech verb, introduces a quote that
 * is the whole next sentence.
 */
export function claimThenQuote(scene: Scene, quote: QuoteSpan, sentenceFrom: number, verbAt: number): boolean {
  const named = scene.narrationMentions(sentenceFrom, quote.openAt ?? quote.start);
  const [only] = named;
  const subject = subjectBeforeVerb(scene, sentenceFrom, verbAt);
  // "He said …" naming nobody: the pronoun's resolver and the guards decide whose it is.
  const subjectAt =
    subject?.type === 'pronoun' && named.length === 0
      ? subject.at
      : subject?.type === 'entity' &&
          named.length === 1 &&
          subject.mention.start === only?.start &&
          scene.kindOf(only.entityId) === 'person'
        ? only.start
        : undefined;
  return (
    subjectAt !== undefined &&
    REGEXPS.subjectOpening.test(withoutTitleLast(scene.text.slice(sentenceFrom, subjectAt))) &&
    REGEXPS.capitalFirst.test(scene.text.slice(quote.start, quote.end)) &&
    REGEXPS.sentenceMarkLast.test(scene.text.slice(quote.start, quote.end)) &&
    // "Jo Doe argued that Peter Novak …": a name the compiler did not take for a person's may be the speaker.
    !unknownPersonIn(scene, sentenceFrom, quote.openAt ?? quote.start)
  );
}

/** "…, Supt " → "…, ": a title written before a name that the name's mention does not cover. */
function withoutTitleLast(text: string): string {
  const title = REGEXPS.wordLast.exec(text);
  return title?.[1] !== undefined && HONORIFICS.has(title[1].toLowerCase()) ? text.slice(0, title.index) : text;
}

/**
 * "When asked to play her, Ann Ruiz hesitated: “…”": a clause of a person's name and one verb, closed by a colon, heads
 * the quote that follows it, whatever the verb.
 */
function nameVerbColon(scene: Scene, from: number, to: number): Subject | undefined {
  const clauseFrom = from + scene.text.slice(from, to).lastIndexOf(',') + 1;
  const [name, ...others] = scene.narrationMentions(clauseFrom, to);
  if (name === undefined || others.length > 0 || scene.kindOf(name.entityId) !== 'person') return undefined;
  const before = scene.text.slice(clauseFrom, name.start);
  // A speech verb ("Jo Doe said:") is read as one below, with its cue.
  const verb = REGEXPS.verbThenColon.exec(scene.text.slice(name.end, to))?.[1];
  return isNameLead(before) && verb !== undefined && !SPEECH_VERBS.has(verb)
    ? { type: 'entity', mention: name }
    : undefined;
}

/** `previousEnd`: where the quote before this one closed, so that its words are not read as this one's clause. */
export function saidBefore(scene: Scene, quote: QuoteSpan, previousEnd: number): Attribution | undefined {
  const { text } = scene;
  if (quote.openAt === null) return undefined;
  const lineIndex = scene.lineAt(quote.openAt);
  const line = scene.lines[lineIndex];
  if (line === undefined) return undefined;
  let from = Math.max(scene.sentenceStart(line, quote.openAt), previousEnd);
  let to = quote.openAt;
  if (text.slice(from, to).trim() === '' && from > line.start) {
    // "…, former bank vice chair Ann Lee said. “I doubt …”": a sentence that ends with its attribution and
    // quotes nothing introduces the quote straight after it.
    const previousFrom = scene.sentenceStart(line, from - 1);
    const sentence = text.slice(previousFrom, from);
    const verb = [...sentence.matchAll(REGEXPS.letters)].filter((m) => SPEECH_VERBS.has(m[0].toLowerCase())).pop();
    const closing = verb === undefined ? '' : sentence.slice(verb.index + verb[0].length);
    // "The town, she declared, had a duty to act. “We owe …”": the attribution set off by
    // commas inside a sentence of reported speech, which the quote goes on.
    const inserted = verb === undefined ? null : REGEXPS.commaAndWordsLast.exec(sentence.slice(0, verb.index));
    const setOff = inserted !== null && REGEXPS.commaFirst.test(closing);
    if (
      verb === undefined ||
      scene.insideQuote(previousFrom) ||
      (quotesFrom(scene, previousFrom + 1).next().value?.start ?? Infinity) < from ||
      (!setOff &&
        !REGEXPS.attributionTail.test(closing) &&
        !claimThenQuote(scene, quote, previousFrom, previousFrom + verb.index))
    )
      return undefined;
    const subjectFrom = setOff && inserted !== null ? previousFrom + inserted.index + 1 : previousFrom;
    const verbEnd = previousFrom + verb.index + verb[0].length;
    // "…, says Lindqvist. “…”": the subject written after its verb, at the sentence's end.
    const [after, ...others] = scene.narrationMentions(verbEnd, from);
    const inverted =
      after !== undefined && others.length === 0 && REGEXPS.spacesOnly.test(text.slice(verbEnd, after.start))
        ? ({ type: 'entity', mention: after } as const)
        : undefined;
    const subject = subjectBeforeVerb(scene, subjectFrom, previousFrom + verb.index) ?? inverted;
    const found = subject === undefined ? undefined : resolveSubject(scene, subject, previousFrom, 'said');
    if (!setOff) return found;
    // A set-off attribution is taken only when it names somebody for sure and the rest of the sentence names nobody
    // ("the songs he and Okafor love …, he admits, …": "he" is not Okafor, but who is it?).
    const named = scene
      .narrationMentions(previousFrom, from)
      .some(
        (m) => scene.kindOf(m.entityId) === 'person' && (m.start < subjectFrom || m.start > previousFrom + verb.index),
      );
    return found?.speakerId == null || named ? undefined : found;
  }
  if (text.slice(from, to).trim() === '') {
    // A quote opening its paragraph may be introduced by the paragraph before, when that ends with a colon or
    // announces it ("Okafor said the following.").
    const previous = scene.lines[lineIndex - 1];
    if (previous === undefined || !REGEXPS.introducesNext.test(previous.text) || previousEnd > previous.start)
      return undefined;
    from = Math.max(scene.sentenceStart(previous, previous.end - 1), previous.start);
    to = previous.end;
  }
  const lead = text.slice(from, to);
  const trimmed = lead.trimEnd();
  const words = lead.toLowerCase().match(REGEXPS.letters) ?? [];
  const subjectAndVerb = nameVerbColon(scene, from, to);
  if (subjectAndVerb !== undefined) return resolveSubject(scene, subjectAndVerb, from, 'colon');
  const endsWithCue =
    REGEXPS.colonOrCommaLast.test(trimmed) ||
    REGEXPS.thatLast.test(trimmed) ||
    REGEXPS.introducesNext.test(trimmed) ||
    SPEECH_VERBS.has(words[words.length - 1] ?? '') ||
    // "…, Doe said, but “…”": the attribution, and a conjunction that goes on to what else was said.
    (REGEXPS.conjunctionLast.test(trimmed) && SPEECH_VERBS.has(words[words.length - 2] ?? ''));
  if (!endsWithCue) return undefined;
  // A colon alone introduces a quote only after a name ("Jane Doe:"), not after any clause ("the plan was simple:").
  const hasSpeech = words.some((w) => SPEECH_VERBS.has(w) || SPEECH_NOUNS.has(w));
  // "She said Okafor is the coach who tells his team, “…”": the nearest speech verb speaks the quote, and when
  // its subject is a relative pronoun, the speaker is what it stands for, if that is a name written just before it.
  const verbs = [...lead.matchAll(REGEXPS.letters)].filter((m) => SPEECH_VERBS.has(m[0].toLowerCase()));
  const nearest = verbs[verbs.length - 1];
  // "Witnesses said that Valli shouted “…”": a "that" straight after a speech verb opens what was said, not a
  // relative clause.
  const relativeMatch =
    nearest === undefined || verbs.length < 2 ? null : REGEXPS.relativePronounLast.exec(lead.slice(0, nearest.index));
  const wordBefore = (at: number): string => REGEXPS.lastWord.exec(lead.slice(0, at))?.[1]?.toLowerCase() ?? '';
  const relative = relativeMatch !== null && !SPEECH_VERBS.has(wordBefore(relativeMatch.index)) ? relativeMatch : null;
  if (relative !== null) {
    const relativeAt = from + relative.index;
    const antecedent = scene.narrationMentions(from, relativeAt).pop();
    if (antecedent === undefined || !REGEXPS.nothingButComma.test(text.slice(antecedent.end, relativeAt)))
      return abstain('unresolved', 'speaker-not-identified');
    return resolveSubject(scene, { type: 'entity', mention: antecedent }, from, 'said');
  }
  // "When she said no, Haddad told her: “…”": with two speech verbs, the subject written straight before the nearest.
  // Not when another verb follows the speech verb ("The answer, Okafor said, is, “…”": the quote is the answer).
  const beforeVerb = (): Subject | undefined =>
    nearest === undefined || REGEXPS.formOfBe.test(lead.slice(nearest.index + nearest[0].length))
      ? undefined
      : subjectBeforeVerb(scene, from, from + nearest.index);
  // "Doe took the floor to caution against a “…” plan, adding: “…”": a participle after the quote before goes on
  // the subject that heads the sentence.
  const sentenceFrom = scene.sentenceStart(line, quote.openAt);
  const goesOn =
    nearest !== undefined && nearest[0].endsWith('ing') && from > sentenceFrom
      ? () => subjectAt(scene, sentenceFrom, to)
      : () => undefined;
  const subject =
    (verbs.length >= 2
      ? (beforeVerb() ?? leadSubject(scene, from, to))
      : (leadSubject(scene, from, to) ?? beforeVerb())) ?? goesOn();
  // "Lord X of Y, “...": a name followed straight by the quote.
  const afterName = subject?.type === 'entity' ? text.slice(subject.mention.end, to).replace(REGEXPS.ofWord, '') : '';
  const nameOnly =
    subject?.type === 'entity' && REGEXPS.onlyWords.test(afterName) && !REGEXPS.lowerCaseWord.test(afterName);
  if (!hasSpeech && !nameOnly) return undefined;
  const verb = words.some((w) => SPEECH_VERBS.has(w));
  return (
    resolveSubject(scene, subject, from, verb ? 'said' : trimmed.endsWith(':') ? 'colon' : 'name') ??
    abstain('unresolved', 'speaker-not-identified')
  );
}

/**
 * Whether the narration of the quote's sentence before it, with no quote between, has a reporting verb whose speaker
 * is somebody ("… replied, telling her to wait until “…”"; not "That jobs are scarce suggests “…”"), and does not name
 * the given speaker: the quote may be that somebody's words.
 */
export function reportsBefore(scene: Scene, quote: QuoteSpan, previousEnd: number, speakerId: string): boolean {
  if (quote.openAt === null || quote.closeAt === null) return false;
  const line = scene.lines[scene.lineAt(quote.openAt)];
  if (line === undefined) return false;
  const from = scene.sentenceStart(line, quote.openAt);
  // "…, as Jo Doe reported": the whole sentence is the report, the narration before the quote too.
  if (previousEnd > from || REGEXPS.asClauseNext.test(scene.text.slice(quote.closeAt + 1, quote.closeAt + 12)))
    return false;
  if (scene.narrationMentions(from, quote.openAt).some((m) => m.entityId === speakerId)) return false;
  for (const m of scene.text.slice(from, quote.openAt).matchAll(REGEXPS.letters)) {
    const word = m[0].toLowerCase();
    if (!REPORTING_VERBS.has(word)) continue;
    // A participle ("telling her …") goes on a clause whose subject spoke.
    if (word.endsWith('ing')) return true;
    const verbAt = from + m.index;
    const subject = subjectBeforeVerb(scene, from, verbAt) ?? leadSubject(scene, from, verbAt);
    // "She told him about it because “…,” Doe said": a pronoun that may be the speaker names nobody else.
    const known = scene.genderOf(speakerId);
    if (subject?.type === 'pronoun' && (known === undefined || known === subject.gender)) continue;
    if (subject !== undefined) return true;
  }
  return false;
}
