// "he added", "she said": a pronoun is resolved only to the one person it can be; otherwise the quote has no speaker.
import type { Gender } from '../names';
import { abstain, type Attribution, type Scene } from './context';

/**
 * Candidates are the people the narration names in this paragraph and the one before, and who spoke there. Those
 * whose known sex does not fit the pronoun are ruled out; one left is the speaker.
 */
export function resolvePronoun(scene: Scene, gender: Gender, at: number): Attribution {
  const line = scene.lineAt(at);
  const windowStart = scene.lines[Math.max(0, line - 1)]?.start ?? 0;
  const ids = new Set(scene.narrationMentions(windowStart, at).filter((m) => scene.kindOf(m.entityId) === 'person').map((m) => m.entityId));
  for (const s of scene.decided) if (s.start >= windowStart && s.start < at && s.speakerId !== null) ids.add(s.speakerId);
  const fitting = [...ids].filter((id) => {
    const known = scene.genderOf(id);
    return known === undefined || known === gender;
  });
  const [only] = fitting;
  return fitting.length === 1 && only !== undefined ? { speakerId: only, cue: 'pronoun' } : abstain('pronoun-ambiguous', 'ambiguous-pronoun');
}
