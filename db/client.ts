import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { env } from '../lib/env';
import { lockPgliteDir } from './pglite-lock';
import * as schema from './schema';

/**
 * The one database handle. PostgreSQL through postgres.js when DATABASE_URL is set, embedded
 * PGlite otherwise; both behind the same Drizzle type so every query runs on either engine.
 */
export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Code that only reads or writes a few rows takes either; code that needs atomicity takes a Database. */
export type Queryable = Database | Transaction;

export type Engine = 'pglite' | 'postgres';
/** How the handle reaches its engine: pg-boss (lib/mail/queue.ts) opens its own access from this. */
export type Connection = { engine: 'pglite'; client: PGlite } | { engine: 'postgres'; url: string };
export type DatabaseHandle = { db: Database; engine: Engine; connection: Connection; close: () => Promise<void> };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

type OpenOptions =
  | { engine: 'postgres'; url: string; migrate?: boolean; max?: number }
  | { engine: 'pglite'; dir: string | null; migrate?: boolean }; // dir null: in memory (tests)

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.engine === 'postgres') {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    if (options.migrate) await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, engine: 'postgres', connection: { engine: 'postgres', url: options.url }, close: () => client.end({ timeout: 5 }) };
  }
  const release = options.dir ? lockPgliteDir(options.dir) : () => {};
  try {
    const client = options.dir ? new PGlite(path.resolve(options.dir)) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    // PGlite is created on first use, so it is migrated on first use too.
    if (options.migrate !== false) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      engine: 'pglite',
      connection: { engine: 'pglite', client },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** The options the environment asks for: DATABASE_URL, or PGlite in PGLITE_DIR. */
export function configuredDatabase(): OpenOptions {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { engine: 'postgres', url: DATABASE_URL } : { engine: 'pglite', dir: PGLITE_DIR };
}

// One instance per process, kept on globalThis so Next's module reloading does not open a
// second PGlite on the same folder. Created lazily: `next build` never touches the database.
const holder = globalThis as unknown as { __untwinDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.__untwinDb) {
    holder.__untwinDb = openDatabase(configuredDatabase()).catch((e: unknown) => {
      holder.__untwinDb = undefined; // let the next request try again, and see the error
      throw e;
    });
  }
  return holder.__untwinDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
