// npm run admin:create -- EMAIL
// Makes EMAIL an admin of this Untwin: creates the account if that address has never signed in,
// and grants the admin role. The person then signs in with an email link like everyone else
// (there is no default password). Running it again for the same address changes nothing.
// Works on PGlite (the folder must not be in use by a running app: the error names the process
// holding it) and on PostgreSQL (DATABASE_URL; migrated first with `npm run db:migrate`).
import { configuredDatabase, openDatabase } from '../db/client';
import { env } from '../lib/env';
import { devMailboxEnabled } from '../lib/mail/providers';
import { InvalidEmailError, createAdmin } from '../lib/people/create-admin';
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
    const { APP_URL, RESEND_API_KEY } = env();
    const where = options.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dir}`;
    console.log(
      `${result.email} ${result.grantedAdmin ? 'is now an admin' : 'was already an admin; nothing changed'}` +
        `${result.createdUser ? ' (a new account: the address is confirmed at the first sign-in)' : ''}, in ${where}.`,
    );
    console.log(`To sign in, open ${APP_URL}/en/sign-in (or /uk/sign-in) and enter ${result.email}; a sign-in link is emailed to it.`);
    if (devMailboxEnabled()) console.log(`No RESEND_API_KEY is set, so the link is not emailed: it appears in the dev mailbox at ${APP_URL}/dev/mailbox.`);
    else if (!RESEND_API_KEY) console.log('No RESEND_API_KEY is set and the dev mailbox is off: set RESEND_API_KEY so the link can be emailed.');
    return 0;
  } finally {
    await handle.close();
  }
}

await runCli(main, { usage: USAGE, label: 'admin:create' });
