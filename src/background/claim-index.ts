import type { CorpusDocument, CorpusPack, Entity, Statement } from '../corpus/pack';
import { figuresAgree, findFigures, type Figure } from '../corpus/claims/figures';
import { compareSpeakers } from '../corpus/claims/speakers';
import { findPageClaims, type PageClaim } from '../corpus/claims/page-claims';
import { buildStatementIndex, findQuoteInStatements, type StatementIndex } from '../corpus/claims/statement-index';
import type { ClaimCard, FigureSource, QuoteSource } from '../shared/claim-card';
import type { CheckedClaims, ClaimVerdict, PageClaimToCheck, PageName } from '../shared/claim-check';
import { excerptAround } from '../shared/excerpt';
import { sourceOf } from './entity-card';
import { correctionLookup, statementCorrection, type CorrectionLookup } from '../shared/correction-lookup';

/**
 * What claim check looks a page's quotations and figures up in: every statement of the enabled packs in a word
 * index, and every figure their documents give, by what it counts. Built once per change of the packs
 * (derived-data.ts), so a page's lookups read it and build nothing.
 */
interface IndexedStatement {
  pack: CorpusPack;
  statement: Statement;
}

interface CorpusFigure {
  pack: CorpusPack;
  document: CorpusDocument;
  figure: Figure;
  /** The statement the figure stands in, if any: then its speaker gives it. */
  statement: Statement | undefined;
}

export interface ClaimIndex {
  statements: IndexedStatement[];
  texts: string[];
  words: StatementIndex;
  figures: Map<string, CorpusFigure[]>;
  entities: Map<string, Entity>;
}

/** Statements matched per quotation, figures listed per card. */
const QUOTE_SOURCES = 5;
const FIGURE_SOURCES = 20;
/** A statement shown whole up to this length; a longer one is cut around what the page quotes. */
const STATEMENT_EXCERPT = 1_500;

function figuresOf(pack: CorpusPack, document: CorpusDocument, own: readonly Statement[]): CorpusFigure[] {
  return findFigures(document.text).map((figure) => ({
    pack,
    document,
    figure,
    statement: own.find((s) => s.start <= figure.start && figure.end <= s.end),
  }));
}

export function buildClaimIndex(packs: readonly CorpusPack[]): ClaimIndex {
  const statements = packs.flatMap((pack) => pack.statements.map((statement) => ({ pack, statement })));
  const texts = statements.map(({ statement }) => statement.text);
  const figures = new Map<string, CorpusFigure[]>();
  const entities = new Map<string, Entity>();
  for (const pack of packs) {
    for (const entity of pack.entities) if (!entities.has(entity.id)) entities.set(entity.id, entity);
    const statementsOf = new Map<string, Statement[]>();
    for (const statement of pack.statements) {
      const list = statementsOf.get(statement.documentId) ?? [];
      list.push(statement);
      statementsOf.set(statement.documentId, list);
    }
    for (const document of pack.documents) {
      for (const found of figuresOf(pack, document, statementsOf.get(document.id) ?? [])) {
        const list = figures.get(found.figure.noun) ?? [];
        list.push(found);
        figures.set(found.figure.noun, list);
      }
    }
  }
  return { statements, texts, words: buildStatementIndex(texts), figures, entities };
}

/** What the sources hold about one claim of a page, in a word; null when they hold nothing about it. */
export function checkClaim(index: ClaimIndex, claim: PageClaimToCheck): ClaimVerdict | null {
  if (claim.kind === 'quote') return findQuoteInStatements(index.words, index.texts, claim.text, 1)[0]?.kind ?? null;
  const figures = index.figures.get(claim.noun);
  if (figures === undefined) return null;
  return figures.some(({ figure }) => figuresAgree(figure, claim)) ? 'same-figure' : 'other-figure';
}

/** A claim as the card asks about it again: the page's words and speaker, or the figure and what it counts. */
const toCheck = (claim: PageClaim): PageClaimToCheck =>
  claim.kind === 'quote'
    ? { kind: 'quote', text: claim.text, speakerId: claim.speakerId }
    : {
        kind: 'figure',
        text: claim.text.slice(0, 300),
        value: claim.figure.value,
        ...(claim.figure.upper !== undefined ? { upper: claim.figure.upper } : {}),
        noun: claim.figure.noun,
      };

/** The most time one page's check may take: the popup, the cards and other tabs wait while it runs. */
export const PAGE_CHECK_BUDGET_MS = 150;

/**
 * The quotations and figures of a page's text that the sources hold, with where they stand in it. The compiler's
 * attribution runs here, in the background, so that it costs the page nothing; it runs only on the quotations the
 * sources hold, at most `MAX_PAGE_QUOTES` of them looked up and within `PAGE_CHECK_BUDGET_MS`, so that no page can
 * hold the background up. A page past a bound gets what was checked, marked partial.
 */
