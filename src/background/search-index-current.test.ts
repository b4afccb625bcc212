import { describe, expect, it } from 'vitest';
import type { SearchIndex } from './search-index';
import { latestSearchIndex, type SearchIndexes } from './search-index-current';

/** Stand-in indexes: only their identity matters here. */
const indexNamed = (name: string): SearchIndex => ({ name }) as unknown as SearchIndex;

/** A step the test finishes by hand: a read of the store, or a build that takes seconds. */
interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setUp(): {
  indexes: SearchIndexes;
  restores: Deferred<SearchIndex | null>[];
  builds: Deferred<SearchIndex>[];
  change: () => void;
} {
  let generation = 0;
  const restores: Deferred<SearchIndex | null>[] = [];
  const builds: Deferred<SearchIndex>[] = [];
  const indexes = latestSearchIndex(
    () => generation,
    () => {
      const restore = deferred<SearchIndex | null>();
      restores.push(restore);
      return restore.promise;
    },
    () => {
      const build = deferred<SearchIndex>();
      builds.push(build);
      return build.promise;
    },
  );
  return { indexes, restores, builds, change: () => generation++ };
}

/** Lets the promise callbacks queued so far run. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

describe('latestSearchIndex', () => {
  it('waits for the first index, and loads it once however many searches ask', async () => {
    const { indexes, restores, builds } = setUp();
    const first = indexes.latest();
    const second = indexes.latest();
    expect(restores).toHaveLength(1);
    restores[0]?.resolve(indexNamed('a'));
    expect(await first).toEqual(indexNamed('a'));
    expect(await second).toEqual(indexNamed('a'));
    expect(await indexes.latest()).toEqual(indexNamed('a'));
    expect(restores).toHaveLength(1);
    expect(builds).toHaveLength(0);
  });

  it('builds the index when none is stored', async () => {
    const { indexes, restores, builds } = setUp();
    const first = indexes.latest();
    restores[0]?.resolve(null);
    await settle();
    expect(builds).toHaveLength(1);
    builds[0]?.resolve(indexNamed('built'));
    expect(await first).toEqual(indexNamed('built'));
    expect(await indexes.latest()).toEqual(indexNamed('built'));
    expect(builds).toHaveLength(1);
  });

  it('answers from the previous index while the packs’ new one is being built, then from the new one', async () => {
    const { indexes, restores, builds, change } = setUp();
    const first = indexes.latest();
    restores[0]?.resolve(indexNamed('old'));
    await first;
    change();
    const old = await indexes.latest();
    expect(old).toEqual(indexNamed('old'));
    expect(indexes.isCurrent(old)).toBe(false);
    expect(await indexes.latest()).toEqual(indexNamed('old'));
    expect(restores).toHaveLength(2);
    restores[1]?.resolve(null);
    await settle();
    builds[0]?.resolve(indexNamed('new'));
    await settle();
    const fresh = await indexes.latest();
    expect(fresh).toEqual(indexNamed('new'));
    expect(indexes.isCurrent(fresh)).toBe(true);
  });

  it('keeps the previous index when a rebuild fails, and tries again on the next search', async () => {
    const { indexes, restores, builds, change } = setUp();
    const first = indexes.latest();
    restores[0]?.resolve(indexNamed('old'));
    await first;
    change();
    expect(await indexes.latest()).toEqual(indexNamed('old'));
    restores[1]?.resolve(null);
    await settle();
    builds[0]?.reject(new Error('store unreadable'));
    await settle();
    expect(await indexes.latest()).toEqual(indexNamed('old'));
    expect(restores).toHaveLength(3);
    restores[2]?.resolve(indexNamed('new'));
    await settle();
    expect(await indexes.latest()).toEqual(indexNamed('new'));
  });

  it('never lets a slow build of older packs replace a newer index', async () => {
    const { indexes, restores, builds, change } = setUp();
    const first = indexes.latest();
    restores[0]?.resolve(indexNamed('first'));
    await first;
    change();
    void indexes.latest();
    restores[1]?.resolve(null);
    await settle();
    change();
    void indexes.latest();
    restores[2]?.resolve(indexNamed('newest'));
    await settle();
    builds[0]?.resolve(indexNamed('older'));
    await settle();
    expect(await indexes.latest()).toEqual(indexNamed('newest'));
  });
});

describe('readyOrStored', () => {
  it('gives the stored index, read once for it and for the searches', async () => {
    const { indexes, restores } = setUp();
    const names = indexes.readyOrStored();
    const search = indexes.latest();
    restores[0]?.resolve(indexNamed('stored'));
    expect(await names).toEqual(indexNamed('stored'));
    expect(await search).toEqual(indexNamed('stored'));
    expect(await indexes.readyOrStored()).toEqual(indexNamed('stored'));
    expect(restores).toHaveLength(1);
  });

  it('never builds: null when none is stored, until a search has built it', async () => {
    const { indexes, restores, builds } = setUp();
    const names = indexes.readyOrStored();
    restores[0]?.resolve(null);
    expect(await names).toBeNull();
    await settle();
    expect(builds).toHaveLength(0);
    const search = indexes.latest();
    await settle();
    expect(await indexes.readyOrStored()).toBeNull();
    builds[0]?.resolve(indexNamed('built'));
    await search;
    expect(await indexes.readyOrStored()).toEqual(indexNamed('built'));
    expect(restores).toHaveLength(1);
  });

  it('gives no index of packs before a change, where a search is still answered from it', async () => {
    const { indexes, restores, change } = setUp();
    const first = indexes.latest();
    restores[0]?.resolve(indexNamed('old'));
    await first;
    change();
    const names = indexes.readyOrStored();
    expect(await indexes.latest()).toEqual(indexNamed('old'));
    restores[1]?.resolve(null);
    expect(await names).toBeNull();
  });
});
