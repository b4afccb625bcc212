// A partial quote inside reported speech: "Lee said that after review the city had found the plan “not unlawful”",
// "Okafor called the budget “reckless”", "Doe said Okafor still believes the plan is “doomed.”". The
// speaker is the subject of the sentence's first reporting verb, before the quote.
import { REPORTING_VERBS, SPEECH_VERBS } from '../lexicon';
import type { QuoteSpan } from '../quotes';
import type { Attribution, Scene } from './context';
import { isTitle } from './named-as-words';
import { resolveSubject } from './resolve';
import { isPassive, leadSubject, subjectBeforeVerb } from './subject';

/** Speech verbs with a subject of their own: "said", "added", not "saying". */
const FINITE_SPEECH_VERBS = [...SPEECH_VERBS].filter((w) => !w.endsWith('ing')).join('|');

/** Participles that go on an attribution with what else was said: "adding", "noting", "saying". */
const PARTICIPLES = [...REPORTING_VERBS].filter((w) => w.endsWith('ing')).join('|');

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** The attribution of the quote before, going on with a participle: "…,” he said, adding that …". */
  addingThat: new RegExp(
    `^[,.!?]?[”"’]?,?\\s+(?:[\\p{L}.'’-]+\\s+){1,3}(?:${FINITE_SPEECH_VERBS})(?:\\s+[\\p{L}\\s]{1,30}?)?,\\s+(?:${PARTICIPLES})\\s+(?:that\\s)?[^“”"]*$`,
    'u',
  ),
  /** "”, and explained …": a second verb (group 1) of the sentence's subject, straight after the quote before. */
  andVerb: /^[”"’]?,?\s+and\s+(\p{L}+)\s/u,
  /** "and one", "but the", "while Okafor": a new clause with a subject of its own. */
  newClause: /\b(?:and|but|while|whereas)\s+(?:(?:one|a|an|the|another|some)\b|\p{Lu})/u,
  letters: /\p{L}+/gu,
  word: /[\p{L}\p{N}]+/gu,
  /** A circumstance straight after a verb: "said in unveiling", "asked when". */
  circumstanceAfterVerb: /^\s+(?:at|in|on|during|after|before|when|while)\b/,
} as const;

export function reportedPartial(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  const { text } = scene;
  // "on Acme TV's “Morning Desk,”": a short quote in title case is a title, not somebody's words.
  if (quote.openAt === null || isTitle(text.slice(quote.start, quote.end).trim())) return undefined;
  const line = scene.lines[scene.lineAt(quote.openAt)];
  if (line === undefined) return undefined;
  const from = scene.sentenceStart(line, quote.openAt);
  // A second partial quote in the sentence ("not “a protest” but “a riot”") has the first one's
  // speaker, when this pattern decided it; after a quote decided otherwise, only a reporting verb of its own gives one.
  if (scene.decided.some((d) => d.start > from && d.start < quote.start)) {
    const last = scene.decided[scene.decided.length - 1];
    const between = last === undefined ? '' : text.slice(last.end, quote.openAt);
    const newClause =
      REGEXPS.newClause.test(between) ||
      (between.toLowerCase().match(REGEXPS.letters) ?? []).some((w) => REPORTING_VERBS.has(w));
    // "…,” he said, adding that the firm was hit by a “perfect storm”": the quote before's own attribution goes on.
    const wordCount = (text.slice(quote.start, quote.end).match(REGEXPS.word) ?? []).length;
    // "… because “nobody else would do it,” and explained to the officers that he thought “…”": the same
    // subject reports on, with no one else named.
    const andVerb = REGEXPS.andVerb.exec(between)?.[1]?.toLowerCase();
    const sameSubjectGoesOn =
      andVerb !== undefined &&
      REPORTING_VERBS.has(andVerb) &&
      (last === undefined || scene.narrationMentions(last.end, quote.openAt).length === 0);
    const sameSpeakerGoesOn = (REGEXPS.addingThat.test(between) && last?.cue !== 'reported') || sameSubjectGoesOn;
    const goesOn =
      last !== undefined &&
      last.start > from &&
      // After a pronoun's or an office's partial quote, a lone word ("though “slow” was too kind") is more often a word
      // mentioned than the speaker's words.
      // "Doe said that “A” and “B”": said-before's "said that" is a report like this pattern's.
      (last.cue === 'reported' ||
        last.cue === 'said' ||
        ((last.cue === 'pronoun' || last.cue === 'role') && wordCount > 1) ||
        sameSpeakerGoesOn) &&
      last.speakerId !== null &&
      (!newClause || sameSpeakerGoesOn);
    if (goesOn && last.speakerId !== null)
      return { speakerId: last.speakerId, cue: 'reported', ...(last.role !== undefined ? { role: last.role } : {}) };
    // "… the headline “…,” chiding the council over what he said was plainly a “…”": the nearest reporting verb after
    // the quote before, with its subject written straight before it and leading into this quote.
    return last === undefined ? undefined : nearestReportingVerbSubject(scene, last.end, quote.openAt);
  }
  return reportingVerbSubject(scene, from, quote.openAt);
}

/** The speaker of the first reporting verb in [from, to) whose subject, before it or heading the clause, is found. */
function reportingVerbSubject(scene: Scene, from: number, to: number): Attribution | undefined {
  for (const verb of scene.text.slice(from, to).matchAll(REGEXPS.letters)) {
    const verbAt = from + verb.index;
    if (!REPORTING_VERBS.has(verb[0].toLowerCase()) || isPassive(scene.text, verbAt, verb[0])) continue;
    const subject = subjectBeforeVerb(scene, from, verbAt) ?? leadSubject(scene, from, verbAt + verb[0].length);
    if (subject === undefined) continue;
    return givenBy(resolveSubject(scene, subject, from, 'reported'), verbAt + verb[0].length);
  }
  return undefined;
}

/**
 * The speaker of the last reporting verb in [from, to), when its subject is written straight before it and no
 * circumstance follows it ("said in unveiling the “…”" attributes something else; "when a reporter asked" is the
 * reporter).
 */
function nearestReportingVerbSubject(scene: Scene, from: number, to: number): Attribution | undefined {
  const verb = [...scene.text.slice(from, to).matchAll(REGEXPS.letters)]
    .filter((m) => REPORTING_VERBS.has(m[0].toLowerCase()) && !isPassive(scene.text, from + m.index, m[0]))
    .pop();
  if (verb === undefined) return undefined;
  const verbAt = from + verb.index;
  if (REGEXPS.circumstanceAfterVerb.test(scene.text.slice(verbAt + verb[0].length, to))) return undefined;
  const subject = subjectBeforeVerb(scene, from, verbAt);
  return subject === undefined
    ? undefined
    : givenBy(resolveSubject(scene, subject, from, 'reported'), verbAt + verb[0].length);
}

/** Notes where the reporting verb ends, for the guard that reads what stands between it and the quote. */
const givenBy = (found: Attribution | undefined, reportingVerbEnd: number): Attribution | undefined =>
  found === undefined ? undefined : { ...found, evidence: { ...found.evidence, reportingVerbEnd } };
