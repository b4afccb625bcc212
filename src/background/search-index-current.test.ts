import { describe, expect, it } from 'vitest';
import type { SearchIndex } from './search-index';
import { latestSearchIndex } from './search-index-current';

/** Stand-in indexes: only their identity matters here. */
const indexNamed = (name: string): SearchIndex => ({ name }) as unknown as SearchIndex;

/** A load the test finishes by hand, as a rebuild that takes seconds. */
function deferred(): { promise: Promise<SearchIndex>; resolve: (i: SearchIndex) => void; reject: (e: Error) => void } {
  let resolve!: (i: SearchIndex) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<SearchIndex>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setUp(): { current: () => Promise<SearchIndex>; loads: ReturnType<typeof deferred>[]; change: () => void } {
  let generation = 0;
  const loads: ReturnType<typeof deferred>[] = [];
  const current = latestSearchIndex(
    () => generation,
    () => {
      const load = deferred();
      loads.push(load);
      return load.promise;
    },
  );
  return { current, loads, change: () => generation++ };
}

describe('latestSearchIndex', () => {
  it('waits for the first index, and loads it once however many searches ask', async () => {
    const { current, loads } = setUp();
    const first = current();
    const second = current();
    expect(loads).toHaveLength(1);
    loads[0]?.resolve(indexNamed('a'));
    expect(await first).toEqual(indexNamed('a'));
    expect(await second).toEqual(indexNamed('a'));
    expect(await current()).toEqual(indexNamed('a'));
    expect(loads).toHaveLength(1);
  });

  it('answers from the previous index while the packs’ new one is being built, then from the new one', async () => {
    const { current, loads, change } = setUp();
    const first = current();
    loads[0]?.resolve(indexNamed('old'));
    await first;
    change();
    expect(await current()).toEqual(indexNamed('old'));
    expect(await current()).toEqual(indexNamed('old'));
    expect(loads).toHaveLength(2);
    loads[1]?.resolve(indexNamed('new'));
    await loads[1]?.promise;
    expect(await current()).toEqual(indexNamed('new'));
  });

  it('keeps the previous index when a rebuild fails, and tries again on the next search', async () => {
    const { current, loads, change } = setUp();
    const first = current();
    loads[0]?.resolve(indexNamed('old'));
    await first;
    change();
    expect(await current()).toEqual(indexNamed('old'));
    loads[1]?.reject(new Error('store unreadable'));
    await loads[1]?.promise.catch(() => undefined);
    expect(await current()).toEqual(indexNamed('old'));
    expect(loads).toHaveLength(3);
    loads[2]?.resolve(indexNamed('new'));
    await loads[2]?.promise;
    expect(await current()).toEqual(indexNamed('new'));
  });

  it('never lets a slow build of older packs replace a newer index', async () => {
    const { current, loads, change } = setUp();
    const first = current();
    loads[0]?.resolve(indexNamed('first'));
    await first;
    change();
    void current();
    change();
    void current();
    loads[2]?.resolve(indexNamed('newest'));
    await loads[2]?.promise;
    loads[1]?.resolve(indexNamed('older'));
    await loads[1]?.promise;
    expect(await current()).toEqual(indexNamed('newest'));
  });
});
