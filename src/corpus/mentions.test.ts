import { describe, expect, it } from 'vitest';
import { compilePack } from './compile';
import type { CorpusPack } from './pack';

/** The mentions of the entity called `name` in the pack's document `documentIndex`, as the text writes them. */
function mentionsOf(pack: CorpusPack, name: string, documentIndex = 0): { text: string; start: number }[] {
  const entity = pack.entities.find((e) => e.name === name);
  const document = pack.documents[documentIndex];
  expect(entity, `an entity called ${name}`).toBeDefined();
  return pack.mentions
    .filter((m) => m.entityId === entity?.id && m.documentId === document?.id)
    .map((m) => ({ text: document?.text.slice(m.start, m.end) ?? '', start: m.start }));
}

describe('mentions of an acronym', () => {
  it('are found in capitals only: "On Monday" is not the body called ON', () => {
    const text =
      'Notes\n\nLeaders of the Ontario New party met in Toronto. ON said it would stand.\n\nOn Monday the talks ended, and ON’s leaders left.';
    const pack = compilePack([{ name: 'a.txt', text }], {
      entities: [{ kind: 'organisation', name: 'Ontario New', aliases: ['ON'] }],
    });
    expect(pack.mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(['Ontario New', 'ON', 'ON']);
  });
});

describe('a given name alone', () => {
  it('is the one person named in full with it, unless a capitalised word after it names somebody else', () => {
    const text =
      'Notes\n\nThe composer Peter Novak said the score took a year. Peter’s prize came later, and Peter knew it.\n\nHe thanked the lyricists Ann Lee and Peter Lindqvist.';
    const pack = compilePack([{ name: 'a.txt', text }]);
    expect(mentionsOf(pack, 'Peter Novak').map((m) => m.text)).toEqual(['Peter Novak', 'Peter', 'Peter']);
  });
});

describe('a given name that is somebody else’s surname', () => {
  it('is the one person named here in full with it, when the bearer of that surname is named only elsewhere', () => {
    const texts = [
      'Notes\n\nIdaho strategist Ann Owen said the race was open.',
      'Film\n\nThe actor Owen Lindqvist said the film was a risk. Later, Owen and the director met again.',
    ];
    const pack = compilePack(texts.map((text, i) => ({ name: `${i}.txt`, text })));
    expect(mentionsOf(pack, 'Owen Lindqvist', 1).map((m) => m.text)).toEqual(['Owen Lindqvist', 'Owen']);
  });
});

describe('a surname that is a month', () => {
  it('is the person only where the text makes it a name: "Mrs May", "May said", not "due in May"', () => {
    const text =
      'Notes\n\nPrime Minister Ann May met the Irish leader. “We will leave in March,” May said.\n\nMrs May left. The vote is due in May, and May 5 is a Tuesday.';
    const pack = compilePack([{ name: 'a.txt', text }]);
    expect(mentionsOf(pack, 'Ann May')).toEqual([
      { text: 'Ann May', start: text.indexOf('Ann May') },
      { text: 'May', start: text.indexOf('May said') },
      { text: 'May', start: text.indexOf('Mrs May') + 'Mrs '.length },
    ]);
  });

  it('is the person after a word that takes one, and no one in a date or opening a sentence', () => {
    const text =
      'Notes\n\nPrime Minister Ann May met the council. “We are done,” May said. The mayor sided with May against the whips.\n\nTalks ran to the end of May, and the vote is due in May. May brought rain, and on May 5 the march was put off.';
    const pack = compilePack([{ name: 'a.txt', text }]);
    const mays = mentionsOf(pack, 'Ann May').map((m) => text.slice(m.start - 5, m.start + 3));
    expect(mays).toEqual(['ster Ann', 'ne,” May', 'with May']);
  });
});

describe('a surname two people named here carry', () => {
  it('is the one of the sex the text gives it ("Okafor is the proud father"), and nobody where a sex is unknown', () => {
    const text =
      'Notes\n\nGrace Okafor spoke of Peter Okafor, her husband, of Robin Smith, a teacher, and of Kelly Smith, a nurse.\n\n' +
      'She said Okafor is the proud father of the town, and that Okafor was tired. Smith is the proud father of the school.';
    const pack = compilePack([{ name: 'a.txt', text }]);
    expect(mentionsOf(pack, 'Peter Okafor')).toEqual([
      { text: 'Peter Okafor', start: text.indexOf('Peter Okafor') },
      { text: 'Okafor', start: text.indexOf('Okafor is the proud father') },
    ]);
    expect(mentionsOf(pack, 'Grace Okafor').map((m) => m.text)).toEqual(['Grace Okafor']);
    expect(mentionsOf(pack, 'Robin Smith').map((m) => m.text)).toEqual(['Robin Smith']);
    expect(mentionsOf(pack, 'Kelly Smith').map((m) => m.text)).toEqual(['Kelly Smith']);
  });
});

describe('a short form of a given name', () => {
  it('is the one person named here with the full name ("Rick"), never an English word that opens a sentence', () => {
    const text =
      'Notes\n\nThe talks were led by William Novak, a diplomat, and Richard Okafor, a former envoy.\n\n' +
      'Will the plan work? Rich nations doubt it. Bill after bill has failed, and Rick says so.';
    const pack = compilePack([{ name: 'a.txt', text }]);
    expect(mentionsOf(pack, 'William Novak').map((m) => m.text)).toEqual(['William Novak']);
    expect(mentionsOf(pack, 'Richard Okafor').map((m) => m.text)).toEqual(['Richard Okafor', 'Rick']);
  });
});
