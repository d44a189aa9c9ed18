import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appeals, councils, invitations, users } from '../../db/schema';
import { createCampaign, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { getAccountView, getOrganiserScope, getTieForOrganising, listBannedPeople, listMembers, listOpenInvitations, listPendingStaffClaims, listTiesToUpdate } from './queries';
import { createPerson } from './test-people';

describeEachEngine('people queries', ({ db }) => {
  it("lists a person's roles, the councils their address may claim, and their council's ties", async () => {
    const mine = await createTie(db(), { placeName: 'Claimtown' });
    const second = await createTie(db(), { placeName: 'Alsotown' });
    const lookalike = await createTie(db(), { placeName: 'Eviltown' });
    await db().update(councils).set({ emailDomains: ['RADA-Q.example'] }).where(eq(councils.id, mine.council.id));
    await db().update(councils).set({ emailDomains: ['other.example', '@rada-q.example'] }).where(eq(councils.id, second.council.id));
    await db().update(councils).set({ emailDomains: ['evil-rada-q.example'] }).where(eq(councils.id, lookalike.council.id));
    const person = await createPerson(db(), { email: 'olena@rada-q.example', roles: [{ role: 'council_staff', councilId: mine.council.id }] });

    const view = await getAccountView(db(), person.user, 'en');
    expect(view.memberships).toMatchObject([{ role: 'council_staff', state: 'active', council: { id: mine.council.id, name: null, place: 'Claimtown' }, campaign: null }]);
    // Already staff of the first: only the second is left to claim; the look-alike never matches.
    expect(view.claimableCouncils.map((c) => c.place)).toEqual(['Alsotown']);
    expect(view.staffTies).toEqual([{ id: mine.tieId, status: 'active', place: 'Claimtown', partner: mine.partner.name, council: expect.objectContaining({ id: mine.council.id }) }]);
    expect(view.bannedReason).toBeNull();
  });

  it("gives organisers the councils of their campaigns' ties, the claims and members there, and nothing of other campaigns", async () => {
    const campaign = await createCampaign(db());
    const inScope = await createTie(db(), { campaignId: campaign.id, placeName: 'Scopeville' });
    const outside = await createTie(db(), { placeName: 'Elsewhere' });
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: campaign.id }] });
    const claimant = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: inScope.council.id, state: 'pending' }] });
    await createPerson(db(), { roles: [{ role: 'council_staff', councilId: outside.council.id, state: 'pending' }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: inScope.council.id }] });
    await createPerson(db(), { roles: [{ role: 'council_staff', councilId: outside.council.id }] });
    await db().insert(invitations).values([
      { email: 'in@example.org', role: 'council_staff', councilId: inScope.council.id, invitedBy: organiser.row.id },
      { email: 'out@example.org', role: 'council_staff', councilId: outside.council.id },
    ]);

    const scope = await getOrganiserScope(db(), organiser.user.grants, 'en');
    expect(scope).toMatchObject({ isAdmin: false, campaigns: [{ id: campaign.id }], councils: [{ id: inScope.council.id, place: 'Scopeville' }] });
    expect((await listPendingStaffClaims(db(), scope, 'en')).map((c) => c.person.id)).toEqual([claimant.row.id]);
    const members = await listMembers(db(), scope, 'en');
    expect(members.map((m) => [m.role, m.person.id]).sort()).toEqual(
      [
        ['council_staff', staff.row.id],
        ['organiser', organiser.row.id],
      ].sort(),
    );
    expect((await listOpenInvitations(db(), scope, 'en')).map((i) => i.email)).toEqual(['in@example.org']);
    expect((await listTiesToUpdate(db(), organiser.user.grants, 'en')).map((t) => t.id)).toEqual([inScope.tieId]);
    expect((await listTiesToUpdate(db(), staff.user.grants, 'en')).map((t) => t.id)).toEqual([inScope.tieId]);
    expect(await listTiesToUpdate(db(), claimant.user.grants, 'en')).toEqual([]);

    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const all = await getOrganiserScope(db(), admin.user.grants, 'en');
    expect(all.isAdmin).toBe(true);
    expect(all.councils.map((c) => c.id)).toEqual(expect.arrayContaining([inScope.council.id, outside.council.id]));
    expect((await listMembers(db(), all, 'en')).some((m) => m.role === 'admin' && m.person.id === admin.row.id)).toBe(true);
  });

  it('reads a tie for the page that records its events, newest event first', async () => {
    const tie = await createTie(db(), { status: 'pledged', placeName: 'Tietown' });
    const view = await getTieForOrganising(db(), tie.tieId, 'en');
    expect(view).toMatchObject({
      id: tie.tieId,
      status: 'pledged',
      revision: 3,
      place: 'Tietown',
      target: { councilId: tie.council.id, campaignIds: [tie.campaignId] },
      campaigns: [{ id: tie.campaignId }],
    });
    expect(view!.events.map((e) => e.type)).toEqual(['promised', 'appealed', 'recorded']);
    expect(view!.events[0]!.occurredOn).toEqual({ date: '2022-05-25', precision: 'day' });
    expect(await getTieForOrganising(db(), 9_999_999, 'en')).toBeNull();
  });

  it('lists banned people, latest first', async () => {
    const first = await createPerson(db());
    const second = await createPerson(db());
    await db().update(users).set({ bannedAt: new Date('2025-01-01'), bannedReason: 'one' }).where(eq(users.id, first.row.id));
    await db().update(users).set({ bannedAt: new Date('2025-02-01'), bannedReason: 'two' }).where(eq(users.id, second.row.id));
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const banned = await listBannedPeople(db(), await getOrganiserScope(db(), admin.user.grants, 'en'));
    expect(banned.slice(0, 2).map((b) => b.reason)).toEqual(['two', 'one']);
  });

  it('shows an organiser only the banned people within their campaigns; an admin all of them', async () => {
    const a = await createTie(db());
    const b = await createTie(db());
    const staffA = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: a.council.id }] });
    const staffB = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: b.council.id }] });
    const writerB = await createPerson(db());
    await db()
      .insert(appeals)
      .values({ userId: writerB.row.id, councilId: b.council.id, campaignId: b.campaignId, language: 'uk', channel: 'print', state: 'sent', subject: 'S', body: 'B', signerName: 'O' });
    for (const person of [staffA, staffB, writerB]) {
      await db().update(users).set({ bannedAt: new Date(), bannedReason: `reason of ${person.row.email}` }).where(eq(users.id, person.row.id));
    }
    const organiserA = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: a.campaignId }] });
    const seenByA = await listBannedPeople(db(), await getOrganiserScope(db(), organiserA.user.grants, 'en'));
    expect(seenByA.map((p) => p.email)).toEqual([staffA.row.email]);
    const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
    const seenByAdmin = (await listBannedPeople(db(), await getOrganiserScope(db(), admin.user.grants, 'en'))).map((p) => p.email);
    for (const person of [staffA, staffB, writerB]) expect(seenByAdmin).toContain(person.row.email);
  });
});
