// The search bench's cold start, run in a fresh Node process so nothing is compiled or cached yet, as in a
// restarted service worker. It does what the worker does before it answers the first keystroke, and nothing else:
// the stored search index (written by the parent with v8.serialize, the structured clone IndexedDB uses) is read,
// checked and imported, and the first keystroke searched. The packs are not read: the index carries what a search
// shows. Then the rest of the keystrokes, warm. Prints one line of JSON for the parent.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { deserialize } from 'node:v8';
import { storedSearchIndex } from '../../src/background/database';
import { importSearchIndex, searchCorpus } from '../../src/background/search-index';

const [indexFile, ...keystrokes] = process.argv.slice(2);
if (!indexFile || !keystrokes.length) throw new Error('usage: search-cold-start INDEX KEY...');

const start = performance.now();
// The file's bytes stand for what IndexedDB reads from disk, the structured clone for what it then restores.
const bytes = readFileSync(indexFile);
const fileRead = performance.now();
const record = storedSearchIndex.parse(deserialize(bytes));
const read = performance.now();
const index = importSearchIndex(record.data);
const imported = performance.now();
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
    file: fileRead - start,
    read: read - start,
    index: imported - read,
    firstQuery: firstAnswer - imported,
    total: firstAnswer - start,
    warm,
  }),
);