export function checkPageText(
  index: ClaimIndex,
  text: string,
  names: readonly PageName[],
  now: () => number = () => performance.now(),
): CheckedClaims {
  const deadline = now() + PAGE_CHECK_BUDGET_MS;
  // What each quotation's lookup found, so that a quotation is looked up once.
  const quoteVerdicts = new Map<string, ClaimVerdict>();
  const { claims, partial } = findPageClaims(text, names, {
    inSources: (quote) => {
      const verdict = findQuoteInStatements(index.words, index.texts, quote, 1)[0]?.kind;
      if (verdict !== undefined) quoteVerdicts.set(quote, verdict);
      return verdict !== undefined;
    },
    outOfTime: () => now() > deadline,
  });
  return {
    claims: claims.flatMap((found) => {
      const claim = toCheck(found);
      const verdict = (claim.kind === 'quote' ? quoteVerdicts.get(claim.text) : undefined) ?? checkClaim(index, claim);
      return verdict === null ? [] : [{ start: found.start, end: found.end, claim, verdict }];
    }),
    partial,
  };
}

function documentOf(pack: CorpusPack, documentId: string): CorpusDocument | undefined {
  return pack.documents.find((document) => document.id === documentId);
}

/** Newest source first; undated ones last. */
const byDate = <T extends { source: { date?: string } }>(a: T, b: T): number =>
  (b.source.date ?? '').localeCompare(a.source.date ?? '');

/**
 * Everything the sources hold about one claim of a page, for its card; null when they hold nothing. A statement whose
 * speaker the reader corrected is compared with the page under the speaker they named, and says so.
 */
export function buildClaimCard(
  index: ClaimIndex,
  claim: PageClaimToCheck,
  corrections: CorrectionLookup = correctionLookup([]),
): ClaimCard | null {
  const entityOf = (id: string): Entity | undefined => index.entities.get(id);
  if (claim.kind === 'quote') {
    const pageSpeaker = claim.speakerId === null ? null : (index.entities.get(claim.speakerId) ?? null);
    const sources: QuoteSource[] = [];
    for (const match of findQuoteInStatements(index.words, index.texts, claim.text, QUOTE_SOURCES)) {
      const found = index.statements[match.statement];
      const document = found && documentOf(found.pack, found.statement.documentId);
      if (!found || !document) continue;
      const { statement, pack } = found;
      const corrected = statementCorrection(corrections, pack.id, statement, entityOf);
      const speaker = corrected ? corrected.entry.speaker : statement.speakerId;
      const corpusSpeaker =
        speaker === null
          ? null
          : typeof speaker === 'string'
            ? (entityOf(speaker) ?? null)
            : (entityOf(speaker.id) ?? speaker);
      sources.push({
        match: match.kind,
        diff: match.diff,
        statement:
          statement.text.length <= STATEMENT_EXCERPT
            ? { text: statement.text, highlights: [{ start: match.start, end: match.end }] }
            : excerptAround(statement.text, [{ start: match.start, end: match.end }], STATEMENT_EXCERPT),
        speakerName: corpusSpeaker?.name ?? null,
        speakers: compareSpeakers(pageSpeaker, corpusSpeaker),
        source: sourceOf(pack, document, statement.start, statement.end),
        ...(corrected ? { correction: corrected.view } : {}),
      });
    }
    if (sources.length === 0) return null;
    return { kind: 'quote', pageText: claim.text, pageSpeakerName: pageSpeaker?.name ?? null, sources };
  }
  const figures = index.figures.get(claim.noun) ?? [];
  if (figures.length === 0) return null;
  const sources: FigureSource[] = figures.map(({ pack, document, figure, statement }) => {
    const speaker = statement?.speakerId ? index.entities.get(statement.speakerId) : undefined;
    const corrected = statement && statementCorrection(corrections, pack.id, statement, entityOf);
    return {
      text: document.text.slice(figure.start, figure.end),
      agrees: figuresAgree(figure, claim),
      speakerName: corrected ? corrected.view.speakerName : (speaker?.name ?? null),
      ...(corrected ? { correction: corrected.view } : {}),
      inStatement: statement !== undefined,
      excerpt: excerptAround(document.text, [{ start: figure.start, end: figure.end }]),
      source: sourceOf(pack, document, figure.start, figure.end),
    };
  });
  // The sources that give the page's figure first, then the others; newest first within each.
  sources.sort((a, b) => Number(b.agrees) - Number(a.agrees) || byDate(a, b));
  return {
    kind: 'figure',
    pageText: claim.text,
    noun: claim.noun,
    sources: sources.slice(0, FIGURE_SOURCES),
    total: sources.length,
  };
}
