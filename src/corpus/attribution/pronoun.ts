// "he added", "she said": a pronoun is resolved only to the one person it can be; otherwise the quote has no speaker.
import { isRole, spokenToBefore, type Gender } from '../names';
import type { Mention } from '../pack';
import { ADDRESS_VERBS, FEMALE_NOUNS, MALE_NOUNS, PERSONAL_NOUNS } from '../lexicon';
import { abstain, oncePerScene, unknownPersonIn, type Attribution, type Scene } from './context';

/** Prepositions that open a phrase set before a sentence's subject ("Under questioning by Okafor, he said"). */
const OPENING_PREPOSITIONS = 'In|Under|During|After|Before|Following|Despite|Amid|At|On|With';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "asked her about", "told her.": a verb of address and its object pronoun (group 1), ending a phrase. */
  addressedPronoun: new RegExp(
    `^[^.!?;“”"]*?\\b(?:${[...ADDRESS_VERBS].join('|')})\\s+(her|him)\\b(?=\\s+(?:about|if|whether|why|what|how|to|for|on|over|at|in|that|again)\\b|\\s*[,.;:!?])`,
    'u',
  ),
  /**
   * A phrase opened by a participle or a preposition and closed by the comma before the pronoun: "Quoting Okafor, ",
   * "Asked about Okafor, ", "Under questioning by Okafor, ".
   */
  openingParticiple: new RegExp(`^\\s*(?:\\p{Lu}\\p{Ll}+(?:ing|ed)|${OPENING_PREPOSITIONS})\\s[^.;:!?“”"]*,\\s*$`, 'u'),
  /** "’s lawyer", "’s travel plans": a possessive and up to three words it owns (group 1). */
  possessiveAndOwned: /^['’]s\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u,
  possessiveS: /^['’]s\b/,
  /** A word that opens a clause set before its main one ("As", "once", "when"), ending the text. */
  subordinatorLast: /\b(?:as|once|when|while|after|before|if|because|since|although|though|until|whenever)\s+$/i,
  /** A subject pronoun of each sex. */
  malePronoun: /\b[Hh]e\b/g,
  femalePronoun: /\b[Ss]he\b/g,
  /** A subject pronoun: "when I interviewed him" has a subject of its own. */
  subjectPronoun: /\b(?:I|we|you|he|she|they)\b/,
  whitespace: /\s+/,
  /** "he said,", "she added,": a pronoun, a lower-case verb and a comma: an attribution set inside a sentence. */
  parentheticalAttribution: /^\s*(?:he|she)\s+\p{Ll}+,/iu,
  commaOnly: /^,\s*$/,
} as const;

/**
 * Candidates are the people the narration names in this paragraph and the prose one before, and who spoke there. Those
 * whose known sex does not fit the pronoun are ruled out; one left is the speaker.
 */
export function resolvePronoun(scene: Scene, gender: Gender, at: number): Attribution {
  let addressers: ReadonlySet<string> = new Set();
  const freely = namedFreely(scene);
  // "In an interview with Jo Doe, the minister said …": one the narration has so far named only as spoken to, and
  // who has not spoken, is not who speaks.
  const onlySpokenTo = (id: string): boolean =>
    (freely.get(id) ?? Infinity) >= at && !scene.decided.some((d) => d.speakerId === id && d.end <= at);
  // "Vey, he said, never read it": the name a parenthetical "he said" interrupts is what is said about, not who says it.
  const interrupted = interruptedSubject(scene, at);
  const fits = (id: string): boolean => {
    const known = scene.genderOf(id);
    return (known === undefined || known === gender) && !addressers.has(id) && !onlySpokenTo(id) && id !== interrupted;
  };
  // "“A,” said Peter. After the vote, he added: “B.”": the last speaker, when nobody else is named since.
  const lastSpeaker = [...scene.decided].reverse().find((s) => s.speakerId !== null);
  const line = scene.lineAt(at);
  // People the narration names, not in a photo caption between (a caption is no part of the story's flow).
  // "Citing Jo Doe and Peter Novak, she proposed …", "Asked about Jo Doe's paper, he said …": the names in a
  // participle phrase opening the pronoun's own sentence are what its subject cites or is asked about, never the subject.
  const sentenceFrom = scene.sentenceStart(scene.lines[line] ?? { start: 0, end: at, text: '' }, at);
  const cited = REGEXPS.openingParticiple.test(scene.text.slice(sentenceFrom, at)) ? sentenceFrom : at;
  const people = (from: number, to: number): Mention[] =>
    scene
      .narrationMentions(from, Math.min(to, cited))
      .filter((m) => scene.kindOf(m.entityId) === 'person' && !scene.isCaption(scene.lineAt(m.start)));
  const nearby = people(scene.lines[scene.proseBefore(line)]?.start ?? 0, at);
  addressers = speakingToPronoun(scene, nearby, gender, at);
  let previous = scene.proseBefore(line);
  // "… Okafor said. / …, he added. / “…,” he said.": paragraphs that name nobody carry the one named before them, and
  // so do paragraphs that name only people the pronoun cannot be (a photo caption about a woman before "He said").
  for (
    let step = 0;
    step < MAX_NAMELESS_PARAGRAPHS && previous > 0 && !namesSomeone(scene, previous, at, fits);
    step++
  ) {
    // Not over a name the compiler did not take for a person's ("Peter Novak was nodding …"): it may be the one.
    if (unknownPersonIn(scene, scene.lines[previous]?.start ?? 0, at, gender)) break;
    previous = scene.proseBefore(previous);
  }
  // A name the compiler did not take for a person's, written after the one chosen ("Dan Pryor, a builder"), may be
  // the one the pronoun stands for.
  const checked = (id: string): Attribution => {
    const lastSeen = Math.max(
      ...scene.mentions.filter((m) => m.entityId === id && m.end <= at).map((m) => m.end),
      ...scene.decided.filter((d) => d.speakerId === id && d.end <= at).map((d) => d.end),
      0,
    );
    // Not over the names a participle phrase cites ("Citing Jo Doe, she …"): they are not who "she" is.
    return unknownPersonIn(scene, lastSeen, cited, gender)
      ? abstain('pronoun-ambiguous', 'ambiguous-pronoun')
      : { speakerId: id, cue: 'pronoun', evidence: { pronoun: { gender } } };
  };
  if (lastSpeaker?.speakerId != null && scene.lineAt(lastSpeaker.end) >= previous && fits(lastSpeaker.speakerId)) {
    const since = people(lastSpeaker.end, at).filter((m) => m.entityId !== lastSpeaker.speakerId);
    if (since.every((m) => !fits(m.entityId))) return checked(lastSpeaker.speakerId);
  }
  const windowStart = scene.lines[Math.max(0, previous)]?.start ?? 0;
  const ids = new Set(people(windowStart, at).map((m) => m.entityId));
  for (const s of scene.decided)
    if (s.start >= windowStart && s.start < at && s.speakerId !== null) ids.add(s.speakerId);
  const fitting = [...ids].filter(fits);
  const [only] = fitting;
  const nearest =
    fitting.length === 1 && only !== undefined ? only : nearestSentencePerson(scene, people(windowStart, at), fits);
  // Read from the paragraph before the window: "He said Mr Doe later …" may stand just outside it.
  const readFrom = scene.lines[scene.proseBefore(Math.max(0, previous))]?.start ?? windowStart;
  return nearest !== undefined && !referredToBefore(scene, nearest, gender, Math.min(readFrom, windowStart), at)
    ? checked(nearest)
    : abstain('pronoun-ambiguous', 'ambiguous-pronoun');
}

/** The person named straight before a parenthetical "he said," at `at` ("Vey, he said, …"), if any. */
function interruptedSubject(scene: Scene, at: number): string | undefined {
  if (!REGEXPS.parentheticalAttribution.test(scene.text.slice(at, at + 30))) return undefined;
  const before = scene.narrationMentions(scene.lines[scene.lineAt(at)]?.start ?? 0, at).pop();
  return before !== undefined && REGEXPS.commaOnly.test(scene.text.slice(before.end, at)) ? before.entityId : undefined;
}

/**
 * "He frowns as I mention Brandt … “…,” he said", "He said Mr Doe later sold it. … “…,” he said": a
 * sentence that names the one chosen after a subject pronoun of that sex, which no earlier naming (read from the
 * paragraph before the window) can stand behind, is about somebody else of that sex named before, who may be the
 * speaker. Not a pronoun that opens a clause set before its noun ("As he flew home, Doe said"), which may stand for
 * the name after it.
 */
function referredToBefore(scene: Scene, id: string, gender: Gender, from: number, at: number): boolean {
  const pronouns = gender === 'male' ? REGEXPS.malePronoun : REGEXPS.femalePronoun;
  const mentions = scene.narrationMentions(from, at).filter((m) => m.entityId === id);
  let firstNamed = mentions[0]?.start ?? at;
  // Statements run in text order: read back only to the window's start, so a page of many quotes stays linear.
  for (let i = scene.decided.length - 1; i >= 0; i--) {
    const d = scene.decided[i];
    if (d === undefined || d.start < from) break;
    if (d.speakerId === id && d.start < at) firstNamed = Math.min(firstNamed, d.start);
  }
  for (const m of mentions) {
    const line = scene.lines[scene.lineAt(m.start)];
    if (line === undefined) continue;
    const sentenceFrom = Math.max(scene.sentenceStart(line, m.start), from);
    for (const p of scene.text.slice(sentenceFrom, m.start).matchAll(pronouns)) {
      const pronounAt = sentenceFrom + p.index;
      const opensClause = REGEXPS.subordinatorLast.test(scene.text.slice(sentenceFrom, pronounAt));
      if (pronounAt < firstNamed && !opensClause && !scene.insideQuote(pronounAt)) return true;
    }
  }
  return false;
}

/**
 * People who speak to somebody of the pronoun's sex in the sentence that names them: in "Harlow pressed him on
 * the pensions. “…,” he said", Harlow is not "he". Only when no other name comes between the person and the verb.
 */
function speakingToPronoun(scene: Scene, people: readonly Mention[], gender: Gender, at: number): Set<string> {
  const addressers = new Set<string>();
  people.forEach((m, i) => {
    const until = Math.min(at, people[i + 1]?.start ?? at, m.end + ADDRESS_REACH);
    const addressed = REGEXPS.addressedPronoun.exec(scene.text.slice(m.end, until));
    const object = addressed?.[1];
    // "I asked about Lee when I interviewed him": the verb has a subject of its own, so Lee is not who speaks to him.
    const ownSubject = addressed !== null && REGEXPS.subjectPronoun.test(addressed[0]);
    if (object !== undefined && !ownSubject && (object === 'him' ? 'male' : 'female') === gender)
      addressers.add(m.entityId);
  });
  return addressers;
}

/** Where the narration first names each person other than as the one spoken to; built once per document. */
const namedFreely = oncePerScene((scene): Map<string, number> => {
  const first: Map<string, number> = new Map();
  for (const m of scene.mentions)
    if (!first.has(m.entityId) && !scene.insideQuote(m.start) && !spokenToBefore(scene.text, m.start))
      first.set(m.entityId, m.start);
  return first;
});

/** How far after a name its verb of address may come. */
const ADDRESS_REACH = 80;

/** People and groups of people that somebody has: "Smith's lawyer", "his team". */
const PEOPLE_OWNED = new Set([
  ...FEMALE_NOUNS,
  ...MALE_NOUNS,
  ...PERSONAL_NOUNS,
  'team',
  'staff',
  'aide',
  'aides',
  'family',
  'friend',
  'friends',
  'campaign',
  'office',
  'administration',
  'people',
  'side',
  'camp',
  'allies',
  'supporters',
]);

/**
 * "Smith's lawyer" names somebody else than Smith; "Peter’s travel plans" names nobody else. A possessive name is
 * ruled out as the sentence's one person only when a person or group is what it owns (within three words).
 */
function ownsPerson(text: string, end: number): boolean {
  const m = REGEXPS.possessiveAndOwned.exec(text.slice(end, end + 60));
  if (m?.[1] === undefined) return REGEXPS.possessiveS.test(text.slice(end, end + 2));
  return m[1].split(REGEXPS.whitespace).some((w) => isRole(w) || PEOPLE_OWNED.has(w.toLowerCase()));
}

/** How many paragraphs that name nobody a pronoun may look back over. */
const MAX_NAMELESS_PARAGRAPHS = 2;

/**
 * Whether the narration from a paragraph up to an offset names a person the pronoun may stand for, or holds a quote
 * with such a speaker.
 */
function namesSomeone(scene: Scene, lineIndex: number, at: number, fits: (id: string) => boolean): boolean {
  const from = scene.lines[lineIndex]?.start ?? 0;
  return (
    scene.narrationMentions(from, at).some((m) => scene.kindOf(m.entityId) === 'person' && fits(m.entityId)) ||
    scene.decided.some((s) => s.start >= from && s.start < at && s.speakerId !== null && fits(s.speakerId))
  );
}

/**
 * "But Peter was more amused than hurt. “I beat you,” he said": the nearest sentence before the pronoun that
 * names anyone, when it names exactly one person who fits and not as an owner ("Smith's lawyer" is not Smith).
 */
function nearestSentencePerson(
  scene: Scene,
  people: readonly Mention[],
  fits: (id: string) => boolean,
): string | undefined {
  const last = people[people.length - 1];
  if (last === undefined) return undefined;
  const line = scene.lines[scene.lineAt(last.start)];
  if (line === undefined) return undefined;
  const start = scene.sentenceStart(line, last.start);
  const inSentence = people.filter((m) => m.start >= start);
  const ids = new Set(inSentence.map((m) => m.entityId));
  const owner = inSentence.some((m) => ownsPerson(scene.text, m.end));
  const [only] = ids;
  return ids.size === 1 && only !== undefined && !owner && fits(only) ? only : undefined;
}
