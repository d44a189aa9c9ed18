import { and, eq, inArray, sql } from 'drizzle-orm';
import type { JobResult, JobWithMetadata } from 'pg-boss';
import { type Database, type DatabaseHandle, getDatabaseHandle } from '../../db/client';
import { emailSuppressions, mailMessages } from '../../db/schema';
import { startDigestWorker } from '../appeals/digest';
import { startNotificationWorker } from '../notifications/notification-worker';
import { applyMailOutcome } from '../appeals/on-mail-outcome';
import { env } from '../env';
import { mailProvider } from './providers';
import { redactExpiredSecrets, redactedContent } from './secrets';
import { MAIL_DEAD_LETTER_QUEUE, MAIL_QUEUE, type MailJobData, type MailQueue, hasLiveMailJob, startQueue } from './queue';
import { type SendThrottle, createSendThrottle, pushBackSlots } from './throttle';
import type { MailProvider, ProviderMessage, SendOutcome } from './types';

/**
 * Sends what the outbox holds. Each pg-boss job names one mail_messages row; the row, not the
 * job, is the truth about the message:
 *
 * - a row already `sent` (or `cancelled`, or `failed` for good) is not sent again, so a job that
 *   runs twice (its worker was killed after the provider answered) does nothing the second time;
 * - a row still `sending` when its job runs again was maybe sent: it is sent again with the same
 *   idempotency key (the row id), and the provider answers with the first send's id instead of
 *   mailing twice;
 * - every provider call waits for a global send slot (lib/mail/throttle.ts), and a Retry-After
 *   moves that slot, so the retry of a throttled message (and every other message) waits for it;
 * - a retryable failure fails the job, and pg-boss retries it with backoff; the last failed
 *   attempt, or a non-retryable answer, marks the row `failed` for an admin to retry
 *   (lib/mail/failed-mail.ts);
 * - a job pg-boss gives up on by itself (its worker died during the last attempt) reaches the
 *   dead-letter queue, whose worker marks the row `failed` too: nothing stays `sending` forever.
 */

export type MailWorkerOptions = {
  handle: DatabaseHandle;
  provider: MailProvider;
  /** Provider requests per second across all workers; default MAIL_RATE_PER_SECOND. */
  ratePerSecond?: number;
  /** Jobs taken per fetch and sent one slot after another; default two seconds' worth. */
  batchSize?: number;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /** The queue to work; default startQueue(handle). */
  queue?: MailQueue;
};

export type MailWorker = {
  /** Stops taking jobs and waits for the ones in hand (their sends finish). */
  stop(): Promise<void>;
};

export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const { handle, provider } = options;
  const ratePerSecond = options.ratePerSecond ?? env().MAIL_RATE_PER_SECOND;
  const batchSize = options.batchSize ?? Math.max(1, Math.min(50, Math.ceil(ratePerSecond * 2)));
  const queue = options.queue ?? (await startQueue(handle));
  const { boss } = queue;
  const context: DeliveryContext = { db: handle.db, provider, throttle: createSendThrottle(handle.db, ratePerSecond) };

  await boss.work(
    MAIL_QUEUE,
    {
      batchSize,
      includeMetadata: true,
      perJobResults: true,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
    },
    (jobs: JobWithMetadata<MailJobData>[]) =>
      Promise.all(
        jobs.map((job) =>
          deliver(context, job).catch(
            (e: unknown): JobResult => ({ id: job.id, status: 'failed', output: { message: errorMessage(e) } }),
          ),
        ),
      ),
  );

  await boss.work<MailJobData>(
    MAIL_DEAD_LETTER_QUEUE,
    { batchSize: 20, pollingIntervalSeconds: (options.pollingIntervalSeconds ?? 1) * 5 },
    async (jobs) => {
      for (const job of jobs) {
        const { messageId } = job.data;
        // Dead-lettered, then retried by an admin: the new job owns the row now.
        if (await hasLiveMailJob(boss, messageId)) continue;
        await handle.db.transaction(async (tx) => {
          const [failed] = await tx
            .update(mailMessages)
            .set({ state: 'failed', failedAt: new Date(), lastError: 'The last attempt did not finish: its worker stopped or timed out.' })
            .where(and(eq(mailMessages.id, messageId), inArray(mailMessages.state, ['queued', 'sending'])))
            .returning({ kind: mailMessages.kind });
          if (failed) await applyMailOutcome(tx, { messageId, kind: failed.kind, outcome: 'failed' });
        });
      }
    },
  );

  // Secrets that expired unsent (or in the dev mailbox) leave the outbox within a minute; every
  // worker sweeps, which costs an indexed look at the few messages that still hold one.
  const sweep = setInterval(() => {
    redactExpiredSecrets(handle.db).catch((e: unknown) => console.warn(`[mail] could not remove expired secrets: ${errorMessage(e)}`));
  }, SECRET_SWEEP_INTERVAL_MS);
  sweep.unref();

  return {
    async stop() {
      clearInterval(sweep);
      await boss.offWork(MAIL_QUEUE, { wait: true });
      await boss.offWork(MAIL_DEAD_LETTER_QUEUE, { wait: true });
    },
  };
}

