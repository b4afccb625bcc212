// "According to X, ..." — reported speech of a named person or body, without quote marks.
import type { Statement } from '../pack';
import type { Scene } from './context';
import type { Evidence } from './guards';
import { subjectAt } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "According to X, …": who (group 1), and what they hold up to the sentence's end (group 2). */
  accordingTo: /\bAccording to ([^,\n]{2,80}),\s+([^\n]+?[.!?])(?=\s|$)/g,
} as const;

type Unquoted = Omit<Statement, 'id'> & { evidence: Evidence };

export function accordingTo(scene: Scene, quoted: (from: number, to: number) => boolean): Unquoted[] {
  const found: Unquoted[] = [];
  for (const m of scene.text.matchAll(REGEXPS.accordingTo)) {
    const from = m.index + 'According to '.length;
    const subject = subjectAt(scene, from, from + (m[1]?.length ?? 0));
    if (subject?.type !== 'entity' || quoted(m.index, m.index + m[0].length) || m[2] === undefined) continue;
    const start = m.index + m[0].length - m[2].length;
    found.push({
      documentId: scene.documentId,
      speakerId: subject.mention.entityId,
      text: m[2],
      start,
      end: start + m[2].length,
      cue: 'according-to',
      evidence: { subject: { start: subject.mention.start, end: subject.mention.end } },
    });
  }
  return found;
}
