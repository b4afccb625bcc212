// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findPageClaims } from '../corpus/claims/page-claims';
import type { CheckedClaim, PageName } from '../shared/claim-check';
import { buildDictionary } from '../corpus/dictionary-build';
import { claimMarksUnder, markPageClaims } from './claim-marks';
import { deferredBlocks, highlight, isDeferredAt, removeHighlights, wrapDeferred } from './highlighter';
import { openMatcher } from './matcher';
import { findOwnClaims, findOwnNames, findOwnNamesAhead, type OwnHighlight, type OwnNameAhead } from './own-highlights';
import { onlyNear, renderOnce } from '../../test/unit/content/nearby-stand-in';

/** The built-in corpus's names, and the reader's own (one of which the built-in corpus also knows). */
const publicMatcher = openMatcher(
  buildDictionary([{ id: 'person-steve-mccabe', kind: 'person', name: 'Steve McCabe', aliases: [] }]),
);
const ownMatcher = openMatcher(
  buildDictionary([
    { id: 'person-amara-okafor', kind: 'person', name: 'Amara Okafor', aliases: [] },
    { id: 'person-steve-mccabe', kind: 'person', name: 'Steve McCabe', aliases: [] },
  ]),
);

function setBody(markup: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
}

const serialise = (): string => new XMLSerializer().serializeToString(document.body);
const signal = new AbortController().signal;

async function ownNames(): Promise<OwnHighlight[]> {
  const drawn: OwnHighlight[] = [];
  await findOwnNames([document.body], ownMatcher, { signal, namedSoFar: new Set() }, (found) => drawn.push(found));
  return drawn;
}

/** A background that holds every quotation of the page, and says what it was sent. */
function holdsEveryQuote(sent: PageName[][]) {
  return async (text: string, names: PageName[]): Promise<CheckedClaim[]> => {
    sent.push(names);
    return findPageClaims(text, names).claims.flatMap(({ start, end, ...found }): CheckedClaim[] =>
      found.kind === 'quote'
        ? [{ start, end, claim: { kind: 'quote', text: found.text, speakerId: found.speakerId }, verdict: 'same' }]
        : [],
    );
  };
}

beforeEach(() => document.body.replaceChildren());

describe('the reader’s own corpora on the page', () => {
  it('finds their names by reading alone: the page is the same, node for node', async () => {
    setBody('<p>Yesterday <b>Amara</b> Okafor met the council.</p><p>Amara Okafor left.</p>');
    const before = serialise();
    const nodes = Array.from(document.body.querySelectorAll('*, p *'));
    const drawn = await ownNames();
    expect(serialise()).toBe(before);
    expect(Array.from(document.body.querySelectorAll('*, p *'))).toEqual(nodes);
    expect(drawn.map((found) => [found.label, found.pieces.map((piece) => piece.text)])).toEqual([
      ['Amara Okafor', ['Amara', 'Okafor']],
      ['Amara Okafor', ['Amara Okafor']],
    ]);
    expect(drawn[0]?.link).toEqual({ name: { entityId: 'person-amara-okafor', reason: expect.any(Object) } });
  });

  it('leaves to the built-in corpus’s marks what they cover, and reads the text inside them', async () => {
    setBody('<p>Steve McCabe and Amara Okafor spoke.</p>');
    await highlight(document.body, publicMatcher);
    const marked = serialise();
    const drawn = await ownNames();
    expect(serialise()).toBe(marked);
    expect(drawn.map((found) => found.label)).toEqual(['Amara Okafor']);
    // The piece lies in the text node the mark left after it, at its place there.
    const piece = drawn[0]?.pieces[0];
    expect(piece && piece.node.data.slice(piece.start, piece.end)).toBe('Amara Okafor');
  });

  it('draws the quotes the reader’s sources hold, names from both sides sent, none a claim mark covers', async () => {
    setBody(
      [
        '<p>“We will not stop until the inquiry opens,” said Amara Okafor.</p>',
        '<p>“The harbour must be rebuilt,” said Steve McCabe.</p>',
      ].join(''),
    );
    await highlight(document.body, publicMatcher);
    // The built-in corpus holds the second quote and marks it.
    const publicSent: PageName[][] = [];
    const holdsSecond = async (text: string, names: PageName[]) =>
      (await holdsEveryQuote(publicSent)(text, names)).filter((found) => found.claim.text.startsWith('The harbour'));
    await markPageClaims(document.body, publicMatcher, holdsSecond, signal);
    expect(claimMarksUnder(document.body)).toHaveLength(1);
    const marked = serialise();

    const sent: PageName[][] = [];
    const drawn: OwnHighlight[] = [];
    const count = await findOwnClaims(
      document.body,
      [publicMatcher, ownMatcher],
      holdsEveryQuote(sent),
      signal,
      200,
      (found) => drawn.push(found),
    );
    expect(serialise()).toBe(marked);
    expect(count).toBe(1);
    expect(drawn.map((found) => [found.look, found.label])).toEqual([
      ['claim', 'We will not stop until the inquiry opens,'],
    ]);
    expect(drawn[0]?.link).toMatchObject({ claim: { index: 200, claim: { speakerId: 'person-amara-okafor' } } });
    // Both sides' names reached the check, each once: the built-in corpus's name is not doubled by the reader's own.
    expect(sent[0]?.map((name) => name.entityId)).toEqual(['person-amara-okafor', 'person-steve-mccabe']);
  });
});

