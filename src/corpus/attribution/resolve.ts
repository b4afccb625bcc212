// Turns the subject a pattern found into a speaker: a named person or body, or a pronoun or office resolved to one.
import type { StatementCue } from '../pack';
import { abstain, type Attribution, type Scene } from './context';
import { resolvePronoun } from './pronoun';
import { resolveBody, resolveRole } from './role';
import { roleNear, type Subject } from './subject';

export function resolveSubject(
  scene: Scene,
  subject: Subject | undefined,
  clauseStart: number,
  cue: StatementCue,
): Attribution | undefined {
  if (subject === undefined) return undefined;
  switch (subject.type) {
    case 'collective':
      return abstain('collective', 'joint-statement');
    case 'unnamed':
      return abstain('unnamed', 'unnamed-source', subject.role);
    case 'entity': {
      const role =
        scene.kindOf(subject.mention.entityId) === 'person'
          ? roleNear(scene.text, subject.mention, clauseStart)
          : undefined;
      return {
        speakerId: subject.mention.entityId,
        cue,
        ...(role !== undefined ? { role } : {}),
        evidence: { subject: { start: subject.mention.start, end: subject.mention.end } },
      };
    }
    case 'pronoun':
      return resolvedBy('pronoun', resolvePronoun(scene, subject.gender, subject.at));
    case 'role':
      return resolvedBy('role', resolveRole(scene, subject.role, subject.at));
    case 'body':
      return resolvedBy('body', resolveBody(scene, subject.noun, subject.at));
  }
}

/** Notes the sieve's resolver (sieve.ts) that turned the subject into the speaker. */
const resolvedBy = (resolver: string, attribution: Attribution): Attribution => ({
  ...attribution,
  evidence: { ...attribution.evidence, resolver },
});
