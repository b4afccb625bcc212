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
  REPORTING_VERBS,
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

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** Punctuation that no office words between two names hold. */
  punctuation: /[,.;:()"“”—–]/,
  /** "as Acme Radio's Ann Lee": an owner's capitalised name, its "’s", and what follows (group 1). */
  ownerThenRest: /^\s*(?:as\s+)?[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*)*['’]s\s+(.*)$/su,
  /** "chief of staff": an "of" inside an office, before a lower-case word. */
  ofBeforeLowerCase: /\bof\s+(?=\p{Ll})/gu,
  whitespace: /\s+/,
  nonLetter: /[^\p{L}]/gu,
  trailingSpacesAndCommas: /[,\s]+$/,
  spacesAndCommas: /[\s,]+/,
  finalStop: /\.$/,
  capitalFirst: /^\p{Lu}/u,
  brackets: /[()[\]]/g,
  /** Splits after each space, keeping the spaces with the words. */
  afterSpace: /(?<=\s)/,
  clauseBreak: /[,;:]\s/,
  leadingThe: /^\s*(?:the\s+)/i,
  /** The first word (group 1) of a clause. */
  firstWord: /^\s*([\p{L}]+)/u,
  /** "BANK MERGER — ": a heading set off by a dash before a capital. */
  heading: /^[^—–]*\s[—–]\s+(?=\p{Lu})/u,
  letters: /\p{L}+/gu,
  /** "Asked a Maine Democrat:", "Replied Peter,": a verb (group 1) heading the clause. */
  invertedVerb: /^\s*(\p{L}\p{Ll}+)\s+/u,
  /** The clause's first four words (groups 1 to 4). */
  headWords: /^\s*([\p{L}'’]+)(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?/u,
  possessiveAndSpace: /^['’]s\s/,
  possessiveS: /^['’]s\b/,
  /** " President-elect said": up to three words (group 1), perhaps an adverb, then the verb (group 2). */
  officeThenVerb: /^\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b/u,
  /** "the NCRI President-elect said": "the", an office (group 1), perhaps an adverb, then the verb (group 2). */
  theOfficeThenVerb: /^\s*the\s+((?:[\p{Lu}][\p{L}-]*\s+){0,3}?[\p{L}-]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b/u,
  /** ", who": a relative clause. Global: leadSubject starts it at 0 and reads it to the end. */
  who: /,?\s+who\s+/g,
  /** Words after which a clause has a subject of its own: "in which X said", "when X said". */
  subordinateClause: /\b(?:in which|at which|during which|when|where|as|while)\s+/g,
  /** What may stand between a subject and its verb: an apposition set off by commas, auxiliaries and adverbs. */
  subjectToVerb:
    /^(?:\s*,[^,“”"]{1,120},|\s*,(?=\s+(?:has|have|had)\s))?(?:\s+(?:has|have|had|also|once|later|repeatedly|previously|then|would|will|can|could|may|might|be|been|is|was|were|heard|since|again|even|himself|herself|publicly|famously|bluntly|\p{Ll}+ly|earlier|yesterday|today|(?:last|this)\s+(?:week|month|year|night|morning)|on\s+\p{Lu}\p{Ll}+day))*\s*,?\s+$/u,
  /** A name after one of these is an object ("ordered by Okafor"), not the subject. */
  prepositionBefore: /(?:^|\s)(?:by|to|for|with|against|of|about|from|on|at|in|toward|towards|than)\s+$/i,
  /** "Smith and Jones said": one of two subjects is not the speaker; "… its statement, and Doe said" starts a clause. */
  joinedSubject: /[\p{Lu}][\p{L}'’.-]*\s+(?:and|or)\s+$/u,
  /** "Vey and Kell council leader ": a name, "and", and up to four words of an office (group 1), ending the text. */
  joinedOverOffice: /[\p{Lu}][\p{L}'’.-]*\s+(?:and|or)\s+((?:[\p{L}'’-]+\s+){1,4})$/u,
  /** "the press secretary said": "the", an office (group 1), and auxiliaries or adverbs, ending the text. */
  officeSubject:
    /(?:^|[\s,])[Tt]he\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)(?:\s+(?:has|had|also|later|then|\p{Ll}+ly))*\s+$/u,
  /** "he said", "she later told": the pronoun (group 1) and auxiliaries or adverbs (group 2), ending the text. */
  pronounSubject:
    /(?:^|[\s,])([Hh]e|[Ss]he)((?:\s+(?:has|had|also|once|later|then|would|will|can|could|\p{Ll}+ly))*)\s+$/u,
  space: /\s/,
  /** A form of "be", perhaps with adverbs, ending the text: "is ", "was widely ". */
  formOfBeBefore: /\b(?:is|was|are|were|be|been|being)\s+(?:\p{Ll}+ly\s+)*$/u,
  /** A comma and spaces ending the text. */
  commaBefore: /,\s*$/,
  /** "as “…”", "a “…”": the name given, straight after a naming verb. */
  nameNext: /^\s+(?:as\s+)?(?:(?:a|an|the)\s+)?[“"]/,
  /** Up to three words (group 1) and then a clause's end: ", …", ".", or nothing. */
  wordsToClauseEnd: /^\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*(?:[,.;:!?]|$)/u,
  lowerCaseWord: /^\p{Ll}[\p{Ll}-]*$/u,
  /** "-ly", "-ing", "-ed", "-self": adverbs, participles and reflexives. */
  adverbOrParticiple: /(?:ly|ing|ed|self|selves)$/,
  /** "a weary ", "a later chancellor, ": an article and up to three lower-case words (group 1), and a comma (group 2). */
  articleAndWords: /^(?:[Aa]n?)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*)\s*(,)?\s*$/u,
  commaLast: /,\s*$/,
  /** A comma, a full stop or the end straight after a name. */
  commaOrClauseEnd: /^(?:[,.;:]|\s*$)/,
  /** "But ", "And yet ": conjunctions opening a clause. */
  leadingCoordinator: /^\s*(?:(?:but|and|yet|so|or)\s+)+/i,
} as const;

const INTRO_WORDS = new Set([
  'in',
  'on',
  // "Of the friar, Okafor said …", "About the vote, Doe said …": a topic set before the subject.
  'of',
  'about',
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
  if (REGEXPS.punctuation.test(gap)) return false;
  return wordsOf(gap).every(
    (w) =>
      isRole(w) ||
      LEAD_WORDS.has(w.toLowerCase()) ||
      (!NOT_NAME_WORDS.has(w.toLowerCase()) && !SPEECH_VERBS.has(w.toLowerCase())),
  );
}

/** "as Acme Radio's Ann Lee", "Okafor’s incoming chief of staff Jo Doe": an owner's office before a name. */
function isOwnedOffice(text: string, from: number, to: number): boolean {
  const m = REGEXPS.ownerThenRest.exec(text.slice(from, to));
  return m?.[1] !== undefined && isOfficeBetween(m[1].replace(REGEXPS.ofBeforeLowerCase, ''));
}

/**
 * A word in lower case that may be a noun after a name ("spot", "meteorologist", "officials"): not a word of
 * grammar, an adverb, a participle, a reflexive or a reporting verb.
 */
const isCommonNoun = (word: string): boolean =>
  REGEXPS.lowerCaseWord.test(word) &&
  !NOT_NAME_WORDS.has(word) &&
  !REPORTING_VERBS.has(word) &&
  !REGEXPS.adverbOrParticiple.test(word);

/** The words of a clause up to its speech verb: "a Maine Democrat", "officials familiar with the talks". */
function descriptionBeforeVerb(clause: string): string {
  const words = clause.trim().split(REGEXPS.whitespace);
  const verb = words.findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(REGEXPS.nonLetter, '')));
  return words
    .slice(0, verb === -1 ? words.length : verb)
    .join(' ')
    .replace(REGEXPS.trailingSpacesAndCommas, '');
}

export const wordsOf = (text: string): string[] => text.split(REGEXPS.spacesAndCommas).filter(Boolean);

const isHonorific = (word: string): boolean => HONORIFICS.has(word.toLowerCase().replace(REGEXPS.finalStop, ''));
/** A capitalised word that can be part of a name: not "If", "When" or "But" opening a clause. */
const isNameWord = (word: string): boolean =>
  REGEXPS.capitalFirst.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase());

/** Words that may stand before a name at the head of a clause: "Labour MP for Birmingham Selly Oak, ", "The Rt Hon ". */
export function isNameLead(gap: string): boolean {
  return wordsOf(gap.replace(REGEXPS.brackets, ' ')).every(
    (w) => isNameWord(w) || LEAD_WORDS.has(w.toLowerCase()) || isRole(w) || isHonorific(w),
  );
}

/** The office words written straight before a name ("The NCRI President-elect Mrs"), not the sentence before them. */
export function titleWordsBefore(text: string, from: number, to: number): string {
  const words = text.slice(from, to).split(REGEXPS.afterSpace);
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
  const segments = text.slice(clauseStart, mention.start).split(REGEXPS.clauseBreak);
  let phrase = segments.pop() ?? '';
  if (phrase.trim() === '') {
    const office = segments.pop() ?? '';
    phrase = isRole(wordsOf(office).pop() ?? '') ? office : '';
  }
  const before = phrase.replace(REGEXPS.leadingThe, '').replace(REGEXPS.trailingSpacesAndCommas, '');
  const words = wordsOf(before).filter((w) => !isHonorific(w));
  if (!words.some(isRole)) return undefined;
  const role = words.join(' ');
  return role.length > 0 ? role : undefined;
}

/** Words that tie a description to somebody else: "a spokesman for Jo Doe", "a friend of Jo Doe and". */
const LINKING_WORDS = new Set('of for to with by from about on at in against into than as and or who whose'.split(' '));

/**
 * "said a weary Jo Doe", "declared a later chancellor, Jo Doe, in 1897": an article and words that describe a
 * person straight before the person's name, with no preposition between (not "a spokesman for Jo Doe"). Words of an
 * office are set off from the name by commas; other words (how the person seemed) are not.
 */
function describedThenNamed(scene: Scene, from: number, to: number): Subject | undefined {
  const mention = scene.narrationMentions(from, to).find((m) => scene.kindOf(m.entityId) === 'person');
  if (mention === undefined) return undefined;
  const description = REGEXPS.articleAndWords.exec(scene.text.slice(from, mention.start));
  if (description === null) return undefined;
  const words = wordsOf(description[1] ?? '');
  if (words.some((w) => LINKING_WORDS.has(w) || UNNAMED_GROUPS.has(w))) return undefined;
  const setOff = description[2] !== undefined;
  const closed = REGEXPS.commaOrClauseEnd.test(scene.text.slice(mention.end, mention.end + 2));
  if (setOff ? !closed : words.some(isRole)) return undefined;
  return { type: 'entity', mention };
}

/** The subject at the head of the clause [from, to). */
export function subjectAt(scene: Scene, from: number, to: number): Subject | undefined {
  const { text } = scene;
  let clause = text.slice(from, to);
  let offset = from;
  // "But a spokesperson said": a conjunction joining the clause to the one before is no part of its subject.
  const coordinator = REGEXPS.leadingCoordinator.exec(clause);
  if (coordinator !== null) {
    offset += coordinator[0].length;
    clause = clause.slice(coordinator[0].length);
  }
  // Skip an opening phrase such as "In his remarks," before the subject; "Fenwick, " is a name, not a participle.
  for (let k = 0; k < 2; k++) {
    const first = REGEXPS.firstWord.exec(clause)?.[1]?.toLowerCase() ?? '';
    const comma = clause.indexOf(',');
    const firstAt = offset + clause.length - clause.trimStart().length;
    const named = scene.narrationMentions(firstAt, offset + comma + 1).some((m) => m.start === firstAt);
    if (!(INTRO_WORDS.has(first) || (first.endsWith('ing') && !named)) || comma === -1) break;
    offset += comma + 1;
    clause = clause.slice(comma + 1);
  }
  // "BANK MERGER — Our Jo Doe writes:": a heading set off by a dash is not the subject.
  const heading = REGEXPS.heading.exec(clause);
  if (heading !== null && !(heading[0].toLowerCase().match(REGEXPS.letters) ?? []).some((w) => SPEECH_VERBS.has(w))) {
    offset += heading[0].length;
    clause = clause.slice(heading[0].length);
  }
  // "Asked a Maine Democrat:", "Replied Peter,", and between two parts of one quote "“A,” says X, “B.”":
  // a speech verb may come before its subject.
  const inverted = REGEXPS.invertedVerb.exec(clause);
  if (inverted?.[1] !== undefined && SPEECH_VERBS.has(inverted[1].toLowerCase())) {
    offset += inverted[0].length;
    clause = clause.slice(inverted[0].length);
  }
  const head = REGEXPS.headWords.exec(clause);
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
    return describedThenNamed(scene, headAt, to) ?? { type: 'unnamed', role: descriptionBeforeVerb(clause) };
  }
  const headWords = [head?.[2], head?.[3], head?.[4]].map((w) => w?.toLowerCase() ?? '');
  if (DETERMINERS.includes(firstWord) && headWords.slice(0, 2).some((w) => COLLECTIVE_NOUNS.has(w)))
    return { type: 'collective' };
  let [first] = scene.narrationMentions(offset, to);
  // "Okafor’s incoming chief of staff Jo Doe", "Acme Radio's Ann Lee": the owner is not the subject.
  if (first !== undefined && REGEXPS.possessiveAndSpace.test(text.slice(first.end, first.end + 3))) {
    const owner = first;
    const person = scene.narrationMentions(owner.end, to).find((m) => scene.kindOf(m.entityId) === 'person');
    if (
      person !== undefined &&
      isOfficeBetween(text.slice(owner.end + 2, person.start).replace(REGEXPS.ofBeforeLowerCase, ''))
    )
      first = person;
  }
  const lead = text.slice(offset, first?.start ?? offset);
  // "Our Sam Okafor and Ann Lee:": two people, one of whom the compiler may not have recognised.
  if (first !== undefined && REGEXPS.joinedSubject.test(lead)) return { type: 'collective' };
  if (
    first !== undefined &&
    (isNameLead(lead) || isOfficeBetween(lead) || isOwnedOffice(text, offset, first.start)) &&
    !REGEXPS.possessiveS.test(text.slice(first.end, first.end + 2))
  ) {
    // "the NCRI President-elect": a body's name used as a modifier of an office is not the subject.
    const office = REGEXPS.officeThenVerb.exec(text.slice(first.end, to));
    const officeWords = office?.[1]?.split(REGEXPS.whitespace) ?? [];
    // A body's name before a person's, joined by office words: the person speaks, the body is their role. So does a
    // name read as a person's that an office word follows ("Northern Rail spokesman Karim Aziz").
    const person = scene.narrationMentions(first.end, to).find((m) => scene.kindOf(m.entityId) === 'person');
    const between = person === undefined ? '' : text.slice(first.end, person.start);
    // "Acme Chief Executive, Jo Doe, said": the name may be set off by commas after the office.
    const setOff =
      person !== undefined &&
      REGEXPS.commaLast.test(between) &&
      REGEXPS.commaOrClauseEnd.test(text.slice(person.end, person.end + 2));
    if (
      person !== undefined &&
      isOfficeBetween(setOff ? between.replace(REGEXPS.commaLast, '') : between) &&
      (scene.kindOf(first.entityId) !== 'person' || wordsOf(between).some(isRole)) &&
      !REGEXPS.possessiveS.test(text.slice(person.end, person.end + 2))
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
    // "The Harbour Inn spot said", "says Acme meteorologist": a name modifying a noun names whose the speaker is,
    // not who.
    const nouns =
      office !== null && SPEECH_VERBS.has(office[2] ?? '')
        ? office[1]
        : REGEXPS.wordsToClauseEnd.exec(text.slice(first.end, to))?.[1];
    const nounWords = nouns?.split(REGEXPS.whitespace) ?? [];
    if (nouns !== undefined && nounWords.every(isCommonNoun) && !isRole(nounWords[nounWords.length - 1] ?? '')) {
      return { type: 'unnamed', role: text.slice(headAt, text.indexOf(nouns, first.end) + nouns.length) };
    }
    return { type: 'entity', mention: first };
  }
  // "the NCRI President-elect said": an office standing for a person named before.
  const roleHead = REGEXPS.theOfficeThenVerb.exec(clause);
  if (
    firstWord === 'the' &&
    roleHead?.[1] !== undefined &&
    isRole(roleHead[1].split(REGEXPS.whitespace).pop() ?? '') &&
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
  const who = REGEXPS.who;
  who.lastIndex = 0;
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
  const markers = [...clause.matchAll(REGEXPS.subordinateClause)].reverse();
  for (const m of markers) {
    const found = subjectAt(scene, from + m.index + m[0].length, to);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Verbs that name what something is called: "dubbed a “…”", "so-called". */
const NAMING_VERBS = new Set([
  'called',
  'dubbed',
  'labelled',
  'labeled',
  'termed',
  'branded',
  'nicknamed',
  'described',
]);

/**
 * "Doe is said to believe …", "the risk was described as “…”", "the system, dubbed a “…”": a reporting verb in the
 * passive has no speaker before it; whoever said it, the text does not say.
 */
export function isPassive(text: string, verbAt: number, verb: string): boolean {
  const before = text.slice(Math.max(0, verbAt - 40), verbAt);
  const after = text.slice(verbAt + verb.length, verbAt + verb.length + 12);
  // "Tom Reed, the shadow minister, called the ruling “…”": after an apposition, a naming verb with its own object.
  return (
    REGEXPS.formOfBeBefore.test(before) ||
    (NAMING_VERBS.has(verb.toLowerCase()) && REGEXPS.commaBefore.test(before) && REGEXPS.nameNext.test(after))
  );
}

/** The subject written straight before a reporting verb: "Okafor says", "the press secretary, Jo Doe, said". */
export function subjectBeforeVerb(scene: Scene, from: number, verbAt: number): Subject | undefined {
  const { text } = scene;
  if (isPassive(text, verbAt, REGEXPS.firstWord.exec(text.slice(verbAt, verbAt + 30))?.[1] ?? '')) return undefined;
  const mention = scene.narrationMentions(from, verbAt).pop();
  if (
    mention !== undefined &&
    REGEXPS.subjectToVerb.test(text.slice(mention.end, verbAt)) &&
    !REGEXPS.prepositionBefore.test(text.slice(from, mention.start)) &&
    !REGEXPS.joinedSubject.test(text.slice(from, mention.start))
  ) {
    // "Ann Vey and Kell council leader Omar Brandt called …": a name joined to another over the other's office.
    const office = REGEXPS.joinedOverOffice.exec(text.slice(from, mention.start))?.[1];
    if (office !== undefined && isRole(office.trim().split(REGEXPS.whitespace).pop() ?? ''))
      return { type: 'collective' };
    return { type: 'entity', mention };
  }
  const pronoun = REGEXPS.pronounSubject.exec(text.slice(from, verbAt));
  if (pronoun?.[1] !== undefined)
    return {
      type: 'pronoun',
      gender: pronoun[1].toLowerCase() === 'he' ? 'male' : 'female',
      at: verbAt - pronoun[0].length,
    };
  // "…, the spokesperson said the board had agreed …": an office straight before the verb.
  const office = REGEXPS.officeSubject.exec(text.slice(from, verbAt));
  if (office?.[1] !== undefined && isRole(office[1].split(REGEXPS.whitespace).pop() ?? ''))
    return { type: 'role', role: office[1], at: verbAt - office[0].length };
  if (office?.[1] !== undefined && isBodyNoun(office[1]))
    return { type: 'body', noun: office[1], at: verbAt - office[0].length };
  return undefined;
}

/** "company", "the ministry": one word for a kind of body, not an office ("the company spokesman"). */
const isBodyNoun = (words: string): boolean => !REGEXPS.space.test(words.trim()) && isOrganisationWord(words.trim());
