// The default corpus on real published pages and the demo page: no person or body is linked by one ordinary word
// ("People close to the minister said …" is no body's name).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileDefaultPack } from '../../fixtures/default-pack';
import { isOrdinaryWord } from '../../../src/corpus/ordinary-words';
import { findMatches, openMatcher } from '../../../src/content/matcher';
import { genericBodyQualifiers } from '../../../src/shared/body-qualifiers';
import { blockParagraphs } from '../../../src/shared/block-paragraphs';
import { buildDictionary } from '../../../src/corpus/dictionary-build';

const repo = join(import.meta.dirname, '../../..');
const pack = compileDefaultPack();
const matcher = openMatcher(buildDictionary(pack.entities, genericBodyQualifiers([pack])));
const pages = [
  ...readdirSync(join(repo, 'test/fixtures/pages'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join('pages', f)),
  'demo.html',
];

/** Every one-word link on a page whose word is an ordinary English word. */
function ordinaryWordLinks(file: string): string[] {
  const { document } = parseHTML(readFileSync(join(repo, 'test/fixtures', file), 'utf8'));
  const named = new Set<string>();
  const kindOf = new Map(pack.entities.map((e) => [e.id, e.kind]));
  return blockParagraphs(document).flatMap((text) =>
    findMatches(text, matcher, named)
      .map((m) => ({ word: text.slice(m.start, m.end), id: m.entityId }))
      .filter(({ word, id }) => kindOf.get(id) !== 'topic' && !/\s/.test(word) && isOrdinaryWord(word))
      .map(({ word, id }) => `${word}=${id}`),
  );
}

describe('no one-word link is an ordinary word, on real pages', () => {
  it.each(pages)('%s', (file) => {
    expect(ordinaryWordLinks(file)).toEqual([]);
  });

  it('finds the default corpus on the demo page (the check has something to check)', () => {
    const { document } = parseHTML(readFileSync(join(repo, 'test/fixtures/demo.html'), 'utf8'));
    const named = new Set<string>();
    expect(blockParagraphs(document).flatMap((t) => findMatches(t, matcher, named)).length).toBeGreaterThan(5);
  });
});
