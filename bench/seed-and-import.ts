// Seed and import timings on each engine. Prints figures; asserts nothing.
//   npm run bench            (PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type DatabaseHandle, type Engine, openDatabase } from '../db/client';
import { SEED_DOCUMENTS_DIR, seedDatabase } from '../db/seed/run-seed';
import { SEED_FILES, SOURCES } from '../db/seed/sources';
import { applyDataset } from '../lib/import/apply-dataset';
import type { SourceRef } from '../lib/import/dataset';
import { exportDataset, serialiseDataset } from '../lib/import/export-dataset';
import { parseWikipediaList } from '../lib/import/wikipedia-list';
import { withDatabase } from '../lib/testing/test-database';

const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const engines: Engine[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

async function freshDatabase(engine: Engine, label: string): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `untwin-bench-${label}-`));
    const handle = await openDatabase({ engine: 'pglite', dir });
    return { ...handle, close: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `untwin_bench_${label}_${process.pid}`;
  const admin = postgres(pgUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const handle = await openDatabase({ engine: 'postgres', url: withDatabase(pgUrl!, name), migrate: true });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(pgUrl!, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

for (const engine of engines) {
  // The Wikipedia list alone, into an empty (migrated) database.
  const text = fs.readFileSync(path.join(SEED_DOCUMENTS_DIR, SEED_FILES.wikipediaRussia), 'utf8');
  const wiki = await freshDatabase(engine, 'wiki');
  let t = performance.now();
  const parsed = parseWikipediaList(text, { source: SOURCES.wikipediaRussia as SourceRef });
  const parseMs = performance.now() - t;
  t = performance.now();
  const report = await applyDataset(wiki.db, parsed.dataset);
  const applyMs = performance.now() - t;
  t = performance.now();
  const again = await applyDataset(wiki.db, parsed.dataset);
  const reapplyMs = performance.now() - t;
  await wiki.close();
  console.log(
    `${engine}: Wikipedia list (001): parse ${Math.round(parseMs)} ms, import ${seconds(applyMs)} ` +
      `(${report.added.ties} ties, ${report.added.places} places, ${report.added.events} events), re-import ${seconds(reapplyMs)} (+${again.added.ties} ties)`,
  );

  // The whole seed, then an export round trip.
  const seeded = await freshDatabase(engine, 'seed');
  t = performance.now();
  const summary = await seedDatabase(seeded.db);
  const seedMs = performance.now() - t;
  t = performance.now();
  const exported = serialiseDataset(await exportDataset(seeded.db));
  const exportMs = performance.now() - t;
  await seeded.close();
  console.log(
    `${engine}: seed ${seconds(seedMs)}: ${summary.ties} ties, ${summary.places} places, ${summary.councils} councils, ` +
      `${summary.events} events, ${summary.reviewItems} review items; export ${Math.round(exportMs)} ms (${Math.round(exported.length / 1024)} KiB)`,
  );
}
