// A partial quote inside reported speech: "Lee said that after review the city had found the plan “not unlawful”",
// "Trump called civilian leadership “stupid”", "Priebus said Trump still believes climate change is “bunk.”". The
// speaker is the subject of the sentence's first reporting verb, before the quote.
import { SPEECH_VERBS } from '../lexicon';
import type { QuoteSpan } from '../quotes';
import { sentenceStart, type Attribution, type Scene } from './context';
import { resolveSubject } from './resolve';
import { leadSubject, type Subject } from './subject';

/** Verbs that report what somebody said without quoting all of it. */
const REPORTING_VERBS = new Set([
  ...SPEECH_VERBS, 'called', 'calls', 'described', 'describes', 'dubbed', 'dubs', 'termed', 'terms', 'labeled', 'labelled',
  'branded', 'brands', 'praised', 'praises', 'promised', 'promises', 'vowed', 'vows', 'pledged', 'pledges', 'accused',
  'accuses', 'blamed', 'blames', 'denied', 'denies', 'predicted', 'predicts', 'pointed', 'points', 'characterized',
  'characterised', 'referred', 'refers', 'complained', 'complains', 'boasted', 'boasts', 'joked', 'jokes', 'conceded',
  'concedes', 'agreed', 'agrees', 'likened', 'likens', 'compared', 'compares', 'criticized', 'criticised', 'slammed',
  'hailed', 'touted', 'touts', 'lamented', 'laments', 'recounted', 'recounts', 'believes', 'believed', 'thinks',
]);
/** What may stand between a subject and its verb: an apposition set off by commas, auxiliaries and adverbs. */
const SUBJECT_TO_VERB = /^(?:\s*,[^,“”"]{1,120},)?(?:\s+(?:has|have|had|also|once|later|repeatedly|previously|then|would|will|can|could|may|might|be|been|is|was|were|heard|since|again|even|himself|herself|publicly|famously|bluntly|\p{Ll}+ly))*\s*,?\s+$/u;
/** A name after one of these is an object ("ordered by Putin"), not the subject. */
const PREPOSITION_BEFORE = /(?:^|\s)(?:by|to|for|with|against|of|about|from|on|at|in|toward|towards|than|and|or)\s+$/i;
const PRONOUN_SUBJECT = /(?:^|[\s,])(he|she)((?:\s+(?:has|had|also|once|later|then|would|will|can|could|\p{Ll}+ly))*)\s+$/u;

/** The subject written straight before a reporting verb: "Schlegelmilch says", "the press secretary, Josh Earnest, said". */
function subjectBeforeVerb(scene: Scene, from: number, verbAt: number): Subject | undefined {
  const { text } = scene;
  const mention = scene.narrationMentions(from, verbAt).pop();
  if (mention !== undefined && SUBJECT_TO_VERB.test(text.slice(mention.end, verbAt)) && !PREPOSITION_BEFORE.test(text.slice(from, mention.start))) {
    return { type: 'entity', mention };
  }
  const pronoun = PRONOUN_SUBJECT.exec(text.slice(from, verbAt));
  if (pronoun?.[1] !== undefined) return { type: 'pronoun', gender: pronoun[1] === 'he' ? 'male' : 'female', at: verbAt - pronoun[0].length };
  return undefined;
}

export function reportedPartial(scene: Scene, quote: QuoteSpan): Attribution | undefined {
  const { text } = scene;
  if (quote.openAt === null) return undefined;
  const line = scene.lines[scene.lineAt(quote.openAt)];
  if (line === undefined) return undefined;
  const from = sentenceStart(text, line, quote.openAt);
  const lead = text.slice(from, quote.openAt);
  if (scene.quotes.some((q) => q.start > from && q.start < quote.start)) return undefined;
  for (const verb of lead.matchAll(/\p{L}+/gu)) {
    if (!REPORTING_VERBS.has(verb[0].toLowerCase())) continue;
    const verbAt = from + verb.index;
    const subject = subjectBeforeVerb(scene, from, verbAt) ?? leadSubject(scene, from, verbAt);
    if (subject !== undefined) return resolveSubject(scene, subject, from, 'reported');
  }
  return undefined;
}
