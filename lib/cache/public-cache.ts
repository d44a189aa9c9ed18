import type { Queryable } from '../../db/client';
import { type PublicDataVersion, isLaterVersion, readPublicDataVersion, sameVersion } from './public-data-version';

/**
 * Public reads shared by every request at the same data version. A request reads the version
 * once (publicReader), then each read it makes through `publicQuery` is looked up under that
 * version: computed by the first request that needs it, reused by the others until the data
 * changes, and recomputed by the first request after a commit, from whichever process it came.
 * Nothing is invalidated by hand, so no write path has to remember to.
 *
 * The cache lives in this process, one per database handle (tests open several), and holds the
 * entries of one version: a later version empties it. A request that read an older version than
 * the cache holds (a commit landed in between) computes its reads without keeping them.
 *
 * Cached values are shared between requests: callers must not change them.
 */
export type PublicReader = { readonly db: Queryable; readonly version: PublicDataVersion };

export async function publicReader(db: Queryable): Promise<PublicReader> {
  return { db, version: await readPublicDataVersion(db) };
}

/** Enough for every page of a busy hour; a version change empties it anyway. */
const MAX_ENTRIES = 5000;

type Store = { version: PublicDataVersion | null; entries: Map<string, Promise<unknown>> };
const stores = new WeakMap<object, Store>();

/** The value of `key` at the reader's version: the one already computed, or `compute()`'s. */
export function cachedAtVersion<T>(reader: PublicReader, key: string, compute: () => Promise<T>): Promise<T> {
  let store = stores.get(reader.db);
  if (!store) {
    store = { version: null, entries: new Map() };
    stores.set(reader.db, store);
  }
  if (!store.version || isLaterVersion(reader.version, store.version)) {
    store.version = reader.version;
    store.entries.clear();
  } else if (!sameVersion(reader.version, store.version)) {
    return (async () => compute())();
  }
  const entries = store.entries;
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) {
    // Most recently used last: the first entry is the one to drop when full.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  // Through an async function: a query builder is a thenable that runs again each time it is awaited.
  const value = (async () => compute())();
  entries.set(key, value);
  // A failure is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key) === value) entries.delete(key);
  });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/**
 * A query of the public pages made cacheable: the same function with a reader in place of the
 * database handle. Its arguments (plain data) are part of the key.
 */
export function publicQuery<Args extends unknown[], Result>(
  name: string,
  query: (db: Queryable, ...args: Args) => Promise<Result>,
): (reader: PublicReader, ...args: Args) => Promise<Result> {
  return (reader, ...args) => cachedAtVersion(reader, `${name}${stableKey(args)}`, () => query(reader.db, ...args));
}

/** JSON with object keys sorted, so {a, b} and {b, a} are one key. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
