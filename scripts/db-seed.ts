// npm run db:seed [-- --migrate] — seeds the configured database with the seed documents
// (db/seed). PGlite migrates itself; PostgreSQL is migrated only with --migrate (otherwise run
// `npm run db:migrate` first). Seeding is idempotent: on a seeded database it adds nothing.
import { configuredDatabase, openDatabase } from '../db/client';
import { seedDatabase } from '../db/seed/run-seed';

const options = configuredDatabase();
const migrate = options.engine === 'pglite' || process.argv.includes('--migrate');
const where = options.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dir}`;

try {
  const handle = await openDatabase({ ...options, migrate });
  try {
    console.log(`Seeding ${where}...`);
    const s = await seedDatabase(handle.db, { log: (line) => console.log(`  ${line}`) });
    const campaigns = Object.entries(s.tiesPerCampaign)
      .map(([slug, n]) => `${slug} ${n}`)
      .join(', ');
    console.log(
      `Seeded in ${s.seconds} s. The database now holds ${s.ties} ties, ${s.places} places, ${s.councils} councils, ` +
        `${s.events} events and ${s.reviewItems} review items; ties per campaign: ${campaigns}.`,
    );
  } finally {
    await handle.close();
  }
} catch (e) {
  // Drizzle wraps the driver's error ("Failed query: ..."); its cause says what went wrong.
  const messages: string[] = [];
  for (let cur: unknown = e; cur instanceof Error; cur = cur.cause) messages.unshift(cur.message.split('\n')[0]!);
  const message = messages[0] ?? String(e);
  const unmigrated = options.engine === 'postgres' && /relation .* does not exist/i.test(message);
  console.error(`Seeding failed: ${message}${unmigrated ? ' (the database is not migrated: run `npm run db:migrate` first, or pass --migrate)' : ''}`);
  process.exit(1);
}
