import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appealTies, appeals, campaigns, emailSuppressions, mailMessages, tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import { enqueueMail } from '../mail/outbox';
import { createResendProvider } from '../mail/providers';
import { type MailQueue, startQueue } from '../mail/queue';
import { type MailWorker, startMailWorker } from '../mail/worker';
import { createPerson } from '../people/test-people';
import { type FakeResend, startFakeResend } from '../testing/fake-resend';
import { describeEachEngine } from '../testing/test-database';
import { DIGEST_QUEUE, type DigestWorker, buildDigests, digestJobId, scheduleDigest, startDigestWorker } from './digest';
import { moderateAppeal } from './moderate-appeal';
import { applyMailOutcome } from './on-mail-outcome';
import { appealCounts, campaignAppealCounts } from './queries';
import { recordExternalAppeal } from './record-external-appeal';
import { nextDigestAt } from './rules';
import { sendAppeal } from './send-appeal';
import { setLetterDelivery } from './set-letter-delivery';
import { councilWithTie, externalLetterFor, letterFor, setRulesEnv, until } from './test-appeals';

/**
 * Appeals end to end on each engine: the real action wrapper, the real outbox, pg-boss and mail
 * worker, the real Resend SDK against the fake Resend server.
 */
describeEachEngine('appeals', ({ db, handle }) => {
  let fake: FakeResend;
  let queue: MailQueue;
  let worker: MailWorker;
  beforeAll(async () => {
    fake = await startFakeResend();
    queue = await startQueue(handle(), { maxAttempts: 3, retryDelaySeconds: 1, retryBackoff: false, superviseIntervalSeconds: 1 });
    worker = await startMailWorker({
      handle: handle(),
      queue,
      provider: createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url }),
      ratePerSecond: 20,
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.stop();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const as = (user: Parameters<typeof runAction>[1]['user'], now?: Date) => ({ db: db(), user, ...(now ? { now } : {}) });
  const appealRow = async (id: number) => (await db().select().from(appeals).where(eq(appeals.id, id)))[0]!;
  const mailRow = async (id: string) => (await db().select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;
  const totals = async () => {
    const [a] = await db().select({ n: count() }).from(appeals);
    const [m] = await db().select({ n: count() }).from(mailMessages);
    return { appeals: a!.n, mail: m!.n };
  };
  const sentMail = (id: string) => until(`mail ${id} to be sent`, async () => ((await mailRow(id)).state === 'sent' ? mailRow(id) : null));
  const messagesTo = (address: string) => fake.messages().filter((m) => m.to.includes(address));

  describe('the rate ladder', () => {
    it('refuses a second appeal within 2 seconds, and nothing of it is written', async () => {
      const writer = await createPerson(db());
      const [x, y] = [await councilWithTie(db()), await councilWithTie(db())];
      const t0 = new Date('2030-01-01T10:00:00Z');
      expect(await runAction(sendAppeal, as(writer.user, t0), letterFor(x))).toMatchObject({ ok: true });
      const before = await totals();
      const refused = await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + 1000)), letterFor(y));
      expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 1 } });
      expect(refused.ok ? '' : refused.error.message).toMatch(/next one in 1 second/);
      expect(await totals()).toEqual(before);
      expect(await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + 2000)), letterFor(y))).toMatchObject({ ok: true });
    });

    it('refuses the seventh appeal in an hour, saying when the next one may go', async () => {
      const writer = await createPerson(db());
      const targets = [];
      for (let i = 0; i < 7; i++) targets.push(await councilWithTie(db()));
      const t0 = new Date('2030-02-01T10:00:00Z');
      for (let i = 0; i < 6; i++) {
        expect(await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + i * 3000)), letterFor(targets[i]!))).toMatchObject({ ok: true });
      }
      const before = await totals();
      const at = new Date(t0.getTime() + 60_000);
      const refused = await runAction(sendAppeal, as(writer.user, at), letterFor(targets[6]!));
      expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 3600 - 60 } });
      expect(await totals()).toEqual(before);
      // An hour after the first, there is room again.
      expect(await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + 3600_000 + 1000)), letterFor(targets[6]!))).toMatchObject({ ok: true });
    });

    it('refuses the 21st appeal in a day, even spread out over it', async () => {
      const writer = await createPerson(db());
      const targets = [];
      for (let i = 0; i < 21; i++) targets.push(await councilWithTie(db()));
      const t0 = new Date('2030-03-01T00:00:00Z');
      const every = 11 * 60_000; // under the hourly limit
      for (let i = 0; i < 20; i++) {
        expect(await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + i * every)), letterFor(targets[i]!))).toMatchObject({ ok: true });
      }
      const before = await totals();
      const at = new Date(t0.getTime() + 20 * every);
      const refused = await runAction(sendAppeal, as(writer.user, at), letterFor(targets[20]!));
      expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 24 * 3600 - 20 * 11 * 60 } });
      expect(await totals()).toEqual(before);
    });

    it('takes its numbers from the environment', async () => {
      const restore = setRulesEnv({ APPEAL_LIMIT_PER_HOUR: '2' });
      try {
        const writer = await createPerson(db());
        const targets = [await councilWithTie(db()), await councilWithTie(db()), await councilWithTie(db())];
        const t0 = new Date('2030-04-01T10:00:00Z');
        expect(await runAction(sendAppeal, as(writer.user, t0), letterFor(targets[0]!))).toMatchObject({ ok: true });
        expect(await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + 5000)), letterFor(targets[1]!))).toMatchObject({ ok: true });
        expect(await runAction(sendAppeal, as(writer.user, new Date(t0.getTime() + 10_000)), letterFor(targets[2]!))).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      } finally {
        restore();
      }
    });
  });

  describe('one appeal per council in 30 days', () => {
    it('refuses a second letter to the same council until 30 days have passed, with the date it opens', async () => {
      const writer = await createPerson(db());
      const x = await councilWithTie(db());
      const t0 = new Date('2030-05-01T09:00:00Z');
      expect(await runAction(sendAppeal, as(writer.user, t0), letterFor(x))).toMatchObject({ ok: true });
      const before = await totals();
      const later = new Date('2030-05-20T09:00:00Z');
      const refused = await runAction(sendAppeal, as(writer.user, later), letterFor(x));
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', retryAfterSeconds: 11 * 24 * 3600 } });
      expect(refused.ok ? '' : refused.error.message).toContain('2030-05-31');
      // Taking it elsewhere is an appeal too: the same rule.
      expect(await runAction(recordExternalAppeal, as(writer.user, later), externalLetterFor(x, 'print'))).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect(await totals()).toEqual(before);
      expect(await runAction(sendAppeal, as(writer.user, new Date('2030-05-31T09:00:01Z')), letterFor(x))).toMatchObject({ ok: true });
    });
  });

  describe('moderation', () => {
    it("holds a new activist's first appeal; approved, exactly one email goes out, to the council, answered to the activist", async () => {
      const writer = await createPerson(db(), { email: 'olena@example.org' });
      const x = await councilWithTie(db(), { contactEmails: ['rada@zhytomyr.example', 'sekretar@zhytomyr.example'], sendingAddress: 'Ukraine 2022 <letters@ukraine2022.example>' });
      const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: x.campaignId }] });

      const sent = await runAction(sendAppeal, as(writer.user), letterFor(x));
      expect(sent).toMatchObject({ ok: true, value: { state: 'awaiting_moderation' } });
      const appealId = sent.ok ? sent.value.appealId : 0;
      expect(await appealRow(appealId)).toMatchObject({ state: 'awaiting_moderation', mailMessageId: null, channel: 'app' });
      expect(await db().select().from(appealTies).where(eq(appealTies.appealId, appealId))).toEqual([{ appealId, tieId: x.tieId }]);

      // Nobody approves their own, and an organiser of another campaign may not.
      const stranger = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: (await councilWithTie(db())).campaignId }] });
      expect(await runAction(moderateAppeal, as(stranger.user), { appealId, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const approved = await runAction(moderateAppeal, as(organiser.user), { appealId, decision: 'approve' });
      expect(approved).toMatchObject({ ok: true, value: { state: 'queued', held: false } });
      const queued = await appealRow(appealId);
      expect(queued).toMatchObject({ state: 'queued', moderatedBy: organiser.row.id });
      const mail = await sentMail(queued.mailMessageId!);
      expect(mail.kind).toBe('appeal');

      const [message, ...others] = fake.messages();
      expect(others).toHaveLength(0);
      expect(message).toMatchObject({
        from: 'Ukraine 2022 <letters@ukraine2022.example>',
        to: ['rada@zhytomyr.example', 'sekretar@zhytomyr.example'],
        cc: ['olena@example.org'],
        reply_to: ['olena@example.org'],
        subject: 'Про розірвання зв’язків з містом-партнером',
        idempotencyKey: mail.id,
      });
      expect(message!.text).toContain('Прошу розірвати зв’язки з містом держави-агресора.');
      expect(message!.text).toContain('Автор листа — Олена Коваль, Житомир.');
      expect(message!.html).toContain('lang="uk"');

      // The worker recorded the send, and with it the appeal: sent, and its tie appealed, as the activist's act.
      await until('the appeal to follow its email', async () => (await appealRow(appealId)).state === 'sent');
      expect((await appealRow(appealId)).sentAt).toBeInstanceOf(Date);
      const [tie] = await db().select({ status: ties.status }).from(ties).where(eq(ties.id, x.tieId));
      expect(tie!.status).toBe('appealed');
      const events = await db().select().from(tieEvents).where(and(eq(tieEvents.tieId, x.tieId), eq(tieEvents.type, 'appealed')));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ fromStatus: 'active', toStatus: 'appealed', recordedBy: writer.row.id, occurredPrecision: 'day' });

      // Approved once, trusted: the next appeal (to another council) goes out without waiting.
      const y = await councilWithTie(db());
      expect(await runAction(sendAppeal, as(writer.user, new Date(Date.now() + 5000)), letterFor(y))).toMatchObject({ ok: true, value: { state: 'queued' } });
      // A second approval of a decided appeal is refused.
      expect(await runAction(moderateAppeal, as(organiser.user), { appealId, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('rejects only with a reason, sends nothing, and leaves the council open to the writer', async () => {
      const writer = await createPerson(db());
      const x = await councilWithTie(db());
      const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: x.campaignId }] });
      const sent = await runAction(sendAppeal, as(writer.user), letterFor(x));
      const appealId = sent.ok ? sent.value.appealId : 0;

      expect(await runAction(moderateAppeal, as(organiser.user), { appealId, decision: 'reject' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fieldErrors: { reason: ['Say why the appeal is rejected.'] } },
      });
      expect(await runAction(moderateAppeal, as(organiser.user), { appealId, decision: 'reject', reason: 'Abusive language' })).toMatchObject({
        ok: true,
        value: { state: 'rejected' },
      });
      expect(await appealRow(appealId)).toMatchObject({ state: 'rejected', rejectionReason: 'Abusive language', mailMessageId: null, moderatedBy: organiser.row.id });
      expect(fake.messages()).toHaveLength(0);
      // A rejected appeal does not hold the council; the next still waits for an organiser.
      expect(await runAction(sendAppeal, as(writer.user, new Date(Date.now() + 5000)), letterFor(x))).toMatchObject({ ok: true, value: { state: 'awaiting_moderation' } });
    });
  });

  describe('what reaches a header, and what the council reads', () => {
    it('refuses a line break in the subject, the name or the city, and writes nothing', async () => {
      const writer = await createPerson(db());
      const x = await councilWithTie(db());
      const before = await totals();
      for (const [field, value] of [
        ['subject', 'Please end the tie\r\nBcc: everyone@example.org'],
        ['subject', 'Trailing break\n'],
        ['signerName', 'Olena\nBcc: x@example.org'],
        ['signerCity', 'Lviv\r'],
        ['subject', 'Null\u0000byte'],
      ] as const) {
        const result = await runAction(sendAppeal, as(writer.user), letterFor(x, { [field]: value }));
        expect(result, `${field}: ${JSON.stringify(value)}`).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { [field]: expect.any(Array) } } });
      }
      expect(await totals()).toEqual(before);
    });

    it('writes only to directory addresses that can stand in a header, and refuses a council with none', async () => {
      const restore = setRulesEnv({ APPEALS_BEFORE_TRUST: '0' });
      try {
        const writer = await createPerson(db());
        const mixed = await councilWithTie(db(), { contactEmails: ['good@rada.example', 'evil@rada.example\r\nBcc: all@example.org', 'two@a.example, three@b.example'] });
        const sent = await runAction(sendAppeal, as(writer.user), letterFor(mixed));
        expect(sent).toMatchObject({ ok: true, value: { state: 'queued' } });
        const mail = await sentMail((await appealRow(sent.ok ? sent.value.appealId : 0)).mailMessageId!);
        expect(mail.to).toEqual(['good@rada.example']);

        const none = await councilWithTie(db(), { contactEmails: ['evil@rada.example\nBcc: all@example.org'] });
        const before = await totals();
        expect(await runAction(sendAppeal, as(writer.user, new Date(Date.now() + 5000)), letterFor(none))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
        const empty = await councilWithTie(db(), { contactEmails: [] });
        expect(await runAction(sendAppeal, as(writer.user, new Date(Date.now() + 10_000)), letterFor(empty))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
        expect(await totals()).toEqual(before);
      } finally {
        restore();
      }
    });

    it('escapes the personal text in the HTML and keeps it as written in the plain text', async () => {
      const restore = setRulesEnv({ APPEALS_BEFORE_TRUST: '0' });
      try {
        const writer = await createPerson(db());
        const x = await councilWithTie(db());
        const body = 'Шановні депутати!\n\n<script>alert("x")</script> Tom & Jerry <b>bold</b>\n\nЗ повагою\nОлена';
        const sent = await runAction(sendAppeal, as(writer.user), letterFor(x, { body }));
        await sentMail((await appealRow(sent.ok ? sent.value.appealId : 0)).mailMessageId!);
        const [message] = messagesTo(x.contactEmails[0]!);
        expect(message!.html).not.toContain('<script>');
        expect(message!.html).not.toContain('<b>bold</b>');
        expect(message!.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;');
        expect(message!.text).toContain('<script>alert("x")</script> Tom & Jerry <b>bold</b>');
      } finally {
        restore();
      }
    });

    it('refuses ties that are not the council’s, not in the campaign, or no longer in force, and a language not offered', async () => {
      const writer = await createPerson(db());
      const x = await councilWithTie(db());
      const other = await councilWithTie(db());
      const severed = await councilWithTie(db(), { status: 'severed' });
      expect(await runAction(sendAppeal, as(writer.user), letterFor(x, { tieIds: [other.tieId] }))).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { tieIds: expect.any(Array) } } });
      expect(await runAction(sendAppeal, as(writer.user), letterFor(x, { campaignId: other.campaignId }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await runAction(sendAppeal, as(writer.user), letterFor(severed))).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await runAction(sendAppeal, as(writer.user), letterFor(x, { language: 'de' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { language: expect.any(Array) } } });
      expect(await runAction(sendAppeal, as(null), letterFor(x))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    });
  });

  describe('the council cap and the daily digest', () => {
    let restore: () => void;
    beforeAll(() => {
      restore = setRulesEnv({ COUNCIL_DAILY_CAP: '2', APPEALS_BEFORE_TRUST: '0' });
    });
    afterAll(() => restore());

    it('sends two letters on their own, holds the rest, and sends them as one digest with every letter in it', async () => {
      const x = await councilWithTie(db(), { contactEmails: ['rada@cap.example'] });
      const writers = [];
      for (let i = 0; i < 5; i++) writers.push(await createPerson(db(), { email: `writer${i}.${x.council.id}@example.org` }));
      const ids: number[] = [];
      for (const [i, w] of writers.entries()) {
        const result = await runAction(sendAppeal, as(w.user), letterFor(x, { body: `Шановні депутати!\n\nЛист номер ${i + 1}.`, signerName: `Автор ${i + 1}` }));
        expect(result).toMatchObject({ ok: true, value: { state: 'queued' } });
        ids.push(result.ok ? result.value.appealId : 0);
      }
      const rows = await Promise.all(ids.map(appealRow));
      expect(rows.map((r) => r.mailMessageId !== null)).toEqual([true, true, false, false, false]);
      for (const r of rows.slice(0, 2)) await sentMail(r.mailMessageId!);
      expect(messagesTo('rada@cap.example')).toHaveLength(2);

      const built = await buildDigests(db());
      const mine = built.find((d) => d.councilId === x.council.id)!;
      expect(mine.appealIds).toEqual(ids.slice(2));
      // Built twice, nothing more: the letters are in a digest already.
      expect((await buildDigests(db())).find((d) => d.councilId === x.council.id)).toBeUndefined();

      const digest = await sentMail(mine.mailMessageId);
      expect(digest).toMatchObject({ kind: 'appeal_digest', to: ['rada@cap.example'], cc: [], replyTo: null });
      const messages = messagesTo('rada@cap.example');
      expect(messages).toHaveLength(3);
      const message = messages.find((m) => m.idempotencyKey === mine.mailMessageId)!;
      expect(message.subject).toBe('Сьогодні вам написали 3 мешканці');
      for (let i = 3; i <= 5; i++) {
        expect(message.text).toContain(`Лист номер ${i}.`);
        expect(message.text).toContain(`Від: Автор ${i}, Житомир <writer${i - 1}.${x.council.id}@example.org>`);
      }
      expect(message.text).toContain('— Лист 1 з 3 —');
      expect(message.text).not.toContain('Лист номер 1.');
      for (const r of await Promise.all(ids.slice(2).map(appealRow))) expect(r.mailMessageId).toBe(mine.mailMessageId);
    });

    it("holds every letter of a campaign that chose digests, under the cap too; only the campaign's organisers choose", async () => {
      const x = await councilWithTie(db());
      const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: x.campaignId }] });
      const otherOrganiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: (await councilWithTie(db())).campaignId }] });
      expect(await runAction(setLetterDelivery, as(otherOrganiser.user), { campaignId: x.campaignId, mode: 'digest' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await runAction(setLetterDelivery, as(organiser.user), { campaignId: x.campaignId, mode: 'digest' })).toMatchObject({ ok: true });
      const [campaign] = await db().select({ mode: campaigns.letterDelivery }).from(campaigns).where(eq(campaigns.id, x.campaignId));
      expect(campaign!.mode).toBe('digest');

      const writer = await createPerson(db());
      const sent = await runAction(sendAppeal, as(writer.user), letterFor(x));
      expect(sent).toMatchObject({ ok: true, value: { state: 'queued' } });
      expect(await appealRow(sent.ok ? sent.value.appealId : 0)).toMatchObject({ state: 'queued', mailMessageId: null });
      const digest = (await buildDigests(db())).find((d) => d.councilId === x.council.id)!;
      expect(digest.appealIds).toEqual([sent.ok ? sent.value.appealId : 0]);
      await sentMail(digest.mailMessageId);
      expect(messagesTo(x.contactEmails[0]!).map((m) => m.subject)).toEqual(['Сьогодні вам написав 1 мешканець']);
    });

    it('builds the digest in a pg-boss job at the digest time, and schedules the next day’s', async () => {
      const digests: DigestWorker = await startDigestWorker({ handle: handle(), queue, pollingIntervalSeconds: 0.5 });
      try {
        const x = await councilWithTie(db());
        await db().update(campaigns).set({ letterDelivery: 'digest' }).where(eq(campaigns.id, x.campaignId));
        const writer = await createPerson(db());
        const sent = await runAction(sendAppeal, as(writer.user), letterFor(x));
        const appealId = sent.ok ? sent.value.appealId : 0;
        await scheduleDigest(queue.boss, new Date(Date.now() + 300));
        const linked = await until('the digest job to take the letter', async () => (await appealRow(appealId)).mailMessageId);
        await sentMail(linked);
        expect(messagesTo(x.contactEmails[0]!)).toHaveLength(1);
        const [next] = await queue.boss.findJobs(DIGEST_QUEUE, { id: digestJobId(nextDigestAt(new Date())) });
        expect(next?.state).toBe('created');
      } finally {
        await digests.stop();
      }
    });
  });

  describe('appeals sent elsewhere, and the counters', () => {
    it('counts a letter reported as sent elsewhere once an organiser approves it, and never moves its ties', async () => {
      const writer = await createPerson(db(), { email: 'mykola@example.org' });
      const x = await councilWithTie(db());
      const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: x.campaignId }] });
      const second = await councilWithTie(db(), { campaignId: x.campaignId });
      const baseline = { council: (await appealCounts(db())).get(x.council.id) ?? 0, campaign: (await campaignAppealCounts(db())).get(x.campaignId) ?? 0 };
      const tieStatus = async (tieId: number) => (await db().select({ status: ties.status }).from(ties).where(eq(ties.id, tieId)))[0]!.status;

      // A new activist's report waits for an organiser, like a letter the app would send.
      const recorded = await runAction(recordExternalAppeal, as(writer.user), externalLetterFor(x, 'mailto'));
      expect(recorded).toMatchObject({ ok: true, value: { appealId: expect.any(Number), state: 'awaiting_moderation' } });
      const appealId = recorded.ok ? recorded.value.appealId : 0;
      expect(await appealRow(appealId)).toMatchObject({ state: 'awaiting_moderation', channel: 'mailto', mailMessageId: null, sentAt: null });
      expect((await appealCounts(db())).get(x.council.id) ?? 0).toBe(baseline.council);

      // Approved: counted as sent (reported by the writer), nothing mailed, the tie unmoved.
      expect(await runAction(moderateAppeal, as(organiser.user), { appealId, decision: 'approve' })).toMatchObject({ ok: true, value: { state: 'sent' } });
      const row = await appealRow(appealId);
      expect(row).toMatchObject({ state: 'sent', channel: 'mailto', mailMessageId: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(await tieStatus(x.tieId)).toBe('active');
      expect(await db().select().from(tieEvents).where(eq(tieEvents.tieId, x.tieId))).toHaveLength(1);

      // Waiting for an organiser: not counted. (The writer is trusted now: an approved report
      // counts towards trust like an approved letter, so a newcomer writes this one.)
      const newcomer = await createPerson(db());
      await runAction(sendAppeal, as(newcomer.user, new Date(Date.now() + 5000)), letterFor(second));
      expect((await appealCounts(db())).get(x.council.id)).toBe(baseline.council + 1);
      expect((await appealCounts(db())).get(second.council.id) ?? 0).toBe(0);
      expect((await appealCounts(db(), { campaignId: x.campaignId })).get(x.council.id)).toBe(baseline.council + 1);
      expect((await campaignAppealCounts(db())).get(x.campaignId)).toBe(baseline.campaign + 1);

      // A trusted writer's report counts at once, and still moves nothing.
      const restore = setRulesEnv({ APPEALS_BEFORE_TRUST: '0' });
      try {
        const other = await createPerson(db());
        expect(await runAction(recordExternalAppeal, as(other.user), externalLetterFor(x, 'pdf'))).toMatchObject({ ok: true, value: { state: 'sent' } });
      } finally {
        restore();
      }
      expect(await tieStatus(x.tieId)).toBe('active');
      expect(await db().select().from(tieEvents).where(and(eq(tieEvents.tieId, x.tieId), eq(tieEvents.type, 'appealed')))).toHaveLength(0);
      expect((await appealCounts(db())).get(x.council.id)).toBe(baseline.council + 2);
    });

    it('leaves a tie the council has already answered, and fails the appeals of a mail that will never go', async () => {
      const writer = await createPerson(db());
      const answered = await councilWithTie(db(), { status: 'responded' });
      expect(await runAction(recordExternalAppeal, as(writer.user), externalLetterFor(answered, 'copy'))).toMatchObject({ ok: true });
      const [tie] = await db().select({ status: ties.status }).from(ties).where(eq(ties.id, answered.tieId));
      expect(tie!.status).toBe('responded');

      // A mail that will never go (its only address was suppressed while it waited) takes its
      // queued appeals with it: the worker cancels it, and the appeal fails, free to be written again.
      const x = await councilWithTie(db());
      const queued = async () =>
        (
          await db()
            .insert(appeals)
            .values({ userId: writer.row.id, councilId: x.council.id, campaignId: x.campaignId, language: 'uk', channel: 'app', state: 'queued', subject: 's', body: 'b' })
            .returning()
        )[0]!;
      const appeal = await queued();
      await db().insert(emailSuppressions).values({ address: 'never@rada.example', reason: 'manual' }).onConflictDoNothing();
      const { id: messageId } = await db().transaction(async (tx) => {
        const mail = await enqueueMail(tx, { kind: 'appeal', to: ['never@rada.example'], subject: 's', html: 'h', text: 't' });
        await tx.update(appeals).set({ mailMessageId: mail.id }).where(eq(appeals.id, appeal.id));
        return mail;
      });
      await until('the mail to be cancelled', async () => (await mailRow(messageId)).state === 'cancelled');
      await until('the appeal to fail with it', async () => (await appealRow(appeal.id)).state === 'failed');

      // Mail of other kinds carries no appeals: an outcome for one changes none.
      const other = await queued();
      const [mail] = await db()
        .insert(mailMessages)
        .values({ kind: 'sign_in', state: 'sent', fromAddress: 'a@example.org', to: ['b@example.org'], subject: 's', html: 'h', text: 't' })
        .returning({ id: mailMessages.id });
      await db().update(appeals).set({ mailMessageId: mail!.id }).where(eq(appeals.id, other.id));
      await db().transaction((tx) => applyMailOutcome(tx, { messageId: mail!.id, kind: 'sign_in', outcome: 'sent' }));
      expect(await appealRow(other.id)).toMatchObject({ state: 'queued', sentAt: null });
      await db().transaction((tx) => applyMailOutcome(tx, { messageId: mail!.id, kind: 'appeal', outcome: 'failed' }));
      expect(await appealRow(other.id)).toMatchObject({ state: 'failed' });
    });
  });
});
