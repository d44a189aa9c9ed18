import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appeals, ties, users } from '../../db/schema';
import { runAction } from '../auth/action';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { recordTieEvent } from '../ties/tie-event-action';
import { banPerson, unbanPerson } from './bans';
import { createPerson, signIn } from './test-people';
import { updateAccount } from './update-account';

describeEachEngine('banning a person', ({ db }) => {
  const writeAppeal = async (userId: string, tie: { council: { id: number }; campaignId: number }) => {
    await db()
      .insert(appeals)
      .values({ userId, councilId: tie.council.id, campaignId: tie.campaignId, language: 'uk', channel: 'print', state: 'sent', subject: 'Звернення', body: 'Текст', signerName: 'Олена' });
  };
  const bannedState = async (id: string) => {
    const [row] = await db().select({ bannedAt: users.bannedAt, reason: users.bannedReason, by: users.bannedBy }).from(users).where(eq(users.id, id));
    return row!;
  };

  it('stops every write by the banned person, from their next request, and unbanning lifts it', async () => {
    const tie = await createTie(db(), { status: 'appealed' });
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });

    const ban = await runAction(banPerson, { db: db(), user: organiser.user }, { email: `  ${staff.row.email.toUpperCase()} `, reason: 'Recorded false decisions' });
    expect(ban).toEqual({ ok: true, value: { userId: staff.row.id } });
    expect(await bannedState(staff.row.id)).toMatchObject({ reason: 'Recorded false decisions', by: organiser.row.id });
    expect((await bannedState(staff.row.id)).bannedAt).toBeInstanceOf(Date);

    // Their session still reads (they may see why), but the wrapper refuses every write.
    const session = await signIn(db(), staff.row.id);
    expect(session.bannedAt).toBeInstanceOf(Date);
    expect(await runAction(recordTieEvent, { db: db(), user: session }, { tieId: tie.tieId, type: 'responded' })).toMatchObject({ ok: false, error: { code: 'banned' } });
    expect(await runAction(updateAccount, { db: db(), user: session }, { name: 'x', locale: 'en' })).toMatchObject({ ok: false, error: { code: 'banned' } });
    const [after] = await db().select({ status: ties.status }).from(ties).where(eq(ties.id, tie.tieId));
    expect(after!.status).toBe('appealed');

    expect(await runAction(banPerson, { db: db(), user: organiser.user }, { email: staff.row.email, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await runAction(unbanPerson, { db: db(), user: organiser.user }, { email: staff.row.email })).toMatchObject({ ok: true });
    expect(await bannedState(staff.row.id)).toEqual({ bannedAt: null, reason: null, by: null });
    const back = await signIn(db(), staff.row.id);
    expect(await runAction(recordTieEvent, { db: db(), user: back }, { tieId: tie.tieId, type: 'responded' })).toMatchObject({ ok: true });
    expect(await runAction(unbanPerson, { db: db(), user: organiser.user }, { email: staff.row.email })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('needs a reason and an address of someone who has signed in', async () => {
    const tie = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const activist = await createPerson(db());
    expect(await runAction(banPerson, { db: db(), user: organiser.user }, { email: activist.row.email, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { reason: expect.any(Array) } },
    });
    expect(await runAction(banPerson, { db: db(), user: organiser.user }, { email: 'not an address', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { email: expect.any(Array) } },
    });
    // To an organiser, an address nobody signed in with is as out of reach as a person outside
    // their campaigns; an admin is told.
    expect(await runAction(banPerson, { db: db(), user: organiser.user }, { email: 'nobody@example.net', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(banPerson, { db: db(), user: admin.user }, { email: 'nobody@example.net', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await bannedState(activist.row.id)).bannedAt).toBeNull();
  });

  it('lets an organiser ban only people within their campaigns: staff of its councils, activists who wrote in it', async () => {
    const a = await createTie(db());
    const b = await createTie(db());
    const organiserA = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: a.campaignId }] });
    const staffA = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: a.council.id }] });
    const staffB = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: b.council.id }] });
    const writerA = await createPerson(db());
    const writerB = await createPerson(db());
    const nobodys = await createPerson(db());
    await writeAppeal(writerA.row.id, a);
    await writeAppeal(writerB.row.id, b);

    for (const outside of [staffB, writerB, nobodys]) {
      expect(await runAction(banPerson, { db: db(), user: organiserA.user }, { email: outside.row.email, reason: 'x' }), outside.row.email).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await bannedState(outside.row.id)).bannedAt).toBeNull();
    }
    for (const within of [staffA, writerA]) {
      expect(await runAction(banPerson, { db: db(), user: organiserA.user }, { email: within.row.email, reason: 'Abuse' })).toMatchObject({ ok: true });
    }
    // Unbanning is scoped the same way; an admin acts on anyone.
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(banPerson, { db: db(), user: admin.user }, { email: staffB.row.email, reason: 'Abuse' })).toMatchObject({ ok: true });
    expect(await runAction(unbanPerson, { db: db(), user: organiserA.user }, { email: staffB.row.email })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await runAction(unbanPerson, { db: db(), user: organiserA.user }, { email: writerA.row.email })).toMatchObject({ ok: true });
  });

  it('leaves organisers and admins to admins, and nobody bans themselves', async () => {
    const tie = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const otherOrganiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: (await createTie(db())).campaignId }] });
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const secondAdmin = await createPerson(db(), { roles: [{ role: 'admin' }] });

    for (const [actor, target] of [
      [organiser, otherOrganiser],
      [organiser, admin],
      [organiser, organiser],
      [admin, admin],
    ] as const) {
      const result = await runAction(banPerson, { db: db(), user: actor.user }, { email: target.row.email, reason: 'test' });
      expect(result, `${actor.row.email} bans ${target.row.email}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await bannedState(target.row.id)).bannedAt).toBeNull();
    }
    expect(await runAction(banPerson, { db: db(), user: admin.user }, { email: otherOrganiser.row.email, reason: 'Abuse' })).toMatchObject({ ok: true });
    expect(await runAction(unbanPerson, { db: db(), user: organiser.user }, { email: otherOrganiser.row.email })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await runAction(banPerson, { db: db(), user: admin.user }, { email: secondAdmin.row.email, reason: 'Lost laptop' })).toMatchObject({ ok: true });
    expect(await runAction(unbanPerson, { db: db(), user: admin.user }, { email: secondAdmin.row.email })).toMatchObject({ ok: true });
  });

  it('refuses activists and council staff', async () => {
    const tie = await createTie(db());
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    const activist = await createPerson(db());
    const victim = await createPerson(db());
    for (const actor of [staff, activist]) {
      expect(await runAction(banPerson, { db: db(), user: actor.user }, { email: victim.row.email, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
