/**
 * Display names of entities by id, for lists that know only ids (the popup's "On this page"): from the packs, or from
 * the search table, which holds every entity of the enabled packs, so that a restarted worker need not read the packs.
 */
import type { CorpusPack } from '../corpus/pack';
import type { EntityKind } from '../shared/entity-kind';
import type { ResponseOf } from '../shared/message-protocol';
import type { backgroundMessages } from '../shared/messages';
import { rowCount, textAt } from './search/columns';
import type { SearchTable } from './search/table';

export type EntityNames = ResponseOf<typeof backgroundMessages, 'getEntityNames'>;

/** The first pack that holds an id names it. */
export function entityNamesInPacks(packs: readonly CorpusPack[], ids: readonly string[]): EntityNames {
  const wanted = new Set(ids);
  const names: EntityNames = {};
  for (const pack of packs) {
    for (const entity of pack.entities)
      if (wanted.has(entity.id)) names[entity.id] ??= { name: entity.name, kind: entity.kind };
  }
  return names;
}

/**
 * The same names from the table, whose rows follow the packs' order within each of its two entity groups (people
 * and organisations; topics and places). Null when packs give one of the ids kinds of both groups: which pack comes
 * first is then known only to the packs.
 */
export function entityNamesInTable(table: SearchTable, ids: readonly string[]): EntityNames | null {
  const wanted = new Set(ids);
  const names = new Map<string, EntityNames[string]>();
  for (const group of ['people', 'topics'] as const) {
    const columns = table[group];
    const found = new Set<string>();
    for (let row = 0; row < rowCount(columns.id); row++) {
      const id = textAt(columns.id, row);
      if (id === undefined || !wanted.has(id) || found.has(id)) continue;
      if (names.has(id)) return null;
      found.add(id);
      names.set(id, { name: textAt(columns.name, row) ?? '', kind: textAt(columns.kind, row) as EntityKind });
    }
  }
  return Object.fromEntries(names);
}
