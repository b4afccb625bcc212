// "the MP said", "the NCRI President-elect said": an office stands for the one person named earlier with it, when
// nobody else is named in the paragraph.
import { FEMALE_NOUNS, LEGAL_FORMS, MALE_NOUNS, NAME_TITLES } from '../lexicon';
import { singular } from '../text';
import { appositionAfter, isOrganisationWord } from '../names';
import type { Mention } from '../pack';
import { abstain, oncePerScene, type Attribution, type Scene } from './context';
import { resolvePronoun } from './pronoun';
import { titleWordsBefore } from './subject';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  whitespace: /\s+/,
  /** Characters with a meaning in a regular expression, escaped where a word of the text becomes one. */
  regexSpecial: /[.*+?^${}()|[\]\\/-]/g,
  /** "MP", "QC": letters in capitals after a name. */
  postNominals: /^(?:\s+[A-Z]{2,4}\b)+/,
  /** Legal forms and words that make a body's name a company's: "Apex Co.", "Acme Group". */
  companyForm: new RegExp(`\\b(?:${[...LEGAL_FORMS, 'Company', 'Group', 'Holdings'].join('|')})\\b`),
} as const;

/** The one pattern built per call, from the office the text reads: that word whole, between spaces or commas. */
const wholeWord = (word: string): RegExp =>
  new RegExp(`(?:^|[\\s,])${word.replace(REGEXPS.regexSpecial, '\\$&')}(?:$|[\\s,])`);

export function resolveRole(scene: Scene, role: string, at: number): Attribution {
  const headWord = (role.split(REGEXPS.whitespace).pop() ?? '').toLowerCase();
  // "“…?” one official asks. … “…,” the same official explains": the office last spoke unnamed, and still does.
  const lastHolder = scene.decided.findLast((s) => s.start < at && hasOffice(s.role, headWord));
  if (lastHolder !== undefined && lastHolder.speakerId === null && lastHolder.cue === 'unnamed')
    return abstain('unnamed', 'unnamed-source', role);
  const ids = officeHolders(scene, headWord, at);
  const paragraphStart = scene.lines[scene.lineAt(at)]?.start ?? 0;
  // "the chairwoman says" where nobody was called a chairwoman: the one person it can be, as for "she".
  const sex = FEMALE_NOUNS.has(headWord) ? 'female' : MALE_NOUNS.has(headWord) ? 'male' : undefined;
  // Only someone this paragraph names: a description may be of a person the compiler did not recognise.
  if (ids.size === 0 && sex !== undefined && !NAME_TITLES.has(headWord)) {
    const { speakerId } = resolvePronoun(scene, sex, at);
    const named = scene.narrationMentions(paragraphStart, at).some((m) => m.entityId === speakerId);
    return speakerId !== null && named
      ? { speakerId, cue: 'role', role }
      : abstain('role-ambiguous', 'ambiguous-role', role);
  }
  const [only] = ids;
  // Someone else named in this paragraph may hold the office too, though the text never said so: unclear.
  const others = scene
    .narrationMentions(paragraphStart, at)
    .some((m) => scene.kindOf(m.entityId) === 'person' && m.entityId !== only);
  return ids.size === 1 && only !== undefined && !others
    ? { speakerId: only, cue: 'role', role }
    : abstain('role-ambiguous', 'ambiguous-role', role);
}

/** The people the text names, before an offset, with an office ("senator"): by a title, letters or an apposition. */
function officeHolders(scene: Scene, headWord: string, at: number): Set<string> {
  const holds = wholeWord(headWord);
  const ids = new Set<string>();
  for (const m of scene.narrationMentions(0, at))
    if (scene.kindOf(m.entityId) === 'person' && namedWith(scene, m, holds)) ids.add(m.entityId);
  for (const s of scene.decided) if (s.speakerId !== null && hasOffice(s.role, headWord)) ids.add(s.speakerId);
  return ids;
}

/** Where the text first names each person with each office word, by "id office"; read once per document. */
interface OfficeMemo {
  /** From the narration's mentions, computed when first asked. */
  named: Map<string, number>;
  /** From the roles of the statements decided so far, read on as more are decided. */
  spoken: Map<string, number>;
  read: number;
}
const officeMemo = oncePerScene((): OfficeMemo => ({ named: new Map(), spoken: new Map(), read: 0 }));

