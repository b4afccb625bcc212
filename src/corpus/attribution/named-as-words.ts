// Quote marks around words named as words, which nobody is said to say: a title or a name in title case
// (“Morning Desk”, “The Last Harbour”), a term ("the phrase “cheap flights home”", "so-called “…”", "halls, or
// “dorms”, as they are known", "into “bubbles” or small groups", "the dread of “docking”"). They stay part of the narration around them.
import { NOT_NAME_WORDS, SPEECH_VERB_ALTERNATION } from '../lexicon';
import type { QuoteSpan } from '../quotes';
import type { Scene } from './context';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "Morning Desk", "The Last Harbour": up to eight words in title case, perhaps with a mark after them. */
  title:
    /^(?:\p{Lu}[\p{L}'’-]*|of|the|and|a|an|in|on|for|to|at)(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|the|and|a|an|in|on|for|to|at)){0,7}[.,!?]?$/u,
  /** A mark of speech ending the words: "“Never,” she said". */
  speechMarkLast: /[.,!?]$/,
  /** A speech verb, perhaps with a comma or colon, ending the text: "screamed “Fire”" is said. */
  speechVerbLast: new RegExp(`\\b(?:${SPEECH_VERB_ALTERNATION})[,:]?\\s*$`, 'u'),
  /** The lower-case word (group 1) straight after the closing mark. */
  wordNext: /^[”"]\s+(\p{Ll}[\p{L}-]*)/u,
  /** "the phrase ", "so-called ", "so-called Northern ", "halls, or ": before words named as words. */
  termBefore:
    /(?:\b(?:the|a|an)\s+(?:phrase|word|words|term|slogan|hashtag|headline|caption|title|label|name)|\bso-called(?:\s+[\p{L}-]+){0,2}|[\p{L}\p{N}],?\s+or)\s*$/iu,
  /** "the terror of ", "a culture of ": a noun and "of" before one lower-case word, which names a thing. */
  nounOfBefore: /\b(?:the|a|an)\s+\p{Ll}+\s+of\s*$/u,
  oneLowerCaseWord: /^\p{Ll}[\p{L}-]*$/u,
  /** "” as they are known", "” or small groups": after words named as words. */
  termAfter: /^[”"]?,?\s+(?:as\s+(?:it|they|he|she)\s+(?:is|are|was|were)\s+(?:known|called)\b|or\s+\p{Ll})/u,
  /** Only "or" or "and" between two quotes: named as words with the first ("so-called “A,” or “B,”"). */
  joinedBetween: /^[”"]?,?\s+(?:or|and)\s*$/,
} as const;

/** Words in title case: a title or a name ("Morning Desk"), never a statement when no mark of speech ends them. */
export const isTitle = (words: string): boolean => REGEXPS.title.test(words);

/** The quotes that are somebody's words: those named as words are left to the narration. */
export function leaveOutNamedWords(scene: Scene): QuoteSpan[] {
  const { text } = scene;
  const kept: QuoteSpan[] = [];
  let previousNamed: QuoteSpan | undefined;
  for (const quote of scene.quotes) {
    const words = text.slice(quote.start, quote.end).trim();
    const before = quote.openAt === null ? '' : text.slice(Math.max(0, quote.openAt - 40), quote.openAt);
    const after = quote.closeAt === null ? '' : text.slice(quote.closeAt, quote.closeAt + 40);
    // "screamed “Fire”" is said; "told “Morning Desk” co-host Ann Lee" names a programme.
    const wordNext = REGEXPS.wordNext.exec(after)?.[1];
    const said = REGEXPS.speechVerbLast.test(before) && (wordNext === undefined || NOT_NAME_WORDS.has(wordNext));
    const named =
      (isTitle(words) && !REGEXPS.speechMarkLast.test(words) && !said) ||
      REGEXPS.termBefore.test(before) ||
      (REGEXPS.oneLowerCaseWord.test(words) && REGEXPS.nounOfBefore.test(before)) ||
      REGEXPS.termAfter.test(after) ||
      (previousNamed?.closeAt != null &&
        quote.openAt !== null &&
        REGEXPS.joinedBetween.test(text.slice(previousNamed.closeAt, quote.openAt)));
    if (named) previousNamed = quote;
    else kept.push(quote);
  }
  return kept;
}
