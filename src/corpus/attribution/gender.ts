// The sex a document's own pronouns give a person: "Ann Haddad … said she has neighbours" makes Haddad "she".
// Used only to rule out a pronoun's antecedent, and only when the text never contradicts itself.
import type { Mention } from '../pack';
import type { Gender } from '../names';
import { ADDRESS_VERBS, FEMALE_PRONOUNS, MALE_PRONOUNS, REPORTING_VERBS } from '../lexicon';

const MALE_FORMS = new Set([...MALE_PRONOUNS, 'his', 'him', 'himself']);
const FEMALE_FORMS = new Set([...FEMALE_PRONOUNS, 'her', 'hers', 'herself']);

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A third-person pronoun (group 1). Global: inferGenders starts it at 0 before each search. */
  pronoun: new RegExp(`\\b(${[...MALE_FORMS, ...FEMALE_FORMS].join('|')})\\b`, 'gi'),
  /** A full stop, "!" or "?" ending a sentence. */
  sentenceEnd: /[.!?](?:\s|$)/,
  /** The lower-case word (group 1) that ends the text. */
  lastWord: /([a-z]+)\s+$/,
  /** A sentence's mark and the spaces after it, or a line break. Global: read with matchAll. */
  sentenceOrLineEnd: /[.!?]["”’)]*\s+|\n/g,
  words: /\p{L}+/gu,
  /** A reporting verb and perhaps "that", ending the text: the pronoun after it is the reported clause's subject. */
  reportedSubjectLast: new RegExp(`\\b(?:${[...REPORTING_VERBS].join('|')})(?:\\s+that)?\\s+$`, 'iu'),
  /** A participle opening the text: "Asked ", "Citing ". */
  participleFirst: /^\s*\p{Lu}\p{Ll}+(?:ing|ed)\s/u,
} as const;
/** A pronoun this far after a name, with no other name between, is taken to refer to it. */
const REACH = 160;

/**
 * For each person named in the narration: the first third-person pronoun after the mention, in the same sentence and
 * before any other name, votes for that person's sex. A person with votes for both gets none.
 */
export function inferGenders(
  text: string,
  people: readonly Mention[],
  insideQuote: (offset: number) => boolean,
): Map<string, Gender> {
  const votes = new Map<string, Set<Gender>>();
  people.forEach((mention, i) => {
    if (insideQuote(mention.start)) return;
    const next = people[i + 1];
    const stop = Math.min(mention.end + REACH, next?.start ?? Infinity);
    const span = text.slice(mention.end, stop).split(REGEXPS.sentenceEnd)[0] ?? '';
    REGEXPS.pronoun.lastIndex = 0;
    const m = REGEXPS.pronoun.exec(span);
    if (m?.[1] === undefined || insideQuote(mention.end + m.index)) return;
    const word = m[1].toLowerCase();
    // "Asked about Lee’s paper, he said": the subject after a participle phrase is not a name the phrase holds.
    if (span.slice(0, m.index).includes(',') && opensWithParticiple(text, mention.start)) return;
    // "Harlow pressed him", "Harlow asked her about it": an object of the person's own verb is somebody else.
    const verbBefore = REGEXPS.lastWord.exec(span.slice(0, m.index))?.[1] ?? '';
    if (word === 'him' || (word === 'her' && ADDRESS_VERBS.has(verbBefore))) return;
    // "Doe said the inquiry found that accounts in her name were fake": past the person's own reporting verb, only
    // the subject of what is reported ("Doe said she …", "said that he …") is the person; a pronoun deeper in the
    // reported clause may be anybody it speaks of.
    const before = span.slice(0, m.index);
    const reports = (before.toLowerCase().match(REGEXPS.words) ?? []).some((w) => REPORTING_VERBS.has(w));
    if (reports && !REGEXPS.reportedSubjectLast.test(before)) return;
    const gender: Gender | undefined = MALE_FORMS.has(word) ? 'male' : FEMALE_FORMS.has(word) ? 'female' : undefined;
    if (gender === undefined) return;
    vote(votes, mention.entityId, gender);
  });
  return agreedGenders(votes);
}

/** Whether the sentence holding an offset opens with a participle ("Asked what …", "Citing …"). */
function opensWithParticiple(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - REACH), at);
  const starts = [...before.matchAll(REGEXPS.sentenceOrLineEnd)];
  const last = starts[starts.length - 1];
  const from = last === undefined ? 0 : last.index + last[0].length;
  return REGEXPS.participleFirst.test(before.slice(from));
}

export function vote(votes: Map<string, Set<Gender>>, id: string, gender: Gender): void {
  const set = votes.get(id) ?? new Set<Gender>();
  set.add(gender);
  votes.set(id, set);
}

/** Each person's sex where every vote agrees; a person with votes for both gets none. */
export function agreedGenders(votes: ReadonlyMap<string, ReadonlySet<Gender>>): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  for (const [id, set] of votes) {
    const [only] = set;
    if (set.size === 1 && only !== undefined) genders.set(id, only);
  }
  return genders;
}
