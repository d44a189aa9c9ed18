import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { memberships } from '../../db/schema';
import { runAction } from '../auth/action';
import { loadGrants } from '../auth/session';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { revokeMembership } from './revoke-membership';
import { createPerson } from './test-people';

describeEachEngine('revokeMembership', ({ db }) => {
  const state = async (id: number) => (await db().select().from(memberships).where(eq(memberships.id, id)))[0]!;

  it('lets an organiser revoke staff of a council in their campaign, with a reason kept', async () => {
    const tie = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    const membershipId = staff.membershipIds[0]!;
    const result = await runAction(revokeMembership, { db: db(), user: organiser.user }, { membershipId, role: 'council_staff', reason: 'Left the council' });
    expect(result).toEqual({ ok: true, value: { membershipId } });
    expect(await state(membershipId)).toMatchObject({ state: 'revoked', decidedBy: organiser.row.id, decisionReason: 'Left the council' });
    expect(await loadGrants(db(), staff.row.id, new Date())).toEqual([{ role: 'activist' }]);
    expect(await runAction(revokeMembership, { db: db(), user: organiser.user }, { membershipId, role: 'council_staff', reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses outside the organiser’s campaigns, a role that does not match, and admins to anyone but admins', async () => {
    const mine = await createTie(db());
    const theirs = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: mine.campaignId }] });
    const staffThere = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: theirs.council.id }] });
    const organiserThere = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: theirs.campaignId }] });
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const ask = (membershipId: number, role: string) => runAction(revokeMembership, { db: db(), user: organiser.user }, { membershipId, role, reason: 'x' });
    expect(await ask(staffThere.membershipIds[0]!, 'council_staff')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(organiserThere.membershipIds[0]!, 'organiser')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(admin.membershipIds[0]!, 'admin')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Naming another role than the membership's own does not borrow that role's permission.
    expect(await ask(admin.membershipIds[0]!, 'organiser')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const id of [staffThere.membershipIds[0]!, organiserThere.membershipIds[0]!, admin.membershipIds[0]!]) expect((await state(id)).state).toBe('active');
  });

  it('keeps the last admin', async () => {
    // A database of its own would have one admin; here every admin but the newest is revoked first.
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const others = await db().select({ id: memberships.id }).from(memberships).where(eq(memberships.role, 'admin'));
    for (const { id } of others) {
      if (id === admin.membershipIds[0]) continue;
      await db().update(memberships).set({ state: 'revoked' }).where(eq(memberships.id, id));
    }
    const second = await createPerson(db(), { roles: [{ role: 'admin' }] });
    expect(await runAction(revokeMembership, { db: db(), user: admin.user }, { membershipId: second.membershipIds[0]!, role: 'admin', reason: 'Handover' })).toMatchObject({ ok: true });
    expect(await runAction(revokeMembership, { db: db(), user: admin.user }, { membershipId: admin.membershipIds[0]!, role: 'admin', reason: 'Leaving' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await state(admin.membershipIds[0]!)).state).toBe('active');
  });
});
