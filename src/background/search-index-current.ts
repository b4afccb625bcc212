/**
 * Which search index the background answers from. A change of the packs starts a new one: read from IndexedDB, or
 * built when none is stored (seconds at 100,000 statements); until it is ready, searches are answered from the
 * previous one rather than wait. A load that fails keeps the previous index, and the next search tries again.
 */
import type { SearchIndex } from './search-index';

export interface SearchIndexes {
  /** The newest ready index: the current packs' once it is ready, the previous one until then. */
  latest(): Promise<SearchIndex>;
  /** Whether an index `latest` gave is the current packs', not the one before their latest change. */
  isCurrent(index: SearchIndex): boolean;
  /**
   * The current packs' index when it is ready or stored, null when it would have to be built. For a lookup that the
   * packs can also answer, and should not wait for a build.
   */
  readyOrStored(): Promise<SearchIndex | null>;
}

/** The load of one generation's index: read from the store, then built if none was stored, once a search asks. */
interface Load {
  generation: number;
  restored: Promise<SearchIndex | null>;
  built?: Promise<SearchIndex>;
}

/**
 * `generation` counts the changes of the packs; `restore` reads the stored index of the packs as they are now (null
 * when none is stored), `build` makes it from them.
 */
export function latestSearchIndex(
  generation: () => number,
  restore: () => Promise<SearchIndex | null>,
  build: () => Promise<SearchIndex>,
): SearchIndexes {
  let ready: { generation: number; index: SearchIndex } | undefined;
  let pending: Load | undefined;
  const keep = (load: Load, index: SearchIndex | null): void => {
    // A slow load of older packs never replaces a newer index.
    if (index && (!ready || ready.generation < load.generation)) ready = { generation: load.generation, index };
  };
  const forget = (load: Load): void => {
    if (pending === load) pending = undefined;
  };
  const loadOf = (current: number): Load => {
    if (pending?.generation === current) return pending;
    const load: Load = { generation: current, restored: restore() };
    pending = load;
    load.restored.then(
      (index) => keep(load, index),
      () => forget(load),
    );
    return load;
  };
  const readyIndex = (current: number): SearchIndex | undefined =>
    ready?.generation === current ? ready.index : undefined;
  return {
    latest() {
      const current = generation();
      const index = readyIndex(current);
      if (index) return Promise.resolve(index);
      const load = loadOf(current);
      if (!load.built) {
        const built = load.restored.then((restored) => restored ?? build());
        load.built = built;
        built.then(
          (index) => {
            keep(load, index);
            forget(load);
          },
          () => forget(load),
        );
      }
      return ready ? Promise.resolve(ready.index) : load.built;
    },
    isCurrent(index) {
      return readyIndex(generation()) === index;
    },
    readyOrStored() {
      const current = generation();
      const index = readyIndex(current);
      return index ? Promise.resolve(index) : loadOf(current).restored;
    },
  };
}
