// Finds candidate names of people, bodies and places in one document, with the evidence for each.
import { z } from 'zod';
import {
  ABBREVIATED_LEGAL_FORMS,
  ADDRESS_VERBS,
  COMPOUND_PLACES,
  FEMALE_HONORIFICS,
  FEMALE_NOUNS,
  FEMALE_TERRITORIAL_TITLES,
  HONORIFICS,
  MALE_HONORIFICS,
  MALE_NOUNS,
  MALE_TERRITORIAL_TITLES,
  MILITARY_RANKS,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  NAME_TITLES,
  NOT_NAME_WORDS,
  OFFICE_JOINERS,
  ORGANISATION_WORDS,
  PARTY_MEMBERS,
  PERSONAL_NOUNS,
  PLACES,
  POST_NOMINALS,
  RANK_QUALIFIERS,
  REGNAL_TITLES,
  ROLE_WORDS,
  SPEECH_VERBS,
  STREET_WORDS,
  SPEECH_VERB_ALTERNATION,
} from './lexicon';
import { MONTHS } from '../shared/months';
import { capitalisedRuns, isAcronym, isCapitalised, tokenize, type Token } from './tokens';
import { singular, withoutPossessive } from './text';
import { givenNameSex, isGivenName } from './attribution/given-names';
import { isOrdinaryWord } from './ordinary-words';

export const gender = z.enum(['female', 'male']);
export type Gender = z.infer<typeof gender>;

// The candidates are plain data with schemas, since a document's candidates may be found on another thread than the
// one that merges them (compile-tasks.ts).
const personCandidate = z.object({
  start: z.number(),
  end: z.number(),
  /** Given names and surname, without titles ("Maryam Rajavi"); one token for a titled surname ("Dholakia"). */
  nameTokens: z.array(z.string()),
  /** How the text wrote the name with its title when only a surname is given ("Lord Dholakia"). */
  titledName: z.string().optional(),
  /** A lone name the text shows is a person's by what it owns ("Rouhani’s tenure"), with no title or full name. */
  owner: z.boolean().optional(),
  /** A given name written alone, introduced as a person's by an age or a role ("Maya, 34, a nurse"). */
  givenNameOnly: z.boolean().optional(),
  /** The office written right before a full name ("president" in "President Peter Okafor"), in lower case. */
  office: z.string().optional(),
  /** Whether the text itself shows this is a person (a title, letters after the name, a role, a speech verb). */
  evident: z.boolean(),
  gender: gender.optional(),
});
export type PersonCandidate = z.infer<typeof personCandidate>;

const namedCandidate = z.object({ start: z.number(), end: z.number(), name: z.string() });
export type NamedCandidate = z.infer<typeof namedCandidate>;

const acronymDefinition = z.object({ acronyms: z.array(z.string()), expansion: z.string() });

/** "the Met" for the "Metropolitan Opera": a body's name cut short. */
const clippedName = z.object({ clipping: z.string(), body: z.string() });
export type ClippedName = z.infer<typeof clippedName>;

export const nameCandidates = z.object({
  people: z.array(personCandidate),
  organisations: z.array(namedCandidate),
  places: z.array(namedCandidate),
  acronyms: z.array(namedCandidate),
  definitions: z.array(acronymDefinition),
  clippings: z.array(clippedName),
});
export type NameCandidates = z.infer<typeof nameCandidates>;

type TokenClass = 'honorific' | 'title' | 'stop' | 'connector' | 'postNominal' | 'acronym' | 'place' | 'name';

