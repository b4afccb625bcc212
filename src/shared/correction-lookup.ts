import { isSameEntity, type NamedEntity } from './same-entity';
import type { Entity, Statement } from '../corpus/pack';
import {
  correctionId,
  isEntity,
  textKey,
  type Correction,
  type EntityRef,
  type SpeakerCorrection,
  type SpeakerCorrectionView,
} from './corrections';
import type { SearchResults, StatementHit } from './search-results';

/**
 * Applying the reader's corrections where a statement or an entity shows: pure functions over the stored corrections
 * and what the current corpora hold, used by the background (cards, search, claim check, the viewer, the page's
 * dictionary) and the options page (the CSV export).
 */

export interface CorrectionLookup {
  /** The reader's correction of a statement's speaker, by the statement's words. */
  speakerOf(packId: string, statement: Pick<Statement, 'documentId' | 'text'>): SpeakerCorrection | undefined;
  /** The same, by the statement's `textKey`. */
  speakerByKey(packId: string, documentId: string, key: string): SpeakerCorrection | undefined;
}

const documentKey = (packId: string, documentId: string): string => `${packId}\n${documentId}`;

/** Speaker corrections by document, then by words: a statement of a document none corrects is never hashed. */
export function correctionLookup(corrections: readonly Correction[]): CorrectionLookup {
  const byDocument = new Map<string, Map<string, SpeakerCorrection>>();
  for (const entry of corrections) {
    if (entry.kind !== 'speaker') continue;
    const key = documentKey(entry.statement.packId, entry.statement.documentId);
    const inDocument = byDocument.get(key) ?? new Map<string, SpeakerCorrection>();
    inDocument.set(entry.statement.textKey, entry);
    byDocument.set(key, inDocument);
  }
  const inDocument = (packId: string, documentId: string) => byDocument.get(documentKey(packId, documentId));
  return {
    speakerOf: (packId, statement) => inDocument(packId, statement.documentId)?.get(textKey(statement.text)),
    speakerByKey: (packId, documentId, key) => inDocument(packId, documentId)?.get(key),
  };
}

/** Whether the speaker the reader named is this entity. */
export const correctsTo = (entry: SpeakerCorrection, entity: Pick<Entity, 'id' | 'kind' | 'name' | 'aliases'>) =>
  entry.speaker !== null && isEntity(entry.speaker, entity);

/**
 * The correction as a view shows it beside the speaker the source's text gives (null: nobody), or undefined when the
 * two agree (a rebuild that now gives the words to the speaker the reader named): nothing is left to correct.
 */
export function correctionView(
  entry: SpeakerCorrection,
  sourceSpeaker: NamedEntity | null,
  /** The name the corpora give the speaker the reader named now; the one remembered when they no longer hold them. */
  currentName: (ref: EntityRef) => string = (ref) => ref.name,
): SpeakerCorrectionView | undefined {
  const agrees =
    entry.speaker === null
      ? sourceSpeaker === null
      : sourceSpeaker !== null && isSameEntity(entry.speaker, sourceSpeaker);
  if (agrees) return undefined;
  return {
    id: correctionId(entry),
    speakerId: entry.speaker?.id ?? null,
    speakerName: entry.speaker === null ? null : currentName(entry.speaker),
    sourceSpeakerName: sourceSpeaker?.name ?? null,
  };
}

/**
 * A corpus statement's correction, if the reader made one that still differs from the source: the stored entry and how
 * a view shows it. `entityOf` finds the pack's entities by id: the source's speaker, and the current name of the one
 * the reader named.
 */
export function statementCorrection(
  lookup: CorrectionLookup,
  packId: string,
  statement: Pick<Statement, 'documentId' | 'text' | 'speakerId'>,
  entityOf: (id: string) => NamedEntity | undefined,
): { entry: SpeakerCorrection; view: SpeakerCorrectionView } | undefined {
  const entry = lookup.speakerOf(packId, statement);
  if (entry === undefined) return undefined;
  const source = statement.speakerId === null ? null : (entityOf(statement.speakerId) ?? null);
  const view = correctionView(entry, source, (ref) => entityOf(ref.id)?.name ?? ref.name);
  return view && { entry, view };
}

/** The popup's statement hits with the speakers the reader named, each saying whom the source gives the words to. */
export function withCorrectedHits(results: SearchResults, lookup: CorrectionLookup): SearchResults {
  const correctHit = (hit: StatementHit): StatementHit => {
    const entry = lookup.speakerByKey(hit.packId, hit.documentId, hit.textKey);
    const source =
      hit.speakerId === null || hit.speakerName === null
        ? null
        : { id: hit.speakerId, name: hit.speakerName, aliases: [] };
    const view = entry && correctionView(entry, source);
    return view ? { ...hit, speakerId: view.speakerId, speakerName: view.speakerName, correction: view } : hit;
  };
  return {
    ...results,
    groups: results.groups.map((group) =>
      group.group === 'statements' ? { ...group, hits: group.hits.map(correctHit) } : group,
    ),
  };
}

/**
 * The ids of the entities a page on `site` must not link: those the reader hid everywhere, and those they said are
 * not the person meant on this site. Matched by id or by a shared name, so a rebuilt corpus's new id is hidden too.
 */
export function hiddenEntityIds(
  corrections: readonly Correction[],
  site: string | null,
  entities: Iterable<Pick<Entity, 'id' | 'kind' | 'name' | 'aliases'>>,
): string[] {
  const refs = corrections.flatMap((entry) =>
    entry.kind === 'mute' || (entry.kind === 'unlink' && entry.site === site) ? [entry.entity] : [],
  );
  if (refs.length === 0) return [];
  const hidden = new Set<string>();
  for (const entity of entities) if (refs.some((ref) => isEntity(ref, entity))) hidden.add(entity.id);
  return [...hidden];
}
