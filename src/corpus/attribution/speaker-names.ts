// A name the sieve finds in a speaker's place ("“…,” says study co-author Boris Kingma") is a person's, even with
// no title or role beside it. The sieve runs once over the document's unconfirmed names to find them.
import type { Mention } from '../pack';
import type { PersonCandidate } from '../names';
import { findStatements } from './index';

/** Cues that read a name straight from the words around the quote, not through a pronoun or an earlier quote. */
const DIRECT_CUES = new Set(['said', 'name']);

export function confirmSpeakerNames(documentId: string, text: string, people: PersonCandidate[]): void {
  const mentions: Mention[] = [];
  const byId = new Map<string, PersonCandidate>();
  let lastEnd = -1;
  people
    .filter((p) => p.nameTokens.length > 1)
    .sort((a, b) => a.start - b.start)
    .forEach((person, i) => {
      if (person.start < lastEnd) return;
      const entityId = `candidate-${i}`;
      byId.set(entityId, person);
      mentions.push({ entityId, documentId, start: person.start, end: person.end });
      lastEnd = person.end;
    });
  if (![...byId.values()].some((p) => !p.evident)) return;
  const statements = findStatements({ documentId, text, mentions, kindOf: () => 'person', genderOf: () => undefined });
  for (const s of statements) {
    if (s.speakerId === null || !DIRECT_CUES.has(s.cue)) continue;
    const person = byId.get(s.speakerId);
    if (person !== undefined) person.evident = true;
  }
}
