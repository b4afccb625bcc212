// Decides who said each quotation, from the words around it, and finds statements made without quote marks
// ("Name: ...", "According to X, ..."). When the text does not make the speaker clear, the speaker is null.
import type { Mention, Statement } from './pack';
import type { Gender } from './names';
import { appositionAfter } from './names';
import { findQuotes, type QuoteSpan } from './quotes';
import {
  ABBREVIATIONS, COLLECTIVE_NOUNS, FEMALE_PRONOUNS, HONORIFICS, MALE_PRONOUNS, NAME_TITLES, POST_NOMINALS,
  ROLE_WORDS, SPEECH_NOUNS, SPEECH_VERBS,
} from './lexicon';
import { itemsWithin, splitLines, type Line } from './text';

export interface AttributionContext {
  documentId: string;
  text: string;
  /** Mentions of people and bodies in this document, sorted by start. */
  mentions: readonly Mention[];
  kindOf: (entityId: string) => string | undefined;
  genderOf: (entityId: string) => Gender | undefined;
}

interface Speaker {
  speakerId: string | null;
  cue: string;
  role?: string;
}

/** A subject found at the head of a clause: a named entity, a pronoun, an office ("the MP") or a text ("the statement"). */
type Subject =
  | { type: 'entity'; mention: Mention }
  | { type: 'pronoun'; gender: Gender; at: number }
  | { type: 'role'; role: string; at: number }
  | { type: 'collective' };

const MIN_QUOTE_WORDS = 3;
const INTRO_WORDS = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'speaking', 'addressing', 'referring', 'responding', 'commenting',
  'writing', 'also', 'however', 'meanwhile', 'today', 'yesterday', 'later', 'earlier', 'recently', 'separately', 'then',
  'elsewhere', 'similarly', 'finally', 'moreover', 'furthermore',
]);
const LEAD_WORDS = new Set(['the', 'former', 'late', 'then', 'of', 'for', 'a', 'an', 'and', 'current', 'british', 'deputy', 'acting']);
const wordsOf = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);
const isRole = (word: string): boolean => {
  const w = word.toLowerCase();
  return ROLE_WORDS.has(w) || NAME_TITLES.has(w) || (w.endsWith('s') && ROLE_WORDS.has(w.slice(0, -1)));
};

