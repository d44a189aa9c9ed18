import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { emailSuppressions, mailMessages } from '../../db/schema';
import { runAction } from '../auth/action';
import { createPerson } from '../people/test-people';
import { type FakeResend, startFakeResend } from '../testing/fake-resend';
import { describeEachEngine } from '../testing/test-database';
import { listFailedMail, listQueuedMail, retryFailedMail } from './failed-mail';
import { enqueueMail } from './outbox';
import { createResendProvider } from './providers';
import { MAIL_QUEUE, type MailQueue, type QueueTuning, startQueue } from './queue';
import type { MailProvider } from './types';
import { type MailWorker, startMailWorker } from './worker';

/**
 * The guarantees, end to end: the real Resend SDK against the fake Resend server, real pg-boss on
 * each engine. Short retry delays keep it quick; the rules are the production ones.
 */
const RATE = 5;
const TUNING: Partial<QueueTuning> = { maxAttempts: 4, retryDelaySeconds: 1, retryBackoff: false, superviseIntervalSeconds: 1, heartbeatSeconds: 10 };

type Row = typeof mailMessages.$inferSelect;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function setup(engineHandle: () => DatabaseHandle, tuning: Partial<QueueTuning>) {
  const state = {} as { fake: FakeResend; provider: MailProvider; queue: MailQueue; worker: MailWorker };
  beforeAll(async () => {
    state.fake = await startFakeResend();
    state.provider = createResendProvider({ apiKey: 're_test_key', baseUrl: state.fake.url });
    state.queue = await startQueue(engineHandle(), tuning);
    state.worker = await startMailWorker({ handle: engineHandle(), queue: state.queue, provider: state.provider, ratePerSecond: RATE, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await state.worker?.stop();
    await state.queue?.stop();
    await state.fake?.close();
  });
  beforeEach(() => state.fake.reset());
  return state;
}

function helpers(db: () => DatabaseHandle['db'], fake: () => FakeResend) {
  const enqueue = (to: string[] = [`p${Math.random().toString(36).slice(2)}@example.org`]) =>
    db().transaction((tx) => enqueueMail(tx, { kind: 'notification', to, subject: `About ${to[0]}`, html: '<p>Hi</p>', text: 'Hi' }));
  const row = async (id: string): Promise<Row> => {
    const [r] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
    if (!r) throw new Error(`no message ${id}`);
    return r;
  };
  const settled = async (id: string, state: Row['state'], timeoutMs?: number) => {
    let last: Row | undefined;
    try {
      return await until(`message ${id} to be ${state}`, async () => {
        last = await row(id);
        return last.state === state ? last : null;
      }, timeoutMs);
    } catch (e) {
      // Say where it stopped: the row, and what the provider saw of it.
      const seen = fake().requests().filter((r) => r.headers['idempotency-key'] === id).length;
      throw new Error(`${(e as Error).message}; the row is ${JSON.stringify(last)}; the provider saw ${seen} request(s) for it`);
    }
  };
  const requestsFor = (id: string) => fake().requests().filter((r) => r.headers['idempotency-key'] === id);
  const messagesFor = (id: string) => fake().messages().filter((m) => m.idempotencyKey === id);
  return { enqueue, row, settled, requestsFor, messagesFor };
}

describeEachEngine('mail worker', ({ db, handle }) => {
  const s = setup(handle, TUNING);
  const { enqueue, row, settled, requestsFor, messagesFor } = helpers(db, () => s.fake);

  it('sends a committed message once, with its row id as the idempotency key', async () => {
    const { id } = await enqueue(['reader@example.org']);
    const sent = await settled(id, 'sent');
    const [message] = messagesFor(id);
    expect(messagesFor(id)).toHaveLength(1);
    expect(message).toMatchObject({ to: ['reader@example.org'], subject: 'About reader@example.org', from: 'Untwin <no-reply@untwin.localhost>' });
    expect(sent).toMatchObject({ attempts: 1, provider: 'resend', providerMessageId: message?.id, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    let id = '';
    await db()
      .transaction(async (tx) => {
        id = (await enqueueMail(tx, { kind: 'notification', to: ['never@example.org'], subject: 'No', html: 'x', text: 'x' })).id;
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    // A committed message enqueued after it is sent; by then the rolled-back one would have been too.
    const { id: later } = await enqueue();
    await settled(later, 'sent');
    expect(requestsFor(id)).toHaveLength(0);
    expect(s.fake.messages().filter((m) => m.to.includes('never@example.org'))).toHaveLength(0);
  });

  it('retries a 500 twice, then sends one message (attempts 3)', async () => {
    s.fake.failNext({ status: 500, count: 2 });
    const { id } = await enqueue();
    const sent = await settled(id, 'sent');
    expect(sent.attempts).toBe(3);
    expect(requestsFor(id)).toHaveLength(3);
    expect(messagesFor(id)).toHaveLength(1);
    expect(sent.lastError).toMatch(/500/);
  });

  it('waits out a 429 Retry-After before the next attempt, and sends one message', async () => {
    s.fake.failNext({ status: 429, count: 1, retryAfterSeconds: 2 });
    const { id } = await enqueue();
    await settled(id, 'sent');
    const [first, second, ...rest] = requestsFor(id);
    expect(rest).toHaveLength(0);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2000 - 50);
    expect(messagesFor(id)).toHaveLength(1);
  });

  it('fails a non-retryable 422 at once; an admin retry sends it once, a non-admin may not', async () => {
    s.fake.failNext({ status: 422, count: 1 });
    const { id } = await enqueue();
    const failed = await settled(id, 'failed');
    expect(failed).toMatchObject({ attempts: 1 });
    expect(failed.lastError).toMatch(/422/);
    expect(failed.failedAt).toBeInstanceOf(Date);
    expect((await listFailedMail(db())).map((m) => m.id)).toContain(id);
    expect((await listQueuedMail(db())).map((m) => m.id)).not.toContain(id);

    const organiser = await createPerson(db(), { roles: [] });
    const refused = await runAction(retryFailedMail, { db: db(), user: organiser.user }, { messageId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await runAction(retryFailedMail, { db: db(), user: null }, { messageId: id })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await row(id)).state).toBe('failed');

    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: id })).toMatchObject({ ok: true, value: { messageId: id } });
    const sent = await settled(id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(messagesFor(id)).toHaveLength(1);
    // A second retry of a message no longer failed is refused, and sends nothing.
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('marks a message failed after its last attempt, keeps the error, and an admin retry sends it once', async () => {
    s.fake.failNext({ status: 503, count: 4 });
    const { id } = await enqueue();
    const failed = await settled(id, 'failed');
    expect(failed.attempts).toBe(4);
    expect(failed.lastError).toMatch(/503/);
    expect(requestsFor(id)).toHaveLength(4);
    expect(messagesFor(id)).toHaveLength(0);

    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: id })).toMatchObject({ ok: true });
    const sent = await settled(id, 'sent');
    expect(sent).toMatchObject({ attempts: 5, failedAt: null });
    expect(messagesFor(id)).toHaveLength(1);
    // The retried job is the same job id: the row id.
    const [job] = await s.queue.boss.findJobs(MAIL_QUEUE, { id });
    expect(job?.state).toBe('completed');
  });

  it('drops suppressed recipients, and cancels a message left with none', async () => {
    await db().insert(emailSuppressions).values([
      { address: 'bounced@example.org', reason: 'bounce' },
      { address: 'complained@example.org', reason: 'complaint' },
    ]);
    const { id: partly } = await enqueue(['Reader <reader2@example.org>', 'Bounced@Example.org']);
    const { id: wholly } = await enqueue(['complained@example.org']);
    expect((await settled(partly, 'sent')).to).toEqual(['Reader <reader2@example.org>']);
    expect(messagesFor(partly)[0]?.to).toEqual(['Reader <reader2@example.org>']);
    const cancelled = await settled(wholly, 'cancelled');
    expect(cancelled).toMatchObject({ lastError: 'suppressed', attempts: 0 });
    expect(requestsFor(wholly)).toHaveLength(0);
  });

  it('keeps to the rate: 10 messages at 5/s are at least 1/5 s apart at the provider', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await enqueue()).id);
    for (const id of ids) await settled(id, 'sent');
    const times = s.fake
      .requests()
      .filter((r) => ids.includes(r.headers['idempotency-key'] ?? ''))
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(10);
    // A rule, not a benchmark: each request waits for the slot the one before it took.
    // The slots are exact where they are taken (lib/mail/throttle.test.ts); between there and the
    // provider a loaded machine can delay one request more than the next, so arrival gaps are
    // checked for bursts (no two requests together) and the span for the rate itself.
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / RATE / 2);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(9 * (1000 / RATE) - 100);
  });
});

