// Reads the subject of a clause next to a quote: a named entity, a pronoun, an office ("the MP"), an unnamed
// source ("a senior official") or a text ("the statement").
import type { Mention } from '../pack';
import type { Gender } from '../names';
import { appositionAfter, isOrganisationWord, isRole } from '../names';
import {
  COLLECTIVE_NOUNS,
  FEMALE_PRONOUNS,
  HONORIFICS,
  MALE_PRONOUNS,
  NOT_NAME_WORDS,
  POST_NOMINALS,
  SPEECH_VERBS,
  UNNAMED_GROUPS,
} from '../lexicon';
import type { Scene } from './context';

export type Subject =
  | { type: 'entity'; mention: Mention }
  | { type: 'pronoun'; gender: Gender; at: number }
  | { type: 'role'; role: string; at: number }
  /** "the company said": a body the text named before, by the kind of body it is. */
  | { type: 'body'; noun: string; at: number }
  | { type: 'unnamed'; role: string }
  | { type: 'collective' };

const INTRO_WORDS = new Set([
  'in',
  'on',
  'at',
  'for',
  'during',
  'after',
  'before',
  'speaking',
  'addressing',
  'referring',
  'responding',
  'commenting',
  'writing',
  'also',
  'however',
  'meanwhile',
  'today',
  'yesterday',
  'later',
  'earlier',
  'recently',
  'separately',
  'then',
  'elsewhere',
  'similarly',
  'finally',
  'moreover',
  'furthermore',
]);
const LEAD_WORDS = new Set([
  'the',
  'former',
  'late',
  'then',
  'of',
  'for',
  'a',
  'an',
  'and',
  'current',
  'british',
  'deputy',
  'acting',
  'our',
  'his',
  'her',
  'their',
  'its',
]);
const DETERMINERS = ['the', 'this', 'their', 'our', 'its', 'a', 'an', 'his', 'her'];
/** Words that open a description of somebody the text does not name: "a senior official", "one insider". */
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'two', 'three', 'several', 'some', 'many', 'other']);

/**
 * "former Acme general manager Jo Doe", "Northwind executive VP Ann Lee": office words between a body's name
 * and a person's. No punctuation, no verb, no preposition: only names, offices and the words of an office.
 */
