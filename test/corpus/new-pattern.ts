// `npm run corpus:new-pattern -- NAME`: starts a pattern folder (test/corpus/patterns/NAME/) for a new rule or trap,
// with invented text to replace: rules are written from the pattern of the language, never from one article.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const name = process.argv[2] ?? '';
if (!NAME.test(name)) {
  console.error(
    'Usage: npm run corpus:new-pattern -- NAME   (lower case words joined by hyphens, e.g. office-of-body)',
  );
  process.exit(2);
}
const dir = join(import.meta.dirname, 'patterns', name);
if (existsSync(dir)) {
  console.error(`${dir} already exists`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'source.txt'),
  'Jo Doe, the mayor of Lakeport, opened the bridge on Friday.\n\n' +
    '“This bridge will serve the town for a hundred years,” Doe said.\n\n' +
    'A trap: a sentence with the same cue, where the speaker must stay unnamed.\n',
);
writeFileSync(
  join(dir, 'expected.json'),
  JSON.stringify(
    {
      statements: [
        { startsWith: 'This bridge will serve', speaker: 'Jo Doe', why: 'the words of the text that decide it' },
      ],
      why: `what ${name} shows, and which trap it holds`,
    },
    null,
    2,
  ) + '\n',
);
console.log(`Wrote ${dir}/source.txt and expected.json. Next:
  1. Replace the text with invented sentences (invented names, places and bodies) that show the pattern and its
     traps; quote no article and name none of its people (a conventions test checks the news sets).
  2. List every quote in expected.json in order: startsWith, speaker (or null), why.
  3. npm run corpus:case -- test/corpus/patterns/${name}   (what the compiler makes of it now)
  4. Write the rule; if it is a sieve entry, add it to src/corpus/attribution/sieve.ts with this folder.
  5. npm run eval   (every set: no misattribution, no slide in right speaker)`);
