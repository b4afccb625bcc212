// Precision guards: the last pass every attribution goes through, whichever pattern proposed it. Each guard checks
// one thing a right attribution never breaks; a guard that fires turns the statement into an abstention with its
// reason, never into another speaker.
import type { Gender } from '../names';
import type { Mention } from '../pack';
import { FEMALE_NOUNS, HONORIFICS, MALE_NOUNS, REPORTING_VERBS, SPEECH_VERBS, UNNAMED_GROUPS } from '../lexicon';
import { holdsOffice } from './role';
import { abstain, oncePerScene, sentenceEnd, type Attribution, type Scene } from './context';
import { itemsWithin } from '../text';
import { isOrdinaryWord } from '../ordinary-words';
import { isOrganisationWord, isRole } from '../names';
import { subjectAt } from './subject';

/** What a pattern read to reach its speaker, kept for the guards and never stored. */
export interface Evidence {
  /** "he said": the pronoun's sex. */
  pronoun?: { gender: Gender };
  /** The words in the subject's place that named the speaker. */
  subject?: { start: number; end: number };
  /** The sieve's resolver that turned the subject into the speaker ("pronoun", "role", "body"). */
  resolver?: string;
  /** Where the reporting verb ends that a partial quote is given by ("Doe says" in "Doe says … “…”"). */
  reportingVerbEnd?: number;
}

/** Where the statement stands in the text: the quote, or the unquoted words. */
export interface Place {
  start: number;
  end: number;
}

export interface Guard {
  name: string;
  /** What it may decide: always an abstention, with this reason. */
  check(scene: Scene, attribution: Attribution, place: Place, memory: GuardMemory): Attribution | undefined;
}

/** What the guards learn from the statements decided before, within one document. */
export interface GuardMemory {
  /** The pronouns a person was resolved from so far: "she" once makes "he" never that person. */
  pronounsOf: Map<string, Set<Gender>>;
}

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
/**
 * "told", "asked": a speech verb in the past, with a subject of its own; not a participle ("adding") that goes on
 * another's, nor a present form that is also a noun ("EU states", "the notes").
 */
const IRREGULAR_PAST_SPEECH = new Set(['said', 'told', 'wrote', 'spoke', 'sang']);
const isPastSpeechVerb = (word: string): boolean =>
  SPEECH_VERBS.has(word) && (word.endsWith('ed') || IRREGULAR_PAST_SPEECH.has(word));

