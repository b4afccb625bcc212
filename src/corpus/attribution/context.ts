// What every attribution pattern reads: the document, its paragraphs and quotes, the names found in it, and the
// statements decided so far. Built once per document.
import type { Mention, Statement, StatementCue, UnattributedReason } from '../pack';
import type { Gender } from '../names';
import type { QuoteSpan } from '../quotes';
import { ABBREVIATIONS } from '../lexicon';
import { MONTH_ABBREVIATIONS } from '../../shared/months';
import { itemsWithin, lowerBound, splitLines, type Line } from '../text';
import { inferGenders } from './gender';
import type { Evidence } from './guards';
import { givenNameGenders, givenNameSex, givenNamesWritten } from './given-names';

export interface AttributionContext {
  documentId: string;
  text: string;
  /** Mentions of people and bodies in this document, sorted by start. */
  mentions: readonly Mention[];
  kindOf: (entityId: string) => string | undefined;
  genderOf: (entityId: string) => Gender | undefined;
  /**
   * Which quotes to attribute, asked in order; the others are passed over with no speaker and no pattern run (a
   * page's quotes that the sources do not hold, or past a cap). Every quote when absent.
   */
  attributes?: (start: number, end: number) => boolean;
  /**
   * Whether the precision guards check each attribution (the default). Off only for a caller that asks where names
   * stand in a speaker's place, not who spoke (speaker-names.ts).
   */
  guards?: boolean;
}

/** Who a pattern says spoke a quote. A null speaker is a decision too: the pattern is sure nobody can be named. */
export interface Attribution {
  speakerId: string | null;
  cue: StatementCue;
  role?: string;
  unattributedReason?: UnattributedReason;
  /** What the pattern read to reach its speaker, for the guards (guards.ts); never stored. */
  evidence?: Evidence;
}

export const abstain = (cue: StatementCue, unattributedReason: UnattributedReason, role?: string): Attribution => ({
  speakerId: null,
  cue,
  unattributedReason,
  ...(role !== undefined ? { role } : {}),
});

export interface Scene extends AttributionContext {
  lines: readonly Line[];
  quotes: readonly QuoteSpan[];
  /** Index of the paragraph holding an offset. */
  lineAt(offset: number): number;
  /** Where the sentence holding an offset of a paragraph starts. */
  sentenceStart(line: Line, at: number): number;
  /** Index of the paragraph of prose before a paragraph, over captions, credits and links between ("Related: …"). */
  proseBefore(lineIndex: number): number;
  /** Whether a paragraph is a caption, credit or link line rather than running text. */
  isCaption(lineIndex: number): boolean;
  /** Mentions outside every quote between two offsets: names the narration uses, not names a speaker says. */
  narrationMentions(from: number, to: number): Mention[];
  insideQuote(offset: number): boolean;
  /** Statements decided so far, in the order they were decided. */
  decided: readonly Statement[];
  /**
   * Whether a word is a given name, by a list or as the first word of a person this text names in full; with the sex
   * it tells, if it tells one.
   */
  givenNameAt(word: string): { sex?: Gender } | undefined;
}

