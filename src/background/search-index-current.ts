/**
 * Which search index the background answers from. A change of the packs starts a new one (read from IndexedDB or
 * built, seconds at 100,000 statements); until it is ready, searches are answered from the previous one rather
 * than wait. A load that fails keeps the previous index, and the next search tries again.
 */
import type { SearchIndex } from './search-index';

/**
 * A getter of the newest ready index. `generation` counts the changes of the packs; `load` makes the index of
 * the packs as they are now.
 */
export function latestSearchIndex(
  generation: () => number,
  load: () => Promise<SearchIndex>,
): () => Promise<SearchIndex> {
  let ready: { generation: number; index: SearchIndex } | undefined;
  let pending: { generation: number; value: Promise<SearchIndex> } | undefined;
  const start = (current: number): Promise<SearchIndex> => {
    const started = { generation: current, value: load() };
    pending = started;
    started.value.then(
      (index) => {
        // A slow load of older packs never replaces a newer index.
        if (!ready || ready.generation < started.generation) ready = { generation: started.generation, index };
        if (pending === started) pending = undefined;
      },
      () => {
        if (pending === started) pending = undefined;
      },
    );
    return started.value;
  };
  return () => {
    const current = generation();
    if (ready?.generation === current) return Promise.resolve(ready.index);
    const loading = pending?.generation === current ? pending.value : start(current);
    return ready ? Promise.resolve(ready.index) : loading;
  };
}
