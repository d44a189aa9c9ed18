// Run by `npm run dev` and by the e2e web server before the app starts: migrates the configured
// database (PGlite or PostgreSQL) and seeds it when it is empty. Prints one line; exits non-zero
// with the reason when the database cannot be opened (for instance when another process holds
// the PGlite folder).
import { configuredDatabase, openDatabase } from '../db/client';
import { isDatabaseEmpty, seedDatabase } from '../db/seed/run-seed';

const options = configuredDatabase();
const where = options.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dir}`;

try {
  const handle = await openDatabase({ ...options, migrate: true });
  try {
    if (await isDatabaseEmpty(handle.db)) {
      const s = await seedDatabase(handle.db);
      console.log(`Database ready: ${where}, migrated and seeded in ${s.seconds} s (${s.ties} ties, ${s.councils} councils, ${s.events} events).`);
    } else {
      console.log(`Database ready: ${where}, migrated; it already holds data, so it was not seeded.`);
    }
  } finally {
    await handle.close();
  }
} catch (e) {
  // Drizzle wraps the driver's error ("Failed query: ..."); its cause says what went wrong.
  let root: unknown = e;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  console.error(`Database setup failed for ${where}: ${root instanceof Error ? root.message : String(root)}`);
  process.exit(1);
}
