import type { EntityKind } from '../shared/entity-kind';
import type { LinkReason } from '../shared/link-reason';
import { isMonthDate } from '../shared/months';

/**
 * The page's evidence for a link: a term the matcher found written on the page (`matcher.ts`) links to an entity only
 * when the page itself supports it, and the card states which evidence it was (`LinkReason`):
 * - a person's surname, title and surname, or one-word name links only after the page names that person in full
 *   (a full name or an alias of two or more words) earlier in the text or page (`namedSoFar`); when two people
 *   share it and both were named, the nearest full mention before it decides;
 * - a generic body ("Supreme Court") links only with a qualifier the sources give it, written just before it
 *   ("Iran's Supreme Court", "the UN Security Council") or, for the one body of that name, nearby;
 * - a name that is also a common word ("May", "Rich", "Brown") never links at a sentence start, nor a month
 *   written as a date ("in May", "May 5");
 * - an alias two bodies share links to neither.
 * We return nothing rather than a list of candidates: a highlight the reader cannot act on is noise, and the card
 * contract (`data-sl-id`) names one entity.
 */

/** What the rules read of a term, as the dictionary gives it. */
export interface TermEvidence {
  kind: EntityKind;
  ids: string[];
  /** A surname, a title and surname, or a one-word name: the page must name the person in full first. */
  needsFullName: boolean;
  /** For a generic body, the qualifiers the sources give it; the page must write one with it or nearby. */
  qualifiers: string[] | undefined;
  /** A one-word name that is also a common word ("May"): never at a sentence start. */
  commonWord: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);
/** Characters that may sit between a sentence's end and its first word: spaces, opening quotes and brackets. */
const SENTENCE_OPENER = /[\s"'“‘«([¿¡—–-]/u;

function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (SENTENCE_END.has(char)) return true;
    if (!SENTENCE_OPENER.test(char)) return false;
  }
  return true;
}

/** A link the page's evidence supports, with that evidence. */
export interface PageLink {
  entityId: string;
  kind: EntityKind;
  reason: LinkReason;
  /** A person named in full: later surnames may point back to them. */
  namesPerson: boolean;
}

/** Of the ids, the one the page named in full most recently (`namedSoFar` keeps naming order). */
export function lastNamed(ids: readonly string[], namedSoFar: ReadonlySet<string>): string | undefined {
  let last: string | undefined;
  for (const id of namedSoFar) if (ids.includes(id)) last = id;
  return last;
}

/** How far around a generic body's name the page may name its country or parent. */
const NEARBY = 200;
const PAGE_WORD = /[\p{L}][\p{L}.’'-]*/gu;
const pageWordKey = (word: string): string =>
  word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\./g, '');
/** "Iranian" qualifies as "Iran" does: one word is the other with an ending. */
const sameQualifier = (word: string, qualifier: string): boolean =>
  word === qualifier ||
  (Math.min(word.length, qualifier.length) >= 4 && (word.startsWith(qualifier) || qualifier.startsWith(word)));

/** The page's word right before the name (past "the") that is one of the body's qualifiers: "Iran's", "UN". */
function qualifierBefore(text: string, start: number, qualifiers: readonly string[]): string | undefined {
  const words = [...text.slice(Math.max(0, start - 40), start).matchAll(PAGE_WORD)].map((m) => m[0]);
  const last = words.pop();
  const word = last?.toLowerCase() === 'the' ? undefined : last;
  return word !== undefined && qualifiers.some((q) => sameQualifier(pageWordKey(word), q)) ? word : undefined;
}

/** A qualifier written near the name, in the same text: "The court in Tehran … the Supreme Court". */
function qualifierNear(text: string, start: number, end: number, qualifiers: readonly string[]): string | undefined {
  const around = `${text.slice(Math.max(0, start - NEARBY), start)} ${text.slice(end, end + NEARBY)}`;
  for (const m of around.matchAll(PAGE_WORD)) {
    if (/^\p{Lu}/u.test(m[0]) && qualifiers.some((q) => sameQualifier(pageWordKey(m[0]), q))) return m[0];
  }
  return undefined;
}

/** The link the page's evidence supports for a term found at [start, end), if any. */
export function linkOnEvidence(
  term: TermEvidence,
  text: string,
  start: number,
  end: number,
  namedSoFar: ReadonlySet<string>,
): PageLink | undefined {
  const { kind, ids } = term;
  if (term.commonWord && (startsSentence(text, start) || isMonthDate(text, start, end))) return undefined;
  if (kind === 'person') {
    if (!term.needsFullName) {
      const entityId = ids.length === 1 ? ids[0] : lastNamed(ids, namedSoFar);
      return entityId === undefined ? undefined : { entityId, kind, reason: { rule: 'full-name' }, namesPerson: true };
    }
    const entityId = lastNamed(ids, namedSoFar);
    return entityId === undefined ? undefined : { entityId, kind, reason: { rule: 'named-above' }, namesPerson: false };
  }
  const [only] = ids;
  if (ids.length !== 1 || only === undefined) return undefined;
  if (term.qualifiers !== undefined) {
    const before = qualifierBefore(text, start, term.qualifiers);
    if (before !== undefined)
      return { entityId: only, kind, reason: { rule: 'qualified', qualifier: before }, namesPerson: false };
    const near = qualifierNear(text, start, end, term.qualifiers);
    return near === undefined
      ? undefined
      : { entityId: only, kind, reason: { rule: 'named-nearby', qualifier: near }, namesPerson: false };
  }
  return { entityId: only, kind, reason: { rule: kind === 'topic' ? 'topic' : 'distinct-name' }, namesPerson: false };
}
