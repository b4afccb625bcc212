// The search bench's cold start, run in a fresh Node process so nothing is compiled or cached yet, as in a
// restarted service worker. It does what the worker does before it answers the first keystroke, and nothing else:
// first the prefix table's one record for that keystroke is read, checked and turned into the answer, as the worker
// answers a first keystroke; then, as for any other query, the stored search index (written by the parent with
// v8.serialize, the structured clone IndexedDB uses) is read, checked and imported, and the first keystroke searched,
// reading the documents' text parts it ranks from the files beside the index, one per part. The packs are not read:
// the index carries what a search shows. Then the rest of the keystrokes, warm. Prints one line of JSON for the parent.
import '../../src/shared/zod-config';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize } from 'node:v8';
import { storedSearchIndex } from '../../src/background/database';
import { importSearchIndex, searchCorpusWithTexts } from '../../src/background/search-index';
import { answerFromPrefixTable, prefixAnswer, prefixKeyOf } from '../../src/background/search-prefix-table';
import { POPUP_SEARCH_OPTIONS } from '../../src/shared/search-results';

const [indexFile, ...keystrokes] = process.argv.slice(2);
if (!indexFile || !keystrokes.length) throw new Error('usage: search-cold-start INDEX KEY...');

const first = keystrokes[0] as string;
const prefixStart = performance.now();
const key = prefixKeyOf(first);
const kept =
  key === null
    ? undefined
    : prefixAnswer.parse(deserialize(readFileSync(join(dirname(indexFile), `prefix-${key}.bin`))));
const fromTable = kept && answerFromPrefixTable(kept, first, POPUP_SEARCH_OPTIONS);
if (!fromTable?.groups.length) throw new Error(`the prefix table holds no answer for "${first}"`);
const prefixTotal = performance.now() - prefixStart;

const start = performance.now();
// The file's bytes stand for what IndexedDB reads from disk, the structured clone for what it then restores.
const bytes = readFileSync(indexFile);
const fileRead = performance.now();
const record = storedSearchIndex.parse(deserialize(bytes));
const read = performance.now();
const index = importSearchIndex(record.data);
const imported = performance.now();
if (!index) throw new Error('the stored index did not import');
let partsRead = 0;
const readParts = async (parts: number[]): Promise<(string | undefined)[]> => {
  partsRead += parts.length;
  return parts.map((part) => {
    const stored = deserialize(readFileSync(join(dirname(indexFile), `part-${part}.bin`))) as { text?: unknown };
    return typeof stored.text === 'string' ? stored.text : undefined;
  });
};
await searchCorpusWithTexts(index, first, readParts, POPUP_SEARCH_OPTIONS);
const firstAnswer = performance.now();
const firstParts = partsRead;
const warm: number[] = [];
for (const keystroke of keystrokes.slice(1)) {
  const before = performance.now();
  await searchCorpusWithTexts(index, keystroke, readParts, POPUP_SEARCH_OPTIONS);
  warm.push(performance.now() - before);
}
console.log(
  JSON.stringify({
    prefix: prefixTotal,
    file: fileRead - start,
    read: read - start,
    index: imported - read,
    firstQuery: firstAnswer - imported,
    partsRead: firstParts,
    total: firstAnswer - start,
    warm,
  }),
);
