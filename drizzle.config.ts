import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations from the schema; the app and `npm run db:migrate`
// apply them (db/migrate.ts) on PGlite or PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
