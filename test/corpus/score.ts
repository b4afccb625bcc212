// Scores the compiler's attributions against every hand-labelled set in the repo (the seeds, the news set, the
// pattern folders): each labelled quote's verdict, the non-speech spans given a speaker, and the alias groups merged.
// `npm run eval` prints it (eval.ts); a unit test guards its precision.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compilePack } from '../../src/corpus/compile';
import type { CorpusPack, Statement } from '../../src/corpus/pack';
import { squash } from '../../src/corpus/text';
import { HONORIFICS, POST_NOMINALS } from '../../src/corpus/lexicon';
import { labelledCase, type LabelledCase, type LabelledQuote } from './labels';
import { compileDefaultPack } from '../fixtures/default-pack';

const root = import.meta.dirname;
export const repo = join(root, '../..');

export interface Outcome {
  set: string;
  document: string;
  label: LabelledQuote;
  /** The compiler's statement at the labelled quote, if any. */
  got: Statement | undefined;
  gotName: string | null;
  verdict: 'right' | 'misattributed' | 'abstained' | 'right-null';
}

export interface SpuriousOutcome {
  set: string;
  document: string;
  startsWith: string;
  gotName: string;
}

export interface MergeOutcome {
  set: string;
  document: string;
  forms: string[];
  merged: boolean;
  found: number;
  /** Each form's entities, by their names: none when the form was never recognised. */
  entitiesByForm: string[][];
}

const REGEXPS = {
  /** Letters written after a person's name, and the space before them: " Jr.", " QC". */
  postNominalEnd: new RegExp(`\\s+(?:${[...POST_NOMINALS].join('|')})\\.?$`),
} as const;

/** A person's title at the front of a name ("Dr. ", "Judge Mr "), which is no part of it. */
const TITLES_FIRST = new RegExp(`^(?:(?:${[...HONORIFICS, 'judge', 'justice'].join('|')})\\.?\\s+)+`, 'iu');

/**
 * Names compared without titles, initials and generational suffixes: "Dr. J. David Cox Sr." is "David Cox". A title
 * makes no other person: the label groups say who is who.
 */
const nameKey = (name: string): string =>
  squash(
    name
      .replace(TITLES_FIRST, '')
      // "T.Haldane": an initial whose space the page lost.
      .replace(/(?<=\b\p{Lu}\.)(?=\p{Lu})/gu, ' ')
      .replace(/\b(?:\p{Lu}\.?|Jr\.?|Sr\.?)(?=\s|$)/gu, ''),
  );
const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

function entityForms(pack: CorpusPack, id: string): string[] {
  const entity = pack.entities.find((e) => e.id === id);
  return entity === undefined ? [id] : [entity.name, ...entity.aliases];
}

/** The label's name group: every form the article uses for the speaker. */
function groupOf(c: LabelledCase, speaker: string): string[] {
  return c.people.find((forms) => forms.some((f) => sameName(f, speaker))) ?? [speaker];
}

/**
 * A compiled speaker is the labelled one when one of its names is one of the label's multi-word forms (or its only
 * form), titles aside; or when it is a title and a surname ("Mr Fox") that the label gives this speaker and no other.
 */
function isSpeaker(pack: CorpusPack, c: LabelledCase, speakerId: string, speaker: string): boolean {
  const group = groupOf(c, speaker);
  const strong = group.filter((f) => nameKey(f).includes(' '));
  const forms = strong.length > 0 ? strong : group;
  const names = entityForms(pack, speakerId);
  if (names.some((name) => forms.some((f) => sameName(f, name)))) return true;
  const titledSurname = names.find((name) => TITLES_FIRST.test(name) && !nameKey(name).includes(' '));
  return (
    titledSurname !== undefined &&
    group.some((f) => sameName(f, titledSurname)) &&
    c.people.filter((other) => other.some((f) => sameName(f, titledSurname))).length === 1
  );
}