describe('the reader’s own names far below the reader', () => {
  beforeEach(() => removeHighlights(document.body));

  it('are counted by reading alone, leaving out what the built-in corpus found there, until their block comes near', async () => {
    setBody(
      '<p>Near the top, Amara Okafor spoke.</p>' +
        '<p>Far below, Amara Okafor and Steve McCabe met.</p>' +
        '<div><p>Further still, <b>Amara</b> Okafor left with Steve McCabe.</p></div>',
    );
    const [first, second, third] = Array.from(document.querySelectorAll('p'));
    await renderOnce(document);
    await highlight(document.body, publicMatcher, { nearby: onlyNear([first]) });
    const before = serialise();
    const found: OwnNameAhead[] = [];
    await findOwnNamesAhead(deferredBlocks(), ownMatcher, { signal, namedSoFar: new Set() }, (name) =>
      found.push(name),
    );
    // Nothing changed on the page; the far paragraphs' own names, not the one the built-in corpus links there.
    expect(serialise()).toBe(before);
    expect(found.map(({ entityId, node, offset }) => [entityId, node.data.slice(offset)])).toEqual([
      ['person-amara-okafor', 'Amara Okafor and Steve McCabe met.'],
      ['person-amara-okafor', 'Amara'],
    ]);
    expect(found.map(({ node }) => isDeferredAt(node))).toEqual([true, true]);
    // The second paragraph comes near: its names are wrapped, and its own names are drawn from then on.
    await wrapDeferred([second as Element], {});
    expect(found.map(({ node }) => isDeferredAt(node))).toEqual([false, true]);
    expect(third?.querySelector('mark')).toBeNull();
  });

  it('counts a name once when one far block lies inside another', async () => {
    setBody(
      '<p>Near the top.</p><div>Steve McCabe wrote that Amara Okafor said:<p>Amara Okafor met Steve McCabe.</p></div>',
    );
    const [first] = Array.from(document.querySelectorAll('p'));
    await renderOnce(document);
    await highlight(document.body, publicMatcher, { nearby: onlyNear([first]) });
    expect(deferredBlocks().map((block) => block.tagName)).toEqual(['DIV', 'P']);
    const found: OwnNameAhead[] = [];
    await findOwnNamesAhead(deferredBlocks(), ownMatcher, { signal, namedSoFar: new Set() }, (name) =>
      found.push(name),
    );
    expect(found).toHaveLength(2);
  });
});
