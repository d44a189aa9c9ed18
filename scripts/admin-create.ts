// npm run admin:create -- EMAIL
// Makes EMAIL an admin of this Untwin: creates the account if that address has never signed in,
// and grants the admin role. The person then signs in with an email link like everyone else
// (there is no default password). Running it again for the same address changes nothing.
// Works on PGlite (the folder must not be in use by a running app: the error names the process
// holding it) and on PostgreSQL (DATABASE_URL; migrated first with `npm run db:migrate`).
import { configuredDatabase, openDatabase } from '../db/client';
import { env } from '../lib/env';
import { InvalidEmailError, createAdmin, signInInstructions } from '../lib/people/create-admin';
import { UsageError, runCli } from './run-cli';

const USAGE = `Usage: npm run admin:create -- EMAIL

  EMAIL  the address of the new admin; they sign in with it by email link`;

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError(args.length === 0 ? 'Say whose address to make admin.' : 'Give exactly one address.');
  const options = configuredDatabase();
  const handle = await openDatabase(options);
  try {
    const result = await createAdmin(handle.db, args[0]!).catch((e: unknown) => {
      if (e instanceof InvalidEmailError) throw new UsageError(e.message);
      throw e;
    });
    const where = options.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dir}`;
    console.log(
      `${result.email} ${result.grantedAdmin ? 'is now an admin' : 'was already an admin; nothing changed'}` +
        `${result.createdUser ? ' (a new account: the address is confirmed at the first sign-in)' : ''}, in ${where}.`,
    );
    for (const line of signInInstructions(result.email, env())) console.log(line);
    return 0;
  } finally {
    await handle.close();
  }
}

await runCli(main, { usage: USAGE, label: 'admin:create' });
