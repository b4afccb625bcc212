// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/pack';
import { buildDictionary } from '../corpus/dictionary-build';
import { dictionaryShare, shareable } from '../background/dictionary-share';
import type { PageName } from '../shared/claim-check';
import { dictionary, type Dictionary } from '../shared/dictionary';
import { entityKind } from '../shared/entity-kind';
import { generateEntities } from '../../test/bench/generated-corpus';
import { checkPageClaims } from './claim-marks';
import { HIGHLIGHT_SELECTOR, removeHighlights } from './highlighter';
import { openMatcher, type CompiledMatcher } from './matcher';
import { everythingNear } from './nearby';
import { highlightAndObserve } from './observer';
import { pageMatcher } from './page-dictionary';

const entities: Entity[] = [
  { id: 'maryam', kind: 'person', name: 'Maryam Rajavi', aliases: [] },
  { id: 'massoud', kind: 'person', name: 'Massoud Rajavi', aliases: [] },
  { id: 'may-jones', kind: 'person', name: 'May Jones', aliases: [] },
  { id: 'hrw', kind: 'organisation', name: 'Human Rights Watch', aliases: [] },
  { id: 'rouhani', kind: 'person', name: 'Hassan Rouhani', aliases: [] },
  { id: 'iran', kind: 'place', name: 'Iran', aliases: [] },
  ...generateEntities(5_000),
];
const whole = buildDictionary(entities);
const allKinds = new Set(entityKind.options);
const shared = shareable(whole);

const FIRST = [
  '<p><b>Maryam</b> Rajavi spoke in Iran. In May, Jones was away; May Jones came back.</p>',
  '<p>Human Rights Watch wrote; human rights were the topic. Hassan Rohani met her.</p>',
].join('');
const ADDED = [
  '<p>Later Rajavi and Rohani spoke again; Massoud Rajavi too.</p>',
  '<p>HUMAN RIGHTS WATCH and Human <i>Rights</i> Watch.</p>',
];

/** The page's marks, in order, as text and entity. */
const marks = (): string[] =>
  Array.from(
    document.querySelectorAll(HIGHLIGHT_SELECTOR),
    (mark) => `${mark.textContent}=${mark.getAttribute('data-sl-id')}`,
  );

/** Page markup as parsed nodes (the test's own fixed markup, never corpus text). */
const nodesOf = (markup: string): Node[] => {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  return Array.from(parsed.body.childNodes, (node) => document.importNode(node, true));
};

const until = async (condition: () => boolean): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

let controller = new AbortController();
afterEach(() => controller.abort());

/**
 * Highlights the page with `matcher`, then appends the added paragraphs one after the other as a page's script
 * does, and returns the marks once every one is highlighted.
 */
async function highlightPage(matcher: CompiledMatcher): Promise<string[]> {
  controller.abort();
  controller = new AbortController();
  removeHighlights(document.body);
  document.body.replaceChildren(...nodesOf(FIRST));
  let passes = 0;
  await highlightAndObserve(document.body, matcher, {
    signal: controller.signal,
    debounceMs: 5,
    maxWaitMs: 10,
    nearby: everythingNear,
    onHighlighted: () => passes++,
  });
  for (const [k, markup] of ADDED.entries()) {
    document.body.append(...nodesOf(markup));
    await until(() => passes > k);
  }
  return marks();
}

/** A page's share, through the message schema after a JSON round trip, as Chromium delivers it; the texts noted. */
function askingBackground(asked: string[]): (text: string) => Promise<Dictionary> {
  return async (text) => {
    asked.push(text);
    return dictionary.parse(JSON.parse(JSON.stringify(dictionaryShare(shared, text))));
  };
}

describe('a page that holds only its share of the dictionary', () => {
  it('marks what the whole dictionary marks, in the first pass and in text added later', async () => {
    const expected = await highlightPage(openMatcher(whole));
    // The check has something to check: a split name, a common first word, other spellings, a later surname.
    expect(expected).toEqual(
      expect.arrayContaining(['Maryam=maryam', 'May Jones=may-jones', 'Hassan Rohani=rouhani', 'Rohani=rouhani']),
    );
    expect(expected).toEqual(expect.arrayContaining(['Human Rights Watch=hrw', 'Massoud Rajavi=massoud']));
    const asked: string[] = [];
    const matcher = pageMatcher(askingBackground(asked), allKinds, new Set());
    expect(await highlightPage(matcher)).toEqual(expected);
    // It asked for the first page's text, then for each addition's, and holds a small part of the whole.
    expect(asked).toHaveLength(1 + ADDED.length);
    expect(asked[0]).toContain('Maryam Rajavi spoke in Iran.');
    expect(asked[1]).toBe('Later Rajavi and Rohani spoke again; Massoud Rajavi too.');
    expect(matcher.lines.length).toBeLessThan(whole.lines.length / 50);
  });

  it('gives claim check the names the whole dictionary gives, for text no pass has read yet', async () => {
    document.body.replaceChildren(...nodesOf(FIRST + ADDED.join('')));
    const namesWith = async (matcher: CompiledMatcher): Promise<PageName[]> => {
      let found: PageName[] = [];
      await checkPageClaims(
        document.body,
        [matcher],
        async (_, names) => {
          found = names;
          return [];
        },
        new AbortController().signal,
      );
      return found;
    };
    const expected = await namesWith(openMatcher(whole));
    expect(expected.length).toBeGreaterThan(8);
    expect(await namesWith(pageMatcher(askingBackground([]), allKinds, new Set()))).toEqual(expected);
  });
});
