// The claims a page prints that can be set beside the corpus: its quotations, found and attributed by the same
// code that builds the corpus (the quote finder and the attribution sieve), and its figures.
import type { Mention } from '../pack';
import { MAX_PAGE_CLAIMS, MAX_QUOTE_LENGTH, type PageName } from '../../shared/claim-check';
import { findStatements } from '../attribution/index';
import { findFigures, type Figure } from './figures';

export interface PageQuote {
  kind: 'quote';
  start: number;
  end: number;
  text: string;
  /** Whom the page gives the words to, as the compiler's attribution reads it; null when the page does not say. */
  speakerId: string | null;
}

export interface PageFigure {
  kind: 'figure';
  start: number;
  end: number;
  text: string;
  figure: Figure;
}

export type PageClaim = PageQuote | PageFigure;

/**
 * At most this many quotations of a page are looked for in the sources, in order: a page that prints thousands (to
 * stall the background, or to probe the reader's corpus) gets the first ones checked and a result marked partial.
 */
export const MAX_PAGE_QUOTES = 2_000;

/** A page's claims, and whether some of its quotations were left unchecked by a cap or the time budget. */
export interface PageClaimsFound {
  claims: PageClaim[];
  partial: boolean;
}

/**
 * How the background bounds a page's check: which quotations the sources hold (looked up before any attribution,
 * which only those get), and when to stop.
 */
export interface PageCheckBounds {
  inSources: (quote: string) => boolean;
  /** Whether the time allowed for this page has run out. */
  outOfTime: () => boolean;
}

const UNBOUNDED: PageCheckBounds = { inSources: () => true, outOfTime: () => false };

/** Statements the sieve found without quote marks ("Name: …", "According to X, …") are not the page's quotations. */
const UNQUOTED_CUES = new Set(['colon', 'according-to']);

function cutQuote(text: string): string {
  if (text.length <= MAX_QUOTE_LENGTH) return text;
  const space = text.lastIndexOf(' ', MAX_QUOTE_LENGTH);
  return text.slice(0, space > 0 ? space : MAX_QUOTE_LENGTH);
}

/**
 * The quotations and figures of a page's text, in order, at most `MAX_PAGE_CLAIMS`: only quotations the sources
 * hold are attributed, at most `MAX_PAGE_QUOTES` are looked up, and none once the time is out.
 */
export function findPageClaims(
  text: string,
  names: readonly PageName[],
  bounds: PageCheckBounds = UNBOUNDED,
): PageClaimsFound {
  let looked = 0;
  let held = 0;
  let partial = false;
  const attributes = (start: number, end: number): boolean => {
    if (looked >= MAX_PAGE_QUOTES || held >= MAX_PAGE_CLAIMS || bounds.outOfTime()) {
      partial = true;
      return false;
    }
    looked++;
    const inSources = bounds.inSources(cutQuote(text.slice(start, end)));
    if (inSources) held++;
    return inSources;
  };
  const kinds = new Map(names.map((name) => [name.entityId, name.kind]));
  const speakers: Mention[] = names
    .filter((name) => name.kind === 'person' || name.kind === 'organisation')
    .map(({ entityId, start, end }) => ({ entityId, documentId: 'page', start, end }));
  const quotes: PageClaim[] = findStatements({
    documentId: 'page',
    text,
    mentions: speakers,
    kindOf: (id) => kinds.get(id),
    genderOf: () => undefined,
    attributes,
  })
    .filter((statement) => !UNQUOTED_CUES.has(statement.cue) && statement.decidedBy !== 'passed-over')
    .map((statement) => {
      const quoted = cutQuote(statement.text);
      return {
        kind: 'quote',
        start: statement.start,
        end: statement.start + quoted.length,
        text: quoted,
        speakerId: statement.speakerId,
      };
    });
  // A figure inside a quotation is part of the quotation's check.
  const insideQuote = (at: number): boolean => quotes.some((quote) => quote.start <= at && at < quote.end);
  const figures: PageClaim[] = findFigures(text)
    .filter((figure) => !insideQuote(figure.start))
    .slice(0, MAX_PAGE_CLAIMS)
    .map((figure) => ({
      kind: 'figure',
      start: figure.start,
      end: figure.end,
      text: text.slice(figure.start, figure.end),
      figure,
    }));
  const claims = [...quotes, ...figures].sort((a, b) => a.start - b.start);
  return { claims: claims.slice(0, MAX_PAGE_CLAIMS), partial: partial || claims.length > MAX_PAGE_CLAIMS };
}
