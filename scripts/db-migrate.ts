// npm run db:migrate — applies db/migrations to the configured database (PostgreSQL when
// DATABASE_URL is set, otherwise the embedded PGlite folder, which also migrates itself on first use).
import { configuredDatabase, openDatabase } from '../db/client';

const options = configuredDatabase();
const started = performance.now();
try {
  const handle = await openDatabase({ ...options, migrate: true });
  await handle.close();
  const where = options.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dir}`;
  console.log(`Migrated ${where} in ${Math.round(performance.now() - started)} ms.`);
} catch (e) {
  console.error(`Migration failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
