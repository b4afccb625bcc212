import { VARIANT_FULL_NAME, VARIANT_SURNAME, VARIANT_WRITTEN, variantIds, writtenForm } from '../shared/dictionary';
import { nameSkeleton } from '../shared/name-skeleton';
import { MAX_NAME_WORDS, nameRuns, type NameWord } from '../shared/name-runs';
import type { TextMatch } from './matcher';
import { lastNamed } from './page-evidence';

/**
 * People the page names in another spelling than the corpus's (`nameSkeleton`: "Hassan Rohani" for "Hassan
 * Rouhani"): a full name links when every word agrees, and after it the surname alone in any spelling, as page
 * evidence says of surnames (`page-evidence.ts`). The dictionary lists them apart (`Dictionary.variants`), by skeleton.
 */

/**
 * Adds to the page's matches the people it names in another spelling: a full name whose every word agrees with one
 * of the corpus's by skeleton ("Hassan Rohani", "Ali Khamene'i"), and after it the surname alone in any spelling.
 * Only where no term matched: the corpus's own spelling is always the firmer link.
 */
export function withVariants(
  text: string,
  /** The dictionary's variants lines (`Dictionary.variants`), read by binary search (`variantIds`) as words ask. */
  variants: string,
  matches: TextMatch[],
  namedSoFar: Set<string>,
): TextMatch[] {
  const found: TextMatch[] = [];
  const free = (start: number, end: number): boolean => !matches.some((m) => m.start < end && start < m.end);
  // A word alone is a variant only of a surname whose person the page named in full: with nobody named yet, only
  // runs of two words or more are looked at, and most capitalised words (a sentence's first) cost nothing.
  let surnamesLive = namedSoFar.size > 0;
  for (const words of nameRuns(text)) {
    if (words.length < 2 && !surnamesLive) continue;
    for (let i = 0; i < words.length;) {
      const match = variantAt(text, words, i, variants, namedSoFar, free);
      if (match === undefined) {
        i++;
        continue;
      }
      found.push(match.link);
      // Named in full here, in another spelling: the surname alone may follow in this very text.
      if (match.link.reason.rule === 'spelling-variant') surnamesLive = true;
      i = match.next;
    }
  }
  return found.length === 0 ? matches : [...matches, ...found].sort((a, b) => a.start - b.start);
}

function variantAt(
  text: string,
  words: readonly NameWord[],
  i: number,
  variants: string,
  namedSoFar: Set<string>,
  free: (start: number, end: number) => boolean,
): { link: TextMatch; next: number } | undefined {
  const first = words[i];
  if (first === undefined) return undefined;
  for (let j = Math.min(words.length, i + MAX_NAME_WORDS); j > i; j--) {
    const end = words[j - 1]?.end ?? first.end;
    // A name as the corpus writes it is left to the terms' own rules: a variant is only ever another spelling.
    if (!free(first.start, end) || variantIds(variants, VARIANT_WRITTEN, writtenForm(text.slice(first.start, end))))
      continue;
    const key = nameSkeleton(text.slice(first.start, end)).join('');
    if (j - i >= 2) {
      const [only, ...others] = variantIds(variants, VARIANT_FULL_NAME, key) ?? [];
      if (only === undefined || others.length > 0) continue;
      namedSoFar.delete(only);
      namedSoFar.add(only);
      const link: TextMatch = {
        start: first.start,
        end,
        entityId: only,
        kind: 'person',
        reason: { rule: 'spelling-variant' },
      };
      return { link, next: j };
    }
    const entityId = lastNamed(variantIds(variants, VARIANT_SURNAME, key) ?? [], namedSoFar);
    if (entityId !== undefined) {
      const link: TextMatch = { start: first.start, end, entityId, kind: 'person', reason: { rule: 'named-above' } };
      return { link, next: j };
    }
  }
  return undefined;
}
