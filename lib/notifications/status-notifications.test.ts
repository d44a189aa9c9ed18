import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appealTies, appeals, councilSubscriptions, mailMessages, users } from '../../db/schema';
import { runAction } from '../auth/action';
import { answerForCouncil } from '../council-staff/answer-for-council';
import { type MailQueue, startQueue } from '../mail/queue';
import { createPerson } from '../people/test-people';
import { createPlace, createSource, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { recordTie } from '../ties/record-tie';
import { confirmFollow, requestFollow } from './follow';
import { scanStatusChanges, sendDueNotices, unsubscribe } from './status-notifications';

describeEachEngine('status change notifications', ({ db, handle }) => {
  let queue: MailQueue;
  beforeAll(async () => {
    queue = await startQueue(handle());
    await scanStatusChanges(db()); // the first scan starts the record
  });
  afterAll(async () => {
    await queue.stop();
  });

  async function council() {
    const first = await createTie(db(), { status: 'appealed' });
    const partner = await createPlace(db(), { country: 'BLR' });
    const second = await recordTie(db(), { kind: 'system', label: 'test' }, { placeId: first.place.id, partnerId: partner.id, status: 'appealed', campaignIds: [first.campaignId], sourceId: (await createSource(db())).id });
    if (!second.ok) throw new Error(second.message);
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: first.council.id }] });
    const [slug] = await db().query.councils.findMany({ where: (c, { eq: e }) => e(c.id, first.council.id), columns: { slug: true } });
    return { councilId: first.council.id, slug: slug!.slug, tieIds: [first.tieId, second.tieId], staff, campaignId: first.campaignId };
  }
  async function writerOf(c: Awaited<ReturnType<typeof council>>, state: 'sent' | 'awaiting_moderation' = 'sent') {
    const writer = await createPerson(db());
    // The site's language they chose: their mail comes in it (the letter itself was Ukrainian).
    await db().update(users).set({ locale: 'en' }).where(eq(users.id, writer.row.id));
    const [appeal] = await db()
      .insert(appeals)
      .values({ userId: writer.row.id, councilId: c.councilId, campaignId: c.campaignId, language: 'uk', channel: 'app', state, subject: 'Лист', body: 'Текст', signerName: 'Олена', sentAt: new Date() })
      .returning({ id: appeals.id });
    await db().insert(appealTies).values({ appealId: appeal!.id, tieId: c.tieIds[0]! });
    return writer;
  }
  /** The status mails (they, and only they, carry List-Unsubscribe). */
  const mailsTo = async (email: string) => (await db().select().from(mailMessages)).filter((m) => m.to.includes(email) && m.headers?.['List-Unsubscribe']);
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

  it('tells writers and confirmed followers of two changes in ONE mail, an hour after the first, with a one-click unsubscribe', async () => {
    const c = await council();
    // The ties' own appeals (made by the factory) are read before anyone subscribes.
    await scanStatusChanges(db());
    const writer = await writerOf(c);
    const waiting = await writerOf(c, 'awaiting_moderation');
    expect(await requestFollow(db(), { councilSlug: c.slug, email: 'Follower@Example.org', locale: 'uk', ip: '192.0.2.1' })).toBe('sent');
    const confirmMail = (await db().select().from(mailMessages)).filter((m) => m.to.includes('follower@example.org')).at(-1)!;
    const token = /token=([A-Za-z0-9_-]{22})/.exec(confirmMail.text)![1]!;
    expect(await confirmFollow(db(), 'A'.repeat(22))).toBeNull();
    expect(await confirmFollow(db(), token)).toEqual({ councilSlug: c.slug });
    expect(await requestFollow(db(), { councilSlug: c.slug, email: 'unconfirmed@example.org', locale: 'en', ip: '192.0.2.1' })).toBe('sent');

    const answer = await runAction(answerForCouncil, { db: db(), user: c.staff.user }, { councilId: c.councilId, tieIds: c.tieIds, type: 'vote_scheduled', occurredOn: new Date().toISOString().slice(0, 10), sessionOn: '2030-02-20' });
    expect(answer).toMatchObject({ ok: true });
    expect((await scanStatusChanges(db())).notices).toBeGreaterThanOrEqual(4);
    // A second scan over the same window adds nothing.
    expect((await scanStatusChanges(db())).notices).toBe(0);

    // Not yet: the hour that groups changes has not passed.
    await sendDueNotices(db(), new Date(), 3600);
    expect(await mailsTo(writer.row.email)).toEqual([]);
    await sendDueNotices(db(), later(3601), 3600);
    const [toWriter, ...more] = await mailsTo(writer.row.email);
    expect(more).toEqual([]);
    expect(toWriter!.subject).toMatch(/2 ties changed status/);
    expect(toWriter!.text).toContain('Pledged');
    expect(toWriter!.text).toContain('The session that will vote: February 20, 2030');
    expect(toWriter!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Unsubscribe': expect.stringMatching(/^<http.+\/api\/unsubscribe\/[A-Za-z0-9_-]{22}>$/) });
    const toFollower = await mailsTo('follower@example.org');
    expect(toFollower).toHaveLength(1);
    expect(toFollower[0]!.subject).toMatch(/змінився статус 2 зв’язків/);
    expect(await mailsTo('unconfirmed@example.org')).toEqual([]);
    expect(await mailsTo(waiting.row.email)).toEqual([]);

    // Unsubscribed in one click: the next change reaches the follower only.
    const unsubscribeToken = /unsubscribe\/([A-Za-z0-9_-]{22})>/.exec(toWriter!.headers!['List-Unsubscribe']!)![1]!;
    expect(await unsubscribe(db(), unsubscribeToken)).toMatchObject({ councilId: c.councilId });
    expect(await unsubscribe(db(), unsubscribeToken)).toMatchObject({ councilId: c.councilId }); // idempotent
    const severed = await runAction(answerForCouncil, { db: db(), user: c.staff.user }, { councilId: c.councilId, tieIds: [c.tieIds[0]], type: 'severed', occurredOn: new Date().toISOString().slice(0, 10), decisionUrl: 'https://rada.example/d/9' });
    expect(severed).toMatchObject({ ok: true });
    await scanStatusChanges(db());
    await sendDueNotices(db(), later(3601), 3600);
    expect(await mailsTo(writer.row.email)).toHaveLength(1);
    expect(await mailsTo('follower@example.org')).toHaveLength(2);
    // Writing again does not subscribe an unsubscribed writer again.
    const [row] = await db().select().from(councilSubscriptions).where(eq(councilSubscriptions.unsubscribeToken, unsubscribeToken));
    expect(row?.unsubscribedAt).not.toBeNull();
  });

  it('limits follow requests per address, and answers the same whether the address follows already', async () => {
    const c = await council();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await requestFollow(db(), { councilSlug: c.slug, email: 'limit@example.org', locale: 'en', ip: `198.51.100.${i}` }));
    expect(results).toEqual(['sent', 'sent', 'sent', 'limited']);
    const confirmations = (await db().select().from(mailMessages)).filter((m) => m.to.includes('limit@example.org'));
    expect(confirmations).toHaveLength(3);
    expect(await requestFollow(db(), { councilSlug: 'no-such-council', email: 'x@example.org', locale: 'en', ip: null })).toBe('no_council');
  });
});