const REGEXPS = {
  /**
   * Capitalised words (group 1) and the lower-case word after them (group 2), a speech verb where it matters: "Smith
   * said", "Ministry officials told". Not after an article: "the MP said" is an office, which the role resolver weighs.
   */
  namedSubject:
    /(?<![\p{L}\p{N}'’])(?<!\b(?:the|a|an|this|that|our|its|their)\s+)(?<!\p{Lu}[\p{L}'’.-]*\s+)[“"]?((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)[”"]?\s+([\p{Ll}]+)\b/gu,
  whitespace: /\s+/,
  whitespaceRuns: /\s+/g,
  /**
   * After a body's name, up to three words (group 1) that may end in an office of it or a part of it ("…
   * Commissioner for Human Rights", "’s chief executive", " Palestinian refugee agency"), past the full stop of a
   * name's abbreviation ("Acme Inc. Chairman").
   */
  officeAfter: /^\.?(?:['’]s?)?((?:\s+\p{L}[\p{L}-]*){1,3})/u,
  /** Before a body's name: "the president of", "a spokeswoman for" (the office, group 1). */
  officeBefore: /\b(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s+(?:of|for|at)\s+(?:the\s+)?$/iu,
  theBefore: /\bthe\s+$/i,
  /** After a name, perhaps possessive, a lower-case plural it modifies (group 1): " authors", "’s lawyers". */
  groupAfter: /^(?:['’]s?)?\s+(\p{Ll}+)\b/u,
  /**
   * Where a clause ends: a comma, a semicolon, a colon, a quote mark or a bracket, a full stop after a word (not one
   * straight after a body's "Inc"), or the text's end.
   */
  clauseEnd: /[,;:“”"(]|(?<=\p{L}{2})\.(?=\s|$)|$/u,
  word: /[\p{L}]+/gu,
  lowerWord: /(?<![\p{L}])\p{Ll}+/gu,
  /** "the duchess also ", "The new chairman ": "the", up to two words and a noun (group 1), and adverbs, ending the text. */
  definiteSubject:
    /(?:^|[,;]\s*)[Tt]he\s+(?:[\p{L}-]+\s+){0,2}?(\p{Ll}[\p{L}-]*)\s+(?:(?:also|then|later|once|\p{Ll}+ly)\s+)*$/u,
  /** "with some critics calling", "with others saying": a clause with a subject of its own and its participle (group 1). */
  withSubjectParticiple:
    /\bwith\s+(?:some|many|most|others|several|few|one|a|an|the|\p{Lu}\p{Ll}+)(?:\s+\p{Ll}+){0,2}?\s+(\p{Ll}+ing)\b/gu,
  /**
   * "heard police yelling “", "overheard a guard tell him “": a verb of hearing and who was heard speaking, up to three
   * words, straight before the quote.
   */
  heardSpeaking:
    /\b(?:hear|hears|heard|hearing|overhear|overheard)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:yell|yelling|yelled|shout|shouting|shouted|scream|screaming|screamed|cry|crying|cried|say|saying|said|tell|telling|told|call|calling|order|ordering|chant|chanting)\s*[“"‘]?\s*$/iu,
  /** "for failing", "for being": a reason given by a gerund. */
  forGerund: /\bfor\s+\p{Ll}+ing\b/u,
  /**
   * "the inquiry had asked": a noun phrase opened by an article (no pronoun inside it: "the platform he promised" has
   * its own subject), perhaps an auxiliary, and a speech verb in the past; not a passive ("the crew had been told").
   */
  nounPhraseThenSpeechVerb: new RegExp(
    `\\b(?:the|a|an)\\s+(?:(?!(?:he|she|they|it|we|i|you|been|being|was|were|is|are|be)\\s)[\\p{L}'’-]+\\s+){0,3}?(?:(?:had|has|have|would|will|also)\\s+)?(?:${[
      ...SPEECH_VERBS,
    ]
      .filter(isPastSpeechVerb)
      .join('|')})\\b`,
    'gu',
  ),
  /** A capitalised name (group 1) and the lower-case word after it (group 2): "Bernice found". */
  nameThenWord: /(?<![\p{L}'’])((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s+(\p{Ll}+)\b/gu,
  /** A question mark, perhaps with a closing quote or bracket, ending the text. */
  questionEnd: /\?[”"’)]*\s*$/,
  /** A word (group 1), a full stop and spaces, ending the text. */
  wordAndStopBefore: /(\p{L}+)\.\s+$/u,
  /**
   * A capitalised word opening a sentence, a line or a clause (after a comma or a word that opens one), a lower-case
   * word or an apposition's comma after it: "Quill isn't", "Even though Quill is", "Quill, who …", a subject.
   */
  clauseSubject:
    /(?<=(?:^|\n|[.!?][”"’]?\s|,\s|\b(?:though|when|while|because|since|after|before|if|as)\s)\s*)\p{Lu}[\p{L}-]*(?=,?\s+\p{Ll})/gu,
  /** The word ending the text: a reporting verb. */
  lastWord: /\p{L}+\s*$/u,
  /** " and other aid groups", " and Lee": more subjects joined to the one named. */
  joinedSubject: /^\s+(?:and|&)\s+(?:other|its|their|his|her|several|many|some|\p{Lu})/u,
  /** ", which ", " who also ": a relative pronoun, and up to two words, ending the text. */
  relativeEnding: /,?\s+(?:which|that|who)\s+(?:\p{Ll}+\s+){0,2}$/u,
  /** Only a comma and spaces: a relative pronoun straight after the name stands for it. */
  commaOnly: /^\s*,?\s*$/,
  /** ", joined by Lee and two others, ": an apposition set off by commas, and up to two words, all the text. */
  appositionOnly: /^\s*,[^,;:“”"]{1,150},\s*(?:\p{Ll}+\s+){0,2}$/u,
  /** "and one neighbour", "but people", "while Lee": a clause joined on with a subject of its own. */
  clauseWithSubject: /\b(?:and|but|while|whereas)\s+(?:one|a|an|the|another|some|people|\p{Lu}\p{Ll}+)\s/u,
} as const;

export const newGuardMemory = (): GuardMemory => ({ pronounsOf: new Map() });

const opposite = (g: Gender): Gender => (g === 'female' ? 'male' : 'female');

/** "She said" is a person, of a sex that fits: never a body, never a man the text already called "he". */
export const pronounIsPerson: Guard = {
  name: 'pronoun-is-person',
  check(scene, { speakerId, evidence }, _place, memory) {
    const pronoun = evidence?.pronoun;
    if (pronoun === undefined || speakerId === null) return undefined;
    const known = scene.genderOf(speakerId);
    const earlier = memory.pronounsOf.get(speakerId);
    const fits =
      scene.kindOf(speakerId) === 'person' &&
      (known === undefined || known === pronoun.gender) &&
      earlier?.has(opposite(pronoun.gender)) !== true;
    return fits ? undefined : abstain('pronoun-ambiguous', 'ambiguous-pronoun');
  },
};

/** Capitalised words that stand for a subject already resolved, never a new one. */
const NOT_A_NAME = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that', 'this', 'then']);

/** How far before a quote the guard reads back for a name standing between a resolved speaker and the quote. */
const MAX_LOOKBACK = 2_000;

/**
 * A name in the subject place of a speech verb, in the narration between where a resolved speaker was last named (or
 * last spoke) and the end of the quote's sentence, is who spoke or a sign the text names someone else: a speaker
 * resolved from a pronoun or the last speaker must be that name, or nobody ("Smith said that … “…”, saying she …" is
 * Smith's, whoever spoke before; "“…,” Brightwater said. … “…,” she added" is not the woman named before
 * Brightwater). So is a statement whose speaker somebody is though the text does not say who ("an aide said"). An
 * office resolves by what it names, so only its own sentence is read. For "he" and "she", a person of the other sex,
 * a body and a group of people are no such name.
 */
export const namedSubjectBlocks: Guard = {
  name: 'named-subject-blocks',
  check(scene, { speakerId, cue, evidence }, place) {
    if (speakerId === null || !RESOLVED_CUES.has(cue)) return undefined;
    const line = scene.lines[scene.lineAt(place.start)];
    if (line === undefined) return undefined;
    const sentenceFrom = scene.sentenceStart(line, place.start);
    const from = cue === 'role' ? sentenceFrom : Math.min(sentenceFrom, lastNamedAt(scene, speakerId, place.start));
    const to = sentenceEnd(scene.text, place.end, line.end);
    const gender = evidence?.pronoun?.gender;
    return namesAnother(scene, from, to, speakerId, gender) ||
      describesAnother(scene, from, to, speakerId, gender) ||
      anotherSpoke(scene, from, place.start, gender)
      ? abstain('unresolved', 'speaker-not-identified')
      : undefined;
  },
};

/**
 * Where the sentence starts that last names a person before an offset, in the narration or as the speaker of a
 * statement; `at` itself when neither is within the lookback.
 */
function lastNamedAt(scene: Scene, id: string, at: number): number {
  const floor = Math.max(0, at - MAX_LOOKBACK);
  let last = -1;
  for (const m of scene.narrationMentions(floor, at)) if (m.entityId === id) last = Math.max(last, m.start);
  for (let i = scene.decided.length - 1; i >= 0; i--) {
    const s = scene.decided[i];
    if (s === undefined || s.start < floor) break;
    if (s.speakerId === id && s.start < at) last = Math.max(last, s.start);
  }
  if (last === -1) return at;
  const line = scene.lines[scene.lineAt(last)];
  return line === undefined ? last : scene.sentenceStart(line, last);
}

/** Whether the narration in [from, to) holds a name, other than the speaker's, in the subject place of a speech verb. */
function namesAnother(scene: Scene, from: number, to: number, speakerId: string, gender: Gender | undefined): boolean {
  for (const m of scene.text.slice(from, to).matchAll(REGEXPS.namedSubject)) {
    const name = m[1] ?? '';
    const nameAt = from + m.index + m[0].indexOf(name);
    // "Marlow asked if he would sell it": the one who asks is not the one who answers.
    if (!isFiniteReport(m[2] ?? '') || QUESTION_VERBS.has(m[2] ?? '') || scene.insideQuote(nameAt)) continue;
    // "When I asked": the run's last word is its head, and a pronoun is no name.
    const head = (name.split(REGEXPS.whitespace).pop() ?? '').toLowerCase();
    if (NOT_A_NAME.has(head)) continue;
    const mentions = scene.narrationMentions(nameAt, nameAt + name.length);
    if (mentions.some((x) => x.entityId === speakerId)) continue;
    // "Jones points" where two Joneses are named: it may be the speaker.
    const own = wordsWritten(scene).get(speakerId);
    if (
      name
        .toLowerCase()
        .match(REGEXPS.word)
        ?.every((w) => own?.has(w)) === true
    )
      continue;
    if (gender !== undefined && !couldBe(scene, mentions, head, gender)) continue;
    return true;
  }
  return false;
}

/** A reporting verb with a subject of its own: "said", not "saying" (a participle goes on the clause before). */
const isFiniteReport = (word: string): boolean => REPORTING_VERBS.has(word) && !word.endsWith('ing');

/** Verbs of asking: the one who asks is not who answers. */
const QUESTION_VERBS = new Set(['ask', 'asks', 'asked', 'questioned', 'inquired', 'enquired', 'wondered', 'wonders']);

/** "a senior government spokesperson": an article and up to three words before the office it describes. */
const DESCRIPTION_HEAD_WORDS = 4;

/**
 * Whether the narration in [from, to) has somebody it describes and does not name as the subject of a reporting verb
 * ("a spokesperson for the union said"; for "he" or "she", not a group).
 */
function describesAnother(
  scene: Scene,
  from: number,
  to: number,
  speakerId: string,
  gender: Gender | undefined,
): boolean {
  const firstSentenceEnd = sentenceEnd(scene.text, from, scene.lines[scene.lineAt(from)]?.end ?? to);
  for (const m of scene.text.slice(from, to).matchAll(REGEXPS.lowerWord)) {
    const verbAt = from + m.index;
    // "a reporter asked her": the one who asks is not the one who answers.
    if (!isFiniteReport(m[0]) || QUESTION_VERBS.has(m[0]) || scene.insideQuote(verbAt)) continue;
    const line = scene.lines[scene.lineAt(verbAt)];
    if (line === undefined) continue;
    const clauseFrom = Math.max(from, scene.sentenceStart(line, verbAt));
    // "The countess later wrote that she had phoned a cousin of Jo Doe": the subject of the sentence that names the
    // speaker is somebody the text calls by a noun, which the speaker is not called by.
    const noun =
      verbAt < firstSentenceEnd
        ? REGEXPS.definiteSubject.exec(scene.text.slice(clauseFrom, verbAt))?.[1]?.toLowerCase()
        : undefined;
    const sex =
      noun === undefined ? undefined : FEMALE_NOUNS.has(noun) ? 'female' : MALE_NOUNS.has(noun) ? 'male' : undefined;
    if (
      noun !== undefined &&
      (sex !== undefined || isRole(noun)) &&
      (gender === undefined || sex === undefined || sex === gender) &&
      !holdsOffice(scene, speakerId, noun, verbAt)
    )
      return true;
    const subject = subjectAt(scene, clauseFrom, verbAt);
    if (subject?.type !== 'unnamed') continue;
    // "a spokesperson for the union", "one senior official": a person's office heads the description.
    const words = subject.role.toLowerCase().match(REGEXPS.word) ?? [];
    if (!words.slice(0, DESCRIPTION_HEAD_WORDS).some(isRole)) continue;
    if (gender !== undefined && words.some((w) => UNNAMED_GROUPS.has(w))) continue;
    return true;
  }
  return false;
}

/** The words the text writes each entity's name in, lower-cased; built once per document. */
const wordsWritten = oncePerScene((scene): Map<string, Set<string>> => {
  const words: Map<string, Set<string>> = new Map();
  for (const m of scene.mentions) {
    const set = words.get(m.entityId) ?? new Set<string>();
    for (const w of scene.text.slice(m.start, m.end).toLowerCase().match(REGEXPS.word) ?? []) set.add(w);
    words.set(m.entityId, set);
  }
  return words;
});

/** Whether a name the text writes could be "he" or "she": not a body, a place, a group, nor a person of the other sex. */
function couldBe(scene: Scene, mentions: readonly Mention[], head: string, gender: Gender): boolean {
  if (UNNAMED_GROUPS.has(head)) return false;
  const [mention] = mentions;
  if (mention === undefined) return true;
  if (scene.kindOf(mention.entityId) !== 'person') return false;
  const known = scene.genderOf(mention.entityId);
  return known === undefined || known === gender;
}

/**
 * Whether a statement in [from, to) has a speaker the text describes and does not name ("an aide said"; for "he" or
 * "she", not a group). Not a question: the one asked answers it.
 */
function anotherSpoke(scene: Scene, from: number, to: number, gender: Gender | undefined): boolean {
  for (let i = scene.decided.length - 1; i >= 0; i--) {
    const s = scene.decided[i];
    if (s === undefined || s.start < from) break;
    if (s.start >= to || s.speakerId !== null || s.cue !== 'unnamed' || REGEXPS.questionEnd.test(s.text)) continue;
    const words = (s.role ?? '').toLowerCase().match(REGEXPS.word) ?? [];
    if (gender !== undefined && words.some((w) => UNNAMED_GROUPS.has(w))) continue;
    return true;
  }
  return false;
}

/**
 * "“…,” Doe said. / Quill is unsure … “…,” he told me": the surname of another person named here, written alone as
 * the subject of a sentence or a clause ("Even though Quill is", "Quill, who …") since the speaker was last named
 * (or last spoke) and covered by no mention (two people here bear it),
 * puts another person in play whom the resolver could not weigh: a speaker resolved from a pronoun or from the quote
 * before is then nobody. For "he" and "she", not a surname only people of the other sex bear.
 */
export const anotherPersonInPlay: Guard = {
  name: 'another-person-in-play',
  check(scene, { speakerId, cue, evidence }, place) {
    if (speakerId === null || (cue !== 'pronoun' && cue !== 'previous-speaker')) return undefined;
    const from = lastNamedAt(scene, speakerId, place.start);
    const own = wordsWritten(scene).get(speakerId);
    const bearers = surnameBearers(scene);
    const gender = evidence?.pronoun?.gender;
    for (const m of scene.text.slice(from, place.start).matchAll(REGEXPS.clauseSubject)) {
      const at = from + m.index;
      const word = m[0].toLowerCase();
      const others = (bearers.get(word) ?? []).filter(
        (id) => id !== speakerId && (gender === undefined || scene.genderOf(id) !== opposite(gender)),
      );
      if (others.length === 0 || own?.has(word) === true || isOrdinaryWord(m[0]) || scene.insideQuote(at)) continue;
      // "Mr. Doe": a title's full stop ends no sentence.
      const titleBefore = REGEXPS.wordAndStopBefore.exec(scene.text.slice(Math.max(0, at - 12), at))?.[1];
      if (titleBefore !== undefined && HONORIFICS.has(titleBefore.toLowerCase())) continue;
      // A name a mention covers is the resolver's to weigh (pronoun.ts); one none covers it could not weigh.
      if (itemsWithin(scene.mentions, at, at + m[0].length).length > 0) continue;
      return abstain(
        cue === 'pronoun' ? 'pronoun-ambiguous' : 'unresolved',
        cue === 'pronoun' ? 'ambiguous-pronoun' : 'speaker-not-identified',
      );
    }
    return undefined;
  },
};

/** Each surname (a person's last written word, lower-cased) and the people named here who bear it; once per document. */
const surnameBearers = oncePerScene((scene): Map<string, string[]> => {
  const bearers: Map<string, string[]> = new Map();
  for (const m of scene.mentions) {
    if (scene.kindOf(m.entityId) !== 'person') continue;
    const surname = scene.text.slice(m.start, m.end).toLowerCase().match(REGEXPS.word)?.pop();
    if (surname === undefined) continue;
    const ids = bearers.get(surname) ?? [];
    if (!ids.includes(m.entityId)) ids.push(m.entityId);
    bearers.set(surname, ids);
  }
  return bearers;
});

/** Cues that resolve a speaker from something other than a name in the subject place. */
const RESOLVED_CUES = new Set(['pronoun', 'role', 'previous-speaker']);

/**
 * An office of a body ("the Council of Europe Commissioner for Human Rights", "Acme's chief executive", "the
 * president of the Acme Farm Bureau") is somebody the text does not name: an unnamed role, never the body itself.
 */
export const officeIsNotItsBody: Guard = {
  name: 'office-is-not-its-body',
  check(scene, { speakerId, evidence }) {
    const subject = evidence?.subject;
    if (speakerId === null || subject === undefined || scene.kindOf(speakerId) !== 'organisation') return undefined;
    const { text } = scene;
    const after = REGEXPS.officeAfter.exec(text.slice(subject.end, subject.end + 60));
    const lineStart = scene.lines[scene.lineAt(subject.start)]?.start ?? 0;
    const before = REGEXPS.officeBefore.exec(text.slice(Math.max(lineStart, subject.start - 60), subject.start));
    if (after?.[1] !== undefined && headsOfficeOrPart(after[1])) {
      return abstain('unnamed', 'unnamed-source', officePhrase(scene, subject.start, subject.end));
    }
    if (before?.[1] !== undefined && isRole(before[1])) {
      return abstain('unnamed', 'unnamed-source', officePhrase(scene, subject.start - before[0].length, subject.end));
    }
    return undefined;
  },
};

/**
 * A name that only modifies the people who speak ("the Acme Project authors said", "Doe aides say", "Doe's lawyers
 * said") is not who speaks: they are a group the text does not name, shown as such.
 */
export const nameModifiesGroup: Guard = {
  name: 'name-modifies-group',
  check(scene, { speakerId, evidence }) {
    const subject = evidence?.subject;
    if (speakerId === null || subject === undefined) return undefined;
    const group = REGEXPS.groupAfter.exec(scene.text.slice(subject.end, subject.end + 40));
    if (group?.[1] === undefined || !UNNAMED_GROUPS.has(group[1])) return undefined;
    const lineStart = scene.lines[scene.lineAt(subject.start)]?.start ?? 0;
    const article = REGEXPS.theBefore.exec(scene.text.slice(Math.max(lineStart, subject.start - 4), subject.start));
    const start = article === null ? subject.start : subject.start - article[0].length;
    const phrase = scene.text.slice(start, subject.end + group[0].length);
    return abstain('unnamed', 'unnamed-source', phrase.replace(REGEXPS.whitespaceRuns, ' ').trim());
  },
};

/** Words that end the phrase a body's name may modify: a verb, an auxiliary, a conjunction or a preposition. */
const PHRASE_BREAKS = new Set(
  'has have had is was were are will would can could may might does did and or but to in on at for with by from that which who also then'.split(
    ' ',
  ),
);

/**
 * Whether the words after a body's name, read up to the first that ends its phrase, reach an office ("Commissioner",
 * "chief executive") or, in lower case, a kind of body ("refugee agency"): then the name only modifies them.
 */
function headsOfficeOrPart(words: string): boolean {
  for (const word of words.trim().split(REGEXPS.whitespace)) {
    const w = word.toLowerCase();
    if (PHRASE_BREAKS.has(w) || REPORTING_VERBS.has(w)) return false;
    if (isRole(word) || (word === w && isOrganisationWord(w))) return true;
  }
  return false;
}

/** The office as written, up to its speech verb or the clause's end: "the Council of Europe Commissioner for …". */
function officePhrase(scene: Scene, from: number, bodyEnd: number): string {
  const lineStart = scene.lines[scene.lineAt(from)]?.start ?? 0;
  const article = REGEXPS.theBefore.exec(scene.text.slice(Math.max(lineStart, from - 4), from));
  const start = article === null ? from : from - article[0].length;
  const rest = scene.text.slice(bodyEnd, bodyEnd + 80);
  let end = bodyEnd + (REGEXPS.clauseEnd.exec(rest)?.index ?? rest.length);
  for (const m of rest.matchAll(REGEXPS.word)) {
    if (SPEECH_VERBS.has(m[0])) {
      end = Math.min(end, bodyEnd + m.index);
      break;
    }
  }
  return scene.text.slice(start, end).replace(REGEXPS.whitespaceRuns, ' ').trim();
}

/**
 * The reporting verb that gives a partial quote has the speaker found for it as its subject, or nobody is named: not
 * when a relative pronoun standing for somebody else is its subject ("Doe heads the Acme Guild, which says it wants
 * “…”"), nor when a clause joined on between has a subject of its own ("Doe held meetings and one neighbour came out
 * saying …"); and a subject joined with others ("The UN and other aid groups called it “…”") is a joint statement.
 */
export const verbHasItsOwnSubject: Guard = {
  name: 'verb-has-its-own-subject',
  check(scene, { speakerId, evidence }) {
    const subject = evidence?.subject;
    const verbEnd = evidence?.reportingVerbEnd;
    if (speakerId === null || subject === undefined || verbEnd === undefined || verbEnd <= subject.end)
      return undefined;
    const between = scene.text.slice(subject.end, verbEnd).replace(REGEXPS.lastWord, '');
    if (REGEXPS.joinedSubject.test(between)) return abstain('collective', 'joint-statement');
    const relative = REGEXPS.relativeEnding.exec(between);
    const relativeForAnother = relative !== null && !REGEXPS.commaOnly.test(between.slice(0, relative.index));
    // "Doe, joined by Lee and two others, said": what an apposition holds is no clause of its own.
    const joinedClause = !REGEXPS.appositionOnly.test(between) && REGEXPS.clauseWithSubject.test(between);
    return relativeForAnother || joinedClause ? abstain('unresolved', 'speaker-not-identified') : undefined;
  },
};

/** Verbs of judging: "Lee found", "Okafor thinks". */
const JUDGING_VERBS = new Set(
  'found finds thought thinks felt feels believed believes considered considers judged judges knew knows'.split(' '),
);

/**
 * Between a reporting verb and the partial quote it gives, somebody else's words may stand: another name judging
 * something ("Doe says Lee and Ann Okafor found she “…”"), a clause with a subject of its own that reports ("Doe
 * said the reviews were mixed, with some critics calling it “…”"), or a reason for praise or blame ("Doe condemned
 * them for failing to criticise “…”", "he sued after being stopped for being a “…”"), whose words the quote may be;
 * or somebody heard speaking ("Doe said he heard a guard shouting “…”"), whose words the quote is.
 */
export const anotherSourceBetween: Guard = {
  name: 'another-source-between',
  check(scene, { speakerId, evidence }, place) {
    const from = evidence?.reportingVerbEnd;
    if (speakerId === null || from === undefined) return undefined;
    const between = scene.text.slice(from, place.start);
    // "Doe said he heard police yelling “…”": the words are those of who was heard, not of who heard them.
    if (REGEXPS.forGerund.test(between) || REGEXPS.heardSpeaking.test(between))
      return abstain('unresolved', 'speaker-not-identified');
    // "Doe said the reviews were mixed, with some critics calling it “…”": a clause with its own subject speaks.
    for (const m of between.matchAll(REGEXPS.withSubjectParticiple))
      if (REPORTING_VERBS.has(m[1]?.toLowerCase() ?? '')) return abstain('unresolved', 'speaker-not-identified');
    // "Doe said she agreed after Lind told her it was “…”", "She said the inquiry had asked the council “to …”":
    // another subject's speech verb between the reporting verb and the quote; the words may be that subject's.
    for (const m of between.matchAll(REGEXPS.nounPhraseThenSpeechVerb))
      if (!scene.insideQuote(from + m.index)) return abstain('unresolved', 'speaker-not-identified');
    for (const m of between.matchAll(REGEXPS.nameThenWord)) {
      const at = from + m.index;
      if (!(JUDGING_VERBS.has(m[2] ?? '') || isPastSpeechVerb(m[2] ?? '')) || scene.insideQuote(at)) continue;
      if (scene.narrationMentions(at, at + (m[1] ?? '').length).some((x) => x.entityId === speakerId)) continue;
      return abstain('unresolved', 'speaker-not-identified');
    }
    return undefined;
  },
};

/**
 * Runs the guards, in the sieve's order (sieve.ts), over a proposed attribution; the first that fires decides.
 * Remembers what a kept pronoun says of its person.
 */
export function guard(
  guards: readonly Guard[],
  scene: Scene,
  attribution: Attribution,
  place: Place,
  memory: GuardMemory,
): { attribution: Attribution; firedBy?: string } {
  for (const g of guards) {
    const abstained = g.check(scene, attribution, place, memory);
    if (abstained !== undefined) return { attribution: abstained, firedBy: g.name };
  }
  const { speakerId, evidence } = attribution;
  if (speakerId !== null && evidence?.pronoun !== undefined) {
    const seen = memory.pronounsOf.get(speakerId) ?? new Set<Gender>();
    seen.add(evidence.pronoun.gender);
    memory.pronounsOf.set(speakerId, seen);
  }
  return { attribution };
}