/**
 * A worker that dies after the provider took the message but before it wrote "sent". The test
 * provider forwards to the real one and then never returns, the way a killed process never
 * does; pg-boss is then stopped without grace, which fails the job it held (a SIGKILL leaves it to
 * the heartbeat timeout instead: bench/mail-outage.ts does that with real processes).
 */
function dyingAfterSend(real: MailProvider, reached: () => void): MailProvider {
  return {
    name: real.name,
    async send(message) {
      await real.send(message);
      reached();
      return new Promise(() => {});
    },
  };
}

describeEachEngine('mail worker killed mid-send', ({ db, handle }) => {
  const s = setup(handle, TUNING);
  const { enqueue, settled, requestsFor, messagesFor } = helpers(db, () => s.fake);

  it('sends again under the same idempotency key, so the provider keeps one message', async () => {
    // The shared worker steps aside so the dying one takes the job.
    await s.worker.stop();
    const { id } = await enqueue(['killed@example.org']);
    // A second pg-boss instance, as a second process would have.
    const other: DatabaseHandle = { ...handle() };
    const dyingQueue = await startQueue(other, TUNING);
    let reached!: () => void;
    const reachedProvider = new Promise<void>((r) => (reached = r));
    await startMailWorker({ handle: other, queue: dyingQueue, provider: dyingAfterSend(s.provider, reached), ratePerSecond: RATE, pollingIntervalSeconds: 0.5 });
    await reachedProvider;
    expect(messagesFor(id)).toHaveLength(1);
    await dyingQueue.boss.stop({ graceful: false, close: handle().engine === 'postgres', timeout: 1000 });

    s.worker = await startMailWorker({ handle: handle(), queue: s.queue, provider: s.provider, ratePerSecond: RATE, pollingIntervalSeconds: 0.5 });
    const sent = await settled(id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(requestsFor(id)).toHaveLength(2);
    expect(messagesFor(id)).toHaveLength(1);
    expect(sent.providerMessageId).toBe(messagesFor(id)[0]?.id);
  });
});

describeEachEngine('mail worker killed during the last attempt', ({ db, handle }) => {
  const s = setup(handle, { ...TUNING, maxAttempts: 1 });
  const { enqueue, settled, requestsFor, messagesFor } = helpers(db, () => s.fake);

  it('marks the message failed (not stuck sending), and an admin retry completes it without a second email', async () => {
    await s.worker.stop();
    const { id } = await enqueue(['last@example.org']);
    const other: DatabaseHandle = { ...handle() };
    const dyingQueue = await startQueue(other, { ...TUNING, maxAttempts: 1 });
    let reached!: () => void;
    const reachedProvider = new Promise<void>((r) => (reached = r));
    await startMailWorker({ handle: other, queue: dyingQueue, provider: dyingAfterSend(s.provider, reached), ratePerSecond: RATE, pollingIntervalSeconds: 0.5 });
    await reachedProvider;
    await dyingQueue.boss.stop({ graceful: false, close: handle().engine === 'postgres', timeout: 1000 });

    s.worker = await startMailWorker({ handle: handle(), queue: s.queue, provider: s.provider, ratePerSecond: RATE, pollingIntervalSeconds: 0.5 });
    const failed = await settled(id, 'failed');
    expect(failed.lastError).toMatch(/did not finish/);
    expect(failed.attempts).toBe(1);

    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(retryFailedMail, { db: db(), user: admin.user }, { messageId: id })).toMatchObject({ ok: true });
    const sent = await settled(id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(requestsFor(id)).toHaveLength(2);
    expect(messagesFor(id)).toHaveLength(1);
  });
});
