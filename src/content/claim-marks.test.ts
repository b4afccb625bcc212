// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../corpus/pack';
import { findPageClaims } from '../corpus/claims/page-claims';
import type { CheckedClaim, PageName } from '../shared/claim-check';
import { buildDictionary } from '../corpus/dictionary-build';
import { claimMarksUnder, claimOf, markPageClaims, removeClaimMarks, waitingClaims } from './claim-marks';
import { highlight, isOwnNode, removeHighlights, wrapDeferred } from './highlighter';
import { openMatcher } from './matcher';
import { onlyNear, renderOnce } from '../../test/unit/content/nearby-stand-in';

const entities: Entity[] = [
  { id: 'mccabe', kind: 'person', name: 'Steve McCabe', aliases: [] },
  { id: 'blackman', kind: 'person', name: 'Bob Blackman', aliases: [] },
];
const matcher = openMatcher(buildDictionary(entities));

function setBody(markup: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
}

const serialise = (): string => new XMLSerializer().serializeToString(document.body);

/** A background that finds the page's claims as the real one does, and holds every quote and 30,000 of anything. */
const holdsQuotes = async (text: string, names: PageName[]): Promise<CheckedClaim[]> =>
  findPageClaims(text, names).claims.flatMap(({ start, end, ...found }): CheckedClaim[] => {
    if (found.kind === 'quote')
      return [{ start, end, claim: { kind: 'quote', text: found.text, speakerId: found.speakerId }, verdict: 'part' }];
    const { value, noun } = found.figure;
    const claim = { kind: 'figure' as const, text: found.text, value, noun };
    return value === 30_000 ? [{ start, end, claim, verdict: 'same-figure' }] : [];
  });
const holdsNothing = async (): Promise<CheckedClaim[]> => [];

const PAGE = [
  '<p>“We cannot <b>negotiate</b> with these people,” said <a href="#mp">Steve McCabe</a>.</p>',
  '<p>Some 30,000 political prisoners died, and 40 journalists were there.</p>',
  '<p>Bob Blackman said the regime “must be held to account for what it did”.</p>',
].join('');

/** Highlights the page once it has rendered, with only its first paragraph near the reader. */
async function highlightNearFirst(): Promise<void> {
  await renderOnce(document);
  await highlight(document.body, matcher, { nearby: onlyNear([document.querySelector('p') ?? undefined]) });
}

beforeEach(() => {
  removeClaimMarks(document.body);
  removeHighlights(document.body);
  document.body.replaceChildren();
});
afterEach(() => vi.restoreAllMocks());

