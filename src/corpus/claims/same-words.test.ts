import { describe, expect, it } from 'vitest';
import { sameWordsHeads } from './same-words';

const SPEECH =
  'We have already failed the people by ignoring the massacre, by giving the regime billions in the failed deal.';
const LONGER = `${SPEECH} The people we are dealing with are responsible. They continue to slaughter people.`;

describe('sameWordsHeads', () => {
  it('makes a statement said again, whole, one item headed by its first telling', () => {
    expect(
      sameWordsHeads([
        { text: SPEECH, speakerId: 'a' },
        { text: SPEECH, speakerId: 'a' },
      ]),
    ).toEqual([null, { head: 0, wording: 'same' }]);
  });

  it('heads the item with the fullest telling, the shorter one a part of it', () => {
    // As in the seeds: a statement given once, then again with two more sentences.
    expect(
      sameWordsHeads([
        { text: SPEECH, speakerId: 'a' },
        { text: LONGER, speakerId: 'a' },
      ]),
    ).toEqual([{ head: 1, wording: 'part' }, null]);
  });

  it('keeps close wording apart: one changed word is what the reader must see, and only an item’s head is shown', () => {
    const otherFigure = SPEECH.replace('billions', 'millions');
    const negated = 'We will not talk to them.';
    expect(
      sameWordsHeads([
        { text: SPEECH, speakerId: 'a' },
        { text: otherFigure, speakerId: 'a' },
        { text: negated, speakerId: 'a' },
        { text: negated.replace(' not', ''), speakerId: 'a' },
      ]),
    ).toEqual([null, null, null, null]);
  });

  it('keeps the same words of different speakers, and of no named speaker, apart', () => {
    expect(
      sameWordsHeads([
        { text: SPEECH, speakerId: 'a' },
        { text: SPEECH, speakerId: 'b' },
        { text: SPEECH, speakerId: null },
        { text: SPEECH, speakerId: null },
      ]),
    ).toEqual([null, null, null, null]);
  });

  it('does not make two speeches one item because both repeat the same short sentence', () => {
    const slogan = 'We must hold the regime to account.';
    const first = `The elections were neither free nor fair, and the courts answer to nobody. ${slogan}`;
    const second = `Our sanctions have been too timid for too long, and the victims are still waiting. ${slogan}`;
    const heads = sameWordsHeads([
      { text: first, speakerId: 'a' },
      { text: second, speakerId: 'a' },
      { text: slogan, speakerId: 'a' },
    ]);
    expect(heads[0]).toBeNull();
    expect(heads[1]).toBeNull();
    expect(heads[2]).toMatchObject({ wording: 'part' });
  });

  it('reads identical statements with an editor’s bracket as the same words', () => {
    const bracketed = 'From her life to nuclear weapons, we cannot negotiate with these people [the regime] at all.';
    expect(
      sameWordsHeads([
        { text: bracketed, speakerId: 'a' },
        { text: bracketed, speakerId: 'a' },
      ])[1],
    ).toEqual({ head: 0, wording: 'same' });
  });

  it('gathers many copies of the same words under one head, more than the matcher aligns in one lookup', () => {
    const heads = sameWordsHeads(Array.from({ length: 30 }, () => ({ text: SPEECH, speakerId: 'a' })));
    expect(heads[0]).toBeNull();
    expect(heads.slice(1).every((h) => h?.head === 0)).toBe(true);
  });

  it('leaves statements too short to tell apart from common phrases on their own', () => {
    expect(
      sameWordsHeads([
        { text: 'Thank you.', speakerId: 'a' },
        { text: 'Thank you.', speakerId: 'a' },
      ]),
    ).toEqual([null, null]);
  });
});
