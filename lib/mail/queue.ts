import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { type ConstructorOptions, type Db, PgBoss, type Queue, fromDrizzle, fromPglite } from 'pg-boss';
import { type DatabaseHandle, type Transaction, getDatabaseHandle } from '../../db/client';
import { env } from '../env';

/**
 * The job queue behind the outbox: pg-boss, on the same database as everything else. On
 * PostgreSQL pg-boss keeps a small pool of its own; on PGlite it shares the one embedded
 * connection through pg-boss's PGlite adapter. Either way a job is written by the caller's
 * own transaction (sendMailJob), so a mail exists exactly when the change that caused it does.
 */
export const MAIL_QUEUE = 'mail.send';
/** Where pg-boss moves a job that failed for good, however it failed (the worker marks the row). */
export const MAIL_DEAD_LETTER_QUEUE = 'mail.dead';
export const PGBOSS_SCHEMA = 'pgboss';

export type MailJobData = { messageId: string };

/** How jobs are retried and how soon a dead worker's job is noticed. Tests shorten these. */
export type QueueTuning = {
  /** Attempts before a message fails for good (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First retry after about this long, doubling (with jitter) each time when `retryBackoff`. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  retryDelayMaxSeconds: number;
  /**
   * How long one batch may take, waiting for send slots included; past it pg-boss gives up on the
   * handler and retries the jobs. Long, because a provider's Retry-After can hold every sender.
   */
  expireInSeconds: number;
  /** A worker touches its jobs this often (x2); a job untouched that long belonged to a dead worker. */
  heartbeatSeconds: number;
  /** How often pg-boss looks for such jobs (and refreshes its queue statistics). */
  superviseIntervalSeconds: number;
  /** A job waiting this long without being taken is dropped by pg-boss: far beyond any outage. */
  retentionSeconds: number;
};

export function defaultTuning(): QueueTuning {
  return {
    maxAttempts: env().MAIL_MAX_ATTEMPTS,
    retryDelaySeconds: 5,
    retryBackoff: true,
    retryDelayMaxSeconds: 15 * 60,
    expireInSeconds: 15 * 60,
    heartbeatSeconds: 30,
    superviseIntervalSeconds: 30,
    retentionSeconds: 60 * 24 * 60 * 60,
  };
}

export type MailQueue = {
  boss: PgBoss;
  handle: DatabaseHandle;
  tuning: QueueTuning;
  /** Stops pg-boss (and its workers); the database handle stays open. */
  stop(): Promise<void>;
};

// --- PGlite: nothing pg-boss runs on its own connection may be awaited inside a transaction ---

/**
 * PGlite is one connection: while a transaction is open, any statement from outside it waits for
 * the commit. A pg-boss call that reached for its own connection from inside the caller's
 * transaction would wait for itself forever. sendMailJob marks the time it runs inside a
 * transaction, and the PGlite adapter refuses to run anything then: a loud error, never a hang.
 */
const insideCallerTransaction = new AsyncLocalStorage<true>();

function pgliteAdapter(client: PGlite): Db {
  const adapter = fromPglite(client);
  return {
    ...adapter,
    executeSql(text, values) {
      if (insideCallerTransaction.getStore()) {
        return Promise.reject(
          new Error("pg-boss tried to use PGlite's only connection while the caller's transaction is open; that would deadlock"),
        );
      }
      return adapter.executeSql(text, values);
    },
  };
}

/** pg-boss's drizzle adapter, on our Transaction type (whose execute result type is generic). */
function inTransaction(tx: Transaction): Db {
  return fromDrizzle({ execute: (query) => tx.execute(query as SQL) as Promise<{ rows: unknown[] } | unknown[]> }, sql);
}

function inCallerTransaction<T>(run: () => Promise<T>): Promise<T> {
  return insideCallerTransaction.run(true, run);
}

// --- Starting pg-boss, once per database handle ---

function bossOptions(handle: DatabaseHandle, tuning: QueueTuning): ConstructorOptions {
  const common: ConstructorOptions = {
    schema: PGBOSS_SCHEMA,
    // Sending mail needs no cron, and the statistics pg-boss keeps are read by nobody here.
    schedule: false,
    superviseIntervalSeconds: tuning.superviseIntervalSeconds,
    monitorIntervalSeconds: tuning.superviseIntervalSeconds,
    persistWarnings: false,
    monitorVacuum: false,
  };
  if (handle.connection.engine === 'pglite') {
    // REINDEX CONCURRENTLY has nothing to gain on an embedded, single-connection database.
    return { ...common, db: pgliteAdapter(handle.connection.client), backend: 'pglite', reindex: false };
  }
  return { ...common, connectionString: handle.connection.url, max: 4, application_name: 'untwin-mail' };
}

function mailQueueOptions(tuning: QueueTuning): Omit<Queue, 'name'> {
  return {
    retryLimit: tuning.maxAttempts - 1,
    retryDelay: tuning.retryDelaySeconds,
    retryBackoff: tuning.retryBackoff,
    // pg-boss takes a maximum delay only for a growing one.
    ...(tuning.retryBackoff ? { retryDelayMax: tuning.retryDelayMaxSeconds } : {}),
    expireInSeconds: tuning.expireInSeconds,
    heartbeatSeconds: tuning.heartbeatSeconds,
    retentionSeconds: tuning.retentionSeconds,
    deadLetter: MAIL_DEAD_LETTER_QUEUE,
  };
}

