// Finds every occurrence of every entity in a document in one pass over its words.
import type { Mention } from './pack';
import { isOrganisationWord, type Gender } from './names';
import type { EntityRegistry } from './entities';
import { aliasKey, wordKey } from './entities';
import {
  FEMALE_HONORIFICS,
  FEMALE_NOUNS,
  HONORIFICS,
  MALE_HONORIFICS,
  MALE_NOUNS,
  NAME_TITLES,
  SPEECH_VERBS,
} from './lexicon';
import { isMonthDate, MONTHS } from '../shared/months';
import { closesInsertion, isAcronym, isCapitalised, tokenize, type Token } from './tokens';
import { squash, withoutPossessive } from './text';
import { fullGivenName, givenNameSex } from './attribution/given-names';
import { nameSkeleton } from '../shared/name-skeleton';
import { isOrdinaryWord } from './ordinary-words';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "U.N.", "U.S.A.": capitals each with a full stop. */
  dottedAcronym: /^(?:\p{Lu}\.){2,5}$/u,
  digitLast: /\d$/,
  digitFirst: /^\d/,
  possessiveS: /['’]s$/u,
  /** possessiveS without the u flag, as the alias check has it; the two match alike. */
  possessiveSInAlias: /['’]s$/,
  whitespace: /\s+/,
  /** "is the proud father": the noun phrase (group 1) after "is/was a/the", up to three words. */
  predicateNoun: /^\s+(?:is|was)\s+(?:a|an|the)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u,
  /** The word just before a name (group 1), and the full stop or comma after it (group 2): "Mr. ", "Leader, ". */
  wordBefore: /([\p{L}-]+)(\.?|,)\s+$/u,
  oneSpace: /^\s$/,
  fullStopLast: /\.$/,
  commaAndSpace: /^,\s$/,
  ampersand: /^\s*&\s*$/,
  /** The start of the text, a sentence, a line or a quotation, and spaces, ending the text. */
  sentenceStartBefore: /(?:^|[.!?:;“”"‘\n])\s*$/u,
} as const;

/** Words of one alias are joined by a space, "Mr. ", or the comma or point inside a number ("30,000"). */
function joinedWords(text: string, gap: string, previousEnd: number, before: string, after: string): boolean {
  if (gap === ' ' || gap === '. ' || gap === '.' || closesInsertion(text, gap, previousEnd)) return true;
  return (gap === ',' || gap === '.') && REGEXPS.digitLast.test(before) && REGEXPS.digitFirst.test(after);
}

/** Mentions sorted by start; a longer alias wins over a shorter one at the same place. */
export function findMentions(documentId: string, text: string, registry: EntityRegistry): Mention[] {
  const tokens = tokenize(text);
  // A first reading finds who the document names in full anywhere, for a surname used before the full name.
  const { seenPeople } = scanMentions(documentId, text, tokens, registry, new Set());
  return scanMentions(documentId, text, tokens, registry, seenPeople).mentions;
}

/** The one person among `people` with a given name or surname of the same skeleton as `word`, if one. */
function personBySkeleton(registry: EntityRegistry, people: ReadonlySet<string>, word: string): string | undefined {
  if (word.length < MIN_VARIANT_LENGTH || isOrdinaryWord(word)) return undefined;
  const [skeleton] = nameSkeleton(word);
  const found = [...people].filter((id) => registry.nameWordSkeletons.get(id)?.includes(skeleton ?? '') === true);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "Ric" after "Richard T. Osgood": the one person named here in full whose given name the word begins, at least two
 * letters short of it. A clipped given name is how English most often shortens one ("Rob", "Kat", "Ric"). Not when
 * the text writes the word's beginning anywhere else than in that person's name ("Richard Amsel, a welder" the
 * compiler may not take for a person; "Richardson"): the clipping may be theirs.
 */
function personByClipping(
  registry: EntityRegistry,
  people: ReadonlySet<string>,
  word: string,
  text: string,
  tokens: readonly Token[],
): string | undefined {
  if (word.length < MIN_CLIPPING_LENGTH || isOrdinaryWord(word) || MONTHS.has(word.toLowerCase())) return undefined;
  const [clipped] = nameSkeleton(word);
  const found = [...people].filter((id) => {
    const [given, surname] = registry.nameWordSkeletons.get(id) ?? [];
    return (
      clipped !== undefined &&
      given !== undefined &&
      surname !== undefined &&
      given.startsWith(clipped) &&
      given.length >= clipped.length + 2
    );
  });
  const [only] = found;
  if (only === undefined || found.length > 1) return undefined;
  // Read once a document for each word and person: a clipping written a thousand times scans the text once.
  let seen = clippingsRead.get(tokens);
  if (seen === undefined) clippingsRead.set(tokens, (seen = new Map()));
  const key = `${word}\u0000${only}`;
  let elsewhere = seen.get(key);
  if (elsewhere === undefined) {
    const entity = registry.entities.find((e) => e.id === only);
    const names = entity === undefined ? [] : [entity.name, ...entity.aliases];
    // A word inside a name ("Ivo Richard Tamm", a middle name) is no given name the clipping may stand for.
    const givenNameAt = (i: number): boolean => {
      const previous = tokens[i - 1];
      return (
        previous === undefined ||
        !isCapitalised(previous.text) ||
        !REGEXPS.oneSpace.test(text.slice(previous.end, tokens[i]?.start)) ||
        HONORIFICS.has(previous.text.toLowerCase().replace(REGEXPS.fullStopLast, ''))
      );
    };
    elsewhere =
      entity === undefined ||
      tokens.some(
        (t, i) =>
          t.text.length >= word.length + 2 &&
          t.text.startsWith(word) &&
          givenNameAt(i) &&
          !names.some(
            (name) => text.startsWith(name, t.start) || text.startsWith(name, t.start - name.indexOf(t.text)),
          ),
      );
    seen.set(key, elsewhere);
  }
  return elsewhere ? undefined : only;
}

/** Whether a document writes a clipping's beginning outside a person's name, by its tokens, word and person. */
const clippingsRead = new WeakMap<readonly Token[], Map<string, boolean>>();

/** "Al", "Ed": two letters begin too many names. */
const MIN_CLIPPING_LENGTH = 3;

/** Shorter words are too often another name's spelling: "Li" and "Lee". */
const MIN_VARIANT_LENGTH = 4;

/** Whether the word at `at` is followed, after one space, by a reporting verb: "Allied said", "May said". */
function speechVerbNext(text: string, tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const next = tokens[at + 1];
  return (
    token !== undefined &&
    next !== undefined &&
    text.slice(token.end, next.start) === ' ' &&
    SPEECH_VERBS.has(next.text)
  );
}

/**
 * The body of `bodies` (named in the document before) that one word at `at` stands for, when exactly one body's name
 * begins with it or is headed by it: as the subject of a reporting verb right after it ("Allied said" after "Allied
 * Freight"), not a word of a longer name ("Allied Forces") nor an adjective ("Allied officials said"); or as a kind
 * of body after "the" ("the Church" after "the Eldmoor Free Church"). Two such bodies make it neither.
 */
function bodyByOneWord(
  text: string,
  tokens: readonly Token[],
  at: number,
  bodies: ReadonlySet<string>,
  registry: EntityRegistry,
): string | undefined {
  const token = tokens[at];
  const previous = tokens[at - 1];
  if (token === undefined || REGEXPS.possessiveS.test(token.text)) return undefined;
  const afterThe =
    previous !== undefined &&
    previous.text.toLowerCase() === 'the' &&
    text.slice(previous.end, token.start) === ' ' &&
    isOrganisationWord(token.text);
  if (!afterThe && !speechVerbNext(text, tokens, at)) return undefined;
  const word = wordKey(token.text);
  const owners = [...bodies].filter(
    (id) => registry.bodyHeads.get(id) === word || registry.bodyFirstWords.get(id)?.has(word) === true,
  );
  return owners.length === 1 ? owners[0] : undefined;
}

/** How far after a name "is the proud father" is looked for. */
const PREDICATE_SPAN = 60;

/** "Okafor is the proud father": the sex a noun after "is/was a/the" tells, within its first three words. */
function predicateSex(after: string): Gender | undefined {
  const m = REGEXPS.predicateNoun.exec(after);
  for (const word of m?.[1]?.split(REGEXPS.whitespace) ?? []) {
    if (MALE_NOUNS.has(word)) return 'male';
    if (FEMALE_NOUNS.has(word)) return 'female';
  }
  return undefined;
}

/** A person's sex as the texts tell it (a title, a noun), or else as a common given name of theirs tells it. */
function knownSex(registry: EntityRegistry, id: string): Gender | undefined {
  return registry.gender.get(id) ?? givenNameSex(registry.firstNames.get(id) ?? '');
}

/**
 * Of namesakes named here, the one of the sex the text gives the lone surname, when every one of them has a known sex
 * ("She said Okafor is the proud father" with Grace and Peter Okafor named). A title or a common given name tells it.
 */
function namesakeBySex(
  registry: EntityRegistry,
  namesakes: readonly string[],
  sex: Gender | undefined,
): string | undefined {
  if (sex === undefined) return undefined;
  if (namesakes.some((id) => knownSex(registry, id) === undefined)) return undefined;
  const fitting = namesakes.filter((id) => knownSex(registry, id) === sex);
  return fitting.length === 1 ? fitting[0] : undefined;
}

function scanMentions(
  documentId: string,
  text: string,
  tokens: readonly Token[],
  registry: EntityRegistry,
  namedInDocument: ReadonlySet<string>,
): { mentions: Mention[]; seenPeople: Set<string> } {
  const { kinds } = registry;
  const mentions: Mention[] = [];
  const seenPeople = new Set<string>();
  const seenBodies = new Set<string>();
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (token === undefined) break;
    let matched = 0;
    const first = wordKey(token.text);
    const second = tokens[i + 1];
    const candidates = [
      ...(second !== undefined ? (registry.aliases.get(aliasKey([first, wordKey(second.text)])) ?? []) : []),
      ...(registry.aliases.get(first) ?? []),
    ];
    for (const alias of candidates) {
      const isTopic = kinds.get(alias.entityId) === 'topic';
      // Names must be written with capitals; topics match in any case; an acronym only in capitals.
      if (!isTopic && !isCapitalised(token.text)) continue;
      if (alias.acronym && !isAcronym(withoutPossessive(token.text))) continue;
      let ok = true;
      for (let k = 0; k < alias.words.length && ok; k++) {
        const t = tokens[i + k];
        const previous = tokens[i + k - 1];
        ok =
          t !== undefined &&
          wordKey(t.text) === alias.words[k] &&
          (k === 0 ||
            (previous !== undefined &&
              (joinedWords(text, text.slice(previous.end, t.start), previous.end, previous.text, t.text) ||
                (alias.commaAfter === k - 1 && REGEXPS.commaAndSpace.test(text.slice(previous.end, t.start))) ||
                (alias.ampersandAfter?.includes(k - 1) === true &&
                  REGEXPS.ampersand.test(text.slice(previous.end, t.start))))));
        // A possessive ends a name ("Acme’s Jo Doe"), unless the name itself has it there ("Hallam’s Analytics").
        if (
          ok &&
          k < alias.words.length - 1 &&
          REGEXPS.possessiveSInAlias.test(t?.text ?? '') &&
          !(k === 0 && alias.possessiveFirst === true)
        )
          ok = false;
      }
      if (!ok) continue;
      const last = tokens[i + alias.words.length - 1];
      if (last === undefined) continue;
      const written = last.start + withoutPossessive(last.text).length;
      // "U.N.": a dotted acronym ends with its last full stop.
      const end =
        text[written] === '.' && REGEXPS.dottedAcronym.test(text.slice(token.start, written + 1))
          ? written + 1
          : written;
      mentions.push({ entityId: alias.entityId, documentId, start: token.start, end });
      if (kinds.get(alias.entityId) === 'person') seenPeople.add(alias.entityId);
      if (kinds.get(alias.entityId) === 'organisation' && alias.words.length > 1) seenBodies.add(alias.entityId);
      matched = alias.words.length;
      break;
    }
    if (matched === 0 && isCapitalised(token.text) && !isAcronym(token.text)) {
      const word = withoutPossessive(token.text);
      // "President Raisi", "Mr. Raisi", and an office set off by a comma: "the then Supreme Leader, Khomeini".
      const before = REGEXPS.wordBefore.exec(text.slice(Math.max(0, token.start - 25), token.start));
      const titleWord = before?.[1]?.toLowerCase() ?? '';
      const titled =
        before?.[2] === ',' ? NAME_TITLES.has(titleWord) : HONORIFICS.has(titleWord) || NAME_TITLES.has(titleWord);
      // "Mr. Okafor" is none of the women named Okafor.
      const other = FEMALE_HONORIFICS.has(titleWord) ? 'male' : MALE_HONORIFICS.has(titleWord) ? 'female' : undefined;
      // "Mr Okafor" is not Grace Okafor either: a common given name tells her sex where no title did.
      const surnamed = registry.surnames.get(squash(word)) ?? [];
      const candidates =
        other === undefined
          ? surnamed
          : surnamed.filter((id) => (surnamed.length > 1 ? knownSex(registry, id) : registry.gender.get(id)) !== other);
      // A surname alone is that person only when exactly one person of that surname has been named here,
      // or, after a title ("President Raisi"), when only one person in the corpus carries it.
      const named = candidates.filter((id) => seenPeople.has(id));
      let [only] = named.length === 1 ? named : titled && candidates.length === 1 ? candidates : [];
      if (only === undefined && named.length > 1 && word === token.text)
        only = namesakeBySex(registry, named, predicateSex(text.slice(token.end, token.end + PREDICATE_SPAN)));
      // "…,” says Lindqvist." before the text names Ann Lindqvist: the one person of that surname in the corpus,
      // named in full in this document, later.
      const [sole] = candidates;
      if (only === undefined && candidates.length === 1 && sole !== undefined && namedInDocument.has(sole)) only = sole;
      // "Peter" after "Peter Novak": a given name alone is the one person named here in full with it, when it
      // is the surname of nobody named here and follows no title ("Mr. Peter" would be a surname).
      // Not when a capitalised word follows: "Peter Lindqvist" is somebody else than Peter Novak.
      const next = tokens[i + 1];
      const namesSomebodyElse =
        next !== undefined &&
        word === token.text &&
        isCapitalised(next.text) &&
        REGEXPS.oneSpace.test(text.slice(token.end, next.start));
      // A surname of somebody this document never names does not stand in the way ("Owen" with Ann Owen elsewhere).
      const surnameHereToo = candidates.some((id) => seenPeople.has(id) || namedInDocument.has(id));
      if (only === undefined && !surnameHereToo && !titled && !namesSomebodyElse) {
        // "Rick" for Richard A. Okafor, when no one named here is written "Rick".
        const full = fullGivenName(word);
        const written = registry.givenNames.get(squash(word)) ?? [];
        const given = (
          written.length === 0 && full !== undefined ? (registry.givenNames.get(full) ?? []) : written
        ).filter((id) => seenPeople.has(id));
        if (given.length === 1) only = given[0];
        // "Philip" after "Phillip Dorrance", "Kate" (a Katherine) after "Catherine, Duchess of Eld": the one person
        // named here whose given name or surname it is in another spelling (`nameSkeleton`), when nobody in the
        // corpus is written so.
        if (only === undefined && written.length === 0 && candidates.length === 0)
          only =
            personBySkeleton(registry, seenPeople, full ?? word) ??
            personByClipping(registry, seenPeople, word, text, tokens);
      }
      // "Allied said" after "Allied Freight": a body's first word as the subject of a reporting verb is the one
      // body named here so far whose name it begins, when it is no one's name here.
      if (only === undefined && !surnameHereToo) only = bodyByOneWord(text, tokens, i, seenBodies, registry);
      // "Owen" where Ann Owen and Owen Kirsch are both named here: a lone name that is also the given name of somebody
      // else named here is either of them. A title decides it ("Ms. Owen").
      const alsoGiven = (registry.givenNames.get(squash(word)) ?? []).some((id) => id !== only && seenPeople.has(id));
      if (only !== undefined && !titled && alsoGiven) only = undefined;
      // "May" is Ann May only where the text makes it a name: "Mrs May", "May said", "with May", "May, a coach";
      // not "due in May", "May 5", nor a sentence that opens with it ("May brought rain").
      if (
        MONTHS.has(word.toLowerCase()) &&
        !titled &&
        !speechVerbNext(text, tokens, i) &&
        (isMonthDate(text, token.start, token.start + word.length) ||
          REGEXPS.sentenceStartBefore.test(text.slice(Math.max(0, token.start - 4), token.start)))
      )
        only = undefined;
      if (only !== undefined) {
        mentions.push({ entityId: only, documentId, start: token.start, end: token.start + word.length });
        matched = 1;
      }
    }
    i += Math.max(1, matched);
  }
  return { mentions, seenPeople };
}
