// "Jane Doe: We will act." — a paragraph opened by a person's name and a colon, with no quote marks.
import type { Statement } from '../pack';
import type { Scene } from './context';
import type { Evidence } from './guards';
import { subjectAt } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** "Jane Doe: We will act.": the head before the colon (group 1) and the words after it (group 2). */
  nameAndColon: /^([^:“”"]{2,80}?):\s+([^“"\s].*)$/u,
  nonSpace: /\S/,
  /** Letters after a name ("MP", "QC"), which may stand between it and the colon. */
  capitalsWord: /\b(?:[A-Z]{2,4})\b/g,
} as const;

type Unquoted = Omit<Statement, 'id'> & { evidence: Evidence };

export function colonLines(scene: Scene, quoted: (from: number, to: number) => boolean): Unquoted[] {
  const found: Unquoted[] = [];
  for (const line of scene.lines) {
    const m = REGEXPS.nameAndColon.exec(line.text);
    if (m?.[1] === undefined || m[2] === undefined || quoted(line.start, line.end)) continue;
    const headEnd = line.start + m[1].length;
    const subject = subjectAt(scene, line.start, headEnd);
    // Only the name (and letters after it) before the colon.
    if (subject?.type !== 'entity' || scene.kindOf(subject.mention.entityId) !== 'person') continue;
    if (REGEXPS.nonSpace.test(scene.text.slice(subject.mention.end, headEnd).replace(REGEXPS.capitalsWord, '')))
      continue;
    const start = line.start + m[0].length - m[2].length;
    found.push({
      documentId: scene.documentId,
      speakerId: subject.mention.entityId,
      text: m[2],
      start,
      end: line.end,
      cue: 'colon',
      evidence: { subject: { start: subject.mention.start, end: subject.mention.end } },
    });
  }
  return found;
}