/** "of Norway’s Acme Institute of Marine Science": where a person is from, between name and verb. */
const AFFILIATION = /(?:\s+(?:of|at|from)(?:\s+the)?(?:\s+(?:\p{Lu}[\p{L}.&-]*['’]?|of|for|and))+)?/u.source;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A lower-case letter or a comma, and a space, before a word: the word stands inside a sentence. */
  insideSentenceBefore: /[\p{Ll},]\s$/u,
  letterWords: /\p{L}+/gu,
  lowerFirst: /^\p{Ll}/u,
  finalStop: /\.$/,
  /** "Sam Okafor, 41, a bakery owner": an age set off by commas after a name. */
  ageAfter: /^,\s*\d{1,3}\s*,/,
  /** A comma and a phrase (group 1) after a name, up to a comma, a speech verb, a bracket or the clause's end. */
  apposition: new RegExp(
    `^(?:['’]s)?(?:\\s+[A-Z]{2,4}\\b)*(?:\\s*,\\s*\\d{1,3}(?=\\s*,))?\\s*,\\s+([^,.;:“”"()\\n]+?)(?=,|\\s+(?:${SPEECH_VERB_ALTERNATION})\\b|\\s*\\(|[.;:“”"\\n]|$)`,
    'u',
  ),
  whitespace: /\s+/,
  relativePronoun: /\b(?:who|which|that|whose|whom)\b/i,
  /** The words of the clause (group 1) before a comma, and a "the", that end the text: "Justice Minister, ". */
  clauseBeforeComma: /([^.;:“”"\n]*),\s*(?:the\s+)?$/u,
  /**
   * The word (group 1), or "according to", that ends the text, on the same line as what follows; in either case, as
   * a sentence may open with it ("According to Jo Doe, …", "Says Jo Doe: …").
   */
  wordBeforeOnLine: /(?:^|[^\p{L}])(according to|\p{L}+)[^\S\n]+$/iu,
  /** "a", "one", "some" … ending the text: what follows describes somebody unnamed. */
  indefiniteBefore: /(?:^|[^\p{L}])(?:a|an|one|another|each|every|no|some|any)\s+$/iu,
  /** "in an interview with", "speaking to": before the person somebody speaks to ("told" may be answered). */
  spokenToBefore: /\b(?:interview with|speaking to|spoke to|speaks to|talking to|talked to)\s+$/i,
  /** After a name, its possessive, an affiliation and an adverb or auxiliary: the verb (group 1). */
  speechVerbAfter: new RegExp(
    `^(?:['’]s)?${AFFILIATION}\\s+(?:(?:also|then|later|recently|once|has|had|have)\\s+)?([a-z]+)`,
    'u',
  ),
  possessiveS: /['’]s$/u,
  /** possessiveS without the u flag, as organisationFrom has it; the two match alike. */
  possessiveSInRun: /['’]s$/,
  /** The start of a sentence, a line or a quotation, and spaces, ending the text. */
  sentenceStartBefore: /(?:^|[.!?:;“”"‘([\n])\s*$/u,
  /** The lower-case word (group 1) that starts the text after spaces. */
  nextLowerWord: /^\s+([a-z]+)\b/,
  /** The word (group 1) that ends the text, on the same line as what follows. */
  wordBeforeSameLine: /([\p{L}-]+)[ \t]+$/u,
  /** The lower-case word (group 1) that ends the text, on the same line as what follows. */
  lowerWordBeforeSameLine: /(?:^|[^\p{L}-])([\p{Ll}-]+)[ \t]+$/u,
  /** The word (group 1) that ends the text, with or without a comma after it. */
  wordBefore: /([\p{L}-]+),?\s+$/u,
  singleCapital: /^\p{Lu}$/u,
  /** "a", "an" opening a phrase. */
  indefiniteStart: /^an?\s/i,
  /** "U.N.", "U.S.": an acronym written with full stops (group 1), which the tokens read as initials. */
  dottedAcronym: /(?<![\p{L}\p{N}.])((?:\p{Lu}\.){2,5})(?![\p{L}\p{N}])/gu,
  /** A capitalised word (group 1) and "and" ending the text, after no other capitalised word: "Ned and ". */
  nameAndBefore: /(?<![\p{Lu}][\p{L}'’-]*\s)(?<![\p{L}'’-])(\p{Lu}\p{Ll}+) and $/u,
  /** Capitalised words and "&" ending the text: "Kestrel Research & " before "Associates Inc.". */
  capitalisedWordsAmpersandBefore: /(?:\p{Lu}[\p{L}'’-]*\s+){1,3}&\s+$/u,
  /** Capitalised words (group 1) and "and" or "&" ending the text: "Coast and " before "Harbour Patrol". */
  capitalisedWordsAndBefore: /((?:\p{Lu}[\p{L}'’-]*\s+){1,3})(?:and|&)\s+$/u,
  curlyApostrophe: /’/g,
  straightApostrophe: /'/g,
  whoAfter: /^,?\s+who\s/,
  /** "… seemed to be losing his", "… and her": up to four lower-case words of the clause, then "his" or "her". */
  possessivePronounAfter: /^\s+(?:\p{Ll}+\s+){1,4}(?:his|her)\s/u,
  /** A capitalised word (group 1) one space after the text's start. */
  surnameNext: /^ (\p{Lu}[\p{L}'’-]+)/u,
  fullStops: /\./g,
  /** "Ann, Duchess of Eld": a given name alone (group 1), a title of a territory (group 2) and the territory (group 3). */
  givenNameWithTerritory: new RegExp(
    `(?<![\\p{L}\\p{N}'’.-])(?<!\\p{Lu}[\\p{L}'’.-]*\\s)(\\p{Lu}\\p{Ll}+),\\s+(?:the\\s+)?(${[...FEMALE_TERRITORIAL_TITLES, ...MALE_TERRITORIAL_TITLES].map((t) => t[0]?.toUpperCase() + t.slice(1)).join('|')})\\s+of\\s+(\\p{Lu}[\\p{L}'’-]*(?:\\s\\p{Lu}[\\p{L}'’-]*){0,2})`,
    'gu',
  ),
  /** "(CHP)", "(AB/CD)", "(LakNMU)", "(Mocoa)": short forms in brackets (group 1) straight after a name. */
  acronymsInBrackets: /^\s*\(([A-Z][A-Za-z]{1,7}(?:\s*\/\s*[A-Z][A-Za-z]{1,7})*)\)/,
  letterOrDigit: /[\p{L}\p{N}]/u,
  leadingThe: /^the\s+/i,
} as const;

const lower = (word: string): string => withoutPossessive(word).toLowerCase().replace(REGEXPS.finalStop, '');
/** Parts of an office written with hyphens that are no office alone: "co-host", "Editor-in-Chief", "Major-Gen". */
const COMPOUND_ROLE_PARTS = new Set([...OFFICE_JOINERS, ...RANK_QUALIFIERS, 'co', 'ex', 'deputy', 'acting']);
/** An office, a title or a military rank. */
const isSimpleRole = (w: string): boolean =>
  ROLE_WORDS.has(w) || ROLE_WORDS.has(singular(w)) || NAME_TITLES.has(w) || MILITARY_RANKS.has(w);
/**
 * "Editor-in-Chief", "Major-Gen", "co-host", "Mayor-elect": a word of hyphenated parts is an office when each part
 * is an office, a title or a part of one, and one of them is an office or a title; "-elect" makes any word one.
 */
function isCompoundRole(w: string): boolean {
  const parts = w.split('-');
  if (parts.length < 2) return false;
  if (parts[parts.length - 1] === 'elect') return true;
  const office = (part: string): boolean => isSimpleRole(part) || HONORIFICS.has(part);
  return parts.some(office) && parts.every((part) => office(part) || COMPOUND_ROLE_PARTS.has(part));
}
/** Whether a word names what a person is or does ("minister", "officials", "Senator", "spokesman's"): the one role predicate. */
export const isRole = (word: string): boolean => {
  const w = lower(word);
  return isSimpleRole(w) || isCompoundRole(w);
};
/** Whether a word names a kind of body ("Committee", "Parliaments"). */
export const isOrganisationWord = (word: string): boolean => {
  const w = lower(word);
  return ORGANISATION_WORDS.has(w) || ORGANISATION_WORDS.has(singular(w));
};

function classify(token: Token): TokenClass {
  const word = withoutPossessive(token.text);
  const w = word.toLowerCase();
  if (POST_NOMINALS.has(word)) return 'postNominal';
  if (HONORIFICS.has(w)) return 'honorific';
  if (NAME_CONNECTORS.has(token.text)) return 'connector';
  if (isAcronym(word)) return 'acronym';
  if (PLACES.has(word)) return 'place';
  // "Replied Peter, with some care": a speech verb opening a sentence is no part of a name.
  if (NOT_NAME_WORDS.has(w) || SPEECH_VERBS.has(w)) return 'stop';
  if (isRole(word) || isOrganisationWord(word) || PARTY_MEMBERS.has(w) || STREET_WORDS.has(w)) return 'title';
  return 'name';
}

/** Words read as verbs that are also given names: "Will". */
const GIVEN_NAME_MODALS = new Set(['will']);
/** Offices written before a surname alone that only a person holds ("General" also heads "General Motors"). */
const PERSONAL_OFFICES = new Set([
  'president',
  'senator',
  'governor',
  'mayor',
  'ambassador',
  'chancellor',
  'judge',
  'chairman',
  'chairwoman',
  'chairperson',
  'commissioner',
  'councillor',
  'councilman',
  'councilwoman',
  'congressman',
  'congresswoman',
  'representative',
  'minister',
  'premier',
  'sheriff',
]);
const PEERS = new Set(['lord', 'baroness', 'baron', 'lady', 'viscount', 'earl']);
const APPOSITION_HEAD_WORDS = 4;
const NOT_APPOSITION_START = new Set([
  'what',
  'where',
  'when',
  'why',
  'how',
  'if',
  'whether',
  'and',
  'but',
  'or',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'these',
  'there',
  'said',
  'says',
  'in',
  'on',
  'at',
  'for',
  'to',
  'by',
  'with',
  'as',
]);

/**
 * "X, a political science professor at ...", "X, Former Irish Minister, ...", "X, the grandson of Y": a role or a
 * relation follows the name.
 */
export function appositionAfter(text: string, end: number): string | undefined {
  const after = text.slice(end, end + 200);
  const m = REGEXPS.apposition.exec(after);
  const phrase = m?.[1]?.trim();
  if (phrase === undefined) return undefined;
  // The head noun of an apposition comes early ("a political science professor at ..."); a clause is no apposition.
  const words = phrase.split(REGEXPS.whitespace);
  if (REGEXPS.relativePronoun.test(phrase) || NOT_APPOSITION_START.has(words[0]?.toLowerCase() ?? '')) return undefined;
  // "X, the grandson of …", "X, his widow": a person's relation to another heads it as well as an office.
  const isPersonNoun = (w: string): boolean =>
    isRole(w) || FEMALE_NOUNS.has(w.toLowerCase()) || MALE_NOUNS.has(w.toLowerCase());
  return words.slice(0, APPOSITION_HEAD_WORDS).some(isPersonNoun) ? phrase : undefined;
}

/** Offices a body may hold too ("a member of the alliance", "an investor in …"): no sign of a person. */
const BODY_HELD_ROLES = new Set([
  'member',
  'partner',
  'owner',
  'co-owner',
  'investor',
  'founder',
  'co-founder',
  'associate',
]);

/** "X, a chemistry researcher at …": an apposition that calls the name before it one person holding an office. */
function personalAppositionAfter(text: string, end: number): boolean {
  const phrase = appositionAfter(text, end);
  if (phrase === undefined || !REGEXPS.indefiniteStart.test(phrase)) return false;
  const head = phrase.split(REGEXPS.whitespace).slice(1, APPOSITION_HEAD_WORDS + 1);
  return head.some((w) => isRole(w) && !BODY_HELD_ROLES.has(w.toLowerCase()));
}

/** "Justice Minister, X" or "Iran’s president, X": a role ends just before the name. */
function roleCommaBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  const m = REGEXPS.clauseBeforeComma.exec(before);
  if (m?.[1] === undefined) return false;
  const words = m[1].trim().split(REGEXPS.whitespace).slice(-10);
  return words.some(isRole);
}

/** "said Anna van Dijk", "according to Jane Roe": a name straight after a speech verb is a speaker's. */
function speechVerbBefore(text: string, start: number): boolean {
  // Within the paragraph: a paragraph that ends on "said" (its full stop lost) introduces nobody in the next.
  const word = REGEXPS.wordBeforeOnLine.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
  return word !== undefined && (word === 'according to' || SPEECH_VERBS.has(word));
}

/** Whether the name at `start` is the one somebody speaks to in an interview ("In an interview with Jo Doe, …"). */
export function spokenToBefore(text: string, start: number): boolean {
  return REGEXPS.spokenToBefore.test(text.slice(Math.max(0, start - 30), start));
}

/** "a New Jersey Republican", "one Maine Democrat": a description of somebody unnamed, not a name. */
function afterIndefinite(text: string, start: number): boolean {
  return REGEXPS.indefiniteBefore.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * "OKAFOR VICTORY" in a headline: a word in capitals that the text also writes as a name (among its `words`) is
 * shouted, not an acronym.
 */
function isShouted(words: ReadonlySet<string>, word: string): boolean {
  return words.has(word[0] + word.slice(1).toLowerCase());
}

/** Whether a speech verb follows the name, other than the verbs `except`. */
function speechVerbAfter(text: string, end: number, except: ReadonlySet<string> = new Set()): boolean {
  const m = REGEXPS.speechVerbAfter.exec(text.slice(end, end + 120));
  return m?.[1] !== undefined && SPEECH_VERBS.has(m[1]) && !except.has(m[1]);
}

/**
 * "during Rouhani’s tenure": a possessive name followed by something only a person has. Only mid-sentence,
 * where a capital marks a proper name, not a common word opening a sentence ("Everyone’s children").
 */
function ownsPersonalNoun(text: string, token: Token): boolean {
  if (!REGEXPS.possessiveS.test(token.text)) return false;
  if (REGEXPS.sentenceStartBefore.test(text.slice(Math.max(0, token.start - 10), token.start))) return false;
  const m = REGEXPS.nextLowerWord.exec(text.slice(token.end, token.end + 20));
  return m?.[1] !== undefined && PERSONAL_NOUNS.has(m[1]);
}

/** "Supreme leader Khomeini": a lower-case office word on the same line just before the name. */
function titleWordBefore(text: string, start: number): boolean {
  const m = REGEXPS.wordBeforeSameLine.exec(text.slice(Math.max(0, start - 30), start));
  return m?.[1] !== undefined && NAME_TITLES.has(m[1].toLowerCase());
}

/** "Lake County sheriff Jo Doe": a lower-case role noun straight before a full name. */
function roleWordBefore(text: string, start: number): boolean {
  const m = REGEXPS.lowerWordBeforeSameLine.exec(text.slice(Math.max(0, start - 30), start));
  return m?.[1] !== undefined && (ROLE_WORDS.has(m[1]) || isCompoundRole(m[1]));
}

/** "his daughter Ann Okafor", "actress Jo Doe": a noun straight before the name that tells the sex. */
function genderNounBefore(text: string, start: number): Gender | undefined {
  const word = REGEXPS.wordBefore.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase() ?? '';
  return FEMALE_NOUNS.has(word) ? 'female' : MALE_NOUNS.has(word) ? 'male' : undefined;
}

function genderOf(titles: readonly string[]): Gender | undefined {
  if (titles.some((t) => FEMALE_HONORIFICS.has(t))) return 'female';
  if (titles.some((t) => MALE_HONORIFICS.has(t))) return 'male';
  return undefined;
}

/** The part of an expansion that an acronym abbreviates: "President-elect of the National Council of Resistance of Iran" -> "National Council of Resistance of Iran". */
function expansionFor(text: string, acronym: string, run: readonly Token[]): string | undefined {
  const words = run.map((t) => t.text);
  for (let from = 0; from < words.length; from++) {
    if (NAME_CONNECTORS.has(words[from] ?? '')) continue;
    const tail = words.slice(from).filter((w) => !NAME_CONNECTORS.has(w));
    // "EU Fisheries and Oceans Agency (EUFOA)": an acronym inside the name gives all its letters.
    const initials = tail.map((w) => (isAcronym(w) ? w : (w[0]?.toUpperCase() ?? ''))).join('');
    if (initials[0] !== acronym[0] || tail.length < 2) continue;
    let at = 0;
    for (const letter of initials) if (letter === acronym[at]) at++;
    const first = run[from];
    const last = run[run.length - 1];
    if (at === acronym.length && initials.length <= acronym.length + 2 && first !== undefined && last !== undefined) {
      return text.slice(first.start, last.end);
    }
  }
  return undefined;
}

/**
 * The long form a short form in brackets abbreviates, by Schwartz and Hearst's algorithm ("A simple algorithm for
 * identifying abbreviation definitions in biomedical text", 2003): each of its letters, read from the last, is found
 * in the name from its end, the first at the start of a word ("LakNMU" for "Lakeport National Mining University",
 * "Mocoa" for "Ministry of Coastal Affairs"). The long form starts at that word, has two
 * words or more, and at most the short form's length plus five, or twice it, whichever is less.
 */
function longFormFor(text: string, short: string, run: readonly Token[]): string | undefined {
  const first = run[0];
  const last = run[run.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const long = text.slice(first.start, last.end).toLowerCase();
  let at = long.length - 1;
  for (let i = short.length - 1; i >= 0; i--) {
    const letter = short[i]?.toLowerCase() ?? '';
    const wordStart = (j: number): boolean => j === 0 || !REGEXPS.letterOrDigit.test(long[j - 1] ?? '');
    while (at >= 0 && (long[at] !== letter || (i === 0 && !wordStart(at)))) at--;
    if (at < 0) return undefined;
    at--;
  }
  const start = first.start + at + 1;
  const words = text.slice(start, last.end).split(REGEXPS.whitespace);
  const most = Math.min(short.length + 5, short.length * 2);
  return words.length >= 2 && words.length <= most && isCapitalised(words[0] ?? '')
    ? text.slice(start, last.end)
    : undefined;
}

/**
 * A name's words as written: an initial keeps its full stop ("Robert M. Smith"), and initials written together stay
 * one word ("J.K. Ames").
 */
function writtenNameTokens(text: string, tokens: readonly Token[]): string[] {
  const words: string[] = [];
  tokens.forEach((t, i) => {
    const word = withoutPossessive(t.text) + (REGEXPS.singleCapital.test(t.text) && text[t.end] === '.' ? '.' : '');
    const previous = tokens[i - 1];
    // "J.K." is one word of initials; "T.Haldane" is an initial and a surname whose space the page lost.
    if (
      previous !== undefined &&
      REGEXPS.singleCapital.test(previous.text) &&
      REGEXPS.singleCapital.test(t.text) &&
      previous.end + 1 === t.start &&
      words.length > 0
    )
      words[words.length - 1] += word;
    else words.push(word);
  });
  return words;
}

/** Capitalised words and "and" or "&" written straight before a run: "Coast and " before "Harbour Patrol". */
function runJoinedBefore(text: string, start: number): Token[] {
  const before = REGEXPS.capitalisedWordsAndBefore.exec(text.slice(Math.max(0, start - 60), start));
  if (before?.[1] === undefined) return [];
  const from = start - before[0].length;
  return tokenize(before[0]).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
}

/** "Kestrel Research & Associates Inc.": a body's name joined by "&" is one name, though "&" ends a run. */
function joinedByAmpersand(text: string, body: NamedCandidate): NamedCandidate {
  const before = REGEXPS.capitalisedWordsAmpersandBefore.exec(text.slice(Math.max(0, body.start - 60), body.start));
  if (before === null) return body;
  const start = body.start - before[0].length;
  return { start, end: body.end, name: text.slice(start, body.end) };
}

/** The place of two words ("North Dakota") that the tokens at `at` and after it, one space apart, write. */
function compoundPlaceAt(text: string, tokens: readonly Token[], at: number): string | undefined {
  const first = tokens[at];
  const second = tokens[at + 1];
  if (first === undefined || second === undefined || text.slice(first.end, second.start) !== ' ') return undefined;
  const name = `${first.text} ${withoutPossessive(second.text)}`;
  return COMPOUND_PLACES.has(name) ? name : undefined;
}

function organisationFrom(text: string, run: readonly Token[]): NamedCandidate | undefined {
  let tokens = [...run];
  // "Rouhani’s Government": a possessive before the body's name belongs to someone else.
  const possessive = tokens.findIndex((t, i) => i < tokens.length - 1 && REGEXPS.possessiveSInRun.test(t.text));
  if (possessive !== -1 && tokens.length - possessive <= 2) tokens = tokens.slice(possessive + 1);
  // "UK Representative of the Iranian Resistance Movement": the body starts after the office held in it.
  const officeOf = tokens.findLastIndex(
    (t, i) => isRole(t.text) && !isOrganisationWord(t.text) && NAME_CONNECTORS.has(tokens[i + 1]?.text ?? ''),
  );
  if (officeOf !== -1) tokens = tokens.slice(officeOf + 1);
  const droppable = (t: Token): boolean => {
    const cls = classify(t);
    return (
      cls === 'connector' ||
      cls === 'honorific' ||
      cls === 'stop' ||
      cls === 'postNominal' ||
      (cls === 'title' && !isOrganisationWord(t.text) && !PARTY_MEMBERS.has(lower(t.text)))
    );
  };
  // "New York Times": the first word of a place of two words heads the body's name, though it opens sentences too.
  while (tokens[0] !== undefined && droppable(tokens[0]) && compoundPlaceAt(text, tokens, 0) === undefined)
    tokens.shift();
  while (tokens[tokens.length - 1] !== undefined && droppable(tokens[tokens.length - 1] as Token)) tokens.pop();
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined || tokens.length < 2) return undefined;
  // The head noun, before any "of ...", names what kind of body it is ("Council" in "Council of Europe").
  const connectorAt = tokens.findIndex((t) => NAME_CONNECTORS.has(t.text));
  const head = tokens[(connectorAt === -1 ? tokens.length : connectorAt) - 1];
  if (head === undefined || !isOrganisationWord(head.text)) return undefined;
  const lastEnd = last.start + withoutPossessive(last.text).length;
  // "Apex Co.": a legal form's full stop is part of the name.
  const end = ABBREVIATED_LEGAL_FORMS.has(last.text) && text[lastEnd] === '.' ? lastEnd + 1 : lastEnd;
  return { start: first.start, end, name: text.slice(first.start, end) };
}

/**
 * "regulars at the quayside pub The Salt Lantern", "a column in The Morning Ledger": "The" written with a capital inside a
 * sentence opens a proper name, of a pub, a paper, a band: a body. Not a title ("The Queen"), a place ("The Hague"),
 * one ordinary word ("The Times" may be any times), nor a line in title case (a headline capitalises every word).
 */
function nameAfterCapitalThe(text: string, run: readonly Token[]): NamedCandidate | undefined {
  const [the, ...words] = run;
  const last = words[words.length - 1];
  if (the?.text !== 'The' || last === undefined || words.length > MAX_THE_NAME_WORDS) return undefined;
  if (!REGEXPS.insideSentenceBefore.test(text.slice(Math.max(0, the.start - 2), the.start))) return undefined;
  const lineStart = text.lastIndexOf('\n', the.start) + 1;
  const lineEnd = text.indexOf('\n', the.start);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const lineWords = line.match(REGEXPS.letterWords) ?? [];
  const lowerCase = lineWords.filter((w) => REGEXPS.lowerFirst.test(w)).length;
  const plain = (t: Token): boolean => {
    const cls = classify(t);
    return (cls === 'name' || cls === 'stop') && !PLACES.has(withoutPossessive(t.text)) && !isAcronym(t.text);
  };
  if (lowerCase * 2 < lineWords.length || !words.every(plain)) return undefined;
  if (words.length === 1 && isOrdinaryWord(withoutPossessive(last.text))) return undefined;
  const end = last.start + withoutPossessive(last.text).length;
  return { start: the.start, end, name: text.slice(the.start, end) };
}

/** "The Salt Lantern Tavern and Grill" is about as long as such a name runs. */
const MAX_THE_NAME_WORDS = 5;

/**
 * "Peter Novak … Novak appealed …": a common given name and a surname the text writes again and never in lower
 * case, with at most initials between, are a person's name with no other cue. "Peter Field" is not: the text
 * also writes "field".
 */
function givenNameAndRecurringSurname(nameTokens: readonly Token[], wordCounts: ReadonlyMap<string, number>): boolean {
  const words = nameTokens.map((t) => withoutPossessive(t.text));
  const given = words[0];
  const surname = words[words.length - 1];
  // "Peter J. Novak": initials between the two.
  const initialsBetween = words.slice(1, -1).every((w) => REGEXPS.singleCapital.test(w));
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    initialsBetween &&
    given !== undefined &&
    surname !== undefined &&
    isGivenName(given) &&
    // "O’Brien" and "O'Brien" are one surname.
    [
      ...new Set([
        surname,
        surname.replace(REGEXPS.curlyApostrophe, "'"),
        surname.replace(REGEXPS.straightApostrophe, '’'),
      ]),
    ].reduce((n, form) => n + (wordCounts.get(form) ?? 0), 0) > 1 &&
    !wordCounts.has(surname.toLowerCase())
  );
}

/**
 * "Tavi Marsh seemed to be losing his touch … for Marsh and": a name of two words that are no English words, whose clause
 * goes on to "his" or "her", and whose second word the text writes alone again, never in lower case, is a person's.
 */
function ownsPossessiveWithRecurringSurname(
  text: string,
  nameTokens: readonly Token[],
  nameEnd: number,
  wordCounts: ReadonlyMap<string, number>,
  writtenAlone: ReadonlySet<string>,
): boolean {
  const [given, surname] = nameTokens.map((t) => withoutPossessive(t.text));
  return (
    nameTokens.length === 2 &&
    given !== undefined &&
    surname !== undefined &&
    !isOrdinaryWord(given) &&
    !isOrdinaryWord(surname) &&
    writtenAlone.has(surname) &&
    (wordCounts.get(surname) ?? 0) > 1 &&
    !wordCounts.has(surname.toLowerCase()) &&
    REGEXPS.possessivePronounAfter.test(text.slice(nameEnd, nameEnd + 60))
  );
}

/**
 * Where a name of three or more words really starts when its first words describe the person: at a common given
 * name that no given name, particle or initial comes before, with a surname the text also writes alone, twice or
 * more. -1 when the name starts where it is.
 */
function describedBefore(
  run: readonly Token[],
  start: number,
  end: number,
  writtenAlone: ReadonlySet<string>,
  wordCounts: ReadonlyMap<string, number>,
): number {
  if (end - start < 3) return -1;
  const surname = withoutPossessive(run[end - 1]?.text ?? '');
  if (!writtenAlone.has(surname) || (wordCounts.get(surname) ?? 0) < 2) return -1;
  const word = (i: number): string => withoutPossessive(run[i]?.text ?? '');
  for (let i = start; i < end - 1; i++) {
    if (isGivenName(word(i))) return i === start ? -1 : i;
    if (NAME_PARTICLES.has(word(i)) || REGEXPS.singleCapital.test(word(i))) return -1;
  }
  return -1;
}

/** Words the text writes at least once with no capitalised word before them: "met Novak", not "General Motors". */
function wordsWrittenAlone(text: string, tokens: readonly Token[]): Set<string> {
  const alone = new Set<string>();
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1];
    if (previous === undefined || !isCapitalised(previous.text) || text.slice(previous.end, t.start) !== ' ')
      alone.add(withoutPossessive(t.text));
  });
  return alone;
}

/** Every candidate name in the text, found by general rules about titles, roles and capitals. */
export function findNameCandidates(text: string): NameCandidates {
  const tokens = tokenize(text);
  const wordCounts = new Map<string, number>();
  for (const t of tokens) {
    const word = withoutPossessive(t.text);
    wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  const writtenWords: ReadonlySet<string> = new Set(wordCounts.keys());
  const writtenAlone = wordsWrittenAlone(text, tokens);
  /** Words written alone as a person's name would be: the subject of a speech verb, before ", who", an age or an apposition. */
  const surnamesOfPeople = new Set<string>();
  const found: NameCandidates = {
    people: [],
    organisations: [],
    places: [],
    acronyms: [],
    definitions: [],
    clippings: [],
  };
  for (const run of capitalisedRuns(text, tokens)) {
    const classes = run.map(classify);
    // "New Mexico officials": a place of two words is no person's name.
    for (let i = 0; i + 1 < run.length; i++) {
      const name = compoundPlaceAt(text, run, i);
      const start = run[i]?.start;
      if (name === undefined || start === undefined) continue;
      classes[i] = 'place';
      classes[i + 1] = 'place';
      found.places.push({ start, end: start + name.length, name });
    }
    // "Ann King", "Peter Bishop": an office word after a given name, ending the name, is a surname.
    // So is a month ("Ann May"), which elsewhere opens no name.
    for (let i = 1; i < run.length; i++) {
      // So is a word that elsewhere only opens a sentence ("Colin Still", "Mara Even"), ending the name.
      const surnameLike =
        classes[i] === 'title' ||
        (classes[i] === 'stop' &&
          (MONTHS.has(lower(run[i]?.text ?? '')) || (i === run.length - 1 && (run[i]?.text.length ?? 0) > 2)));
      // So is one after a given name and a middle name ("Simon Arlo Prince"), and one after a role noun and a name
      // whatever the given name ("co-host Wanda Bishop"); a kind of body is not ("co-host Lakeport Council").
      let first = i - 1;
      while (first > 0 && i - first < 2 && classes[first - 1] === 'name') first--;
      const givenName =
        isGivenName(withoutPossessive(run[i - 1]?.text ?? '')) ||
        isGivenName(withoutPossessive(run[first]?.text ?? '')) ||
        (i === 1 && !isOrganisationWord(run[i]?.text ?? '') && roleWordBefore(text, run[0]?.start ?? 0));
      if (surnameLike && classes[i - 1] === 'name' && givenName)
        if (i === run.length - 1 || classes[i + 1] !== 'name') classes[i] = 'name';
    }
    // "Peter A. Novak": a letter with a full stop between names is an initial, not the article "A".
    for (let i = 1; i + 1 < run.length; i++) {
      const letter = run[i];
      if (
        letter !== undefined &&
        REGEXPS.singleCapital.test(letter.text) &&
        text[letter.end] === '.' &&
        classes[i - 1] === 'name'
      )
        classes[i] = 'name';
    }
    // "Rear Admiral Jo Doe", "Air Chief Marshal Doe": a word qualifying a rank is part of the office, not the name.
    for (let i = run.length - 2; i >= 0; i--) {
      const rank = classes[i + 1] === 'title' && MILITARY_RANKS.has(lower(run[i + 1]?.text ?? ''));
      if (rank && RANK_QUALIFIERS.has(lower(run[i]?.text ?? ''))) classes[i] = 'title';
    }
    // Strip words that only start a sentence ("The", "In", "Today").
    let from = 0;
    while (from < run.length && classes[from] === 'stop') from++;
    // "Jo Radio, a chemistry researcher at …": a body's word ending a two-word name that an apposition calls a
    // person (an indefinite article and an office) is a surname; a body is not "a researcher".
    const [firstWord, secondWord] = run.slice(from);
    if (
      run.length - from === 2 &&
      firstWord !== undefined &&
      secondWord !== undefined &&
      classes[from] === 'name' &&
      isOrganisationWord(secondWord.text) &&
      !isOrdinaryWord(firstWord.text) &&
      personalAppositionAfter(text, secondWord.end)
    )
      classes[from + 1] = 'name';
    // "says Will Okafor": after a speech verb, a modal that heads a name is the given name.
    if (
      from === 1 &&
      GIVEN_NAME_MODALS.has(lower(run[0]?.text ?? '')) &&
      classes[1] === 'name' &&
      speechVerbBefore(text, run[0]?.start ?? 0)
    ) {
      from = 0;
      classes[0] = 'name';
    }

    // The person's name is the last stretch of plain capitalised words, followed only by letters like MP or QC
    // (or a peer's "of Liverpool").
    let end = run.length;
    while (end > from && classes[end - 1] === 'postNominal') end--;
    let peerage = false;
    let bodyFrom = -1;
    const ofAt = run.findIndex((t, i) => i > from && t.text === 'of');
    // "Lord Alton of Liverpool", "Princess Amalia of Norland": the place is part of a peer's or monarch's name.
    if (
      ofAt > from &&
      run.slice(from, ofAt).some((t) => PEERS.has(lower(t.text)) || REGNAL_TITLES.has(lower(t.text)))
    ) {
      peerage = true;
      end = ofAt;
    } else if (
      ofAt > from &&
      classes[ofAt - 1] === 'name' &&
      !run
        .slice(from, ofAt)
        .some((t) => isOrganisationWord(t.text) || (NAME_CONNECTORS.has(t.text) && !NAME_PARTICLES.has(t.text))) &&
      (organisationFrom(text, run.slice(ofAt + 1)) !== undefined ||
        // "Peter Gale of Kestrel Research & Associates": a given name and a surname the text writes again.
        (classes.slice(from, ofAt).every((c) => c === 'name') &&
          givenNameAndRecurringSurname(run.slice(from, ofAt), wordCounts)))
    ) {
      // "Capt. Jo Doe of the Dover Police Department": a person of a body, not the body's name.
      bodyFrom = ofAt + 1;
      end = ofAt;
    }
    let start = end;
    // Plain names, and particles between names ("Osama bin Laden", "Anna van Dijk").
    // "Acme’s Jo Doe": a possessive word owns the name after it and is no part of it.
    const owns = (i: number): boolean => i < end - 1 && REGEXPS.possessiveS.test(run[i]?.text ?? '');
    while (
      start > from &&
      !owns(start - 1) &&
      (classes[start - 1] === 'name' ||
        (start - 1 > from && classes[start - 2] === 'name' && NAME_PARTICLES.has(run[start - 1]?.text ?? '')))
    )
      start--;
    // "Attorney for the District of Eldmoor Ann Pike": after "of" or "for", a body's or a place's last words run
    // into the person's name; a common given name inside the stretch starts it.
    if (classes[start - 1] === 'connector') {
      const given = run.findIndex((t, i) => i > start && i < end - 1 && isGivenName(withoutPossessive(t.text)));
      if (given !== -1) start = given;
    }
    // "Reeve Helen Castor … Castor said": words before a common given name and a surname the text writes alone
    // describe the person ("Veteran Harbourman", an office the lists do not know) and are no part of the name.
    const described = describedBefore(run, start, end, writtenAlone, wordCounts);
    if (described !== -1) start = described;
    const nameTokens = run.slice(start, end);
    const before = classes[start - 1];
    const titles = run
      .slice(from, start)
      .filter((_, i) => classes[from + i] === 'honorific')
      .map((t) => lower(t.text));
    const hasPostNominal = end < run.length && !peerage && bodyFrom === -1;
    const firstName = nameTokens[0];
    const lastName = nameTokens[nameTokens.length - 1];
    let personStart = run.length;
    // "The Salt Lantern said": no person's name follows "The" ("The Rev" and "The Queen" are titles, read as such).
    const unnamed =
      start === from &&
      firstName !== undefined &&
      (afterIndefinite(text, firstName.start) ||
        afterIndefinite(text, run[0]?.start ?? 0) ||
        run[from - 1]?.text === 'The');
    if (
      firstName !== undefined &&
      lastName !== undefined &&
      nameTokens.length <= 4 &&
      before !== 'connector' &&
      !unnamed
    ) {
      const nameStart = firstName.start;
      const nameEnd = lastName.start + withoutPossessive(lastName.text).length;
      const titled = before === 'honorific' || before === 'title' || before === 'postNominal';
      const lowerTitleBefore = start === from && titleWordBefore(text, nameStart);
      // An office only a person holds, written right before the name: "President Okafor", "President Peter Okafor".
      const wordBefore = lower(run[start - 1]?.text ?? '');
      const office = PERSONAL_OFFICES.has(wordBefore) ? wordBefore : undefined;
      // "Prince Tobias", "Pope Leo": a monarch's or pope's given name is their name, and the title part of it.
      const regnal = REGNAL_TITLES.has(wordBefore);
      // "Department of Coastal Affairs": a lone word after a kind of body is no titled surname.
      const titledPerson = titled && !(before === 'title' && !isRole(run[start - 1]?.text ?? ''));
      if (nameTokens.length === 1) {
        if (titledPerson || lowerTitleBefore) {
          const titleToken = run[start - 1];
          // "Mr. Okafor", "President Okafor"; "General Novak" but not "General Motors" nor "Attorney General Lee".
          const rank =
            MILITARY_RANKS.has(wordBefore) && start - 1 === from && writtenAlone.has(withoutPossessive(firstName.text));
          const titledName =
            titleToken !== undefined && (classes[start - 1] === 'honorific' || office !== undefined || regnal || rank)
              ? `${titleToken.text.replace(REGEXPS.finalStop, '')} ${withoutPossessive(firstName.text)}`
              : undefined;
          const peerEnd = peerage ? (run[run.length - 1]?.end ?? nameEnd) : nameEnd;
          found.people.push({
            start: titledName !== undefined && titleToken !== undefined ? titleToken.start : nameStart,
            end: nameEnd,
            nameTokens: [withoutPossessive(firstName.text)],
            ...(titledName !== undefined
              ? { titledName: peerage ? text.slice(titleToken?.start ?? nameStart, peerEnd) : titledName }
              : {}),
            evident: true,
            ...((genderOf(titles) ?? genderNounBefore(text, nameStart))
              ? { gender: genderOf(titles) ?? genderNounBefore(text, nameStart) }
              : {}),
          });
          personStart = start;
        } else if (
          start === from &&
          end === run.length &&
          isGivenName(withoutPossessive(firstName.text)) &&
          (REGEXPS.ageAfter.test(text.slice(nameEnd, nameEnd + 8)) || appositionAfter(text, nameEnd) !== undefined)
        ) {
          // "Maya, 34, a nurse, said": people the story names by a given name alone, as it often does its witnesses.
          const sex = givenNameSex(withoutPossessive(firstName.text));
          found.people.push({
            start: nameStart,
            end: nameEnd,
            nameTokens: [withoutPossessive(firstName.text)],
            givenNameOnly: true,
            evident: true,
            ...(sex !== undefined ? { gender: sex } : {}),
          });
          personStart = start;
        } else if (start === from && end === run.length && ownsPersonalNoun(text, firstName)) {
          found.people.push({
            start: nameStart,
            end: nameEnd,
            nameTokens: [withoutPossessive(firstName.text)],
            owner: true,
            evident: true,
          });
          personStart = start;
        } else if (
          start === from &&
          end === run.length &&
          // Not a verb of speaking to somebody ("Rask asked her"): who was asked may be the next speaker.
          (speechVerbAfter(text, nameEnd, ADDRESS_VERBS) ||
            REGEXPS.whoAfter.test(text.slice(nameEnd, nameEnd + 8)) ||
            REGEXPS.ageAfter.test(text.slice(nameEnd, nameEnd + 8)) ||
            appositionAfter(text, nameEnd) !== undefined)
        ) {
          surnamesOfPeople.add(withoutPossessive(firstName.text));
        }
      } else {
        const evident =
          titled ||
          hasPostNominal ||
          // "CEO Jo Doe", "CFO Ann Lee": an office written in capitals straight before the name.
          (before === 'acronym' && isRole(run[start - 1]?.text ?? '')) ||
          peerage ||
          appositionAfter(text, nameEnd) !== undefined ||
          (start === from && roleCommaBefore(text, nameStart)) ||
          speechVerbAfter(text, nameEnd) ||
          lowerTitleBefore ||
          (start === from &&
            (speechVerbBefore(text, nameStart) ||
              roleWordBefore(text, nameStart) ||
              genderNounBefore(text, nameStart) !== undefined)) ||
          REGEXPS.whoAfter.test(text.slice(nameEnd, nameEnd + 8)) ||
          givenNameAndRecurringSurname(nameTokens, wordCounts) ||
          ownsPossessiveWithRecurringSurname(text, nameTokens, nameEnd, wordCounts, writtenAlone) ||
          // "an interview with Jo Doe" is a person's; "an interview with Morning Edition" is a programme's.
          (start === from &&
            spokenToBefore(text, nameStart) &&
            !nameTokens.some((t) => isOrdinaryWord(withoutPossessive(t.text)))) ||
          REGEXPS.ageAfter.test(text.slice(nameEnd, nameEnd + 8)) ||
          described !== -1;
        found.people.push({
          start: nameStart,
          end: nameEnd,
          nameTokens: writtenNameTokens(text, nameTokens),
          evident,
          ...(before === 'title' && office !== undefined ? { office } : {}),
          ...((genderOf(titles) ?? genderNounBefore(text, nameStart))
            ? { gender: genderOf(titles) ?? genderNounBefore(text, nameStart) }
            : {}),
        });
        personStart = start;
      }
    }
    const organisation = organisationFrom(
      text,
      bodyFrom !== -1
        ? run.slice(bodyFrom)
        : run.slice(from, personStart === run.length ? run.length : Math.max(from, personStart - 1)),
    );
    if (organisation !== undefined) found.organisations.push(joinedByAmpersand(text, organisation));
    else {
      // "The Salt Lantern": no person's name follows a capital "The"; the words the person rules took are the body's.
      const named = nameAfterCapitalThe(text, run);
      if (named !== undefined) {
        found.organisations.push(named);
        if (personStart < run.length && (found.people[found.people.length - 1]?.start ?? -1) >= named.start)
          found.people.pop();
      }
    }

    for (const token of run.slice(from)) {
      const word = withoutPossessive(token.text);
      if (PLACES.has(word)) found.places.push({ start: token.start, end: token.start + word.length, name: word });
      else if (isAcronym(word) && !POST_NOMINALS.has(word) && !isShouted(writtenWords, word))
        found.acronyms.push({ start: token.start, end: token.start + word.length, name: word });
    }

    const last = run[run.length - 1];
    const definition = last === undefined ? null : REGEXPS.acronymsInBrackets.exec(text.slice(last.end, last.end + 40));
    if (definition?.[1] !== undefined) {
      const acronyms = definition[1].split('/').map((a) => a.trim());
      const named = run.slice(from);
      // "Coast and Harbour Patrol (CHP)": a name joined by "and" is two runs; the acronym's letters say so.
      const joined = [...runJoinedBefore(text, named[0]?.start ?? 0), ...named];
      const expansion = acronyms
        .map((a) =>
          isAcronym(a)
            ? (expansionFor(text, a, named) ??
              (joined.length > named.length ? expansionFor(text, a, joined) : undefined) ??
              longFormFor(text, a, joined))
            : longFormFor(text, a, joined),
        )
        .find((e) => e !== undefined);
      if (expansion !== undefined) found.definitions.push({ acronyms, expansion });
    }
  }
  for (const m of text.matchAll(REGEXPS.dottedAcronym)) {
    const name = m[1] ?? '';
    const person = initialsBeforeSurname(text, m.index + name.length, name, writtenAlone, wordCounts);
    if (person !== undefined) found.people.push({ ...person, start: m.index });
    else found.acronyms.push({ start: m.index, end: m.index + name.length, name });
  }
  found.people.push(...givenNamesWithTerritory(text));
  confirmCouples(text, found.people);
  found.people = withoutDescribedSurnames(tokens, found.people);
  // "Zhou Lan … Lan says", "Ivo Rask … Rask, who": a full name whose last word the text writes alone as a person's.
  for (const person of found.people)
    if (
      person.nameTokens.length > 1 &&
      surnamesOfPeople.has(person.nameTokens[person.nameTokens.length - 1] ?? '') &&
      !opensWithCommonWord(person)
    )
      person.evident = true;
  found.clippings = clippedNames(text, tokens, found);
  return found;
}

/**
 * "Camp Harbourline", "Photo Credits": an ordinary English word that is no given name, glued before a name, makes an
 * event's, a caption's or a body's name, not a person's; where the name stands does not make it one.
 */
export function opensWithCommonWord(person: PersonCandidate): boolean {
  const first = person.nameTokens[0] ?? '';
  return isOrdinaryWord(first) && !isGivenName(first);
}

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * "Ann Vell, an oceanographer … Oceanographer Vell said": a capitalised noun before the surname of somebody named in
 * full here, which the text also writes in lower case after an article, describes that person and is no given name.
 */
function withoutDescribedSurnames(tokens: readonly Token[], people: PersonCandidate[]): PersonCandidate[] {
  const nouns = new Set<string>();
  tokens.forEach((t, i) => {
    if (ARTICLES.has(tokens[i - 1]?.text.toLowerCase() ?? '') && t.text === t.text.toLowerCase()) nouns.add(t.text);
  });
  const givenBySurname = new Map<string, Set<string>>();
  for (const { nameTokens } of people) {
    const surname = nameTokens[nameTokens.length - 1];
    if (nameTokens.length < 2 || surname === undefined) continue;
    givenBySurname.set(surname, (givenBySurname.get(surname) ?? new Set()).add(nameTokens[0] ?? ''));
  }
  return people.filter(({ nameTokens: [first = '', surname = '', ...rest] }) => {
    const described = rest.length === 0 && nouns.has(first.toLowerCase()) && !isGivenName(first);
    return !(described && [...(givenBySurname.get(surname) ?? [])].some((given) => given !== first));
  });
}

/**
 * "Ned and Orla Pettifer … Ned Pettifer said": a capitalised word and "and" before a given name and a surname name two
 * people of that surname; where the text also writes the first word with the surname, that full name is a person's.
 */
function confirmCouples(text: string, people: PersonCandidate[]): void {
  const couples = new Set<string>();
  for (const person of people) {
    const [, surname] = person.nameTokens;
    if (person.nameTokens.length !== 2 || surname === undefined) continue;
    const first = REGEXPS.nameAndBefore.exec(text.slice(Math.max(0, person.start - 30), person.start))?.[1];
    if (first !== undefined && classify({ start: 0, end: first.length, text: first }) === 'name')
      couples.add(`${first} ${surname}`);
  }
  if (couples.size === 0) return;
  for (const person of people) if (couples.has(person.nameTokens.join(' '))) person.evident = true;
}

/**
 * "T.R. Vance … Vance said": initials written together before a surname that the text also writes alone, and never
 * in lower case, are a person's given names, not an acronym; unless they spell a place ("U.S.").
 */
function initialsBeforeSurname(
  text: string,
  end: number,
  initials: string,
  writtenAlone: ReadonlySet<string>,
  wordCounts: ReadonlyMap<string, number>,
): Omit<PersonCandidate, 'start'> | undefined {
  const surname = REGEXPS.surnameNext.exec(text.slice(end, end + 40))?.[1];
  if (surname === undefined || PLACES.has(initials.replace(REGEXPS.fullStops, ''))) return undefined;
  const word = withoutPossessive(surname);
  const [token] = tokenize(word);
  if (
    token === undefined ||
    classify(token) !== 'name' ||
    !writtenAlone.has(word) ||
    (wordCounts.get(word) ?? 0) < 2 ||
    wordCounts.has(word.toLowerCase())
  )
    return undefined;
  return { end: end + 1 + word.length, nameTokens: [initials, word], evident: true };
}

/**
 * "Ann, Duchess of Eld", "Osric, Earl of Wessel": a given name written with a title of a territory after a comma is
 * a person's whole name, of the sex the title tells; the given name alone then stands for them.
 */
function givenNamesWithTerritory(text: string): PersonCandidate[] {
  const people: PersonCandidate[] = [];
  for (const m of text.matchAll(REGEXPS.givenNameWithTerritory)) {
    const given = m[1] ?? '';
    const title = (m[2] ?? '').toLowerCase();
    if (NOT_NAME_WORDS.has(given.toLowerCase()) || PLACES.has(given) || isOrdinaryWord(given)) continue;
    const place = withoutPossessive((m[3] ?? '').trim());
    people.push({
      start: m.index,
      end: m.index + given.length,
      nameTokens: [given],
      titledName: `${given}, ${m[2] ?? ''} of ${place}`,
      evident: true,
      gender: FEMALE_TERRITORIAL_TITLES.has(title) ? 'female' : 'male',
    });
  }
  return people;
}

/** A clipped name is at least this long: "the Met", never "the Me". */
const MIN_CLIPPING_LENGTH = 3;

/**
 * "the Met" after "The Metropolitan Opera": a capitalised word the text writes after "the" that begins, and is
 * shorter than, the first word (places aside) of exactly one body the text names. A word that is a person's name
 * here, a place, an office or a kind of body ("the Board") is no clipped name.
 */
function clippedNames(text: string, tokens: readonly Token[], found: NameCandidates): ClippedName[] {
  const personWords = new Set(found.people.flatMap((p) => p.nameTokens));
  // Each body by every shortening of its first word ("Met", "Metr", … for "Metropolitan Opera"), read once.
  const byShortening = new Map<string, Set<string>>();
  for (const { name } of found.organisations) {
    const first =
      name
        .replace(REGEXPS.leadingThe, '')
        .split(REGEXPS.whitespace)
        .find((w) => !PLACES.has(w)) ?? '';
    // "People" is no clipping of "People’s Mojahedin …": the possessive is no part of the word.
    const word = withoutPossessive(first);
    for (let length = MIN_CLIPPING_LENGTH; length < word.length; length++) {
      const shortening = word.slice(0, length);
      byShortening.set(shortening, (byShortening.get(shortening) ?? new Set()).add(name));
    }
  }
  const clippings = new Map<string, string>();
  tokens.forEach((token, i) => {
    const word = withoutPossessive(token.text);
    const previous = tokens[i - 1];
    if (
      previous === undefined ||
      previous.text.toLowerCase() !== 'the' ||
      text.slice(previous.end, token.start) !== ' ' ||
      !isCapitalised(word) ||
      isAcronym(word) ||
      clippings.has(word) ||
      personWords.has(word) ||
      classify(token) !== 'name' ||
      isGivenName(word) ||
      MONTHS.has(word.toLowerCase())
    )
      return;
    const owners = byShortening.get(word);
    const [only] = owners ?? [];
    if (owners?.size === 1 && only !== undefined) clippings.set(word, only);
  });
  return [...clippings].map(([clipping, body]) => ({ clipping, body }));
}
