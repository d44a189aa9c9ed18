// Before the e2e PostgreSQL app starts (playwright.config.ts): drops and recreates the database
// DATABASE_URL names, on the server TEST_DATABASE_URL names; scripts/db-setup.ts then migrates
// and seeds it. Only a database named untwin_e2e…, so a mistyped variable cannot drop real data.
import postgres from 'postgres';
import { env } from '../../lib/env';

const { TEST_DATABASE_URL, DATABASE_URL } = env();
const database = DATABASE_URL ? decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1)) : '';
if (!TEST_DATABASE_URL || !/^untwin_e2e[a-z0-9_]*$/.test(database)) {
  console.error(`Refusing to reset "${database}": needs TEST_DATABASE_URL and a DATABASE_URL naming an untwin_e2e database.`);
  process.exit(2);
}
const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${database}"`);
} finally {
  await admin.end();
}