describe('markPageClaims', () => {
  it('keeps a claim far from the reader until its block comes near, then marks it inside the names there', async () => {
    setBody(PAGE);
    const [, , third] = Array.from(document.querySelectorAll('p'));
    await highlightNearFirst();
    expect(third?.querySelector('mark')).toBeNull();
    // The first two paragraphs' claims are marked; the third's waits, and nothing in its paragraph is wrapped.
    expect(await markPageClaims(document.body, matcher, holdsQuotes, new AbortController().signal)).toBe(2);
    expect(third?.querySelector('mark')).toBeNull();
    expect(waitingClaims().map(({ link }) => link.claim.text)).toEqual(['must be held to account for what it did']);
    // The reader scrolls down: the paragraph's names are wrapped, and its claim inside them.
    await wrapDeferred([third as Element], {});
    expect(third?.querySelector('mark.sourcelight')?.textContent).toBe('Bob Blackman');
    expect(third?.querySelector('mark.sourcelight-claim')?.textContent).toBe('must be held to account for what it did');
    expect(waitingClaims()).toEqual([]);
    expect(claimMarksUnder(document.body).map((mark) => claimOf(mark)?.index)).toEqual([0, 1, 2]);
    removeClaimMarks(document.body);
    removeHighlights(document.body);
    expect(document.querySelector('mark')).toBeNull();
  });

  it('marks a waiting claim at once when the reader asks for it, with the names of its paragraph first', async () => {
    setBody(PAGE + '<p>Steve McCabe said it was “a matter for <b>Bob Blackman</b> and for us”.</p>');
    const [, , third, fourth] = Array.from(document.querySelectorAll('p'));
    await highlightNearFirst();
    await markPageClaims(document.body, matcher, holdsQuotes, new AbortController().signal);
    const [, last] = waitingClaims();
    expect(last?.link.claim.text).toBe('a matter for Bob Blackman and for us');
    const mark = last?.markNow();
    expect(mark?.textContent).toBe('a matter for');
    // Inside the name's mark, the claim goes on in a mark of its own.
    expect(fourth?.querySelector('mark.sourcelight mark.sourcelight-claim')?.textContent).toBe('Bob Blackman');
    expect(Array.from(fourth?.querySelectorAll('mark.sourcelight-claim') ?? [], (m) => m.textContent)).toEqual([
      'a matter for',
      'Bob Blackman',
      'and for us',
    ]);
    // The other paragraph's claim still waits.
    expect(third?.querySelector('mark')).toBeNull();
    expect(waitingClaims()).toHaveLength(1);
  });

  it('leaves a waiting claim unmarked when the page changed its text meanwhile', async () => {
    setBody(PAGE);
    const [, , third] = Array.from(document.querySelectorAll('p'));
    await highlightNearFirst();
    await markPageClaims(document.body, matcher, holdsQuotes, new AbortController().signal);
    const text = third?.lastChild as Text;
    text.data = text.data.replace('account', 'acount');
    await wrapDeferred([third as Element], {});
    expect(third?.querySelector('mark.sourcelight-claim')).toBeNull();
    expect(waitingClaims()).toEqual([]);
  });

  it('marks the quotes and figures the sources hold, across the page’s own elements, and nothing else', async () => {
    setBody(PAGE);
    await highlight(document.body, matcher);
    const marked = await markPageClaims(document.body, matcher, holdsQuotes, new AbortController().signal);
    expect(marked).toBe(3);
    const claims = claimMarksUnder(document.body);
    expect(claims.map((mark) => [mark.getAttribute('data-sl-claim'), claimOf(mark)?.claim.text])).toEqual([
      ['quote', 'We cannot negotiate with these people,'],
      ['figure', 'Some 30,000 political prisoners'],
      ['quote', 'must be held to account for what it did'],
    ]);
    // The quote crosses the page's <b>: one mark per text node, the later ones continuing the first.
    expect(document.querySelectorAll('p:first-child mark.sourcelight-claim').length).toBe(3);
    expect(document.querySelector('b mark.sourcelight-claim')?.textContent).toBe('negotiate');
    // The speaker the page gives comes from the compiler's attribution over the page's names.
    expect(claimOf(claims[0] as Element)?.claim).toMatchObject({ speakerId: 'mccabe' });
    expect(claimOf(claims[2] as Element)?.claim).toMatchObject({ speakerId: 'blackman' });
    expect(isOwnNode(claims[0] as Element)).toBe(true);
  });

  it('makes the first mark of a claim across two runs of a paragraph in the first', async () => {
    setBody('<p>She wrote: “the first line of it<br>and the second line of it,” in a letter.</p>');
    const text = 'She wrote: “the first line of it\nand the second line of it,” in a letter.';
    const start = text.indexOf('the first');
    const end = text.indexOf(',”');
    const acrossTheBreak = async (pageText: string): Promise<CheckedClaim[]> => {
      expect(pageText).toBe(text);
      const claim = { kind: 'quote' as const, text: text.slice(start, end).replace('\n', ' '), speakerId: null };
      return [{ start, end, claim, verdict: 'same' }];
    };
    expect(await markPageClaims(document.body, matcher, acrossTheBreak, new AbortController().signal)).toBe(1);
    expect(claimMarksUnder(document.body).map((mark) => mark.textContent)).toEqual(['the first line of it']);
    expect(Array.from(document.querySelectorAll('mark.sourcelight-claim'), (mark) => mark.textContent)).toEqual([
      'the first line of it',
      'and the second line of it',
    ]);
  });

  it('leaves a page’s own look-alike mark alone', async () => {
    setBody('<p><mark class="sourcelight-claim" data-sl-claim="quote">“Forged words for a card,” he said.</mark></p>');
    await markPageClaims(document.body, matcher, holdsNothing, new AbortController().signal);
    expect(claimMarksUnder(document.body)).toEqual([]);
    removeClaimMarks(document.body);
    expect(document.querySelector('mark.sourcelight-claim')).not.toBeNull();
  });

  it('removes its marks exactly: the page is as it was before names and claims were marked', async () => {
    setBody(PAGE);
    const before = serialise();
    const nodes = Array.from(document.body.querySelectorAll('p, b, a'));
    await highlight(document.body, matcher);
    await markPageClaims(document.body, matcher, holdsQuotes, new AbortController().signal);
    removeClaimMarks(document.body);
    removeHighlights(document.body);
    expect(serialise()).toBe(before);
    expect(Array.from(document.body.querySelectorAll('p, b, a'))).toEqual(nodes);
    expect(document.body.firstChild?.childNodes.length).toBe(5);
  });

  it('wraps a long page’s claims a chunk of time at a time, and stops between chunks once switched off', async () => {
    setBody('<p>Some 30,000 political prisoners died.</p>'.repeat(60));
    const controller = new AbortController();
    // The reader switches Sourcelight off for the site as soon as the page's next task runs.
    const check = async (text: string, names: PageName[]): Promise<CheckedClaim[]> => {
      const claims = await holdsQuotes(text, names);
      setTimeout(() => controller.abort(), 0);
      return claims;
    };
    // Every reading of the clock is 4 ms on: a chunk of 10 ms holds a few claims.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 4));
    const marked = await markPageClaims(document.body, matcher, check, controller.signal);
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(60);
    expect(claimMarksUnder(document.body)).toHaveLength(marked);
  });

  it('marks nothing when the sources hold nothing', async () => {
    setBody(PAGE);
    const before = serialise();
    await markPageClaims(document.body, matcher, holdsNothing, new AbortController().signal);
    expect(serialise()).toBe(before);
  });
});
