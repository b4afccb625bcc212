/**
 * Asking FlexSearch for candidates. The index holds whole words (precisely encoded); the group's vocabulary
 * completes the word being typed and finds the words that sound like a misspelt one, so neither prefixes nor
 * phonetic codes are indexed. Exact and completed words are asked first (all asked words together, then with
 * fewer), sound-alikes only to fill up, so an exact "Raisi" is never crowded out by a phonetic "raised".
 */
import type { Index } from 'flexsearch';
import { MAX_QUERY_TERMS, type ParsedQuery, type QueryTerm } from './query';
import type { Vocabulary } from './vocabulary';

export interface GroupIndex {
  index: Index;
  vocabulary: Vocabulary;
}

/** Completions tried for the word being typed: more when it is the only word, as each is then one cheap lookup. */
const COMPLETIONS_ALONE = 8;
const COMPLETIONS_AFTER_OTHERS = 4;
/** Sound-alikes tried for a lone word, each one cheap lookup. */
const SOUND_ALIKES_ALONE = 8;
const MAX_TOKENS = MAX_QUERY_TERMS * 2;

/** The indexed words a query word stands for: itself when indexed, then its commonest completions. */
function alternativesOf(vocabulary: Vocabulary, term: QueryTerm, completions: number): string[] {
  if (!term.precise) return [];
  const known = vocabulary.has(term.precise) ? [term.precise] : [];
  return [...known, ...vocabulary.completions(term.precise, completions - known.length)];
}

/** Candidate ids, at most `pool` of them, best guesses first; ranking decides the order shown. */
export function candidateIds(index: GroupIndex, query: ParsedQuery, pool: number): number[] {
  const ids: number[] = [];
  const seen = new Set<number>();
  const ask = (tokens: string[], suggest: boolean): boolean => {
    const words = [...new Set(tokens.filter(Boolean))].slice(0, MAX_TOKENS);
    if (!words.length) return false;
    for (const id of index.index.search(words.join(' '), { limit: pool, suggest })) {
      if (typeof id === 'number' && !seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
    return ids.length >= pool;
  };
  // A quoted phrase needs all its words, so only then must every word be present.
  const required = query.phrases.flat().map((t) => t.precise);
  const suggest = query.phrases.length === 0;
  const { asked } = query;
  const last = asked.length - 1;
  const completions = asked.length > 1 ? COMPLETIONS_AFTER_OTHERS : COMPLETIONS_ALONE;
  const alternatives = asked.map((term, i) => alternativesOf(index.vocabulary, term, i === last ? completions : 1));
  const firstOf = (skip: Set<number>): string[] => alternatives.flatMap((alts, i) => (skip.has(i) ? [] : alts.slice(0, 1)));

  // Every asked word present, the one being typed completed in turn.
  const others = firstOf(new Set([last]));
  for (const alternative of alternatives[last] ?? []) if (ask([...others, alternative, ...required], false)) return ids;
  // Two adjacent words run together ("pour moh" finds "Pourmohammadi").
  for (let i = 0; i < last; i++) {
    const joined = query.terms.indexOf(asked[i] as QueryTerm);
    const join = query.joins[joined];
    if (!join || query.terms[joined + 1] !== asked[i + 1]) continue;
    const rest = firstOf(new Set([i, i + 1]));
    for (const alternative of alternativesOf(index.vocabulary, join, i + 1 === last ? completions : 1)) {
      if (ask([...rest, alternative, ...required], false)) return ids;
    }
  }
  if (!required.length && asked.length === 0) return ids;
  // Then records with most of the words, and phrases' words when there are no loose ones.
  if (asked.length > 1 || !asked.length) {
    if (ask([...firstOf(new Set()), ...(alternatives[last] ?? []).slice(1, 2), ...required], suggest)) return ids;
  }
  const loose = [...asked, ...query.phrases.flat()];
  if (loose.length === 1 && loose[0]) {
    for (const word of index.vocabulary.soundingLike(loose[0].phonetic, SOUND_ALIKES_ALONE)) if (ask([word, ...required], false)) return ids;
  } else {
    ask(loose.map((t) => index.vocabulary.soundingLike(t.phonetic, 1)[0] ?? ''), suggest);
  }
  return ids.slice(0, pool);
}