const SECRET_SWEEP_INTERVAL_MS = 60_000;

type DeliveryContext = { db: Database; provider: MailProvider; throttle: SendThrottle };

async function deliver(context: DeliveryContext, job: JobWithMetadata<MailJobData>): Promise<JobResult> {
  const { db, provider, throttle } = context;
  const id = job.data.messageId;
  const done = (note: string): JobResult => ({ id: job.id, status: 'completed', output: { note } });

  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!row) return done('no such message');
  if (row.state === 'sent' || row.state === 'cancelled' || row.state === 'failed') return done(`already ${row.state}`);

  const to = await withoutSuppressed(db, row.to);
  const cc = await withoutSuppressed(db, row.cc);
  if (to.length === 0) {
    await db.transaction(async (tx) => {
      const [cancelled] = await tx
        .update(mailMessages)
        .set({ state: 'cancelled', lastError: 'suppressed' })
        .where(and(eq(mailMessages.id, id), inArray(mailMessages.state, ['queued', 'sending'])))
        .returning({ kind: mailMessages.kind });
      // Never sent, and never will be: what it carried (an appeal) did not reach anyone.
      if (cancelled) await applyMailOutcome(tx, { messageId: id, kind: cancelled.kind, outcome: 'failed' });
    });
    return done('every recipient is suppressed');
  }

  // The job's signal aborts when its claim is gone (another worker has it) or pg-boss shuts down.
  try {
    await throttle.acquire(job.signal);
  } catch {
    return { id: job.id, status: 'failed', output: { message: 'stopped before sending' } };
  }

  // `sending` means a request is on its way, so `attempts` counts provider calls. The recipients
  // actually used are kept, so a repeat of this send carries the same payload under the same
  // idempotency key (a provider refuses a key reused with another body).
  const [sending] = await db
    .update(mailMessages)
    .set({ state: 'sending', attempts: sql`${mailMessages.attempts} + 1`, lastAttemptAt: new Date(), to, cc })
    .where(and(eq(mailMessages.id, id), inArray(mailMessages.state, ['queued', 'sending'])))
    .returning();
  if (!sending) return done('settled meanwhile');

  const outcome = await callProvider(provider, {
    idempotencyKey: sending.id,
    from: sending.fromAddress,
    to: sending.to,
    cc: sending.cc,
    replyTo: sending.replyTo,
    headers: sending.headers,
    subject: sending.subject,
    html: sending.html,
    text: sending.text,
  });

  if (outcome.ok) {
    // What the mail carries (an appeal) follows it in the same transaction.
    await db.transaction(async (tx) => {
      await tx
        .update(mailMessages)
        .set({
          state: 'sent',
          providerMessageId: outcome.providerMessageId,
          provider: provider.name,
          sentAt: new Date(),
          // A secret is in the recipient's inbox now, and needs no copy here; the dev mailbox is
          // that inbox, and keeps it until it expires (lib/mail/secrets.ts).
          ...(sending.secretExpiresAt && provider.name !== 'dev_mailbox' ? redactedContent(sending) : {}),
        })
        .where(eq(mailMessages.id, id));
      await applyMailOutcome(tx, { messageId: id, kind: sending.kind, outcome: 'sent' });
    });
    return done('sent');
  }

  // A 429 (or any answer with Retry-After) holds every sender, in every process, until then.
  if (outcome.retryAfterSeconds !== null || outcome.status === 429) await pushBackSlots(db, outcome.retryAfterSeconds ?? 1);
  const final = !outcome.retryable || job.retryCount >= job.retryLimit;
  await db.transaction(async (tx) => {
    const [settled] = await tx
      .update(mailMessages)
      .set({ state: final ? 'failed' : 'queued', lastError: outcome.message, failedAt: final ? new Date() : null })
      .where(and(eq(mailMessages.id, id), eq(mailMessages.state, 'sending')))
      .returning({ kind: mailMessages.kind });
    if (final && settled) await applyMailOutcome(tx, { messageId: id, kind: settled.kind, outcome: 'failed' });
  });
  if (final) console.warn(`[mail] message ${id} failed after ${sending.attempts} attempt(s): ${outcome.message}`);
  // 'deadletter' ends the job now, whatever retries it had left.
  return { id: job.id, status: final ? 'deadletter' : 'failed', output: { message: outcome.message, status: outcome.status } };
}