/** Marks a quoted span may open with: a label's words follow one. */
const OPENING_MARK = /["“‘'«„]\s?$/u;

/** The first occurrence of `words` from `from` that follows an opening mark, else the first at all; -1 for none. */
function quotedAt(text: string, words: string, from: number): number {
  let first = -1;
  for (let at = text.indexOf(words, from); at !== -1; at = text.indexOf(words, at + 1)) {
    if (OPENING_MARK.test(text.slice(Math.max(0, at - 2), at))) return at;
    if (first === -1) first = at;
  }
  return first;
}

/**
 * Offsets of each labelled item in document order: where its words next open a quoted span after the previous item
 * (a one-word label such as "like" may stand unquoted earlier), else their next occurrence.
 */
function locate(text: string, items: readonly { startsWith: string }[]): number[] {
  const offsets: number[] = [];
  let from = 0;
  for (const item of items) {
    let at = quotedAt(text, item.startsWith, from);
    if (at === -1) at = quotedAt(text, item.startsWith, 0);
    if (at === -1) throw new Error(`label not found in its text: "${item.startsWith}"`);
    offsets.push(at);
    from = at + 1;
  }
  return offsets;
}

function statementAt(statements: readonly Statement[], offset: number): Statement | undefined {
  return statements.find((s) => s.start <= offset + 2 && offset < s.end);
}

function scoreDocument(
  set: string,
  pack: CorpusPack,
  documentId: string,
  c: LabelledCase,
  out: {
    outcomes: Outcome[];
    spurious: SpuriousOutcome[];
    merges: MergeOutcome[];
  },
): void {
  const doc = pack.documents.find((d) => d.id === documentId);
  if (doc === undefined) throw new Error(`${set}: no document ${documentId}`);
  const statements = pack.statements.filter((s) => s.documentId === documentId);
  const nameOf = (id: string | null): string | null => (id === null ? null : (entityForms(pack, id)[0] ?? id));
  const offsets = locate(doc.text, c.quotes);
  c.quotes.forEach((label, i) => {
    const got = statementAt(statements, offsets[i] ?? -1);
    const gotId = got?.speakerId ?? null;
    let verdict: Outcome['verdict'];
    if (label.speaker === null) verdict = gotId === null ? 'right-null' : 'misattributed';
    else if (gotId === null) verdict = 'abstained';
    else verdict = isSpeaker(pack, c, gotId, label.speaker) ? 'right' : 'misattributed';
    out.outcomes.push({ set, document: c.document, label, got, gotName: nameOf(gotId), verdict });
  });
  const nonSpeechOffsets = locate(doc.text, c.nonSpeech);
  c.nonSpeech.forEach((item, i) => {
    const got = statementAt(statements, nonSpeechOffsets[i] ?? -1);
    if (got?.speakerId != null)
      out.spurious.push({
        set,
        document: c.document,
        startsWith: item.startsWith,
        gotName: nameOf(got.speakerId) ?? '',
      });
  });
  const mentions = pack.mentions.filter((m) => m.documentId === documentId);
  for (const forms of c.people) {
    if (forms.length < 2) continue;
    const ids = new Set<string>();
    let found = 0;
    const entitiesByForm: string[][] = [];
    for (const form of forms) {
      // Where the article writes this form, the mention that ends it ("Narendra Modi" in "Prime Minister Narendra Modi").
      const inside: string[] = [];
      for (let at = doc.text.indexOf(form); at !== -1; at = doc.text.indexOf(form, at + 1)) {
        const end = at + form.length;
        if (/\p{L}/u.test(doc.text[end] ?? '') || /\p{L}/u.test(doc.text[at - 1] ?? '')) continue;
        // "Boeing Co." ends a sentence too: a mention may stop before the full stop. A person's mention stops before
        // letters after the name ("Ann Lee Jr.", "Judge Jo Lee QC"), which the names compared here leave out too.
        const ends = form.endsWith('.') ? [end, end - 1] : [end];
        const postNominal = REGEXPS.postNominalEnd.exec(form);
        if (postNominal !== null) ends.push(at + postNominal.index);
        for (const m of mentions) if (m.start >= at && ends.includes(m.end)) inside.push(m.entityId);
      }
      // A form the text never writes as such ("Mr Xi" for "Mr. Xi"): the mentioned entity that has it as a name.
      if (inside.length === 0) {
        const named = pack.entities.find(
          (e) => [e.name, ...e.aliases].some((a) => sameName(a, form)) && mentions.some((m) => m.entityId === e.id),
        );
        if (named !== undefined && !doc.text.includes(form)) inside.push(named.id);
      }
      if (inside.length > 0) found++;
      for (const id of inside) ids.add(id);
      entitiesByForm.push([...new Set(inside)].map((id) => nameOf(id) ?? id));
    }
    out.merges.push({
      set,
      document: c.document,
      forms,
      merged: found === forms.length && ids.size === 1,
      found,
      entitiesByForm,
    });
  }
}

export function readCase(dir: string): LabelledCase {
  return labelledCase.parse(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
}

/** The labelled news sets, each scored as its own row. */
export const NEWS_SETS = ['news', 'news-held-out', 'news-third', 'news-fourth', 'news-fifth', 'news-sixth'] as const;
export type NewsSet = (typeof NEWS_SETS)[number];
/**
 * Sets held out: scored only when named (`npm run eval -- --sets news-sixth`), once, after the rules are written, so
 * that nobody writing rules sees how they fare there by running the usual commands.
 */
export const HELD_OUT_SETS: readonly NewsSet[] = [];
/** The sets rules may be written against: every labelled set not held out. */
export const TUNED_SETS = NEWS_SETS.filter((set) => !HELD_OUT_SETS.includes(set));

/** The folders of a labelled set that hold a case. */
export function caseDirs(set: NewsSet): string[] {
  return readdirSync(join(root, set))
    .filter((d) => existsSync(join(root, set, d, 'expected.json')))
    .sort()
    .map((d) => join(root, set, d));
}

/** Scores the seeds, the patterns and the given news sets (those not held out unless told). */
export function evaluate(newsSets: readonly NewsSet[] = TUNED_SETS): {
  outcomes: Outcome[];
  spurious: SpuriousOutcome[];
  merges: MergeOutcome[];
} {
  const out = { outcomes: [] as Outcome[], spurious: [] as SpuriousOutcome[], merges: [] as MergeOutcome[] };
  // The seeds, compiled together as the default corpus.
  const seedPack = compileDefaultPack();

  for (const dir of readdirSync(join(root, 'seeds')).sort()) {
    const c = readCase(join(root, 'seeds', dir));
    const doc = seedPack.documents.find((d) => `${d.id}.txt`.replace(/-/g, '_') === c.document.replace(/-/g, '_'));
    if (doc === undefined) throw new Error(`seed ${dir}: document ${c.document} not compiled`);
    scoreDocument('seeds', seedPack, doc.id, c, out);
  }
  // Each news set, compiled together as one reader's corpus: the one rules are written against, and the held-out one
  // nobody tunes on, scored apart.
  for (const set of newsSets) {
    const dirs = caseDirs(set);
    const pack = compilePack(
      dirs.map((d) => ({ name: `${basename(d)}.txt`, text: readFileSync(join(d, 'source.txt'), 'utf8') })),
    );
    dirs.forEach((dir, i) => {
      scoreDocument(set, pack, pack.documents[i]?.id ?? '', readCase(dir), out);
    });
  }
  // Each pattern folder on its own.
  for (const dir of readdirSync(join(root, 'patterns')).sort()) {
    const caseDir = join(root, 'patterns', dir);
    const pack = compilePack([{ name: `${dir}.txt`, text: readFileSync(join(caseDir, 'source.txt'), 'utf8') }]);
    scoreDocument(`patterns/${dir}`, pack, pack.documents[0]?.id ?? '', { ...readCase(caseDir), document: dir }, out);
  }
  return out;
}

export interface Row {
  name: string;
  quotes: number;
  named: number;
  right: number;
  rightNull: number;
  misattributed: number;
  abstained: number;
  attributed: number;
  precision: number;
  recall: number;
  accuracy: number;
}

export function row(name: string, outcomes: readonly Outcome[]): Row {
  const count = (v: Outcome['verdict']): number => outcomes.filter((o) => o.verdict === v).length;
  const right = count('right');
  const misattributed = count('misattributed');
  const attributed = outcomes.filter((o) => o.got?.speakerId != null).length;
  const named = outcomes.filter((o) => o.label.speaker !== null).length;
  return {
    name,
    quotes: outcomes.length,
    named,
    right,
    rightNull: count('right-null'),
    misattributed,
    abstained: count('abstained'),
    attributed,
    precision: attributed === 0 ? 1 : right / attributed,
    recall: named === 0 ? 1 : right / named,
    accuracy: outcomes.length === 0 ? 1 : (right + count('right-null')) / outcomes.length,
  };
}
