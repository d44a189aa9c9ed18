import { arrayContains, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema';
import { describeEachEngine } from '../testing/test-database';
import { enqueueMail } from './outbox';
import { MAIL_QUEUE, type MailQueue, startQueue } from './queue';
import type { OutgoingMail } from './types';

const mail = (to: string): OutgoingMail => ({
  kind: 'notification',
  to: [to],
  subject: 'Hello',
  html: '<p>Hello</p>',
  text: 'Hello',
});

/** Fails instead of hanging when an enqueue deadlocks (PGlite's one connection). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

class Rollback extends Error {}

describeEachEngine('enqueueMail', ({ engine, db, handle }) => {
  let queue: MailQueue;
  beforeAll(async () => {
    queue = await startQueue(handle());
  });
  afterAll(async () => {
    await queue.stop();
  });

  it('writes the row and its job in the open transaction, without deadlocking', async () => {
    const { id } = await within(
      10_000,
      db().transaction(async (tx) => {
        const queued = await enqueueMail(tx, mail('commit@example.org'));
        // Inside the same transaction both are already there.
        const [row] = await tx.select().from(mailMessages).where(eq(mailMessages.id, queued.id));
        expect(row?.state).toBe('queued');
        return queued;
      }),
    );
    const [row] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(row).toMatchObject({ state: 'queued', to: ['commit@example.org'], fromAddress: 'Untwin <no-reply@untwin.localhost>', attempts: 0 });
    const jobs = await queue.boss.findJobs(MAIL_QUEUE, { id });
    expect(jobs).toHaveLength(1);
    // The job id is the row id, which the worker gives the provider as the idempotency key.
    expect(jobs[0]).toMatchObject({ id, data: { messageId: id }, state: 'created' });
  });

  it('leaves neither row nor job when the transaction rolls back', async () => {
    let id = '';
    await expect(
      within(
        10_000,
        db().transaction(async (tx) => {
          id = (await enqueueMail(tx, mail('rollback@example.org'))).id;
          throw new Rollback();
        }),
      ),
    ).rejects.toBeInstanceOf(Rollback);
    expect(id).not.toBe('');
    expect(await db().select().from(mailMessages).where(eq(mailMessages.id, id))).toHaveLength(0);
    expect(await queue.boss.findJobs(MAIL_QUEUE, { id })).toHaveLength(0);
  });

  it('takes the sender given, and MAIL_FROM otherwise', async () => {
    const { id } = await db().transaction((tx) => enqueueMail(tx, { ...mail('from@example.org'), from: 'Campaign <c@example.org>', cc: ['cc@example.org'] }));
    const [row] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(row).toMatchObject({ fromAddress: 'Campaign <c@example.org>', cc: ['cc@example.org'] });
  });

  it('refuses a mail without recipients, and the transaction with it', async () => {
    await expect(db().transaction((tx) => enqueueMail(tx, { ...mail('x@example.org'), to: [] }))).rejects.toThrow(/recipient/);
  });

  // The by-construction half: should pg-boss ever reach for its own connection during an enqueue
  // (here: its queue cache was dropped, so it would look the queue up), PGlite's single connection
  // would wait for the open transaction forever. The adapter refuses instead, and the transaction
  // rolls back with a clear error.
  it.runIf(engine === 'pglite')('fails fast, never hangs, if pg-boss would use its own PGlite connection inside the transaction', async () => {
    await queue.boss.updateQueue(MAIL_QUEUE, { retryLimit: queue.tuning.maxAttempts - 1 }); // drops the queue from pg-boss's cache
    const guarded = within(5_000, db().transaction((tx) => enqueueMail(tx, mail('guard@example.org'))));
    // Outside a transaction the lookup is harmless and fills the cache again.
    const refill = () => queue.boss.findJobs(MAIL_QUEUE, { id: '00000000-0000-0000-0000-000000000000' });
    await expect(guarded.finally(refill)).rejects.toThrow(/would deadlock/);
    const toGuard = () => db().select().from(mailMessages).where(arrayContains(mailMessages.to, ['guard@example.org']));
    expect(await toGuard()).toHaveLength(0);
    await within(5_000, db().transaction((tx) => enqueueMail(tx, mail('guard@example.org'))));
    expect(await toGuard()).toHaveLength(1);
  });

  it('many enqueues in parallel transactions each get their job', async () => {
    const ids = await within(
      20_000,
      Promise.all(Array.from({ length: 10 }, (_, i) => db().transaction(async (tx) => (await enqueueMail(tx, mail(`p${i}@example.org`))).id))),
    );
    for (const id of ids) expect(await queue.boss.findJobs(MAIL_QUEUE, { id })).toHaveLength(1);
  });
});