/** Whether the text names a person with an office before an offset ("the duchess" for "Jo Doe, Duchess of Eld"). */
export function holdsOffice(scene: Scene, id: string, headWord: string, at: number): boolean {
  const memo = officeMemo(scene);
  const key = `${id} ${headWord}`;
  let named = memo.named.get(key);
  if (named === undefined) {
    const holds = wholeWord(headWord);
    named = (mentionsByEntity(scene).get(id) ?? []).find((m) => namedWith(scene, m, holds))?.start ?? Infinity;
    memo.named.set(key, named);
  }
  for (; memo.read < scene.decided.length; memo.read++) {
    const s = scene.decided[memo.read];
    if (s?.speakerId == null || s.role === undefined) continue;
    for (const word of s.role.toLowerCase().split(REGEXPS.whitespace)) {
      const k = `${s.speakerId} ${word}`;
      memo.spoken.set(k, Math.min(memo.spoken.get(k) ?? Infinity, s.start));
    }
  }
  return named < at || (memo.spoken.get(key) ?? Infinity) < at;
}

const hasOffice = (role: string | undefined, headWord: string): boolean =>
  role?.toLowerCase().split(REGEXPS.whitespace).includes(headWord) === true;

/** Whether a mention is written with an office: the title words before it, letters after it, or an apposition. */
function namedWith(scene: Scene, m: Mention, holds: RegExp): boolean {
  const { text } = scene;
  const lineStart = scene.lines[scene.lineAt(m.start)]?.start ?? 0;
  const postNominals = REGEXPS.postNominals.exec(text.slice(m.end, m.end + 20))?.[0] ?? '';
  const near = `${titleWordsBefore(text, Math.max(lineStart, m.start - 80), m.start)} ${postNominals} ${appositionAfter(text, m.end) ?? ''}`;
  return holds.test(near.toLowerCase());
}

/** The narration's mentions of each entity, in order; built once per document. */
const mentionsByEntity = oncePerScene((scene): Map<string, Mention[]> => {
  const index: Map<string, Mention[]> = new Map();
  for (const m of scene.mentions) {
    if (scene.insideQuote(m.start)) continue;
    const list = index.get(m.entityId);
    if (list === undefined) index.set(m.entityId, [m]);
    else list.push(m);
  }
  return index;
});

const COMPANY_NOUNS = new Set(['company', 'firm', 'corporation']);
/** Nouns any kind of body answers to: "the group said". */
const ANY_BODY_NOUNS = new Set(['group', 'organisation', 'organization']);

/** Whether a body, as the text writes its name, is of the kind a noun says ("the ministry", "the airline"). */
function isKind(noun: string, written: string): boolean {
  if (ANY_BODY_NOUNS.has(noun)) return true;
  if (COMPANY_NOUNS.has(noun)) return REGEXPS.companyForm.test(written);
  const kind = singular(noun.toLowerCase());
  return written.split(REGEXPS.whitespace).some((w) => isOrganisationWord(w) && singular(w.toLowerCase()) === kind);
}

/**
 * "“…,” the company said.": a body stands for the one body of that kind named in this paragraph or the one before;
 * organisations speak only so, never in a named person's place. Two of that kind, or none: unclear.
 */
export function resolveBody(scene: Scene, noun: string, at: number): Attribution {
  const head = noun.toLowerCase();
  // What kind of body each is, from every way the text wrote its name so far ("Apex Co." before "Apex").
  const written = new Map<string, string[]>();
  for (const m of scene.narrationMentions(0, at)) {
    if (scene.kindOf(m.entityId) !== 'organisation') continue;
    const forms = written.get(m.entityId);
    if (forms) forms.push(scene.text.slice(m.start, m.end));
    else written.set(m.entityId, [scene.text.slice(m.start, m.end)]);
  }
  // As for a pronoun, the body is looked for in this paragraph and the prose one before it.
  const windowStart = scene.lines[Math.max(0, scene.proseBefore(scene.lineAt(at)))]?.start ?? 0;
  const near = new Set(scene.narrationMentions(windowStart, at).map((m) => m.entityId));
  const ids = [...written]
    .filter(([id, forms]) => near.has(id) && forms.some((f) => isKind(head, f)))
    .map(([id]) => id);
  const [only] = ids;
  return ids.length === 1 && only !== undefined
    ? { speakerId: only, cue: 'role' }
    : abstain('role-ambiguous', 'ambiguous-role', `the ${noun}`);
}
