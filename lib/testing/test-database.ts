import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, type DatabaseHandle, type Engine, MIGRATIONS_FOLDER, openDatabase } from '../../db/client';
import * as schema from '../../db/schema';

/**
 * Real databases for tests: PGlite always, PostgreSQL whenever TEST_DATABASE_URL (or
 * DATABASE_URL) is set. Each suite gets its own freshly migrated database, made from a
 * template that vitest.global-setup.ts migrated once (a PGlite data-dir dump, a PostgreSQL
 * template database), so a suite costs about a second instead of a full initdb.
 */
export const PGLITE_TEMPLATE = path.join(process.cwd(), '.data', 'test', 'pglite-template.tar');
/** One template per migration set, kept between runs; parallel runs share it safely. */
export function pgTemplateDb(): string {
  return `untwin_template_${migrationsFingerprint()}`;
}

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function testEngines(): Engine[] {
  return testPostgresUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function migrationsFingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (f.endsWith('.sql')) hash.update(f).update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const blob = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
    const client = new PGlite({ loadDataDir: blob });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return { db, engine, connection: { engine: 'pglite', client }, close: () => client.close() };
  }
  const url = testPostgresUrl();
  if (!url) throw new Error('PostgreSQL tests need TEST_DATABASE_URL or DATABASE_URL');
  const name = `untwin_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${pgTemplateDb()}"`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ engine: 'postgres', url: withDatabase(url, name), max: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export type EngineContext = { engine: Engine; db: () => Database; handle: () => DatabaseHandle };

/** A describe block run once per engine, each with its own fresh database. */
export function describeEachEngine(title: string, body: (ctx: EngineContext) => void): void {
  describe.each(testEngines())(`${title} [%s]`, (engine) => {
    let handle: DatabaseHandle | undefined;
    beforeAll(async () => {
      handle = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await handle?.close();
    });
    body({
      engine,
      db: () => {
        if (!handle) throw new Error('database not open yet');
        return handle.db;
      },
      handle: () => {
        if (!handle) throw new Error('database not open yet');
        return handle;
      },
    });
  });
}
