// A large corpus for the benchmarks, generated the same way every run.
import type { Entity } from '../../src/corpus/pack';

/** A deterministic pseudo-random sequence, so every run measures the same corpus and page. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const FIRST = `Maryam David Ali Hassan Theresa John Sarah Reza Mohammad Fatemeh Peter Anne Robert Kevin Laura Omid Zahra
  Hossein Elena Marco Sofia Ahmed Leila Daniel Yusuf Ingrid Kenji Amara Tomasz Priya Javier Chloe Nadia Ruth Samuel`.split(
  /\s+/,
);
const SYLLABLES = 'ra ja vi mo ham ma di pour za de ka li ne sa ri to ba lo gha ar no ve ste ling ber son han ko'.split(
  ' ',
);
const BODIES = 'Council Foundation Ministry Institute Committee Commission Agency Association Tribunal Front'.split(
  ' ',
);
const TOPICS = 'rights reform inquiry trials sanctions detention asylum elections censorship courts'.split(' ');

/**
 * Entities shaped like a large real corpus: people with a first name and a surname of two to four
 * syllables (a fifth with an alias, "F. Surname"), organisations, and topic phrases, names 6 to 30 characters.
 */
export function generateEntities(count: number): Entity[] {
  const next = random(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = (): string => {
    let text = '';
    for (let n = 2 + Math.floor(next() * 3); n > 0; n--) text += pick(SYLLABLES);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const roll = i % 20;
    if (roll < 17) {
      const [first, last] = [pick(FIRST), word()];
      const aliases = next() < 0.2 ? [`${first.charAt(0)}. ${last}`] : [];
      entities.push({ id: `person-${i}`, kind: 'person', name: `${first} ${last}`, aliases });
    } else if (roll < 19) {
      entities.push({ id: `org-${i}`, kind: 'organisation', name: `${word()} ${pick(BODIES)}`, aliases: [] });
    } else {
      entities.push({ id: `topic-${i}`, kind: 'topic', name: `${word().toLowerCase()} ${pick(TOPICS)}`, aliases: [] });
    }
  }
  return entities;
}