function isOfficeBetween(gap: string): boolean {
  if (/[,.;:()"“”—–]/.test(gap)) return false;
  return wordsOf(gap).every(
    (w) =>
      isRole(w) ||
      LEAD_WORDS.has(w.toLowerCase()) ||
      (!NOT_NAME_WORDS.has(w.toLowerCase()) && !SPEECH_VERBS.has(w.toLowerCase())),
  );
}

/** "as Acme Radio's Ann Lee", "Okafor’s incoming chief of staff Jo Doe": an owner's office before a name. */
function isOwnedOffice(text: string, from: number, to: number): boolean {
  const m = /^\s*(?:as\s+)?[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*)*['’]s\s+(.*)$/su.exec(text.slice(from, to));
  return m?.[1] !== undefined && isOfficeBetween(m[1].replace(/\bof\s+(?=\p{Ll})/gu, ''));
}

/** The words of a clause up to its speech verb: "a Maine Democrat", "officials familiar with the talks". */
function descriptionBeforeVerb(clause: string): string {
  const words = clause.trim().split(/\s+/);
  const verb = words.findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  return words
    .slice(0, verb === -1 ? words.length : verb)
    .join(' ')
    .replace(/[,\s]+$/, '');
}

export const wordsOf = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

const isHonorific = (word: string): boolean => HONORIFICS.has(word.toLowerCase().replace(/\.$/, ''));
/** A capitalised word that can be part of a name: not "If", "When" or "But" opening a clause. */
const isNameWord = (word: string): boolean => /^\p{Lu}/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase());

/** Words that may stand before a name at the head of a clause: "Labour MP for Birmingham Selly Oak, ", "The Rt Hon ". */
export function isNameLead(gap: string): boolean {
  return wordsOf(gap.replace(/[()[\]]/g, ' ')).every(
    (w) => isNameWord(w) || LEAD_WORDS.has(w.toLowerCase()) || isRole(w) || isHonorific(w),
  );
}

/** The office words written straight before a name ("The NCRI President-elect Mrs"), not the sentence before them. */
export function titleWordsBefore(text: string, from: number, to: number): string {
  const words = text.slice(from, to).split(/(?<=\s)/);
  let keep = words.length;
  while (keep > 0 && isNameLead(words[keep - 1] ?? '')) keep--;
  return words.slice(keep).join('');
}

/** The role the text gives next to a mention: an apposition after it, or office words before it. */
export function roleNear(text: string, mention: Mention, clauseStart: number): string | undefined {
  const after = appositionAfter(text, mention.end);
  if (after !== undefined) return after;
  // Only the words after the last comma ("When a reporter asked, Fisk said" gives Fisk no role), or, when the
  // name follows the comma, an office ending just before it ("City Hall press secretary, Jo Doe").
  const segments = text.slice(clauseStart, mention.start).split(/[,;:]\s/);
  let phrase = segments.pop() ?? '';
  if (phrase.trim() === '') {
    const office = segments.pop() ?? '';
    phrase = isRole(wordsOf(office).pop() ?? '') ? office : '';
  }
  const before = phrase.replace(/^\s*(?:the\s+)/i, '').replace(/[\s,]+$/, '');
  const words = wordsOf(before).filter((w) => !isHonorific(w));
  if (!words.some(isRole)) return undefined;
  const role = words.join(' ');
  return role.length > 0 ? role : undefined;
}

/** The subject at the head of the clause [from, to). */
export function subjectAt(scene: Scene, from: number, to: number): Subject | undefined {
  const { text } = scene;
  let clause = text.slice(from, to);
  let offset = from;
  // Skip an opening phrase such as "In his remarks," before the subject.
  for (let k = 0; k < 2; k++) {
    const first = /^\s*([\p{L}]+)/u.exec(clause)?.[1]?.toLowerCase() ?? '';
    const comma = clause.indexOf(',');
    if (!(INTRO_WORDS.has(first) || first.endsWith('ing')) || comma === -1) break;
    offset += comma + 1;
    clause = clause.slice(comma + 1);
  }
  // "BANK MERGER — Our Jo Doe writes:": a heading set off by a dash is not the subject.
  const heading = /^[^—–]*\s[—–]\s+(?=\p{Lu})/u.exec(clause);
  if (heading !== null && !(heading[0].toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => SPEECH_VERBS.has(w))) {
    offset += heading[0].length;
    clause = clause.slice(heading[0].length);
  }
  // "Asked a Maine Democrat:", "Replied Peter,", and between two parts of one quote "“A,” says X, “B.”":
  // a speech verb may come before its subject.
  const inverted = /^\s*(\p{L}\p{Ll}+)\s+/u.exec(clause);
  if (inverted?.[1] !== undefined && SPEECH_VERBS.has(inverted[1].toLowerCase())) {
    offset += inverted[0].length;
    clause = clause.slice(inverted[0].length);
  }
  const head = /^\s*([\p{L}'’]+)(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?/u.exec(clause);
  const firstWord = head?.[1]?.toLowerCase() ?? '';
  const headAt = offset + (clause.length - clause.trimStart().length);
  if (MALE_PRONOUNS.has(firstWord)) return { type: 'pronoun', gender: 'male', at: headAt };
  if (FEMALE_PRONOUNS.has(firstWord)) return { type: 'pronoun', gender: 'female', at: headAt };
  if (firstWord === 'they' || firstWord === 'we') return { type: 'collective' };
  // Somebody the text describes but does not name: never a named speaker, whatever names the description holds.
  if (
    INDEFINITE.has(firstWord) ||
    UNNAMED_GROUPS.has(firstWord) ||
    (firstWord === 'the' && UNNAMED_GROUPS.has(head?.[2]?.toLowerCase() ?? ''))
  ) {
    return { type: 'unnamed', role: descriptionBeforeVerb(clause) };
  }
  const headWords = [head?.[2], head?.[3], head?.[4]].map((w) => w?.toLowerCase() ?? '');
  if (DETERMINERS.includes(firstWord) && headWords.slice(0, 2).some((w) => COLLECTIVE_NOUNS.has(w)))
    return { type: 'collective' };
  let [first] = scene.narrationMentions(offset, to);
  // "Okafor’s incoming chief of staff Jo Doe", "Acme Radio's Ann Lee": the owner is not the subject.
  if (first !== undefined && /^['’]s\s/.test(text.slice(first.end, first.end + 3))) {
    const owner = first;
    const person = scene.narrationMentions(owner.end, to).find((m) => scene.kindOf(m.entityId) === 'person');
    if (
      person !== undefined &&
      isOfficeBetween(text.slice(owner.end + 2, person.start).replace(/\bof\s+(?=\p{Ll})/gu, ''))
    )
      first = person;
  }
  const lead = text.slice(offset, first?.start ?? offset);
  // "Our Sam Okafor and Ann Lee:": two people, one of whom the compiler may not have recognised.
  if (first !== undefined && JOINED_SUBJECT.test(lead)) return { type: 'collective' };
  if (
    first !== undefined &&
    (isNameLead(lead) || isOfficeBetween(lead) || isOwnedOffice(text, offset, first.start)) &&
    !/^['’]s\b/.test(text.slice(first.end, first.end + 2))
  ) {
    // "the NCRI President-elect": a body's name used as a modifier of an office is not the subject.
    const office = /^\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b/u.exec(
      text.slice(first.end, to),
    );
    const officeWords = office?.[1]?.split(/\s+/) ?? [];
    // A body's name before a person's, joined by office words: the person speaks, the body is their role. So does a
    // name read as a person's that an office word follows ("Northern Rail spokesman Karim Aziz").
    const person = scene.narrationMentions(first.end, to).find((m) => scene.kindOf(m.entityId) === 'person');
    const between = person === undefined ? '' : text.slice(first.end, person.start);
    if (
      person !== undefined &&
      isOfficeBetween(between) &&
      (scene.kindOf(first.entityId) !== 'person' || wordsOf(between).some(isRole)) &&
      !/^['’]s\b/.test(text.slice(person.end, person.end + 2))
    ) {
      return { type: 'entity', mention: person };
    }
    if (
      scene.kindOf(first.entityId) !== 'person' &&
      officeWords.length > 0 &&
      isRole(officeWords[officeWords.length - 1] ?? '') &&
      SPEECH_VERBS.has(office?.[2] ?? '')
    ) {
      return { type: 'role', role: text.slice(first.start, first.end) + ' ' + officeWords.join(' '), at: first.start };
    }
    return { type: 'entity', mention: first };
  }
  // "the NCRI President-elect said": an office standing for a person named before.
  const roleHead = /^\s*the\s+((?:[\p{Lu}][\p{L}-]*\s+){0,3}?[\p{L}-]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b/u.exec(
    clause,
  );
  if (
    firstWord === 'the' &&
    roleHead?.[1] !== undefined &&
    isRole(roleHead[1].split(/\s+/).pop() ?? '') &&
    SPEECH_VERBS.has(roleHead[2] ?? '')
  ) {
    return { type: 'role', role: roleHead[1], at: headAt };
  }
  if (
    firstWord === 'the' &&
    roleHead?.[1] !== undefined &&
    isBodyNoun(roleHead[1]) &&
    SPEECH_VERBS.has(roleHead[2] ?? '')
  )
    return { type: 'body', noun: roleHead[1], at: headAt };
  return undefined;
}

/** The subject of the clause before a quote, looking into "in which X ..." and "X, who ..." when the head has none. */
export function leadSubject(scene: Scene, from: number, to: number): Subject | undefined {
  const { text } = scene;
  const clause = text.slice(from, to);
  const who = /,?\s+who\s+/g;
  let lastWho: RegExpExecArray | null = null;
  for (let m = who.exec(clause); m !== null; m = who.exec(clause)) lastWho = m;
  if (lastWho !== null) {
    const whoAt = from + lastWho.index;
    const before = scene.narrationMentions(from, whoAt).pop();
    const between = before === undefined ? '' : text.slice(before.end, whoAt);
    if (before !== undefined && wordsOf(between).every((w) => POST_NOMINALS.has(w)))
      return { type: 'entity', mention: before };
  }
  const direct = subjectAt(scene, from, to);
  if (direct !== undefined) return direct;
  const markers = [...clause.matchAll(/\b(?:in which|at which|during which|when|where|as|while)\s+/g)].reverse();
  for (const m of markers) {
    const found = subjectAt(scene, from + m.index + m[0].length, to);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What may stand between a subject and its verb: an apposition set off by commas, auxiliaries and adverbs. */
const SUBJECT_TO_VERB =
  /^(?:\s*,[^,“”"]{1,120},|\s*,(?=\s+(?:has|have|had)\s))?(?:\s+(?:has|have|had|also|once|later|repeatedly|previously|then|would|will|can|could|may|might|be|been|is|was|were|heard|since|again|even|himself|herself|publicly|famously|bluntly|\p{Ll}+ly))*\s*,?\s+$/u;
/** A name after one of these is an object ("ordered by Okafor"), not the subject. */
const PREPOSITION_BEFORE = /(?:^|\s)(?:by|to|for|with|against|of|about|from|on|at|in|toward|towards|than)\s+$/i;
/** "Smith and Jones said": one of two subjects is not the speaker; "… its statement, and Doe said" starts a clause. */
const JOINED_SUBJECT = /[\p{Lu}][\p{L}'’.-]*\s+(?:and|or)\s+$/u;
const OFFICE_SUBJECT =
  /(?:^|[\s,])[Tt]he\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)(?:\s+(?:has|had|also|later|then|\p{Ll}+ly))*\s+$/u;
const PRONOUN_SUBJECT =
  /(?:^|[\s,])(he|she)((?:\s+(?:has|had|also|once|later|then|would|will|can|could|\p{Ll}+ly))*)\s+$/u;

/** The subject written straight before a reporting verb: "Okafor says", "the press secretary, Jo Doe, said". */
export function subjectBeforeVerb(scene: Scene, from: number, verbAt: number): Subject | undefined {
  const { text } = scene;
  const mention = scene.narrationMentions(from, verbAt).pop();
  if (
    mention !== undefined &&
    SUBJECT_TO_VERB.test(text.slice(mention.end, verbAt)) &&
    !PREPOSITION_BEFORE.test(text.slice(from, mention.start)) &&
    !JOINED_SUBJECT.test(text.slice(from, mention.start))
  ) {
    return { type: 'entity', mention };
  }
  const pronoun = PRONOUN_SUBJECT.exec(text.slice(from, verbAt));
  if (pronoun?.[1] !== undefined)
    return { type: 'pronoun', gender: pronoun[1] === 'he' ? 'male' : 'female', at: verbAt - pronoun[0].length };
  // "…, the spokesperson said the board had agreed …": an office straight before the verb.
  const office = OFFICE_SUBJECT.exec(text.slice(from, verbAt));
  if (office?.[1] !== undefined && isRole(office[1].split(/\s+/).pop() ?? ''))
    return { type: 'role', role: office[1], at: verbAt - office[0].length };
  if (office?.[1] !== undefined && isBodyNoun(office[1]))
    return { type: 'body', noun: office[1], at: verbAt - office[0].length };
  return undefined;
}

/** "company", "the ministry": one word for a kind of body, not an office ("the company spokesman"). */
const isBodyNoun = (words: string): boolean => !/\s/.test(words.trim()) && isOrganisationWord(words.trim());
