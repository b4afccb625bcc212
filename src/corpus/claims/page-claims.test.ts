import { describe, expect, it } from 'vitest';
import type { PageName } from '../../shared/claim-check';
import { MAX_PAGE_QUOTES, findPageClaims } from './page-claims';

/** The names a page's highlighter would find: every occurrence of each name, linked to its entity. */
function namesIn(text: string, people: Record<string, string>): PageName[] {
  return Object.entries(people).flatMap(([name, entityId]) =>
    [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({
      entityId,
      kind: 'person' as const,
      start: m.index,
      end: m.index + name.length,
    })),
  );
}

describe('findPageClaims', () => {
  const page = [
    'Ministers faced questions on Tuesday.',
    '“We cannot negotiate with these people,” said Steve McCabe, a Labour MP.',
    'Bob Blackman told the chamber: “The UK should reject the EU’s approach on Iran.”',
    'Campaigners say some 30,000 political prisoners were executed in the summer of 1988.',
    'A “crime” was mentioned.',
  ].join('\n\n');
  const { claims } = findPageClaims(
    page,
    namesIn(page, { 'Steve McCabe': 'person-steve-mccabe', 'Bob Blackman': 'person-bob-blackman' }),
  );

  it('finds the quotations with the speaker the page gives them, by the compiler’s own attribution', () => {
    expect(claims.filter((c) => c.kind === 'quote').map((c) => [c.text, c.kind === 'quote' && c.speakerId])).toEqual([
      ['We cannot negotiate with these people,', 'person-steve-mccabe'],
      ['The UK should reject the EU’s approach on Iran.', 'person-bob-blackman'],
    ]);
  });

  it('finds the figures, not the year, with offsets in the page text', () => {
    const figures = claims.filter((c) => c.kind === 'figure');
    expect(figures.map((c) => [c.text, page.slice(c.start, c.end)])).toEqual([
      ['some 30,000 political prisoners', 'some 30,000 political prisoners'],
    ]);
  });

  it('leaves a quote without a speaker to nobody, and a scare-quoted word out', () => {
    const text = 'The report said “the prisoners were never given a trial” in its summary.\n\nA “crime” indeed.';
    expect(findPageClaims(text, []).claims.map((c) => c.kind === 'quote' && [c.text, c.speakerId])).toEqual([
      ['the prisoners were never given a trial', null],
    ]);
  });

  it('attributes only the quotations the sources hold, and passes the others over without breaking a speaker off', () => {
    const held = new Set(['The UK should reject the EU’s approach on Iran.']);
    const { claims: found, partial } = findPageClaims(
      page,
      namesIn(page, { 'Steve McCabe': 'person-steve-mccabe', 'Bob Blackman': 'person-bob-blackman' }),
      { inSources: (quote) => held.has(quote), outOfTime: () => false },
    );
    expect(found.filter((c) => c.kind === 'quote').map((c) => [c.text, c.kind === 'quote' && c.speakerId])).toEqual([
      ['The UK should reject the EU’s approach on Iran.', 'person-bob-blackman'],
    ]);
    expect(partial).toBe(false);
  });

  it('checks at most MAX_PAGE_QUOTES quotations of a hostile page, in linear time, and says the result is partial', () => {
    const hostile = Array.from({ length: 10_000 }, (_, i) => `He said “word ${i} here now”.`).join(' ');
    let asked = 0;
    const { claims: found, partial } = findPageClaims(hostile, [], {
      inSources: () => {
        asked++;
        return false;
      },
      outOfTime: () => false,
    });
    expect(asked).toBe(MAX_PAGE_QUOTES);
    expect(found.filter((c) => c.kind === 'quote')).toEqual([]);
    expect(partial).toBe(true);
  });

  it('stops looking up when the time is out', () => {
    const { partial } = findPageClaims(page, [], { inSources: () => true, outOfTime: () => true });
    expect(partial).toBe(true);
  });
});
