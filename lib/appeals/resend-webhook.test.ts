import crypto from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeals, emailSuppressions, mailMessages, reviewItems, ties, webhookDeliveries } from '../../db/schema';
import { POST } from '../../app/api/webhooks/resend/route';
import { runAction } from '../auth/action';
import { createResendProvider } from '../mail/providers';
import { type MailQueue, startQueue } from '../mail/queue';
import { type MailWorker, startMailWorker } from '../mail/worker';
import { createPerson } from '../people/test-people';
import { type FakeResend, startFakeResend } from '../testing/fake-resend';
import { describeEachEngine } from '../testing/test-database';
import { prepareAppeal } from './draft';
import { type WebhookRequest, handleResendWebhook } from './resend-webhook';
import { sendAppeal } from './send-appeal';
import { councilWithTie, letterFor, setRulesEnv, until } from './test-appeals';

/**
 * Resend's webhooks with real signatures: each payload is signed here the way Svix signs it
 * (HMAC-SHA256 of `id.timestamp.body` under the base64 key after `whsec_`), and checked by the
 * SDK's resend.webhooks.verify. The emails are real ones the worker sent through the real SDK
 * to the fake Resend server, whose ids the events name.
 */
const SECRET = `whsec_${crypto.randomBytes(24).toString('base64')}`;

function signed(payload: unknown, options: { id?: string; at?: Date; secret?: string } = {}): WebhookRequest {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_${crypto.randomBytes(8).toString('hex')}`;
  const timestamp = String(Math.floor((options.at ?? new Date()).getTime() / 1000));
  const key = Buffer.from((options.secret ?? SECRET).replace(/^whsec_/, ''), 'base64');
  const signature = `v1,${crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  return { body, headers: { id, timestamp, signature }, secret: SECRET };
}

function event(type: string, emailId: string, extra: Record<string, unknown> = {}, createdAt = new Date()) {
  return { type, created_at: createdAt.toISOString(), data: { email_id: emailId, created_at: createdAt.toISOString(), from: 'x@untwin.test', subject: 's', to: [], ...extra } };
}

describe('POST /api/webhooks/resend', () => {
  it('refuses a bad signature with 401 before it opens any database, and 503 without a secret', async () => {
    const restore = setRulesEnv({ RESEND_WEBHOOK_SECRET: SECRET });
    try {
      const request = signed(event('email.delivered', 'e1'), { secret: `whsec_${crypto.randomBytes(24).toString('base64')}` });
      const response = await POST(
        new Request('http://localhost/api/webhooks/resend', {
          method: 'POST',
          body: request.body,
          headers: { 'svix-id': request.headers.id!, 'svix-timestamp': request.headers.timestamp!, 'svix-signature': request.headers.signature! },
        }),
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false });
    } finally {
      restore();
    }
    const restoreUnset = setRulesEnv({ RESEND_WEBHOOK_SECRET: undefined });
    try {
      const request = signed(event('email.delivered', 'e1'));
      const response = await POST(
        new Request('http://localhost/api/webhooks/resend', {
          method: 'POST',
          body: request.body,
          headers: { 'svix-id': request.headers.id!, 'svix-timestamp': request.headers.timestamp!, 'svix-signature': request.headers.signature! },
        }),
      );
      expect(response.status).toBe(503);
    } finally {
      restoreUnset();
    }
  });
});

