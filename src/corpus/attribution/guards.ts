// Precision guards: the last pass every attribution goes through, whichever pattern proposed it. Each guard checks
// one thing a right attribution never breaks; a guard that fires turns the statement into an abstention with its
// reason, never into another speaker.
import type { Gender } from '../names';
import { SPEECH_VERBS } from '../lexicon';
import { abstain, sentenceEnd, type Attribution, type Scene } from './context';
import { isRole } from '../names';

/** What a pattern read to reach its speaker, kept for the guards and never stored. */
export interface Evidence {
  /** "he said": the pronoun's sex. */
  pronoun?: { gender: Gender };
  /** The words in the subject's place that named the speaker. */
  subject?: { start: number; end: number };
  /** The sieve's resolver that turned the subject into the speaker ("pronoun", "role", "body"). */
  resolver?: string;
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
const REGEXPS = {
  /**
   * Capitalised words (group 1) and the lower-case word after them (group 2), a speech verb where it matters: "Smith
   * said", "Ministry officials told". Not after an article: "the MP said" is an office, which the role resolver weighs.
   */
  namedSubject:
    /(?<![\p{L}\p{N}'’])(?<!\b(?:the|a|an|this|that|our|its|their)\s+)(?<!\p{Lu}[\p{L}'’.-]*\s+)((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s+([\p{Ll}]+)\b/gu,
  whitespace: /\s+/,
  whitespaceRuns: /\s+/g,
  /** After a body's name: an office of it (group 1; "… Commissioner for Human Rights", "’s chief executive"). */
  officeAfter: /^(?:['’]s?)?\s+(\p{L}[\p{L}-]*)/u,
  /** Before a body's name: "the president of", "a spokeswoman for" (the office, group 1). */
  officeBefore: /\b(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s+(?:of|for|at)\s+(?:the\s+)?$/iu,
  theBefore: /\bthe\s+$/i,
  /** Where a clause ends: a comma, a semicolon, a colon, a quote mark or a bracket, or the text's end. */
  clauseEnd: /[,;:“”"(]|$/u,
  word: /[\p{L}]+/gu,
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

/**
 * A name in the subject place of a speech verb, in the narration of the quote's sentence before the cue, is who
 * spoke or a sign the text names someone else: a speaker resolved from a pronoun, an office or the last speaker must
 * be that name, or nobody ("Smith said that … “…”, saying she …" is Smith's, whoever spoke before).
 */
export const namedSubjectBlocks: Guard = {
  name: 'named-subject-blocks',
  check(scene, { speakerId, cue }, place) {
    if (speakerId === null || !RESOLVED_CUES.has(cue)) return undefined;
    const line = scene.lines[scene.lineAt(place.start)];
    if (line === undefined) return undefined;
    const from = scene.sentenceStart(line, place.start);
    const to = sentenceEnd(scene.text, place.end, line.end);
    for (const m of scene.text.slice(from, to).matchAll(REGEXPS.namedSubject)) {
      const at = from + m.index;
      const name = m[1] ?? '';
      if (!SPEECH_VERBS.has(m[2] ?? '') || scene.insideQuote(at)) continue;
      // "When I asked": the run's last word is its head, and a pronoun is no name.
      if (NOT_A_NAME.has((name.split(REGEXPS.whitespace).pop() ?? '').toLowerCase())) continue;
      const end = at + name.length;
      const mentions = scene.narrationMentions(at, end);
      if (mentions.some((x) => x.entityId === speakerId)) continue;
      return abstain('unresolved', 'speaker-not-identified');
    }
    return undefined;
  },
};

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
    const after = REGEXPS.officeAfter.exec(text.slice(subject.end, subject.end + 40));
    const lineStart = scene.lines[scene.lineAt(subject.start)]?.start ?? 0;
    const before = REGEXPS.officeBefore.exec(text.slice(Math.max(lineStart, subject.start - 60), subject.start));
    if (after?.[1] !== undefined && isRole(after[1])) {
      return abstain('unnamed', 'unnamed-source', officePhrase(scene, subject.start, subject.end));
    }
    if (before?.[1] !== undefined && isRole(before[1])) {
      return abstain('unnamed', 'unnamed-source', officePhrase(scene, subject.start - before[0].length, subject.end));
    }
    return undefined;
  },
};

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
