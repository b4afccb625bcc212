// The search bench's cold start, run in a fresh Node process so nothing is compiled or cached yet, as in a
// restarted service worker. It takes what the worker reads from IndexedDB (the stored pack record and the stored
// search index, written by the parent with v8.serialize, the structured clone IndexedDB uses) and does what the
// worker does before it answers the first keystroke: read both, check the pack as readPacks does, import the
// index, search. Then the rest of the keystrokes, warm. Prints one line of JSON for the parent.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { deserialize } from 'node:v8';
import { storedPack } from '../../src/background/database';
import { importSearchIndex, searchCorpus } from '../../src/background/search-index';

const [packFile, indexFile, ...keystrokes] = process.argv.slice(2);
if (!packFile || !indexFile || !keystrokes.length) throw new Error('usage: search-cold-start PACK INDEX KEY...');
const packBytes = readFileSync(packFile);
const indexBytes = readFileSync(indexFile);

const start = performance.now();
const record = storedPack.parse(deserialize(packBytes));
const packsRead = performance.now();
const index = importSearchIndex(deserialize(indexBytes), [record.pack]);
const indexRead = performance.now();
if (!index) throw new Error('the stored index did not import');
searchCorpus(index, keystrokes[0] as string);
const firstAnswer = performance.now();
const warm = keystrokes.slice(1).map((key) => {
  const before = performance.now();
  searchCorpus(index, key);
  return performance.now() - before;
});
console.log(
  JSON.stringify({
    packs: packsRead - start,
    index: indexRead - packsRead,
    firstQuery: firstAnswer - indexRead,
    total: firstAnswer - start,
    warm,
  }),
);
