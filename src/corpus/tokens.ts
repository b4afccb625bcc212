// Splits text into word tokens with offsets, and groups capitalised words into runs (candidate names).
import { ABBREVIATIONS, HONORIFICS, NAME_CONNECTORS } from './lexicon';

export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A word: letters and digits, inner apostrophes and hyphens ("O’Brien", "al-Bashir"), a closing apostrophe. */
  word: /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*(?:['’](?=\s|$|[,.;:!?)]))?/gu,
  /** Letters of the scripts whose capitals look alike. */
  lookAlikeScripts: [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u],
  capitalisedWord: /^(?:(?:al|el|bin|ibn|abu)-)?\p{Lu}/u,
  singleCapital: /^\p{Lu}$/u,
  /** "Haldane": a capital, then lower case. */
  capitalThenLowerCase: /^\p{Lu}\p{Ll}/u,
  capitalsOnly: /^\p{Lu}{2,6}$/u,
  romanNumeral: /^[IVXLC]+$/,
  bracketCloseOrLineBreak: /[\]\n]/,
  /** Nothing, or a space, before an initial: it stands alone, not inside "U.S.". */
  startOrSpaceAtEnd: /(?:^|\s)$/,
} as const;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(REGEXPS.word)) tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return tokens;
}

/**
 * Letters of more than one of the scripts whose capitals look alike, in one word: "Stеve" with a Cyrillic "е" reads
 * as "Steve" but is another name (Unicode TR39's mixed-script confusables). No real name is written so.
 */
export const isMixedScript = (word: string): boolean =>
  REGEXPS.lookAlikeScripts.filter((script) => script.test(word)).length > 1;

/**
 * A capital, or an Arabic particle glued to one ("al-Bashir"), starts a word of a name; a word that mixes look-alike
 * scripts never does, so no second person who looks the same as a real one is made of it.
 */
export const isCapitalised = (word: string): boolean => REGEXPS.capitalisedWord.test(word) && !isMixedScript(word);

/** "M" in "Robert M. Smith", "J" in "J. Peter Novak": one capital letter standing for a name. */
const isInitial = (word: string): boolean => REGEXPS.singleCapital.test(word);
export const isAcronym = (word: string): boolean => REGEXPS.capitalsOnly.test(word) && !REGEXPS.romanNumeral.test(word);

const MAX_INSERTION = 80;

/**
 * "[regime Supreme Leader Ali] Khamenei": an editor's bracketed insertion that ends inside a name, so the name
 * reads on across the "] ". Only a "] " closing a "[" opened shortly before on the same line counts.
 */
export function closesInsertion(text: string, gap: string, previousEnd: number): boolean {
  if (gap !== '] ') return false;
  const open = text.lastIndexOf('[', previousEnd);
  return (
    open !== -1 &&
    previousEnd - open <= MAX_INSERTION &&
    !REGEXPS.bracketCloseOrLineBreak.test(text.slice(open, previousEnd))
  );
}

/**
 * Runs of capitalised tokens joined by single spaces (or "Mr. "), with lower-case connectors ("of the")
 * allowed between them. A line break, comma or other punctuation ends a run.
 */
export function capitalisedRuns(text: string, tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let pendingConnectors: Token[] = [];
  const flush = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
    pendingConnectors = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const previous = pendingConnectors[pendingConnectors.length - 1] ?? run[run.length - 1];
    const gap = previous === undefined ? '' : text.slice(previous.end, token.start);
    const abbreviation =
      previous !== undefined &&
      (ABBREVIATIONS.has(previous.text.toLowerCase()) || HONORIFICS.has(previous.text.toLowerCase()));
    // An initial after a name or opening a name, never a letter of "U.S." (whose letters join with no space).
    const initial =
      previous !== undefined &&
      isInitial(previous.text) &&
      gap === '. ' &&
      isCapitalised(token.text) &&
      (run.length > 1 || REGEXPS.startOrSpaceAtEnd.test(text.slice(Math.max(0, previous.start - 1), previous.start)));
    // "Mr T.Haldane": an initial glued to the surname after it by its full stop, a space the page lost.
    const initialGlued =
      previous !== undefined &&
      gap === '.' &&
      isInitial(previous.text) &&
      REGEXPS.capitalThenLowerCase.test(token.text) &&
      run.length > 0 &&
      run.slice(0, -1).some((t) => HONORIFICS.has(t.text.toLowerCase()) || !isInitial(t.text));
    // "Dr. J.K. Ames": initials written together after a title are a person's, where "U.S." alone is no name.
    const gluedInitials =
      previous !== undefined &&
      gap === '.' &&
      isInitial(previous.text) &&
      isInitial(token.text) &&
      run.some((t) => HONORIFICS.has(t.text.toLowerCase()));
    const joined =
      previous !== undefined &&
      (gap === ' ' ||
        ((gap === '. ' || gap === '.') && abbreviation) ||
        initial ||
        initialGlued ||
        gluedInitials ||
        closesInsertion(text, gap, previous.end));
    if (!joined) flush();
    if (isCapitalised(token.text)) {
      run.push(...pendingConnectors, token);
      pendingConnectors = [];
    } else if (run.length > 0 && NAME_CONNECTORS.has(token.text) && joined) {
      pendingConnectors.push(token);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}