/** A value made from a document's scene once, however many quotes ask for it; kept with the scene, dropped with it. */
export function oncePerScene<T>(make: (scene: Scene) => T): (scene: Scene) => T {
  const made = new WeakMap<Scene, T>();
  return (scene) => {
    let value = made.get(scene);
    if (value === undefined) {
      value = make(scene);
      made.set(scene, value);
    }
    return value;
  };
}

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** The last character of a paragraph of running text: a sentence's mark, a closing quote or bracket. */
  proseEnd: /[.!?:"”’)]$/,
  /** "… in Dover, Del. Friday. (JO DOE/ACME PHOTOS)": a photo credit in brackets ends a caption. */
  photoCredit: /\((?:[\p{Lu}\s.'’-]+\/[\p{Lu}\s.'’-]+|[^()]*\b(?:Images|Photo|Getty|AP|Reuters|AFP)\b[^()]*)\)$/u,
  whitespace: /\s+/,
  /** "… on Feb. 9", "… by Sept. 30": a date ending a sentence whose full stop the page lost after the day. */
  abbreviatedDateEnd: /\b\p{Lu}\p{Ll}{2,3}\.\s\d{1,2}$/u,
  linkLineStart: /^(?:related|read more|see also|photo|image)\b/i,
  /**
   * "Omar Rask, 44, agreed.", "The minister disagreed.": a sentence of a few words with a verb in lower case after a
   * name or a noun, and a full stop; a caption or a credit of as few words is names and numbers.
   */
  shortSentence: /^\p{Lu}[^.!?]*\s\p{Ll}{3,}[.!?]$/u,
  /** Letters and digits: what a word is made of. */
  wordUnit: /[\p{L}\p{N}]/u,
  singleCapital: /^\p{Lu}$/u,
  /** Marks ending a sentence, closing quotes or brackets, and the space after; sentenceStarts sets its lastIndex. */
  sentenceBreak: /[.!?]+["”’)]*\s+/gu,
  /** A sentence's marks before a space, a quote or the end. */
  sentenceMarks: /[.!?]+(?=\s|$|["”])/gu,
  /** A capitalised word (group 1) with a capital after it, or set off by a comma before a number, "a" or "the". */
  capitalisedBeforeName: /(?<![\p{L}])(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}|,\s+(?:\d|an?\s|the\s))/gu,
} as const;

/** A paragraph of running text: a few words ending as a sentence does, not a caption, credit or link line. */
const MIN_PROSE_WORDS = 6;
const isProse = (line: string): boolean =>
  (REGEXPS.proseEnd.test(line) || REGEXPS.abbreviatedDateEnd.test(line)) &&
  !REGEXPS.photoCredit.test(line) &&
  (line.split(REGEXPS.whitespace).length >= MIN_PROSE_WORDS || REGEXPS.shortSentence.test(line)) &&
  !REGEXPS.linkLineStart.test(line);

/** The longest sentence the patterns read back over from a quote, in characters; real ones are far shorter. */
const MAX_SENTENCE = 1_000;

/** Longer than any abbreviation or initial: a word before a full stop is read back at most this far. */
const MAX_ABBREVIATION = 12;

/**
 * The word written just before a sentence mark at `at`, read backwards: the regular expressions below start at the
 * mark, never at every letter of a word before it, so a page's 200,000 letters with no space cost one pass, not a
 * pass per letter.
 */
function wordBefore(text: string, at: number, floor: number): string {
  let from = at;
  while (from > floor && at - from <= MAX_ABBREVIATION && REGEXPS.wordUnit.test(text[from - 1] ?? '')) from--;
  return text.slice(from, at);
}

/** A full stop after an abbreviation, a month's ("on Nov. 13") or an initial ends no sentence. */
const endsSentence = (word: string): boolean =>
  !ABBREVIATIONS.has(word.toLowerCase()) &&
  !MONTH_ABBREVIATIONS.includes(word.toLowerCase()) &&
  !REGEXPS.singleCapital.test(word);

/** Where each sentence of a paragraph starts; a full stop after an abbreviation or an initial ends none. */
function sentenceStarts(text: string, line: Line): number[] {
  const starts = [line.start];
  const re = REGEXPS.sentenceBreak;
  re.lastIndex = line.start;
  for (let m = re.exec(text); m !== null && m.index < line.end; m = re.exec(text)) {
    if (endsSentence(wordBefore(text, m.index, line.start))) starts.push(m.index + m[0].length);
  }
  return starts;
}

/** Where the sentence from an offset ends: its full stop, or the paragraph's end, at most `MAX_SENTENCE` on. */
export function sentenceEnd(text: string, from: number, lineEnd: number): number {
  const end = Math.min(lineEnd, from + MAX_SENTENCE);
  // On the slice, so that the search stops at `end` (one character past it, for the lookahead).
  for (const m of text.slice(from, end + 1).matchAll(REGEXPS.sentenceMarks)) {
    const at = from + m.index;
    if (at >= end) break;
    if (endsSentence(wordBefore(text, at, from))) return Math.min(at + m[0].length, lineEnd);
  }
  return end;
}

export function createScene(
  ctx: AttributionContext,
  quotes: readonly QuoteSpan[],
  decided: readonly Statement[],
): Scene {
  const lines = splitLines(ctx.text);
  // The last paragraph or quote starting at or before an offset.
  const lineAt = (offset: number): number => Math.max(0, lowerBound(lines, offset + 1) - 1);
  const insideQuote = (offset: number): boolean => {
    const q = quotes[lowerBound(quotes, offset + 1) - 1];
    return q !== undefined && offset < q.end;
  };
  const people = ctx.mentions.filter((m) => ctx.kindOf(m.entityId) === 'person');
  const inferred = inferGenders(ctx.text, people, insideQuote);
  const given = givenNameGenders(ctx.text, people);
  const givenHere = givenNamesWritten(ctx.text, people);
  // The text's own pronouns and a common given name: when they disagree, neither rules anybody out.
  const localGender = (id: string): Gender | undefined => {
    const fromText = inferred.get(id);
    const fromName = given.get(id);
    return fromText !== undefined && fromName !== undefined && fromText !== fromName
      ? undefined
      : (fromText ?? fromName);
  };
  // Each paragraph read once: a page may be one paragraph of thousands of quotes, each asking about it.
  const prose = new Map<number, boolean>();
  const isProseLine = (lineIndex: number): boolean => {
    let known = prose.get(lineIndex);
    if (known === undefined) {
      known = isProse(lines[lineIndex]?.text ?? '');
      prose.set(lineIndex, known);
    }
    return known;
  };
  const proseBefore = (lineIndex: number): number => {
    let i = lineIndex - 1;
    while (i > 0 && !isProseLine(i)) i--;
    return i;
  };
  const starts = new Map<number, number[]>();
  const sentenceStart = (line: Line, at: number): number => {
    let list = starts.get(line.start);
    if (list === undefined) {
      list = sentenceStarts(ctx.text, line);
      starts.set(line.start, list);
    }
    // The last start at or before `at`, found by halving: a page may hold one paragraph of thousands of sentences.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) <= at) lo = mid + 1;
      else hi = mid;
    }
    // No clause that introduces a quote runs longer: a hostile "sentence" of 200,000 characters is read from here.
    return Math.max(list[lo - 1] ?? line.start, at - MAX_SENTENCE);
  };
  return {
    ...ctx,
    proseBefore,
    isCaption: (lineIndex) => !isProseLine(lineIndex),
    sentenceStart,
    // A title ("Mrs", "Lord") decides; the document's own pronouns and given names stand in where the corpus has none.
    genderOf: (id) => ctx.genderOf(id) ?? localGender(id),
    lines,
    quotes,
    lineAt,
    insideQuote,
    narrationMentions: (from, to) => itemsWithin(ctx.mentions, from, to).filter((m) => !insideQuote(m.start)),
    decided,
    givenNameAt: (word) => {
      const listed = givenNameSex(word);
      if (listed !== undefined) return { sex: listed };
      const bearers = givenHere.get(word.toLowerCase());
      if (bearers === undefined) return undefined;
      // "Oriel" of two women is a woman's name; of people whose sex the text does not tell, either's.
      const sexes = new Set([...bearers].map((id) => ctx.genderOf(id) ?? localGender(id)));
      const [sex] = sexes;
      return sexes.size === 1 && sex !== undefined ? { sex } : {};
    },
  };
}

/** The quotes that start at or after an offset, in order: found by halving, since a page may hold thousands. */
export function* quotesFrom(scene: Scene, offset: number): Generator<QuoteSpan> {
  for (let i = lowerBound(scene.quotes, offset); i < scene.quotes.length; i++) {
    const quote = scene.quotes[i];
    if (quote !== undefined) yield quote;
  }
}

/**
 * A given name that no mention covers, with a capitalised word after it ("Peter Novak") or set off as somebody's,
 * outside photo captions; of the given sex, when one is asked for ("David Fincher" is no "she"). A given name is one
 * a list holds or one this text gives a person named in full: after "Oriel Doe", "Oriel Vantby" is
 * somebody the compiler did not take for a person, whom "she" may stand for, and no other "Oriel" named before.
 */
export function unknownPersonIn(scene: Scene, from: number, to: number, sex?: Gender): boolean {
  const covered = itemsWithin(scene.mentions, from, to);
  for (const m of scene.text.slice(from, to).matchAll(REGEXPS.capitalisedBeforeName)) {
    const at = from + m.index;
    const given = scene.givenNameAt(m[1] ?? '');
    if (
      given !== undefined &&
      (sex === undefined || given.sex === undefined || given.sex === sex) &&
      !covered.some((c) => c.start <= at && at < c.end) &&
      !scene.isCaption(scene.lineAt(at))
    )
      return true;
  }
  return false;
}
