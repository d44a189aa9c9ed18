import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { councils, invitations, mailMessages, users } from '../../db/schema';
import { runAction } from '../auth/action';
import { loadGrants } from '../auth/session';
import { MAIL_QUEUE, type MailQueue, startQueue } from '../mail/queue';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { acceptPendingInvitations } from './invitations';
import { inviteAdmin, inviteOrganiser, inviteStaff } from './invite';
import { createPerson } from './test-people';

describeEachEngine('invitations by email', ({ db, handle }) => {
  let queue: MailQueue;
  beforeAll(async () => {
    queue = await startQueue(handle());
  });
  afterAll(async () => {
    await queue.stop();
  });
  const mailTo = (email: string) => db().select().from(mailMessages).where(eq(mailMessages.to, [email]));

  it('writes the invitation and its email together, in the page’s language, and grants the role at sign-in', async () => {
    const tie = await createTie(db(), { placeName: 'Invitetown' });
    await db().update(councils).set({ localName: 'Інвайтівська міська рада' }).where(eq(councils.id, tie.council.id));
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    await db().update(users).set({ name: 'Olena Petrenko' }).where(eq(users.id, organiser.row.id));
    const signedIn = { ...organiser.user, name: 'Olena Petrenko' };

    const result = await runAction(inviteStaff, { db: db(), user: signedIn }, { email: ' New.Clerk@Rada.example ', councilId: String(tie.council.id), locale: 'uk' });
    expect(result).toMatchObject({ ok: true });
    const [invitation] = await db().select().from(invitations).where(eq(invitations.email, 'new.clerk@rada.example'));
    expect(invitation).toMatchObject({ role: 'council_staff', councilId: tie.council.id, invitedBy: organiser.row.id, acceptedAt: null });

    const [mail] = await mailTo('new.clerk@rada.example');
    expect(mail).toMatchObject({ kind: 'invitation', state: 'queued', subject: 'Вас запрошено записувати рішення вашої ради на Untwin' });
    expect(mail!.text).toContain('Інвайтівська міська рада');
    expect(mail!.text).toContain(`Olena Petrenko <${organiser.row.email}>`);
    expect(mail!.text).toContain('/uk/sign-in?callbackUrl=%2Fuk%2Faccount');
    expect(mail!.html).toContain('lang="uk"');
    expect(await queue.boss.findJobs(MAIL_QUEUE, { id: mail!.id })).toHaveLength(1);

    // The address signs in for the first time: the role is theirs.
    const [newcomer] = await db().insert(users).values({ email: 'new.clerk@rada.example', emailVerified: new Date() }).returning();
    expect(await acceptPendingInvitations(db(), { userId: newcomer!.id, email: newcomer!.email })).toBe(1);
    expect(await loadGrants(db(), newcomer!.id, new Date())).toEqual([{ role: 'activist' }, { role: 'council_staff', councilId: tie.council.id }]);

    // Now that they hold it, inviting them again is a conflict, and sends nothing.
    expect(await runAction(inviteStaff, { db: db(), user: signedIn }, { email: 'new.clerk@rada.example', councilId: tie.council.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await mailTo('new.clerk@rada.example')).toHaveLength(1);
  });

  it('calls a second invitation to the same role while the first waits a conflict, and writes neither row nor mail', async () => {
    const tie = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const ask = () => runAction(inviteOrganiser, { db: db(), user: organiser.user }, { email: 'co.organiser@example.org', campaignId: tie.campaignId, locale: 'en' });
    expect(await ask()).toMatchObject({ ok: true });
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await db().select().from(invitations).where(eq(invitations.email, 'co.organiser@example.org'))).toHaveLength(1);
    const mails = await mailTo('co.organiser@example.org');
    expect(mails.map((m) => m.subject)).toEqual(['You are invited to organise a campaign on Untwin']);
  });

  it('lets only admins invite admins, and organisers only into their own campaigns and councils', async () => {
    const mine = await createTie(db());
    const theirs = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: mine.campaignId }] });
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const refused = [
      await runAction(inviteAdmin, { db: db(), user: organiser.user }, { email: 'x1@example.org' }),
      await runAction(inviteOrganiser, { db: db(), user: organiser.user }, { email: 'x2@example.org', campaignId: theirs.campaignId }),
      await runAction(inviteStaff, { db: db(), user: organiser.user }, { email: 'x3@example.org', councilId: theirs.council.id }),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const email of ['x1@example.org', 'x2@example.org', 'x3@example.org']) expect(await mailTo(email)).toEqual([]);
    expect(await runAction(inviteAdmin, { db: db(), user: admin.user }, { email: 'x1@example.org' })).toMatchObject({ ok: true });
    expect(await runAction(inviteStaff, { db: db(), user: organiser.user }, { email: 'bad address', councilId: mine.council.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { email: expect.any(Array) } },
    });
  });
});
