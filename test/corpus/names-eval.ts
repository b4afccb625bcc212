// `npm run eval:names`: does a well-kept NLP library find the people who speak
// in the labelled news set better than the compiler's own rules? Both read the same article texts; a labelled
// speaker counts as found when a multi-word form of their name (or their only form) is among the people reported.
// Precision is measured on the names each reports that no label lists, checked against the words around them:
// a name holding a body's or a place's word, or a plain word opening a sentence, is counted as a false person.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { compilePack } from '../../src/corpus/compile';
import { ORGANISATION_WORDS, PLACES, NOT_NAME_WORDS } from '../../src/corpus/lexicon';
import { squash } from '../../src/corpus/text';
import { labelledCase } from './labels';

const root = join(import.meta.dirname, 'news');
const dirs = readdirSync(root)
  .filter((d) => existsSync(join(root, d, 'expected.json')))
  .sort();
const texts = dirs.map((d) => readFileSync(join(root, d, 'source.txt'), 'utf8'));
const cases = dirs.map((d) => labelledCase.parse(JSON.parse(readFileSync(join(root, d, 'expected.json'), 'utf8'))));

const clean = (name: string): string =>
  name
    .replace(/[.,;:'’]+$/u, '')
    .replace(/['’]s$/u, '')
    .trim();
const keyOf = (name: string): string =>
  squash(clean(name).replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Capt|Cmdr|Supt|President|Prof)\.?\s+/g, ''));

/** The people a labelled article's speakers are: their name groups, for speakers labelled as persons. */
function labelledPeople(index: number): string[][] {
  const c = cases[index];
  if (c === undefined) return [];
  const speakers = new Set(
    c.quotes.filter((q) => q.speaker !== null && q.kind !== 'organisation').map((q) => q.speaker ?? ''),
  );
  return c.people.filter((forms) => forms.some((f) => speakers.has(f)));
}

/** Words that show a reported "person" is no person: a body's or a place's word, or a sentence-opening word. */
function looksWrong(name: string): boolean {
  const words = clean(name)
    .replace(/^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+/, '')
    .split(/\s+/);
  return words.some(
    (w) => ORGANISATION_WORDS.has(w.toLowerCase()) || PLACES.has(w) || NOT_NAME_WORDS.has(w.toLowerCase()),
  );
}

interface Score {
  found: number;
  labelled: number;
  reported: number;
  suspect: number;
  examples: string[];
}

function score(peoplePerDoc: readonly string[][]): Score {
  const result: Score = { found: 0, labelled: 0, reported: 0, suspect: 0, examples: [] };
  peoplePerDoc.forEach((reported, i) => {
    const keys = new Set(reported.map(keyOf));
    for (const forms of labelledPeople(i)) {
      result.labelled++;
      const strong = forms.filter((f) => f.split(/\s+/).length > 1);
      if ((strong.length > 0 ? strong : forms).some((f) => keys.has(keyOf(f)))) result.found++;
    }
    const unique = [...new Set(reported.map(clean))];
    result.reported += unique.length;
    for (const name of unique) {
      if (!looksWrong(name)) continue;
      result.suspect++;
      if (result.examples.length < 8) result.examples.push(name);
    }
  });
  return result;
}

const compromisePeople = texts.map((text) =>
  (nlp(text).people().out('array') as string[]).filter((n) => /\p{Lu}/u.test(n)),
);
const pack = compilePack(dirs.map((d, i) => ({ name: `${d}.txt`, text: texts[i] ?? '' })));
const ours = pack.documents.map((doc) => {
  const people = new Set(pack.mentions.filter((m) => m.documentId === doc.id).map((m) => m.entityId));
  return pack.entities.filter((e) => e.kind === 'person' && people.has(e.id)).flatMap((e) => [e.name, ...e.aliases]);
});

const line = (name: string, s: Score): string =>
  `| ${name} | ${s.found} / ${s.labelled} (${((100 * s.found) / s.labelled).toFixed(1)}%) | ${s.reported} | ${s.suspect} | ${s.examples.join('; ')} |`;
console.log(
  '| reader | labelled speakers found | people reported | reported names with a body, place or stop word | examples |',
);
console.log('|---|---|---|---|---|');
console.log(line('compiler rules', score(ours)));
console.log(line('compromise 14 `.people()`', score(compromisePeople)));
