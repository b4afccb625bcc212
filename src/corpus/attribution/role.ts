// "the MP said", "the NCRI President-elect said": an office stands for the one person named earlier with it, when
// nobody else is named in the paragraph.
import { appositionAfter } from '../names';
import { abstain, type Attribution, type Scene } from './context';
import { titleWordsBefore } from './subject';

export function resolveRole(scene: Scene, role: string, at: number): Attribution {
  const { text } = scene;
  const headWord = (role.split(/\s+/).pop() ?? '').toLowerCase();
  const holds = new RegExp(`(?:^|[\\s,])${headWord.replace(/[-]/g, '\\-')}(?:$|[\\s,])`);
  const ids = new Set<string>();
  for (const m of scene.narrationMentions(0, at)) {
    if (scene.kindOf(m.entityId) !== 'person') continue;
    const lineStart = scene.lines[scene.lineAt(m.start)]?.start ?? 0;
    const postNominals = /^(?:\s+[A-Z]{2,4}\b)+/.exec(text.slice(m.end, m.end + 20))?.[0] ?? '';
    const near = `${titleWordsBefore(text, Math.max(lineStart, m.start - 80), m.start)} ${postNominals} ${appositionAfter(text, m.end) ?? ''}`;
    if (holds.test(near.toLowerCase())) ids.add(m.entityId);
  }
  for (const s of scene.decided) {
    if (s.speakerId !== null && s.role !== undefined && s.role.toLowerCase().split(/\s+/).includes(headWord))
      ids.add(s.speakerId);
  }
  const [only] = ids;
  // Someone else named in this paragraph may hold the office too, though the text never said so: unclear.
  const paragraphStart = scene.lines[scene.lineAt(at)]?.start ?? 0;
  const others = scene
    .narrationMentions(paragraphStart, at)
    .some((m) => scene.kindOf(m.entityId) === 'person' && m.entityId !== only);
  return ids.size === 1 && only !== undefined && !others
    ? { speakerId: only, cue: 'role', role }
    : abstain('role-ambiguous', 'ambiguous-role', role);
}
