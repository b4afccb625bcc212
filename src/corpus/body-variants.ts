// One body under the several names the sources give it: "UN General Assembly" and "United Nations General
// Assembly"; "UK Government", "British Government" and "HM Government"; "Iranian Government" and "Government of
// Iran"; "Security Council" and "UN Security Council" where the UN's is the only one named. Distinct bodies stay
// apart: the Human Rights Council is not the Human Rights Office, and the United Nations is not its General Assembly.

/** Spelled-out names and their initials, the same words in any body's name. */
const SPELLINGS: readonly (readonly [string, string])[] = [
  ['united nations', 'un'],
  ['u.n.', 'un'],
  ['united kingdom', 'uk'],
  ['u.k.', 'uk'],
  ['united states', 'us'],
  ['u.s.', 'us'],
  ['european union', 'eu'],
  ['e.u.', 'eu'],
];

/** A country's adjective and other names for it, which name the same state only in a state body's name. */
const STATE_NAMES: ReadonlyMap<string, string> = new Map([
  ['british', 'uk'],
  ['britain', 'uk'],
  ['hm', 'uk'],
  ["her majesty's", 'uk'],
  ["his majesty's", 'uk'],
  ['american', 'us'],
  ['america', 'us'],
  ...(
    [
      ['iran', 'iranian'],
      ['iraq', 'iraqi'],
      ['israel', 'israeli'],
      ['france', 'french'],
      ['germany', 'german'],
      ['russia', 'russian'],
      ['china', 'chinese'],
      ['ukraine', 'ukrainian'],
      ['turkey', 'turkish'],
      ['italy', 'italian'],
      ['spain', 'spanish'],
      ['canada', 'canadian'],
      ['ireland', 'irish'],
      ['lithuania', 'lithuanian'],
      ['syria', 'syrian'],
      ['egypt', 'egyptian'],
      ['saudi arabia', 'saudi'],
      ['pakistan', 'pakistani'],
      ['india', 'indian'],
      ['japan', 'japanese'],
      ['australia', 'australian'],
    ] as const
  ).flatMap(([country, adjective]) => [[country, country] as const, [adjective, country] as const]),
]);

/** Heads of a state's own bodies, whose name may carry the state by any of its names. */
const STATE_BODY_HEADS = new Set([
  'government',
  'parliament',
  'embassy',
  'ministry',
  'army',
  'navy',
  'police',
  'judiciary',
  'regime',
  'authorities',
  'cabinet',
]);

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  leadingThe: /^the\s+/i,
  curlyApostrophe: /[’]/g,
  whitespace: /\s+/,
  /** "government of (the) iran": a head (group 1) and what it belongs to (group 2). */
  headOfPlace: /^(.+?) of (?:the )?(.+)$/,
} as const;

const stripArticle = (name: string): string => name.replace(REGEXPS.leadingThe, '');

/**
 * The words a body's name comes to once its state and its initials are written one way: "Government of Iran" and
 * "Iranian Government" are both "iran government"; "United Nations General Assembly" is "un general assembly".
 */
export function bodyNameKey(name: string): string {
  let words = ` ${stripArticle(name).toLowerCase().replace(REGEXPS.curlyApostrophe, "'")} `;
  for (const [spelled, initials] of SPELLINGS) words = words.replaceAll(` ${spelled} `, ` ${initials} `);
  const tokens = words.trim().split(REGEXPS.whitespace);
  const head = tokens[tokens.length - 1] ?? '';
  // "Government of (the) Iran": the state after "of" is written before the head.
  const of = REGEXPS.headOfPlace.exec(tokens.join(' '));
  if (of?.[1] !== undefined && of[2] !== undefined && STATE_BODY_HEADS.has(of[1]) && STATE_NAMES.has(of[2])) {
    return `${STATE_NAMES.get(of[2]) ?? of[2]} ${of[1]}`;
  }
  if (!STATE_BODY_HEADS.has(head) || tokens.length < 2) return tokens.join(' ');
  const state = STATE_NAMES.get(tokens.slice(0, -1).join(' '));
  return state === undefined ? tokens.join(' ') : `${state} ${head}`;
}

/**
 * Pairs of names of one body among the bodies a corpus names: the same key (above), or a name of two words or more
 * that is another name with a body's name or initials before it ("Security Council" and "UN Security Council"),
 * when that is the least qualified such name: "UN Human Rights Council" before "UN General Assembly Human Rights
 * Council".
 */
export function sameBodyPairs(names: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = bodyNameKey(name);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, name);
    else pairs.push([first, name]);
  }
  const keys = new Set(byKey.keys());
  for (const [key, name] of byKey) {
    if (key.split(' ').length < 2) continue;
    // Every name that is this one with a body's name before it.
    const parents = [...byKey]
      .filter(([longer]) => longer.endsWith(` ${key}`) && keys.has(longer.slice(0, -key.length - 1)))
      .sort((a, b) => a[0].length - b[0].length);
    const [least] = parents;
    if (least === undefined) continue;
    const parentOf = (longer: string): string => longer.slice(0, -key.length - 1);
    // The others must all be that parent's parts, more finely named ("UN General Assembly …" after "UN …").
    const leastParent = parentOf(least[0]);
    if (parents.every(([longer]) => parentOf(longer).startsWith(leastParent))) pairs.push([least[1], name]);
  }
  return pairs;
}
