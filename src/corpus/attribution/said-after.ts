// "“…,” said X." and "“…,” X said." (also "X added", "X told reporters"): the attribution after the quote.
import { SPEECH_VERBS } from '../lexicon';
import type { QuoteSpan } from '../quotes';
import { abstain, quotesFrom, sentenceEnd, type Attribution, type Scene } from './context';
import { resolveSubject } from './resolve';
import { appositionAfter } from '../names';
import { subjectAt, subjectBeforeVerb } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  letters: /[\p{L}]+/gu,
  /** A sentence's mark, and any closing quotes or brackets, ending the text. */
  endsSentence: /[.!?][’'"”)\]]*$/,
  /** A new sentence: a capital after spaces, perhaps opening a bracket ("” (The firm said …"). */
  capitalAfterSpace: /^\s+[([]?\p{Lu}/u,
  /** A verb (group 1), perhaps after an adverb, first after the quote: "“…,” said X", "“…,” later added X". */
  verbFirst: /^[\s,.]*(?:[a-z]+ly\s+)?([a-z]+)\s+/u,
  leadingSpacesAndCommas: /^[\s,]*/,
  spaceOrCommaFirst: /^[\s,]/,
  commaLast: /,\s*$/,
  fullStopLast: /\.\s*$/,
  onlyComma: /^\s*,\s*$/,
  onlyFullStop: /^\s*\.\s*$/,
  /**
   * ", Okafor said on Monday.", ", Okafor said, but ": a comma, the subject (group 1), the verb (group 2) and at most
   * two words, ending the text.
   */
  commaThenVerbLast: /,\s+([^,“”"]{1,60}?)\s+([a-z]+)(?:,?\s+[\p{L}\d]+){0,2}[.!?,]?\s*$/u,
} as const;

/**
 * A speech verb belongs to the quote when it comes early ("“…,” says X, a long apposition …") or ends the sentence
 * ("“…,” X, a long apposition, said."); one far inside a long sentence belongs to another clause.
 */
const MAX_WORDS_FROM_VERB = 12;
const COORDINATORS = new Set(['and', 'but', 'or', 'then']);
/** A new sentence after a quote that ends its own sentence attributes it only when short ("Smith said."). */
const MAX_WORDS_NEW_SENTENCE = 6;

export function saidAfter(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  const { text } = scene;
  const closeAt = quote.closeAt;
  if (closeAt === null) return undefined;
  const line = scene.lines[scene.lineAt(closeAt)];
  if (line === undefined) return undefined;
  const from = closeAt + 1;
  let nextOpen = Infinity;
  for (const q of quotesFrom(scene, closeAt)) {
    if (q.openAt !== null && q.openAt > closeAt) {
      nextOpen = q.openAt;
      break;
    }
  }
  const to = Math.min(sentenceEnd(text, from, line.end), nextOpen);
  const tail = text.slice(from, to);
  const words = tail.toLowerCase().match(REGEXPS.letters) ?? [];
  const verbAt = words.findIndex((w) => SPEECH_VERBS.has(w));
  if (verbAt === -1) return nameAndApposition(scene, quote, from, to);
  if (
    (verbAt > MAX_WORDS_FROM_VERB && words.length - verbAt > MAX_WORDS_FROM_VERB) ||
    words[verbAt + 1] === 'that' ||
    // "… because “nobody else would do it,” and explained to the officers …": the sentence's own subject goes on.
    (verbAt === 1 && COORDINATORS.has(words[0] ?? ''))
  )
    return undefined;
  const endsSentence = REGEXPS.endsSentence.test(text.slice(quote.start, quote.end).trim());
  if (
    REGEXPS.capitalAfterSpace.test(tail) &&
    endsSentence &&
    words.length > MAX_WORDS_NEW_SENTENCE &&
    !namedThenVerbAlone(words, verbAt)
  )
    return undefined;
  const verbFirst = REGEXPS.verbFirst.exec(tail);
  const found =
    verbFirst?.[1] !== undefined && SPEECH_VERBS.has(verbFirst[1])
      ? resolveSubject(scene, subjectAt(scene, from + verbFirst[0].length, to), from + verbFirst[0].length, 'said')
      : resolveSubject(
          scene,
          subjectAt(scene, from + (REGEXPS.leadingSpacesAndCommas.exec(tail)?.[0].length ?? 0), to),
          from,
          'said',
        );
  // A speech verb whose subject cannot be resolved ("Smith said" with two Smiths): someone is named, unclear who.
  // Only a verb that attributes the quote (early, or ending the sentence) names somebody: "… admitted to hospital"
  // far into the sentence is another clause's, and leaves the quote to the patterns after.
  const attributes = verbAt <= MAX_WORDS_BEFORE_VERB || words.length - verbAt - 1 <= MAX_CIRCUMSTANCE_WORDS;
  return (
    found ??
    closingAttribution(scene, from, to, words.length - verbAt - 1) ??
    (attributes && REGEXPS.spaceOrCommaFirst.test(tail) ? abstain('unresolved', 'speaker-not-identified') : undefined)
  );
}

/**
 * "“…” except in a few towns, Okafor said.": the sentence goes on after the quote and ends with its attribution, set
 * off by a comma, with only when it was said after the verb.
 */
function closingAttribution(scene: Scene, from: number, to: number, wordsAfterVerb: number): Attribution | undefined {
  const last = REGEXPS.commaThenVerbLast.exec(scene.text.slice(from, to));
  if (last === null || wordsAfterVerb > MAX_CIRCUMSTANCE_WORDS || !SPEECH_VERBS.has(last[2] ?? '')) return undefined;
  const verbAt = from + last.index + last[0].indexOf(last[2] ?? '', (last[1] ?? '').length);
  const subject = subjectBeforeVerb(scene, from + last.index, verbAt);
  return subject === undefined ? undefined : resolveSubject(scene, subject, from + last.index, 'said');
}

/** "“…,” the former city treasurer said": how many words a subject before its verb may have. */
const MAX_WORDS_BEFORE_VERB = 6;

/** "on Monday", "last week": how many words may follow a closing attribution's verb. */
const MAX_CIRCUMSTANCE_WORDS = 2;

/**
 * Words after a speech verb that leave the quote as its object: punctuation, or when, where and how it was said.
 * Anything else ("said he", "said the plan") opens a reported clause of its own.
 */
const AFTER_VERB_CIRCUMSTANCE = new Set(
  'on in at during after before late earlier later yesterday today tonight last this from via to'.split(' '),
);

/**
 * "“Just met with General Novak!” Okafor tweeted on Monday, fuelling the rumours …": a long new sentence
 * after a quote that ends its own, opened by a name of at most three words and its speech verb, which says only
 * when or where.
 */
function namedThenVerbAlone(words: readonly string[], verbAt: number): boolean {
  const next = words[verbAt + 1];
  return verbAt >= 1 && verbAt <= 3 && (next === undefined || AFTER_VERB_CIRCUMSTANCE.has(next));
}

/**
 * "“The turnout has been remarkable,” Ann Lee, senior policy adviser for the council.": a quote ending
 * in a comma, then only a person's name and an apposition with an office in it, to the end of the sentence.
 */
function nameAndApposition(scene: Scene, quote: QuoteSpan, from: number, to: number): Attribution | undefined {
  const { text } = scene;
  if (!REGEXPS.commaLast.test(text.slice(quote.start, quote.end)) || !REGEXPS.fullStopLast.test(text.slice(from, to)))
    return undefined;
  const [mention] = scene.narrationMentions(from, to);
  if (mention === undefined || scene.kindOf(mention.entityId) !== 'person') return undefined;
  if (text.slice(from, mention.start).trim() !== '') return undefined;
  const role = appositionAfter(text, mention.end);
  if (role === undefined || !REGEXPS.onlyComma.test(text.slice(mention.end, text.indexOf(role, mention.end))))
    return undefined;
  const rest = text.slice(text.indexOf(role, mention.end) + role.length, to);
  return REGEXPS.onlyFullStop.test(rest) ? { speakerId: mention.entityId, cue: 'said', role } : undefined;
}
