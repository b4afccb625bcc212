import { describe, expect, it } from 'vitest';
import { findPageClaims, type PageName } from './page-claims';

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
  const claims = findPageClaims(
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
    expect(findPageClaims(text, []).map((c) => c.kind === 'quote' && [c.text, c.speakerId])).toEqual([
      ['the prisoners were never given a trial', null],
    ]);
  });
});
