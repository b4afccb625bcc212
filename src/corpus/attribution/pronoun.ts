// "he added", "she said": a pronoun is resolved only to the one person it can be; otherwise the quote has no speaker.
import type { Gender } from '../names';
import { abstain, type Attribution, type Scene } from './context';

/**
 * Candidates are the people the narration names in this paragraph and the prose one before, and who spoke there. Those
 * whose known sex does not fit the pronoun are ruled out; one left is the speaker.
 */
export function resolvePronoun(scene: Scene, gender: Gender, at: number): Attribution {
  const fits = (id: string): boolean => {
    const known = scene.genderOf(id);
    return known === undefined || known === gender;
  };
  // "“A,” said Jerry. After the win, he added: “B.”": the last speaker, when nobody else is named since.
  const lastSpeaker = [...scene.decided].reverse().find((s) => s.speakerId !== null);
  const line = scene.lineAt(at);
  const previous = scene.proseBefore(line);
  if (lastSpeaker?.speakerId != null && scene.lineAt(lastSpeaker.end) >= previous && fits(lastSpeaker.speakerId)) {
    const since = scene
      .narrationMentions(lastSpeaker.end, at)
      .filter((m) => scene.kindOf(m.entityId) === 'person' && m.entityId !== lastSpeaker.speakerId);
    if (since.every((m) => !fits(m.entityId))) return { speakerId: lastSpeaker.speakerId, cue: 'pronoun' };
  }
  const windowStart = scene.lines[Math.max(0, previous)]?.start ?? 0;
  const ids = new Set(
    scene
      .narrationMentions(windowStart, at)
      .filter((m) => scene.kindOf(m.entityId) === 'person')
      .map((m) => m.entityId),
  );
  for (const s of scene.decided)
    if (s.start >= windowStart && s.start < at && s.speakerId !== null) ids.add(s.speakerId);
  const fitting = [...ids].filter(fits);
  const [only] = fitting;
  if (fitting.length === 1 && only !== undefined) return { speakerId: only, cue: 'pronoun' };
  const nearest = nearestSentencePerson(scene, windowStart, at, fits);
  return nearest !== undefined
    ? { speakerId: nearest, cue: 'pronoun' }
    : abstain('pronoun-ambiguous', 'ambiguous-pronoun');
}

/**
 * "But Jerry was less angry than impressed. “I rassle you,” he said": the nearest sentence before the pronoun that
 * names anyone, when it names exactly one person who fits and not as an owner ("Smith's lawyer" is not Smith).
 */
function nearestSentencePerson(
  scene: Scene,
  from: number,
  at: number,
  fits: (id: string) => boolean,
): string | undefined {
  const people = scene.narrationMentions(from, at).filter((m) => scene.kindOf(m.entityId) === 'person');
  const last = people[people.length - 1];
  if (last === undefined) return undefined;
  const line = scene.lines[scene.lineAt(last.start)];
  if (line === undefined) return undefined;
  const start = scene.sentenceStart(line, last.start);
  const inSentence = people.filter((m) => m.start >= start);
  const ids = new Set(inSentence.map((m) => m.entityId));
  const owner = inSentence.some((m) => /^['’]s\b/.test(scene.text.slice(m.end, m.end + 2)));
  const [only] = ids;
  return ids.size === 1 && only !== undefined && !owner && fits(only) ? only : undefined;
}
