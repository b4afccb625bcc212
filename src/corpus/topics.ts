// Finds topics by general rules: noun phrases that recur across the corpus ("crime against humanity") and
// recurring numeric claims ("30,000 political prisoners").
import type { TopicForms } from './entities';
import { NOT_NAME_WORDS } from './lexicon';
import { singular } from './text';

const MAX_TOPICS = 40;

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  year: /^(1[89]|20)\d\d$/,
  /** A word in lower-case letters, hyphens only inside. */
  plainWord: /^[a-z][a-z-]*[a-z]$/,
  verbOrAdverbEnding: /(?:ing|ed|ly)$/,
  participleEnding: /(?:ing|ed)$/,
  adverbOrParticipleEnding: /(?:ly|ed)$/,
  /** Punctuation that ends a phrase; a full stop or comma only where it is not inside a number ("30,000"). */
  phraseBreak: /[;:!?()[\]“”"\n—–]+|[.,](?!\d)|(?<!\d)[.,]/,
  whitespace: /\s+/,
  /** A number a claim counts by: with thousands separators, or four digits or more. */
  claimNumber: /^\d{1,3}(?:[,.]\d{3})+$|^\d{4,}$/,
  nonDigits: /\D/g,
  leadingNumber: /^\d+\s+/,
} as const;
/** Lower-case words that start verb phrases, not noun phrases ("take action"). */
const VERBS = new Set([
  'take',
  'make',
  'have',
  'give',
  'hold',
  'ask',
  'call',
  'bring',
  'continue',
  'allow',
  'stand',
  'support',
  'raise',
  'press',
  'urge',
  'recognise',
  'recognize',
  'condemn',
  'end',
  'set',
  'seek',
  'secure',
  'help',
  'include',
  'including',
  'put',
  'send',
  'step',
  'extend',
  'lift',
  'impose',
  'prevent',
  'reject',
  'join',
  'visit',
  'meet',
  'use',
  'using',
  'said',
  'says',
  'remain',
  'become',
  'get',
  'go',
  'come',
  'see',
  'know',
  'want',
  'need',
  'find',
  'show',
  'tell',
  'keep',
  'let',
  'begin',
  'carry',
  'carried',
  'taken',
  'made',
  'held',
  'called',
  'asked',
  'designated',
  'published',
  'killed',
  'executed',
  'arrested',
]);
/** Modal verbs: a phrase that mostly follows one starts with a verb ("can conduct research"). */
const MODALS = new Set(['can', 'cannot', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must']);
/** Adjectives that compare or judge rather than classify: "a different course" or "a recent report" is no subject. */
const GENERIC_ADJECTIVES = new Set([
  'different',
  'same',
  'similar',
  'other',
  'various',
  'certain',
  'particular',
  'recent',
  'previous',
  'latest',
  'further',
  'additional',
  'whole',
  'real',
  'true',
  'full',
  'good',
  'bad',
  'poor',
  'better',
  'worse',
  'best',
  'worst',
  'great',
  'big',
  'small',
  'large',
  'little',
  'important',
  'significant',
  'clear',
  'strong',
  'weak',
  'possible',
  'likely',
  'major',
  'minor',
  'main',
  'key',
  'specific',
  'general',
  'usual',
  'common',
  'simple',
  'entire',
]);
/** A share of occurrences above which a context is the phrase's habit, not chance. */
const HABIT = 0.8;
const isYear = (word: string): boolean => REGEXPS.year.test(word);
const isPlainWord = (word: string): boolean => REGEXPS.plainWord.test(word);

interface Tally {
  count: number;
  docs: Set<number>;
  forms: Map<string, number>;
  /** How often a modal verb came just before ("can conduct research"). */
  afterModal: number;
  /** The content words that came just after, by count ("record" after "poor human rights"). */
  next: Map<string, number>;
}

/** A word that could carry a noun phrase on: a plain word, not a function word, verb form or adverb. */
const continuesPhrase = (word: string | undefined): word is string =>
  word !== undefined &&
  isPlainWord(word) &&
  !NOT_NAME_WORDS.has(word) &&
  !VERBS.has(word) &&
  !REGEXPS.verbOrAdverbEnding.test(word);

function tally(
  tallies: Map<string, Tally>,
  key: string,
  form: string,
  doc: number,
  before: string | undefined,
  after: string | undefined,
): void {
  const t = tallies.get(key) ?? {
    count: 0,
    docs: new Set<number>(),
    forms: new Map<string, number>(),
    afterModal: 0,
    next: new Map<string, number>(),
  };
  t.count++;
  t.docs.add(doc);
  t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
  if (before !== undefined && MODALS.has(before.toLowerCase())) t.afterModal++;
  if (continuesPhrase(after)) t.next.set(after, (t.next.get(after) ?? 0) + 1);
  tallies.set(key, t);
}

/**
 * Phrases that recur without being subjects: verb phrases ("can conduct research"), judgements ("different course")
 * and pieces cut from a longer phrase, known by the same word always following ("poor human rights" + "record").
 */
function isWeakPhrase(key: string, t: Tally): boolean {
  const first = key.split(' ')[0] ?? '';
  if (GENERIC_ADJECTIVES.has(first)) return true;
  if (t.afterModal > t.count / 2) return true;
  return [...t.next.values()].some((n) => n >= HABIT * t.count);
}

const mostUsed = (forms: ReadonlyMap<string, number>): string =>
  [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

/** Recurring phrases of two or three words and recurring "number + noun" claims, best first. */
export function findTopics(texts: readonly string[]): TopicForms[] {
  const phrases = new Map<string, Tally>();
  const claims = new Map<string, Tally>();
  texts.forEach((text, doc) => {
    // Split at punctuation, but not inside numbers ("30,000", "30.000").
    for (const segment of text.split(REGEXPS.phraseBreak)) {
      const words = segment.trim().split(REGEXPS.whitespace).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        const word = words[i] ?? '';
        // Numeric claims: "30,000 political prisoners", "30.000 political prisoners".
        if (REGEXPS.claimNumber.test(word) && !isYear(word)) {
          const digits = word.replace(REGEXPS.nonDigits, '');
          const shown = Number(digits).toLocaleString('en-GB');
          for (let n = 1; n <= 2; n++) {
            const tail = words.slice(i + 1, i + 1 + n);
            if (tail.length < n || !tail.every(isPlainWord) || tail.some((w) => NOT_NAME_WORDS.has(w) || VERBS.has(w)))
              break;
            tally(
              claims,
              `${digits} ${tail.slice(0, -1).join(' ')} ${singular(tail[n - 1] ?? '')}`,
              `${shown} ${tail.join(' ')}`,
              doc,
              words[i - 1],
              words[i + 1 + n],
            );
          }
        }
        for (let n = 2; n <= 3; n++) {
          const gram = words.slice(i, i + n);
          if (gram.length < n) break;
          const [first] = gram;
          const last = gram[n - 1] ?? '';
          if (first === undefined || !(isPlainWord(first) || isYear(first)) || !isPlainWord(last)) continue;
          if (!gram.slice(1).every(isPlainWord)) continue;
          if (
            NOT_NAME_WORDS.has(first) ||
            NOT_NAME_WORDS.has(last) ||
            VERBS.has(first) ||
            VERBS.has(last) ||
            first === 'own'
          )
            continue;
          // Noun phrases: no verb forms at the edges, no adverb at the end, only "against" as a joining word.
          if (REGEXPS.participleEnding.test(first) || REGEXPS.adverbOrParticipleEnding.test(last)) continue;
          if (gram.slice(1, -1).some((w) => w !== 'against' && (NOT_NAME_WORDS.has(w) || w === 'own'))) continue;
          tally(
            phrases,
            [...gram.slice(0, -1), singular(last)].join(' '),
            gram.join(' '),
            doc,
            words[i - 1],
            words[i + n],
          );
        }
      }
    }
  });
  const kept: { key: string; tally: Tally; claim: boolean }[] = [];
  for (const [key, t] of phrases) {
    if (((t.docs.size >= 2 && t.count >= 3) || t.count >= 6) && !isWeakPhrase(key, t))
      kept.push({ key, tally: t, claim: false });
  }
  for (const [key, t] of claims)
    if (t.count >= 2 && !isWeakPhrase(key.replace(REGEXPS.leadingNumber, ''), t))
      kept.push({ key, tally: t, claim: true });
  // A phrase that nearly always sits inside a longer kept phrase is that phrase's part, not a topic of its own.
  const survivors = kept.filter(
    ({ key, tally: t }) =>
      !kept.some((other) => other.key !== key && other.key.includes(key) && other.tally.count >= 0.8 * t.count),
  );
  return survivors
    .sort(
      (a, b) =>
        Number(b.claim) - Number(a.claim) ||
        b.tally.docs.size * b.tally.count - a.tally.docs.size * a.tally.count ||
        a.key.localeCompare(b.key),
    )
    .slice(0, MAX_TOPICS)
    .map(({ tally: t }) => {
      const name = mostUsed(t.forms);
      return { name, aliases: [...t.forms.keys()].filter((f) => f !== name).sort() };
    });
}