/** Words that may stand before a name at the head of a clause: "Labour MP for Birmingham Selly Oak, ", "The Rt Hon ". */
function isNameLead(gap: string): boolean {
  return wordsOf(gap.replace(/[()[\]]/g, ' ')).every((w) => /^\p{Lu}/u.test(w) || LEAD_WORDS.has(w.toLowerCase()) || isRole(w) || HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
}

function sentenceStart(text: string, line: Line, at: number): number {
  let start = line.start;
  const re = /([\p{L}]+)?[.!?]+["”’)]*\s+/gu;
  re.lastIndex = line.start;
  for (let m = re.exec(text); m !== null && m.index + m[0].length <= at; m = re.exec(text)) {
    const word = m[1] ?? '';
    if (!ABBREVIATIONS.has(word.toLowerCase()) && !/^\p{Lu}$/u.test(word)) start = m.index + m[0].length;
  }
  return start;
}

function sentenceEnd(text: string, from: number, lineEnd: number): number {
  const re = /([\p{L}]+)?[.!?]+(?=\s|$|["”])/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < lineEnd; m = re.exec(text)) {
    const word = m[1] ?? '';
    if (!ABBREVIATIONS.has(word.toLowerCase())) return Math.min(m.index + m[0].length, lineEnd);
  }
  return lineEnd;
}

export function findStatements(ctx: AttributionContext): Statement[] {
  const { text, documentId } = ctx;
  const lines = splitLines(text);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid]?.start ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const quotes = findQuotes(text);
  const statements: Statement[] = [];
  const insideQuote = (offset: number): boolean => quotes.some((q) => offset >= q.start && offset < q.end);
  const narrationMentions = (from: number, to: number): Mention[] =>
    itemsWithin(ctx.mentions, from, to).filter((m) => !insideQuote(m.start));

  /** The role the text gives next to a mention: an apposition after it or office words before it. */
  const roleNear = (mention: Mention, clauseStart: number): string | undefined => {
    const after = appositionAfter(text, mention.end);
    if (after !== undefined) return after;
    const before = text.slice(clauseStart, mention.start).replace(/^(?:the\s+)/i, '').replace(/[\s,]+$/, '');
    const words = wordsOf(before).filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
    if (!words.some(isRole)) return undefined;
    const role = words.join(' ');
    return role.length > 0 ? role : undefined;
  };

  /** The office words written straight before a name ("The NCRI President-elect Mrs"), not the sentence before them. */
  const titleWordsBefore = (from: number, to: number): string => {
    const words = text.slice(from, to).split(/(?<=\s)/);
    let keep = words.length;
    while (keep > 0 && isNameLead(words[keep - 1] ?? '')) keep--;
    return words.slice(keep).join('');
  };

  const subjectAt = (from: number, to: number): Subject | undefined => {
    let clause = text.slice(from, to);
    let offset = from;
    // Skip an opening phrase such as "In his remarks," before the subject.
    for (let k = 0; k < 2; k++) {
      const first = /^\s*([\p{L}]+)/u.exec(clause)?.[1]?.toLowerCase() ?? '';
      const comma = clause.indexOf(',');
      if (!(INTRO_WORDS.has(first) || first.endsWith('ing')) || comma === -1) break;
      offset += comma + 1;
      clause = clause.slice(comma + 1);
    }
    const head = /^\s*([\p{L}'’]+)(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?/u.exec(clause);
    const firstWord = head?.[1]?.toLowerCase() ?? '';
    const headAt = offset + (clause.length - clause.trimStart().length);
    if (MALE_PRONOUNS.has(firstWord)) return { type: 'pronoun', gender: 'male', at: headAt };
    if (FEMALE_PRONOUNS.has(firstWord)) return { type: 'pronoun', gender: 'female', at: headAt };
    if (firstWord === 'they' || firstWord === 'we') return { type: 'collective' };
    const headWords = [head?.[2], head?.[3], head?.[4]].map((w) => w?.toLowerCase() ?? '');
    if (['the', 'this', 'their', 'our', 'its', 'a', 'an', 'his', 'her'].includes(firstWord) && headWords.slice(0, 2).some((w) => COLLECTIVE_NOUNS.has(w))) {
      return { type: 'collective' };
    }
    const [first] = narrationMentions(offset, to);
    if (first !== undefined && isNameLead(text.slice(offset, first.start)) && !/^['’]s\b/.test(text.slice(first.end, first.end + 2))) {
      // "the NCRI President-elect": a body's name used as a modifier of an office is not the subject.
      const office = /^\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b/u.exec(text.slice(first.end, to));
      const officeWords = office?.[1]?.split(/\s+/) ?? [];
      if (ctx.kindOf(first.entityId) !== 'person' && officeWords.length > 0 && isRole(officeWords[officeWords.length - 1] ?? '') && SPEECH_VERBS.has(office?.[2] ?? '')) {
        return { type: 'role', role: text.slice(first.start, first.end) + ' ' + officeWords.join(' '), at: first.start };
      }
      return { type: 'entity', mention: first };
    }
    // "the NCRI President-elect said": an office standing for a person named before.
    const roleHead = /^\s*the\s+((?:[\p{Lu}][\p{L}-]*\s+){0,3}?[\p{L}-]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b/u.exec(clause);
    if (firstWord === 'the' && roleHead?.[1] !== undefined && isRole(roleHead[1].split(/\s+/).pop() ?? '') && SPEECH_VERBS.has(roleHead[2] ?? '')) {
      return { type: 'role', role: roleHead[1], at: headAt };
    }
    return undefined;
  };

  /** The subject of the clause before a quote, looking into "in which X ..." and "X, who ..." when the head has none. */
  const leadSubject = (from: number, to: number): Subject | undefined => {
    const clause = text.slice(from, to);
    const who = /,?\s+who\s+/g;
    let lastWho: RegExpExecArray | null = null;
    for (let m = who.exec(clause); m !== null; m = who.exec(clause)) lastWho = m;
    if (lastWho !== null) {
      const whoAt = from + lastWho.index;
      const before = narrationMentions(from, whoAt).pop();
      const between = before === undefined ? '' : text.slice(before.end, whoAt);
      if (before !== undefined && wordsOf(between).every((w) => POST_NOMINALS.has(w))) return { type: 'entity', mention: before };
    }
    const direct = subjectAt(from, to);
    if (direct !== undefined) return direct;
    const markers = [...clause.matchAll(/\b(?:in which|at which|during which|when|where|as|while)\s+/g)].reverse();
    for (const m of markers) {
      const found = subjectAt(from + m.index + m[0].length, to);
      if (found !== undefined) return found;
    }
    return undefined;
  };

  const resolve = (subject: Subject | undefined, clauseStart: number, cue: string): Speaker | undefined => {
    if (subject === undefined) return undefined;
    if (subject.type === 'collective') return { speakerId: null, cue: 'collective' };
    if (subject.type === 'entity') {
      const role = ctx.kindOf(subject.mention.entityId) === 'person' ? roleNear(subject.mention, clauseStart) : undefined;
      return { speakerId: subject.mention.entityId, cue, ...(role !== undefined ? { role } : {}) };
    }
    if (subject.type === 'pronoun') {
      // Candidates: people named in the narration of this paragraph and the one before, and who spoke there.
      const line = lineAt(subject.at);
      const windowStart = lines[Math.max(0, line - 1)]?.start ?? 0;
      const ids = new Set(narrationMentions(windowStart, subject.at).filter((m) => ctx.kindOf(m.entityId) === 'person').map((m) => m.entityId));
      for (const s of statements) if (s.start >= windowStart && s.start < subject.at && s.speakerId !== null) ids.add(s.speakerId);
      const fitting = [...ids].filter((id) => {
        const g = ctx.genderOf(id);
        return g === undefined || g === subject.gender;
      });
      const [only] = fitting;
      return fitting.length === 1 && only !== undefined ? { speakerId: only, cue: 'pronoun' } : { speakerId: null, cue: 'pronoun-ambiguous' };
    }
    // An office: the one person named earlier with that office, else nobody.
    const headWord = (subject.role.split(/\s+/).pop() ?? '').toLowerCase();
    const ids = new Set<string>();
    for (const m of narrationMentions(0, subject.at)) {
      if (ctx.kindOf(m.entityId) !== 'person') continue;
      const lineStart = lines[lineAt(m.start)]?.start ?? 0;
      const postNominals = /^(?:\s+[A-Z]{2,4}\b)+/.exec(text.slice(m.end, m.end + 20))?.[0] ?? '';
      const near = `${titleWordsBefore(Math.max(lineStart, m.start - 80), m.start)} ${postNominals} ${appositionAfter(text, m.end) ?? ''}`.toLowerCase();
      if (new RegExp(`(?:^|[\\s,])${headWord.replace(/[-]/g, '\\-')}(?:$|[\\s,])`).test(near)) ids.add(m.entityId);
    }
    for (const s of statements) if (s.speakerId !== null && s.role !== undefined && s.role.toLowerCase().split(/\s+/).includes(headWord)) ids.add(s.speakerId);
    const [only] = ids;
    return ids.size === 1 && only !== undefined ? { speakerId: only, cue: 'role', role: subject.role } : { speakerId: null, cue: 'role-ambiguous', role: subject.role };
  };

  /** "..., the Rt Hon Lord X, Deputy Leader, said." or "..., said X." after a quote. */
  const afterQuote = (quote: QuoteSpan): Speaker | undefined => {
    const closeAt = quote.closeAt;
    if (closeAt === null) return undefined;
    const line = lines[lineAt(closeAt)];
    if (line === undefined) return undefined;
    const from = closeAt + 1;
    const nextOpen = quotes.find((q) => q.openAt !== null && q.openAt > closeAt)?.openAt ?? Infinity;
    const to = Math.min(sentenceEnd(text, from, line.end), nextOpen);
    const tail = text.slice(from, to);
    const words = tail.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    const verbAt = words.findIndex((w) => SPEECH_VERBS.has(w));
    if (verbAt === -1 || words.length - verbAt > 12 || words[verbAt + 1] === 'that') return undefined;
    // A new sentence after a closed sentence is not an attribution unless it is short ("Smith said.").
    if (/^\s+\p{Lu}/u.test(tail) && /[.!?]$/.test(text.slice(quote.start, quote.end).trim()) && words.length > 6) return undefined;
    const verbFirst = /^[\s,.]*(?:[a-z]+ly\s+)?([a-z]+)\s+/u.exec(tail);
    const found = verbFirst?.[1] !== undefined && SPEECH_VERBS.has(verbFirst[1])
      ? resolve(subjectAt(from + verbFirst[0].length, to), from + verbFirst[0].length, 'said')
      : resolve(subjectAt(from + (/^[\s,]*/.exec(tail)?.[0].length ?? 0), to), from, 'said');
    // A speech verb whose subject cannot be resolved ("Smith said" with two Smiths) means: someone named, unclear who.
    return found ?? (/^[\s,]/.test(tail) ? { speakerId: null, cue: 'unresolved' } : undefined);
  };

  /** The clause before a quote ("X said, “", "X: “", "The statement read: “"). */
  const beforeQuote = (quote: QuoteSpan, previousEnd: number): Speaker | undefined => {
    if (quote.openAt === null) return undefined;
    const lineIndex = lineAt(quote.openAt);
    const line = lines[lineIndex];
    if (line === undefined) return undefined;
    let from = Math.max(sentenceStart(text, line, quote.openAt), previousEnd);
    let to = quote.openAt;
    if (text.slice(from, to).trim() === '') {
      // A quote opening its paragraph may be introduced by the paragraph before, when that ends with a colon.
      const previous = lines[lineIndex - 1];
      if (previous === undefined || !previous.text.endsWith(':') || previousEnd > previous.start) return undefined;
      from = Math.max(sentenceStart(text, previous, previous.end - 1), previous.start);
      to = previous.end;
    }
    const lead = text.slice(from, to);
    const trimmed = lead.trimEnd();
    const words = lead.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    const endsWithCue = /[:,]$/.test(trimmed) || /\bthat$/.test(trimmed) || SPEECH_VERBS.has(words[words.length - 1] ?? '');
    if (!endsWithCue) return undefined;
    const hasSpeech = words.some((w) => SPEECH_VERBS.has(w) || SPEECH_NOUNS.has(w)) || trimmed.endsWith(':');
    const subject = leadSubject(from, to);
    // "Lord X of Y, “...": a name followed straight by the quote.
    const afterName = subject?.type === 'entity' ? text.slice(subject.mention.end, to).replace(/\bof\b/g, '') : '';
    const nameOnly = subject?.type === 'entity' && /^[\s\p{L}'’-]*[,:]?\s*$/u.test(afterName) && !/\s[a-z]/.test(afterName);
    if (!hasSpeech && !nameOnly) return undefined;
    const verb = words.some((w) => SPEECH_VERBS.has(w));
    return resolve(subject, from, verb ? 'said' : trimmed.endsWith(':') ? 'colon' : 'name') ?? { speakerId: null, cue: 'unresolved' };
  };

  // Join a quote left open with a later close when nothing marked lies between and the close names no other speaker.
  const merged: QuoteSpan[] = [];
  const dropped = new Set<number>();
  quotes.forEach((quote) => {
    if (quote.bridgeFrom !== undefined) {
      const opener = quotes[quote.bridgeFrom];
      const post = afterQuote(quote);
      const pre = opener === undefined ? undefined : beforeQuote(opener, 0);
      const startsNewSpeaker = lines.slice(lineAt(opener?.end ?? 0) + 1, lineAt(quote.start) + 1)
        .some((l) => /^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,4}\s*(?:,[^,]{0,80},)?\s*(?:said|says|added|told)?\s*:/u.test(l.text));
      const sameSpeaker = post === undefined || (pre !== undefined && post.speakerId !== null && post.speakerId === pre.speakerId);
      if (opener !== undefined && sameSpeaker && !startsNewSpeaker) {
        dropped.add(quote.bridgeFrom);
        merged.push({ start: opener.start, end: quote.end, openAt: opener.openAt, closeAt: quote.closeAt });
        return;
      }
    }
    merged.push(quote);
  });
  const finalQuotes = merged.filter((q) => !dropped.has(quotes.indexOf(q)));

  let previousEnd = 0;
  for (const quote of finalQuotes) {
    const body = text.slice(quote.start, quote.end);
    const pre = beforeQuote(quote, previousEnd);
    const post = afterQuote(quote);
    previousEnd = (quote.closeAt ?? quote.end) + 1;
    let speaker: Speaker | undefined;
    if (pre !== undefined && post !== undefined && pre.speakerId !== post.speakerId) speaker = { speakerId: null, cue: 'conflicting' };
    else speaker = post ?? pre;
    if (speaker === undefined) {
      const last = statements[statements.length - 1];
      const quoteLine = lineAt(quote.openAt ?? quote.start);
      const adjoining = last !== undefined && lineAt(last.end) >= quoteLine - 1;
      const leadIn = text.slice(lines[quoteLine]?.start ?? quote.start, quote.openAt ?? quote.start).trim();
      if (adjoining && last.speakerId !== null && leadIn === '' && narrationMentions(last.end, quote.start).every((m) => ctx.kindOf(m.entityId) !== 'person')) {
        speaker = { speakerId: last.speakerId, cue: 'previous-speaker' };
      }
    }
    // Short unattributed quotes are titles or scare quotes, not statements.
    if (speaker === undefined && (body.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_QUOTE_WORDS) continue;
    speaker ??= { speakerId: null, cue: 'none' };
    statements.push({ id: `${documentId}-s${statements.length + 1}`, documentId, text: body, start: quote.start, end: quote.end, ...speaker });
  }

  const quoted = (from: number, to: number): boolean => finalQuotes.some((q) => q.start < to && from < q.end);
  // "Jane Doe: We will act." — a name line followed by a colon.
  for (const line of lines) {
    const m = /^([^:“”"]{2,80}?):\s+([^“"\s].*)$/u.exec(line.text);
    if (m?.[1] === undefined || m[2] === undefined || quoted(line.start, line.end)) continue;
    const headEnd = line.start + m[1].length;
    const subject = subjectAt(line.start, headEnd);
    if (subject?.type !== 'entity' || ctx.kindOf(subject.mention.entityId) !== 'person' || /\S/.test(text.slice(subject.mention.end, headEnd).replace(/\b(?:[A-Z]{2,4})\b/g, ''))) continue;
    const start = line.start + m[0].length - m[2].length;
    statements.push({ id: `${documentId}-s${statements.length + 1}`, documentId, speakerId: subject.mention.entityId, text: m[2], start, end: line.end, cue: 'colon' });
  }
  // "According to X, ..." — reported speech of a named person or body.
  for (const m of text.matchAll(/\bAccording to ([^,\n]{2,80}),\s+([^\n]+?[.!?])(?=\s|$)/g)) {
    const from = m.index + 'According to '.length;
    const subject = subjectAt(from, from + (m[1]?.length ?? 0));
    if (subject?.type !== 'entity' || quoted(m.index, m.index + m[0].length) || m[2] === undefined) continue;
    const start = m.index + m[0].length - m[2].length;
    statements.push({ id: `${documentId}-s${statements.length + 1}`, documentId, speakerId: subject.mention.entityId, text: m[2], start, end: start + m[2].length, cue: 'according-to' });
  }
  statements.sort((a, b) => a.start - b.start);
  return statements.map((s, i) => ({ ...s, id: `${documentId}-s${i + 1}` }));
}
