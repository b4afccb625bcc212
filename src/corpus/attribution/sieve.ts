// The attribution sieve: the one table of every pass, in the order they run. Quotes are first joined over
// paragraphs, and words named as words (titles, terms) left to the narration; then the patterns, most reliable first, each of which may decide a quote (a speaker, or a certain
// "nobody can be named") and a later one never overrules an earlier; the resolvers turn what a pattern found in the
// subject's place (a pronoun, an office, a body's kind) into one speaker; the guards check every decision and may
// only turn it into an abstention; last, the finders of statements made without quote marks, which the guards check
// too. Each entry names what it may decide and the folder of test/corpus/patterns/ that holds its cases and traps
// (the model: CoreNLP's QuoteAttributionAnnotator sieves). Every statement records the entry that decided it.
import type { QuoteSpan } from '../quotes';
import { accordingTo } from './according-to';
import { colonLines } from './colon-lines';
import { abstain, type Attribution, type Scene } from './context';
import { reportsBefore } from './said-before';
import { continuedQuote } from './continued-quote';
import {
  anotherPersonInPlay,
  anotherSourceBetween,
  nameModifiesGroup,
  namedSubjectBlocks,
  officeIsNotItsBody,
  pronounIsPerson,
  verbHasItsOwnSubject,
  type Guard,
} from './guards';
import { joinQuotesOverParagraphs } from './multi-paragraph';
import { leaveOutNamedWords } from './named-as-words';
import { pullQuote } from './pull-quote';
import { reportedPartial } from './reported-partial';
import { reportedThenQuote } from './reported-then-quote';
import { asPutIt } from './as-put-it';
import { saidAfter } from './said-after';
import { saidBefore } from './said-before';

interface Entry {
  name: string;
  /** What the entry may decide. */
  decides: string;
  /** Its cases and traps: test/corpus/patterns/FOLDER. */
  folder: string;
}

export type SieveEntry =
  /** What counts as a quote: each entry reads the scene's quotes as the entry before left them. */
  | (Entry & { stage: 'spans'; spans(scene: Scene): QuoteSpan[] })
  | (Entry & {
      stage: 'pattern';
      /** `previousEnd`: where the quote before this one closed. */
      attribute(scene: Scene, quote: QuoteSpan, previousEnd: number): Attribution | undefined;
    })
  | (Entry & { stage: 'resolver' })
  | (Entry & { stage: 'guard'; guard: Guard })
  | (Entry & { stage: 'unquoted'; find: typeof colonLines });

/**
 * The clause before and the clause after name different speakers: the text contradicts itself, so nobody is named.
 * So when the quote is the first of its sentence, after narration with a reporting verb of its own, and the clause
 * after names somebody that narration does not ("The other man replied, telling her to wait until “…,” Doe wrote").
 */
function conflictingCues(scene: Scene, quote: QuoteSpan, previousEnd: number): Attribution | undefined {
  const before = saidBefore(scene, quote, previousEnd);
  const after = before === undefined ? saidAfter(scene, quote) : undefined;
  if (before !== undefined) {
    const also = saidAfter(scene, quote);
    return also !== undefined && also.speakerId !== before.speakerId
      ? abstain('conflicting', 'conflicting-attributions')
      : undefined;
  }
  // A speaker resolved from a pronoun is the guards' to check (guards.ts).
  return after?.speakerId != null &&
    after.evidence?.resolver === undefined &&
    (reportsBefore(scene, quote, previousEnd, after.speakerId) || spokenBeforeInOpening(scene, quote, after.speakerId))
    ? abstain('conflicting', 'conflicting-attributions')
    : undefined;
}

/**
 * A quote run over paragraphs whose first paragraph gave an earlier quote to another speaker (or to somebody it did
 * not name): “A,” he said. “B. / “C,” Doe said. The open quote goes on the first paragraph's speaker, the close
 * names another.
 */
function spokenBeforeInOpening(scene: Scene, quote: QuoteSpan, speakerId: string): boolean {
  const opening = scene.lineAt(quote.openAt ?? quote.start);
  if (scene.lineAt(quote.end) === opening) return false;
  const from = scene.lines[opening]?.start ?? 0;
  for (let i = scene.decided.length - 1; i >= 0; i--) {
    const d = scene.decided[i];
    if (d === undefined || d.start < from) break;
    if (d.start < quote.start && d.speakerId !== speakerId) return true;
  }
  return false;
}

