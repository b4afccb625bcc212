// The same words from many sources as one item: a speaker who says a sentence again, in another document, another
// corpus or twice in one text, is shown once, with every source. Two statements give the same words when the claim
// check's matcher finds one in the other word for word (quote-match.ts): the same words or a part of them. Close
// wording, which the claim check accepts from a page, is no reason to join: one changed word ("millions" for
// "billions", a "not" more or less) is what a reader most needs to see, and only the item's head is shown.
import { cachedFold } from './claim-words';
import type { QuoteMatchKind } from './quote-match';

export type SameWordsKind = Exclude<QuoteMatchKind, 'close'>;
const isSameWords = (kind: QuoteMatchKind): kind is SameWordsKind => kind !== 'close';
import { alignedStatements, buildStatementIndex } from './statement-index';

export interface SpokenText {
  text: string;
  /** Only one speaker's statements are the same words; a statement nobody is named for stays on its own. */
  speakerId: string | null;
}

/** A statement that repeats another's words: the item it joins, and how its words stand to that item's. */
export interface SameWords {
  /** The statement whose words are the item's: the fullest of them. */
  head: number;
  /** `same`: the same words; `part`: a part of the head's words, word for word. */
  wording: SameWordsKind;
}

/**
 * For each statement, the statement whose item it joins, or null when it heads its own. An item is headed by its
 * fullest statement (most words, then the first given), and a statement joins it only when its own words are found in
 * the head's: a short sentence repeated inside two different speeches joins one of them and never makes the two
 * speeches one item.
 */
export function sameWordsHeads(statements: readonly SpokenText[]): (SameWords | null)[] {
  const heads: (SameWords | null)[] = statements.map(() => null);
  const bySpeaker = new Map<string, number[]>();
  statements.forEach(({ speakerId }, i) => {
    if (speakerId === null) return;
    const list = bySpeaker.get(speakerId);
    if (list) list.push(i);
    else bySpeaker.set(speakerId, [i]);
  });
  // One cache of folded words for every speaker's index: they share most of their words.
  const fold = cachedFold();
  for (const members of bySpeaker.values()) {
    if (members.length < 2) continue;
    const texts = members.map((i) => statements[i]?.text ?? '');
    groupOneSpeaker(texts, fold).forEach((found, i) => {
      const member = members[i];
      const head = found ? members[found.head] : undefined;
      if (member !== undefined && found && head !== undefined) heads[member] = { head, wording: found.wording };
    });
  }
  return heads;
}

/**
 * One speaker's statements, fullest first, each joining the best head that holds its words. A statement is looked up
 * by its own words as the index holds them, so that an editor's "[…]" in it, which a page's quote would leave out,
 * counts as words here.
 */
function groupOneSpeaker(texts: readonly string[], fold: (raw: string) => string): (SameWords | null)[] {
  const index = buildStatementIndex(texts, fold);
  const words = (i: number): number => index.codes[i]?.length ?? 0;
  const order = texts.map((_, i) => i).sort((a, b) => words(b) - words(a) || a - b);
  const isHead = new Uint8Array(texts.length);
  const found: (SameWords | null)[] = texts.map(() => null);
  for (const i of order) {
    const own = index.codes[i] ?? [];
    // Only fuller statements were placed before this one, so a head found here is fuller than it.
    const match = alignedStatements(index, Array.from(own), own.length).find((m) => isHead[m.statement] === 1);
    if (match && isSameWords(match.kind)) found[i] = { head: match.statement, wording: match.kind };
    else isHead[i] = 1;
  }
  return found;
}
