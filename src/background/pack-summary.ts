import type { CorpusPack } from '../corpus/pack';
import type { PackCounts, PackSummary } from '../shared/corpus-summary';
import type { StoredPack } from './database';

/**
 * What the corpus list shows about a stored pack. It is stored beside the pack, written in the same transaction
 * (database.ts), so the popup's corpus line never reads the packs: at 100,000 statements they take half a second.
 */
export function summariseStoredPack(stored: StoredPack): PackSummary {
  return {
    id: stored.id,
    title: stored.pack.title,
    createdAt: stored.pack.createdAt,
    installedAt: stored.installedAt,
    enabled: stored.enabled,
    builtIn: stored.builtIn,
    counts: countPack(stored.pack),
  };
}

function countPack(pack: CorpusPack): PackCounts {
  const ofKind = (kind: string): number => pack.entities.filter((entity) => entity.kind === kind).length;
  return {
    documents: pack.documents.length,
    people: ofKind('person'),
    organisations: ofKind('organisation'),
    topics: ofKind('topic'),
    places: ofKind('place'),
    statements: pack.statements.length,
    questions: pack.questions.length,
  };
}