/** A provider that throws (a bug, an SDK surprise) is a failure like any other, and retried. */
async function callProvider(provider: MailProvider, message: ProviderMessage): Promise<SendOutcome> {
  try {
    return await provider.send(message);
  } catch (e) {
    return { ok: false, retryable: true, status: null, retryAfterSeconds: null, message: `The provider call threw: ${errorMessage(e)}` };
  }
}

/** "Name <a@b>" and "a@b" alike, compared without case. */
function bareAddress(recipient: string): string {
  const named = /<([^<>]+)>\s*$/.exec(recipient);
  return (named?.[1] ?? recipient).trim().toLowerCase();
}

async function withoutSuppressed(db: Database, recipients: string[]): Promise<string[]> {
  if (recipients.length === 0) return recipients;
  const addresses = recipients.map(bareAddress);
  const rows = await db
    .select({ address: emailSuppressions.address })
    .from(emailSuppressions)
    .where(inArray(sql`lower(${emailSuppressions.address})`, addresses));
  const suppressed = new Set(rows.map((r) => r.address.toLowerCase()));
  return recipients.filter((r) => !suppressed.has(bareAddress(r)));
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// --- The app's own worker (instrumentation.ts) ---

const holder = globalThis as unknown as { __untwinAppMail?: Promise<void> };

/** After a failed start (the database not up yet), the next try comes this much later. */
const RESTART_DELAY_MS = 30_000;

/**
 * Starts the app's queue (needed to enqueue at all) and, with MAIL_WORKER=inline, its worker.
 * Once per process. Errors are logged, never thrown, and the start is tried again a little
 * later: the site works without mail meanwhile (only what sends mail fails), and nothing queued
 * is lost.
 */
export function startAppMail(): Promise<void> {
  holder.__untwinAppMail ??= (async () => {
    try {
      const handle = await getDatabaseHandle();
      const queue = await startQueue(handle);
      if (env().MAIL_WORKER === 'inline') {
        const provider = mailProvider();
        await startMailWorker({ handle, queue, provider });
        // The appeals' daily digest is built where the mail is sent.
        await startDigestWorker({ handle, queue });
        // Status changes told to the people who wrote to or follow a council (lib/notifications).
        await startNotificationWorker({ handle, queue });
        console.info(`[mail] worker started in the app process (${provider.name}, ${env().MAIL_RATE_PER_SECOND}/s)`);
      }
    } catch (e) {
      console.error(`[mail] could not start the mail queue (trying again in ${RESTART_DELAY_MS / 1000} s): ${errorMessage(e)}`);
      holder.__untwinAppMail = undefined;
      setTimeout(() => void startAppMail(), RESTART_DELAY_MS).unref();
    }
  })();
  return holder.__untwinAppMail;
}