describe('POST /api/webhooks/resend, the body', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    POST(new Request('http://localhost/api/webhooks/resend', { method: 'POST', body, headers, duplex: 'half' } as RequestInit));

  /** A body that counts what is read of it, and would go on for `megabytes`. */
  function endless(megabytes: number) {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= megabytes * 1024 * 1024) return controller.close();
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    return { stream, pulled: () => pulled };
  }

  it('refuses a body declared too large with 413, reading none of it', async () => {
    const body = endless(200);
    const response = await post(body.stream, { 'content-length': String(200 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading an undeclared (chunked) body at the cap, with 413', async () => {
    const body = endless(200);
    const response = await post(body.stream);
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it('answers a signed body that is not JSON with 400, not 500', async () => {
    const restore = setRulesEnv({ RESEND_WEBHOOK_SECRET: SECRET });
    try {
      const request = signed(event('email.delivered', 'e1'));
      const body = 'this is no JSON';
      const key = Buffer.from(SECRET.replace(/^whsec_/, ''), 'base64');
      const signature = `v1,${crypto.createHmac('sha256', key).update(`${request.headers.id}.${request.headers.timestamp}.${body}`).digest('base64')}`;
      const response = await post(body, { 'svix-id': request.headers.id!, 'svix-timestamp': request.headers.timestamp!, 'svix-signature': signature });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: 'the body is not JSON' });
    } finally {
      restore();
    }
  });
});

describeEachEngine('Resend webhooks', ({ db, handle }) => {
  let fake: FakeResend;
  let queue: MailQueue;
  let worker: MailWorker;
  let restore: () => void;
  beforeAll(async () => {
    restore = setRulesEnv({ APPEALS_BEFORE_TRUST: '0' });
    fake = await startFakeResend();
    queue = await startQueue(handle(), { maxAttempts: 3, retryDelaySeconds: 1, retryBackoff: false, superviseIntervalSeconds: 1 });
    worker = await startMailWorker({ handle: handle(), queue, provider: createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url }), ratePerSecond: 20, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.stop();
    await fake?.close();
    restore?.();
  });

  const appealRow = async (id: number) => (await db().select().from(appeals).where(eq(appeals.id, id)))[0]!;
  let clock = Date.now();
  /** An appeal the app sent, and the id Resend gave its email. */
  async function sentAppeal(target: Awaited<ReturnType<typeof councilWithTie>>) {
    const writer = await createPerson(db());
    clock += 5000;
    const result = await runAction(sendAppeal, { db: db(), user: writer.user, now: new Date(clock) }, letterFor(target));
    if (!result.ok) throw new Error(result.error.message);
    const { appealId } = result.value;
    const messageId = (await appealRow(appealId)).mailMessageId!;
    const mail = await until('the email to be sent', async () => {
      const [row] = await db().select().from(mailMessages).where(eq(mailMessages.id, messageId));
      return row?.state === 'sent' ? row : null;
    });
    return { appealId, writer, mail, emailId: mail.providerMessageId! };
  }
  const deliveries = async (id: string) => (await db().select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!.n;

  it('records a delivery on the appeal once; a replay of the same delivery changes nothing', async () => {
    const x = await councilWithTie(db());
    const { appealId, emailId } = await sentAppeal(x);
    const at = new Date(Date.now() - 30_000);
    const request = signed(event('email.delivered', emailId, { to: x.contactEmails }, at));
    expect(await handleResendWebhook(db(), request)).toEqual({ status: 200, body: { ok: true, outcome: 'delivered: 1 appeal(s)' } });
    const delivered = await appealRow(appealId);
    expect(delivered).toMatchObject({ state: 'delivered', deliveredAt: at });
    expect(delivered.sentAt).toBeInstanceOf(Date);
    // It reached the council: its tie is appealed.
    expect((await db().select({ status: ties.status }).from(ties).where(eq(ties.id, x.tieId)))[0]!.status).toBe('appealed');

    expect(await handleResendWebhook(db(), request)).toEqual({ status: 200, body: { ok: true, outcome: 'already applied' } });
    expect(await deliveries(request.headers.id!)).toBe(1);
    expect(await appealRow(appealId)).toEqual(delivered);
  });

  it('refuses bad signatures, another secret, a stale timestamp and missing headers with 401, storing nothing', async () => {
    const x = await councilWithTie(db());
    const { appealId, emailId } = await sentAppeal(x);
    const good = signed(event('email.delivered', emailId));
    const cases: [string, WebhookRequest][] = [
      ['a tampered body', { ...good, body: good.body.replace('email.delivered', 'email.bounced') }],
      ['another secret', signed(event('email.delivered', emailId), { secret: `whsec_${crypto.randomBytes(24).toString('base64')}` })],
      ['a timestamp 6 minutes old', signed(event('email.delivered', emailId), { at: new Date(Date.now() - 6 * 60_000) })],
      ['a timestamp 6 minutes ahead', signed(event('email.delivered', emailId), { at: new Date(Date.now() + 6 * 60_000) })],
      ['no signature', { ...good, headers: { ...good.headers, signature: null } }],
      ['a garbled signature', { ...good, headers: { ...good.headers, signature: 'v1,AAAA' } }],
    ];
    for (const [what, request] of cases) {
      const reply = await handleResendWebhook(db(), request);
      expect(reply.status, what).toBe(401);
      expect(await deliveries(request.headers.id ?? ''), what).toBe(0);
    }
    expect((await appealRow(appealId)).state).not.toBe('delivered');
    expect(await handleResendWebhook(db(), { ...good, secret: undefined })).toMatchObject({ status: 503 });
    expect(await handleResendWebhook(db(), good)).toMatchObject({ status: 200 });
  });

  it('suppresses a bounced council address, files a review item, and later letters skip the address', async () => {
    const x = await councilWithTie(db(), { contactEmails: ['Bad@Bounce.example', 'good@bounce.example'] });
    const { appealId, emailId, mail } = await sentAppeal(x);
    expect(mail.to).toEqual(['Bad@Bounce.example', 'good@bounce.example']);
    const reply = await handleResendWebhook(
      db(),
      signed(event('email.bounced', emailId, { to: ['bad@bounce.example'], bounce: { type: 'Permanent', subType: 'General', message: 'Mailbox does not exist' } })),
    );
    expect(reply).toMatchObject({ status: 200, body: { outcome: 'bounced: 1 appeal(s)' } });
    expect(await appealRow(appealId)).toMatchObject({ state: 'bounced' });
    expect(await db().select().from(emailSuppressions).where(eq(emailSuppressions.address, 'bad@bounce.example'))).toEqual([
      expect.objectContaining({ reason: 'bounce', detail: 'Permanent: General: Mailbox does not exist' }),
    ]);
    expect(await db().select().from(emailSuppressions).where(eq(emailSuppressions.address, 'good@bounce.example'))).toEqual([]);
    const [item, ...more] = await db().select().from(reviewItems).where(eq(reviewItems.councilId, x.council.id));
    expect(more).toHaveLength(0);
    expect(item).toMatchObject({ kind: 'council_contact_bounced', state: 'open', campaignId: x.campaignId, key: `council_contact_bounced:${x.council.id}:bad@bounce.example` });
    expect(item!.summary).toContain('bad@bounce.example');

    // A later delivered event about the bounced email is stale: the appeal stays bounced.
    await handleResendWebhook(db(), signed(event('email.delivered', emailId)));
    expect(await appealRow(appealId)).toMatchObject({ state: 'bounced' });

    // The next letter to the council goes only to the address that works.
    fake.reset();
    const next = await sentAppeal(x);
    expect(next.mail.to).toEqual(['good@bounce.example']);
    expect(fake.messages().map((m) => m.to)).toEqual([['good@bounce.example']]);
  });

  it("suppresses only the writer's copy when the bounce names the writer's address", async () => {
    const x = await councilWithTie(db(), { contactEmails: ['rada@fine.example'] });
    const { emailId, writer } = await sentAppeal(x);
    await handleResendWebhook(
      db(),
      signed(event('email.bounced', emailId, { to: ['rada@fine.example'], bounce: { type: 'Permanent', message: `550 5.1.1 <${writer.row.email}>: Recipient address rejected` } })),
    );
    expect(await db().select({ address: emailSuppressions.address }).from(emailSuppressions).where(eq(emailSuppressions.address, writer.row.email))).toHaveLength(1);
    expect(await db().select().from(emailSuppressions).where(eq(emailSuppressions.address, 'rada@fine.example'))).toEqual([]);
    expect(await db().select().from(reviewItems).where(eq(reviewItems.councilId, x.council.id))).toEqual([]);
  });

  it('stops the app sending to a council whose only address bounced, and says why', async () => {
    const x = await councilWithTie(db(), { contactEmails: ['only@dead.example'] });
    const { emailId, appealId } = await sentAppeal(x);
    await handleResendWebhook(db(), signed(event('email.bounced', emailId, { to: ['only@dead.example'], bounce: { type: 'Permanent', message: 'gone' } })));
    expect(await appealRow(appealId)).toMatchObject({ state: 'bounced' });
    const writer = await createPerson(db());
    clock += 5000;
    expect(await runAction(sendAppeal, { db: db(), user: writer.user, now: new Date(clock) }, letterFor(x))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const prepared = await prepareAppeal(db(), { councilSlug: x.council.slug, user: writer.user, locale: 'uk' });
    expect(prepared).toMatchObject({ ok: true, canSendFromApp: false, blockedReason: 'all_addresses_suppressed', recipients: [] });
  });

  it('marks complaints and failures, and suppresses a complaining address', async () => {
    const x = await councilWithTie(db(), { contactEmails: ['angry@complain.example'] });
    const complained = await sentAppeal(x);
    await handleResendWebhook(db(), signed(event('email.complained', complained.emailId, { to: ['angry@complain.example'] })));
    expect(await appealRow(complained.appealId)).toMatchObject({ state: 'complained' });
    expect(await db().select({ reason: emailSuppressions.reason }).from(emailSuppressions).where(eq(emailSuppressions.address, 'angry@complain.example'))).toEqual([{ reason: 'complaint' }]);
    expect(await db().select({ kind: reviewItems.kind }).from(reviewItems).where(and(eq(reviewItems.councilId, x.council.id), eq(reviewItems.state, 'open')))).toEqual([
      { kind: 'council_contact_bounced' },
    ]);

    const y = await councilWithTie(db());
    const failed = await sentAppeal(y);
    await handleResendWebhook(db(), signed(event('email.failed', failed.emailId, { failed: { reason: 'reached_daily_quota' } })));
    expect(await appealRow(failed.appealId)).toMatchObject({ state: 'failed' });
    // A delayed delivery is only news: nothing changes, and it is still recorded once.
    const delayed = signed(event('email.delivery_delayed', failed.emailId));
    expect(await handleResendWebhook(db(), delayed)).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
    expect(await deliveries(delayed.headers.id!)).toBe(1);
  });

  it('asks Resend to retry an event about an email not yet recorded, and ignores an old one it cannot place', async () => {
    const early = signed(event('email.delivered', 'not-yet-recorded'));
    expect(await handleResendWebhook(db(), early)).toMatchObject({ status: 503 });
    expect(await deliveries(early.headers.id!)).toBe(0);
    const old = signed(event('email.delivered', 'never-ours', {}, new Date(Date.now() - 2 * 3600_000)));
    expect(await handleResendWebhook(db(), old)).toMatchObject({ status: 200, body: { outcome: 'ignored: unknown email' } });
    expect(await deliveries(old.headers.id!)).toBe(1);
  });
});
