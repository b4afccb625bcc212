// "According to X, ..." — reported speech of a named person or body, without quote marks.
import type { Statement } from '../pack';
import type { Scene } from './context';
import type { Evidence } from './guards';
import { subjectAt } from './subject';

const ACCORDING_TO = /\bAccording to ([^,\n]{2,80}),\s+([^\n]+?[.!?])(?=\s|$)/g;

type Unquoted = Omit<Statement, 'id'> & { evidence: Evidence };

export function accordingTo(scene: Scene, quoted: (from: number, to: number) => boolean): Unquoted[] {
  const found: Unquoted[] = [];
  for (const m of scene.text.matchAll(ACCORDING_TO)) {
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
