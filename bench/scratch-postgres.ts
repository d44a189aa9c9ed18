// A named scratch database on the PostgreSQL server of TEST_DATABASE_URL or DATABASE_URL.
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { withDatabase } from '../lib/testing/test-database';

export function benchPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** Opens (and migrates) `name`, creating it first if it does not exist or `fresh` asks for it. */
export async function openScratchPostgres(url: string, name: string, options: { fresh: boolean; max?: number }): Promise<DatabaseHandle> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a scratch database name: ${name}`);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (options.fresh) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists.length === 0) await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return openDatabase({ engine: 'postgres', url: withDatabase(url, name), migrate: true, max: options.max });
}

export async function dropScratchPostgres(url: string, name: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
