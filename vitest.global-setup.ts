import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { MIGRATIONS_FOLDER, openDatabase } from './db/client';
import { PGLITE_TEMPLATE, migrationsFingerprint, pgTemplateDb, testPostgresUrl, withDatabase } from './lib/testing/test-database';

/** Migrates one template per engine before the suites run (see lib/testing/test-database.ts). */
export default async function setup(): Promise<void> {
  await preparePgliteTemplate();
  const url = testPostgresUrl();
  if (url) await preparePostgresTemplate(url);
}

async function preparePgliteTemplate(): Promise<void> {
  const stamp = `${PGLITE_TEMPLATE}.${migrationsFingerprint()}`;
  if (fs.existsSync(stamp) && fs.existsSync(PGLITE_TEMPLATE)) return;
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  const client = new PGlite();
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const dump = await client.dumpDataDir('none');
  await client.close();
  // Written aside and renamed, so a run started meanwhile never reads half a file.
  const tmp = `${PGLITE_TEMPLATE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, PGLITE_TEMPLATE);
  for (const f of fs.readdirSync(path.dirname(PGLITE_TEMPLATE))) {
    if (/\.[0-9a-f]{16}$/.test(f)) fs.rmSync(path.join(path.dirname(PGLITE_TEMPLATE), f), { force: true });
  }
  fs.writeFileSync(stamp, new Date().toISOString());
}

async function preparePostgresTemplate(url: string): Promise<void> {
  const template = pgTemplateDb();
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // One run at a time builds the template; the others wait here and then reuse it.
    await admin`select pg_advisory_lock(4242001)`;
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) {
      await admin.unsafe(`CREATE DATABASE "${template}_building"`);
      const handle = await openDatabase({ engine: 'postgres', url: withDatabase(url, `${template}_building`), migrate: true, max: 1 });
      await handle.close();
      await admin.unsafe(`ALTER DATABASE "${template}_building" RENAME TO "${template}"`);
    }
    // Scratch databases of runs that died (their process is gone), and templates of older migrations.
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'untwin_test_%' or (datname like 'untwin_template_%' and datname <> ${template})`;
    for (const { datname } of rows) {
      const pid = Number(/^untwin_test_(\d+)_/.exec(datname)?.[1]);
      if (pid && isAlive(pid)) continue;
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin`select pg_advisory_unlock(4242001)`.catch(() => {});
    await admin.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
