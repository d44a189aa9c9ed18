import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema';
import { runAction } from '../auth/action';
import { createPerson } from '../people/test-people';
import { describeEachEngine } from '../testing/test-database';
import { countMailByState, listFailedMail, listQueuedMail, retryFailedMail } from './failed-mail';
import { enqueueMail } from './outbox';
import { MAIL_QUEUE, type MailQueue, startQueue } from './queue';

/** What the admin page reads, and the retry it offers (no worker runs here: the queue only). */
describeEachEngine('failed mail', ({ db, handle }) => {
  let queue: MailQueue;
  beforeAll(async () => {
    queue = await startQueue(handle());
  });
  afterAll(async () => {
    await queue.stop();
  });

  const enqueue = (subject: string) =>
    db().transaction(async (tx) => (await enqueueMail(tx, { kind: 'appeal', to: [`${subject}@example.org`], subject, html: 'x', text: 'x' })).id);
  const setRow = (id: string, values: Partial<typeof mailMessages.$inferInsert>) => db().update(mailMessages).set(values).where(eq(mailMessages.id, id));

  it('lists failed mail latest first, waiting mail oldest first, and counts every state', async () => {
    const [a, b, c, d, e] = [await enqueue('a'), await enqueue('b'), await enqueue('c'), await enqueue('d'), await enqueue('e')];
    await setRow(a, { state: 'failed', failedAt: new Date('2026-01-01T10:00:00Z'), attempts: 8, lastError: 'Resend answered 503' });
    await setRow(b, { state: 'failed', failedAt: new Date('2026-01-02T10:00:00Z'), attempts: 1, lastError: 'Resend answered 422' });
    await setRow(c, { state: 'sending', attempts: 2, lastAttemptAt: new Date() });
    await setRow(d, { state: 'sent', sentAt: new Date() });
    void e; // stays queued

    expect((await listFailedMail(db())).map((m) => [m.subject, m.attempts, m.lastError])).toEqual([
      ['b', 1, 'Resend answered 422'],
      ['a', 8, 'Resend answered 503'],
    ]);
    expect((await listQueuedMail(db())).map((m) => [m.subject, m.state])).toEqual([
      ['c', 'sending'],
      ['e', 'queued'],
    ]);
    expect(await countMailByState(db())).toEqual({ queued: 1, sending: 1, sent: 1, failed: 2, cancelled: 0 });
  });

  it('an admin retry gives the message a new job under the same id when the old one is gone', async () => {
    const id = await enqueue('retry');
    // As after pg-boss's retention removed the failed job: only the row is left.
    await queue.boss.deleteJob(MAIL_QUEUE, id);
    await setRow(id, { state: 'failed', failedAt: new Date(), attempts: 8, lastError: 'Resend answered 503' });

    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: id })).toEqual({ ok: true, value: { messageId: id } });
    const [row] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
    // Queued again; the history (attempts, last error) stays until the next attempt says otherwise.
    expect(row).toMatchObject({ state: 'queued', failedAt: null, attempts: 8, lastError: 'Resend answered 503' });
    const jobs = await queue.boss.findJobs(MAIL_QUEUE, { id });
    expect(jobs).toHaveLength(1);
    // A full set of attempts again.
    expect(jobs[0]).toMatchObject({ state: 'created', retryCount: 0, retryLimit: queue.tuning.maxAttempts - 1, data: { messageId: id } });
  });

  it('an admin retry keeps a job that is still waiting, rather than adding a second', async () => {
    const id = await enqueue('waiting');
    await setRow(id, { state: 'failed', failedAt: new Date() });
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: id })).toMatchObject({ ok: true });
    expect((await queue.boss.findJobs(MAIL_QUEUE, { id })).map((j) => j.state)).toEqual(['created']);
  });

  it('refuses bad input and people who are not admins, and leaves the message failed', async () => {
    const id = await enqueue('refused');
    await setRow(id, { state: 'failed', failedAt: new Date() });
    const organiser = await createPerson(db(), { roles: [] });
    expect(await runAction(retryFailedMail, { db: db(), user: organiser.user }, { messageId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { messageId: [expect.any(String)] } },
    });
    const [row] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(row?.state).toBe('failed');
  });
});
