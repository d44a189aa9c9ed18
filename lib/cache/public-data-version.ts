import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { publicDataVersion } from '../../db/schema';

/**
 * How far the public data has moved. Database triggers (migration 0003_public_data_version)
 * move the counters in every transaction that writes a table the public pages read, whichever
 * process writes it: this app, another instance of it, `npm run data:import`, a worker, psql.
 * Reading it costs one primary-key lookup, so a request reads it once and keys everything it
 * caches with it: what was computed at this version is still true, and the first read after a
 * commit sees the new version and computes afresh.
 */
export type PublicDataVersion = {
  /** New whenever the database is created: the counters of two databases are never compared. */
  epoch: string;
  /** Moves with every committed change to public data. */
  counter: number;
  /** Moves with every committed change to places, their names or countries. */
  names: number;
};

export async function readPublicDataVersion(db: Queryable): Promise<PublicDataVersion> {
  const [row] = await db
    .select({ epoch: publicDataVersion.epoch, counter: publicDataVersion.version, names: publicDataVersion.namesVersion })
    .from(publicDataVersion)
    .where(eq(publicDataVersion.id, 1));
  if (!row) throw new Error('public_data_version has no row: the database is not migrated (db/migrations/0003_public_data_version.sql).');
  return row;
}

export function sameVersion(a: PublicDataVersion, b: PublicDataVersion): boolean {
  return a.epoch === b.epoch && a.counter === b.counter;
}

/** Whether `a` is a later state than `b`; a re-created database (another epoch) counts as later. */
export function isLaterVersion(a: PublicDataVersion, b: PublicDataVersion): boolean {
  return a.epoch !== b.epoch || a.counter > b.counter;
}

/** The version as one string, for cache keys and ETags. */
export function versionTag(v: PublicDataVersion): string {
  return `${v.epoch}.${v.counter}`;
}
