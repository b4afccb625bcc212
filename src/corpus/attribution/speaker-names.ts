// A name the sieve finds in a speaker's place ("“…,” says study co-author Peter Novak", or "Haddad said" after
// "Kael Haddad") is a person's, even with no title or role beside it. The sieve runs once over the document's
// unconfirmed names, full and surname alone, to find them.
import type { Mention } from '../pack';
import { opensWithCommonWord, type PersonCandidate } from '../names';
import { squash } from '../text';
import { isCapitalised, tokenize } from '../tokens';
import { findStatements } from './index';

/** Cues that read a name straight from the words around the quote, not through a pronoun or an earlier quote. */
const DIRECT_CUES = new Set(['said', 'name', 'colon', 'reported']);

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  possessiveS: /['’]s$/u,
} as const;

export function confirmSpeakerNames(documentId: string, text: string, people: PersonCandidate[]): void {
  const full = people.filter((p) => p.nameTokens.length > 1).sort((a, b) => a.start - b.start);
  if (!full.some((p) => !p.evident)) return;
  const byId = new Map<string, PersonCandidate>();
  const mentions: Mention[] = [];
  // Each full name, and its surname where no other full name here shares it.
  const bySurname = new Map<string, string | null>();
  full.forEach((person, i) => {
    const entityId = `candidate-${i}`;
    byId.set(entityId, person);
    mentions.push({ entityId, documentId, start: person.start, end: person.end });
    const surname = squash(person.nameTokens[person.nameTokens.length - 1] ?? '');
    const known = bySurname.get(surname);
    const sameName = known != null && byId.get(known)?.nameTokens.join(' ') === person.nameTokens.join(' ');
    bySurname.set(surname, known === undefined || sameName ? (known ?? entityId) : null);
  });
  // Tokens and full names both run in text order, so one pointer tells whether a token lies inside a full name.
  let next = 0;
  for (const token of tokenize(text)) {
    while (next < full.length && (full[next]?.end ?? 0) <= token.start) next++;
    const covered = next < full.length && (full[next]?.start ?? Infinity) <= token.start;
    const id =
      covered || !isCapitalised(token.text)
        ? undefined
        : bySurname.get(squash(token.text.replace(REGEXPS.possessiveS, '')));
    if (id != null) {
      mentions.push({
        entityId: id,
        documentId,
        start: token.start,
        end: token.start + token.text.replace(REGEXPS.possessiveS, '').length,
      });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  // Where a name stands is the question, not whether the text makes the speaker clear: no guards.
  const statements = findStatements({
    documentId,
    text,
    mentions,
    kindOf: () => 'person',
    genderOf: () => undefined,
    guards: false,
  });
  for (const s of statements) {
    if (s.speakerId === null || !DIRECT_CUES.has(s.cue)) continue;
    const person = byId.get(s.speakerId);
    if (person !== undefined && !opensWithCommonWord(person)) person.evident = true;
  }
}