export const SIEVE: readonly SieveEntry[] = [
  {
    stage: 'spans',
    name: 'multi-paragraph',
    decides: 'one span for a quote left open over paragraphs, when the close names no other speaker',
    folder: 'multi-paragraph',
    spans: joinQuotesOverParagraphs,
  },
  {
    stage: 'spans',
    name: 'named-as-words',
    decides: 'no statement for a title or a term in quote marks (“Morning Desk”, so-called “…”, “…” as it is known)',
    folder: 'named-as-words',
    spans: leaveOutNamedWords,
  },
  {
    stage: 'pattern',
    name: 'pull-quote',
    decides: 'nobody, for a paragraph that is only a quote whose words the article quotes again elsewhere',
    folder: 'pull-quote',
    attribute: (scene, quote) => pullQuote(scene, quote),
  },
  {
    stage: 'pattern',
    name: 'conflicting-cues',
    decides: 'nobody, when the clause before and the clause after name different speakers',
    folder: 'name-then-quote',
    attribute: conflictingCues,
  },
  {
    stage: 'pattern',
    name: 'as-put-it',
    decides: '"as X put it, “…”", "in the words of X, “…”"',
    folder: 'as-put-it',
    attribute: (scene, quote) => asPutIt(scene, quote),
  },
  {
    stage: 'pattern',
    name: 'said-after',
    decides: '“…,” said X / “…,” X said, with an apposition or a title glued to X',
    folder: 'said-after',
    attribute: (scene, quote) => saidAfter(scene, quote),
  },
  {
    stage: 'pattern',
    name: 'said-before',
    decides: 'X said: “…”, X told the paper: “…”',
    folder: 'said-before',
    attribute: saidBefore,
  },
  {
    stage: 'pattern',
    name: 'reported-partial',
    decides: 'X said that … “…”, X called it “…”',
    folder: 'reported-partial',
    attribute: (scene, quote) => reportedPartial(scene, quote),
  },
  {
    stage: 'pattern',
    name: 'continued-quote',
    decides: 'the speaker of the quote before, when nobody else is named since (“A,” said X. “B.”)',
    folder: 'continued-quote',
    attribute: (scene, quote) => continuedQuote(scene, quote),
  },
  {
    stage: 'pattern',
    name: 'reported-then-quote',
    decides:
      'a quote opening its sentence with no cue, straight after a sentence whose named subject reports (“Doe said … . “…”)',
    folder: 'reported-then-quote',
    attribute: (scene, quote) => reportedThenQuote(scene, quote),
  },
  {
    stage: 'resolver',
    name: 'pronoun',
    decides: '"he", "she": the one person named just before whose sex fits, or nobody',
    folder: 'pronoun',
  },
  {
    stage: 'resolver',
    name: 'role',
    decides: '"the senator": the one person named with that office, or nobody',
    folder: 'role',
  },
  {
    stage: 'resolver',
    name: 'body',
    decides: '"the company": the one body of that kind named nearby, or nobody',
    folder: 'organisations',
  },
  {
    stage: 'guard',
    name: pronounIsPerson.name,
    decides: 'nobody, when a pronoun was resolved to a body or to a person of the other sex',
    folder: 'guard-pronoun-person',
    guard: pronounIsPerson,
  },
  {
    stage: 'guard',
    name: officeIsNotItsBody.name,
    decides: 'an unnamed role, when an office of a body was taken for the body',
    folder: 'guard-office-of-body',
    guard: officeIsNotItsBody,
  },
  {
    stage: 'guard',
    name: nameModifiesGroup.name,
    decides: 'an unnamed group, when the name found only modifies the people who speak (“the Acme Project authors”)',
    folder: 'guard-name-modifies-group',
    guard: nameModifiesGroup,
  },
  {
    stage: 'guard',
    name: namedSubjectBlocks.name,
    decides: 'nobody, when a resolved speaker is not the name in the subject place of the sentence',
    folder: 'guard-named-subject',
    guard: namedSubjectBlocks,
  },
  {
    stage: 'guard',
    name: anotherPersonInPlay.name,
    decides:
      'nobody, when a pronoun or a quote continued names a speaker and another person’s surname stands since that speaker was last named',
    folder: 'guard-another-person',
    guard: anotherPersonInPlay,
  },
  {
    stage: 'guard',
    name: anotherSourceBetween.name,
    decides:
      'nobody, when another name judging, or a reason for praise or blame, stands between a verb and its partial quote',
    folder: 'guard-another-source',
    guard: anotherSourceBetween,
  },
  {
    stage: 'guard',
    name: verbHasItsOwnSubject.name,
    decides:
      'nobody, when the verb of a partial quote has a subject of its own (a relative pronoun for another, a clause joined on), or a joint statement for subjects joined',
    folder: 'guard-verb-subject',
    guard: verbHasItsOwnSubject,
  },
  {
    stage: 'unquoted',
    name: 'colon-lines',
    decides: 'a paragraph opened by a person’s name and a colon: that person',
    folder: 'colon-lines',
    find: colonLines,
  },
  {
    stage: 'unquoted',
    name: 'according-to',
    decides: '"According to X, …": X',
    folder: 'according-to',
    find: accordingTo,
  },
];

type Stage<S extends SieveEntry['stage']> = Extract<SieveEntry, { stage: S }>;
const stage = <S extends SieveEntry['stage']>(s: S): Stage<S>[] =>
  SIEVE.filter((entry): entry is Stage<S> => entry.stage === s);

export const SPANS = stage('spans');
export const PATTERNS = stage('pattern');
export const GUARDS = stage('guard');
export const UNQUOTED = stage('unquoted');

/** The first pattern that decides a quote, and its name. */
export function attributeQuote(
  scene: Scene,
  quote: QuoteSpan,
  previousEnd: number,
): { attribution: Attribution; pattern: string } | undefined {
  for (const pattern of PATTERNS) {
    const attribution = pattern.attribute(scene, quote, previousEnd);
    if (attribution !== undefined) return { attribution, pattern: pattern.name };
  }
  return undefined;
}