/** Creates a queue, or brings an existing one's options up to date (a changed MAIL_MAX_ATTEMPTS). */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) {
    const { deadLetter, ...rest } = options;
    await boss.updateQueue(name, { ...rest, deadLetter: deadLetter ?? null });
    return;
  }
  try {
    await boss.createQueue(name, options);
  } catch (e) {
    // Another process created it meanwhile (the app and `npm run worker` starting together).
    if (!(await boss.getQueue(name))) throw e;
  }
}

// Kept on globalThis like the database handle (db/client.ts): Next's module reloading must not
// start a second pg-boss on the same PGlite connection.
const holder = globalThis as unknown as {
  __untwinMailQueues?: WeakMap<DatabaseHandle, Promise<MailQueue>>;
  __untwinMailSenders?: PgBoss[];
};
const queues = (holder.__untwinMailQueues ??= new WeakMap());
const senders = (holder.__untwinMailSenders ??= []);

async function openQueue(handle: DatabaseHandle, tuning: QueueTuning): Promise<MailQueue> {
  const boss = new PgBoss(bossOptions(handle, tuning));
  // pg-boss reports trouble in its background work (a poll, a maintenance pass) as events; an
  // unhandled 'error' event would end the process.
  boss.on('error', (error) => console.error(`[mail queue] ${error.message}`));
  await boss.start();
  try {
    await ensureQueue(boss, MAIL_DEAD_LETTER_QUEUE, { retentionSeconds: tuning.retentionSeconds });
    await ensureQueue(boss, MAIL_QUEUE, mailQueueOptions(tuning));
    // createQueue/updateQueue drop the queue from pg-boss's in-memory cache; a send that missed the
    // cache would look the queue up on pg-boss's own connection, which on PGlite is the deadlock
    // above. A lookup now, outside any transaction, puts it back (pg-boss refreshes, never drops, it).
    await boss.findJobs(MAIL_QUEUE, { id: '00000000-0000-0000-0000-000000000000' });
  } catch (e) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw e;
  }
  senders.push(boss);
  // However it is stopped (here, or by a caller holding the boss), a stopped pg-boss is forgotten.
  boss.once('stopped', () => {
    const i = senders.indexOf(boss);
    if (i >= 0) senders.splice(i, 1);
    queues.delete(handle);
  });
  return {
    boss,
    handle,
    tuning,
    stop: () => boss.stop({ graceful: true, close: true, timeout: 10_000 }),
  };
}

/**
 * Installs pg-boss's tables (idempotent), creates the mail queues and starts pg-boss for this
 * database. Once per handle: later calls get the same queue (and ignore `tuning`). Must run
 * before the first enqueue: a transaction cannot start it (see inCallerTransaction).
 */
export function startQueue(handle: DatabaseHandle, tuning: Partial<QueueTuning> = {}): Promise<MailQueue> {
  let started = queues.get(handle);
  if (!started) {
    started = openQueue(handle, { ...defaultTuning(), ...tuning });
    started.catch(() => queues.delete(handle)); // the next call tries again, and sees the error
    queues.set(handle, started);
  }
  return started;
}

/** The app's queue, on the app's database (instrumentation.ts starts it when the server starts). */
export async function getQueue(): Promise<MailQueue> {
  return startQueue(await getDatabaseHandle());
}

/**
 * Which started pg-boss writes a job into the caller's transaction does not matter: the statement
 * it builds depends only on the pg-boss schema and the queue's table, which startQueue fixes, and
 * it runs on the transaction. So the outbox needs no handle, only a queue started in this process.
 */
function sender(): PgBoss {
  const boss = senders.at(-1);
  if (!boss) {
    throw new Error('The mail queue is not started in this process: call startQueue(handle) first (instrumentation.ts does, for the app).');
  }
  return boss;
}

/**
 * Writes the job that sends outbox row `messageId`, in the caller's transaction. The job id is
 * the row id, which is also the provider's idempotency key: one row, one job, one email.
 */
export async function sendMailJob(tx: Transaction, messageId: string): Promise<void> {
  const boss = sender();
  const id = await inCallerTransaction(() =>
    boss.send(MAIL_QUEUE, { messageId } satisfies MailJobData, { id: messageId, db: inTransaction(tx) }),
  );
  if (id !== messageId) throw new Error(`A mail job for message ${messageId} already exists`);
}

export type RequeueOutcome = 'requeued' | 'already_queued';

/**
 * Gives a message that failed for good a new job, with a fresh set of attempts, in the caller's
 * transaction. The old job (failed, or completed after a non-retryable answer) is replaced rather
 * than retried: pg-boss's retry() adds one attempt to the old budget, and a job past its retention
 * is gone altogether. The new job keeps the row id, so the idempotency key is the same.
 */
export async function requeueMailJob(tx: Transaction, messageId: string): Promise<RequeueOutcome> {
  const boss = sender();
  const db = inTransaction(tx);
  return inCallerTransaction(async () => {
    const [existing] = await boss.findJobs(MAIL_QUEUE, { id: messageId, db });
    if (existing && (existing.state === 'created' || existing.state === 'retry' || existing.state === 'active')) {
      return 'already_queued';
    }
    if (existing) await boss.deleteJob(MAIL_QUEUE, messageId, { db });
    const id = await boss.send(MAIL_QUEUE, { messageId } satisfies MailJobData, { id: messageId, db });
    if (id !== messageId) throw new Error(`Could not requeue the mail job for message ${messageId}`);
    return 'requeued';
  });
}

/** Is a job for this message waiting or running? (A dead-lettered copy says nothing once it is.) */
export async function hasLiveMailJob(boss: PgBoss, messageId: string): Promise<boolean> {
  const [job] = await boss.findJobs(MAIL_QUEUE, { id: messageId });
  return !!job && (job.state === 'created' || job.state === 'retry' || job.state === 'active');
}
