import type { CorpusPack, Entity } from '../corpus/pack';

/**
 * Words of bodies every country has ("Supreme Court", "Foreign Office", "Security Council", "the Government"). A
 * name made only of these names one country's body in the corpus and may name another's on a page.
 */
const GENERIC_BODY_WORDS = new Set(
  `
  supreme high court courts appeal appeals disciplinary constitutional foreign office affairs security council committee
  human rights government ministry department parliament house commons lords senate assembly national general
  international federal central state home interior justice defence defense cabinet police army navy force guards
  revolutionary intelligence service services agency commission tribunal judiciary bank reserve treasury electoral
  executive legislative prosecution prosecutor prosecutors public third select standing joint special
  `
    .trim()
    .split(/\s+/),
);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on']);

/** Whether a body's name is made only of words every country's bodies use. */
export function isGenericBodyName(name: string): boolean {
  const words = name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .filter((w) => w !== '' && !CONNECTORS.has(w));
  return words.length > 0 && words.every((w) => GENERIC_BODY_WORDS.has(w));
}

const QUALIFIER = /([\p{Lu}][\p{L}.-]*)(?:['’]s)?\s+$/u;
const NOT_QUALIFIERS = new Set([
  'The',
  'A',
  'An',
  'This',
  'That',
  'Its',
  'Their',
  'His',
  'Her',
  'Our',
  'In',
  'At',
  'On',
  'By',
  'For',
  'Of',
]);

/**
 * For each generic body of the packs, the words the sources qualify it with: the capitalised word written straight
 * before its mentions ("Iran's Supreme Court", "the UN Security Council") and the words before its name in the
 * names of other bodies that end with it ("UN Security Council" for "Security Council"). Lower case, without
 * possessives. A generic body with none is never linked on a page.
 */
export function genericBodyQualifiers(packs: readonly CorpusPack[]): Map<string, string[]> {
  const qualifiers = new Map<string, Set<string>>();
  const organisations: Entity[] = packs.flatMap((pack) => pack.entities.filter((e) => e.kind === 'organisation'));
  // A body with a generic name or alias: "UN Security Council", also written "Security Council".
  const genericNames = (body: Entity): string[] => [body.name, ...body.aliases].filter(isGenericBodyName);
  for (const body of organisations) if (genericNames(body).length > 0) qualifiers.set(body.id, new Set());
  for (const pack of packs) {
    const texts = new Map(pack.documents.map((d) => [d.id, d.text]));
    for (const mention of pack.mentions) {
      const found = qualifiers.get(mention.entityId);
      const text = texts.get(mention.documentId);
      if (found === undefined || text === undefined) continue;
      const word = QUALIFIER.exec(text.slice(Math.max(0, mention.start - 40), mention.start))?.[1];
      if (word !== undefined && !NOT_QUALIFIERS.has(word)) found.add(word.toLowerCase().replace(/\.$/, ''));
    }
  }
  for (const body of organisations) {
    const found = qualifiers.get(body.id);
    if (found === undefined) continue;
    for (const ending of genericNames(body).map((name) => ` ${name.toLowerCase()}`)) {
      for (const other of organisations) {
        for (const name of [other.name, ...other.aliases]) {
          const lower = name.toLowerCase();
          if (!lower.endsWith(ending)) continue;
          for (const word of lower.slice(0, -ending.length).split(/\s+/))
            if (!CONNECTORS.has(word) && word !== '') found.add(word.replace(/['’]s$/, ''));
        }
      }
    }
  }
  return new Map([...qualifiers].map(([id, words]) => [id, [...words].sort()]));
}
