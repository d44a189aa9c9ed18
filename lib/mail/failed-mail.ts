import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { mailMessages } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { requeueMailJob } from './queue';
import type { MailKind } from './types';

/**
 * What admins see of the outbox (app/[locale]/admin/mail): mail that failed for good, and mail
 * still waiting (queued, being retried, or being sent), with why and how often it was tried.
 */
export type OutboxEntry = {
  id: string;
  kind: MailKind;
  state: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
  to: string[];
  subject: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
};

const entryColumns = {
  id: mailMessages.id,
  kind: mailMessages.kind,
  state: mailMessages.state,
  to: mailMessages.to,
  subject: mailMessages.subject,
  attempts: mailMessages.attempts,
  lastError: mailMessages.lastError,
  lastAttemptAt: mailMessages.lastAttemptAt,
  failedAt: mailMessages.failedAt,
  createdAt: mailMessages.createdAt,
};

/** Failed for good, latest first. */
export async function listFailedMail(db: Queryable, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  return db
    .select(entryColumns)
    .from(mailMessages)
    .where(eq(mailMessages.state, 'failed'))
    .orderBy(desc(mailMessages.failedAt), desc(mailMessages.createdAt))
    .limit(options.limit ?? 100);
}

/** Not sent yet: queued (maybe waiting for a retry) or being sent now; oldest first. */
export async function listQueuedMail(db: Queryable, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  return db
    .select(entryColumns)
    .from(mailMessages)
    .where(inArray(mailMessages.state, ['queued', 'sending']))
    .orderBy(asc(mailMessages.createdAt))
    .limit(options.limit ?? 100);
}

export type OutboxCounts = Record<OutboxEntry['state'], number>;

export async function countMailByState(db: Queryable): Promise<OutboxCounts> {
  const rows = await db.select({ state: mailMessages.state, n: count() }).from(mailMessages).groupBy(mailMessages.state);
  const counts: OutboxCounts = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

/**
 * An admin sends a failed message again (after fixing what made it fail: a provider setting, a
 * domain). It gets a new job with a full set of attempts, in the same transaction that puts the
 * row back in the queue; the provider's idempotency key stays the row id, so a message that did
 * reach the provider before failing here is not mailed twice.
 */
export const retryFailedMail = defineAction({
  name: 'mail.retry',
  permission: 'mail.retry',
  input: z.object({ messageId: z.uuid() }),
  // Any message, for an admin: the permission is the whole rule.
  target: () => 'anywhere',
  run: async (ctx, { messageId }) =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx.select({ state: mailMessages.state }).from(mailMessages).where(eq(mailMessages.id, messageId)).for('update');
      if (!row) fail('not_found', 'There is no such message.');
      if (row.state !== 'failed') fail('conflict', `This message is ${row.state}, not failed.`);
      await tx
        .update(mailMessages)
        .set({ state: 'queued', failedAt: null })
        .where(and(eq(mailMessages.id, messageId), eq(mailMessages.state, 'failed')));
      await requeueMailJob(tx, messageId);
      return { messageId };
    }),
});
