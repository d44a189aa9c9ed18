// npm run worker — sends the outbox's mail (and builds the daily appeal digests), for an app started with MAIL_WORKER=off (or as a
// second sender beside it: the send rate is shared through the database). Runs until SIGTERM or
// SIGINT, then finishes the messages in hand before it exits.
//
// PostgreSQL only in practice: PGlite is one process's folder, so while the app runs, the app
// sends its own mail (MAIL_WORKER=inline, the default).
import { configuredDatabase, openDatabase } from '../db/client';
import { PgliteLockedError } from '../db/pglite-lock';
import { startDigestWorker } from '../lib/appeals/digest';
import { startNotificationWorker } from '../lib/notifications/notification-worker';
import { env } from '../lib/env';
import { mailProvider } from '../lib/mail/providers';
import { startQueue } from '../lib/mail/queue';
import { startMailWorker } from '../lib/mail/worker';

const options = configuredDatabase();
const where = options.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dir}`;

async function openOrExplain() {
  try {
    return await openDatabase(options);
  } catch (e) {
    if (e instanceof PgliteLockedError) {
      console.error(
        `${e.message}\n\nWith PGlite the app sends its own mail (MAIL_WORKER=inline, the default); ` +
          'a separate worker needs PostgreSQL (DATABASE_URL).',
      );
      process.exit(1);
    }
    throw e;
  }
}

try {
  const handle = await openOrExplain();
  const queue = await startQueue(handle);
  const provider = mailProvider();
  const worker = await startMailWorker({ handle, queue, provider });
  const digests = await startDigestWorker({ handle, queue });
  const notifications = await startNotificationWorker({ handle, queue });
  console.log(`Mail worker ${process.pid}: ${provider.name}, ${env().MAIL_RATE_PER_SECOND} requests/s, on ${where}. Stop with Ctrl-C or SIGTERM.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the messages in hand…`);
    try {
      await digests.stop();
      await notifications.stop();
      await worker.stop();
      await queue.stop();
      await handle.close();
      console.log('Mail worker stopped.');
      process.exit(0);
    } catch (e) {
      console.error(`Mail worker did not stop cleanly: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (e) {
  console.error(`Mail worker failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
