import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { invitations, memberships } from '../../db/schema';
import { loadGrants } from '../auth/session';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { acceptPendingInvitations } from './invitations';
import { createPerson } from './test-people';

describeEachEngine('acceptPendingInvitations', ({ db }) => {
  it('grants every open invitation to the address, whatever its case, once', async () => {
    const tie = await createTie(db());
    const inviter = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const person = await createPerson(db(), { email: 'new.staff@rada.example' });
    await db()
      .insert(invitations)
      .values([
        { email: 'New.Staff@Rada.example', role: 'council_staff', councilId: tie.council.id, invitedBy: inviter.row.id },
        { email: 'new.staff@rada.example', role: 'organiser', campaignId: tie.campaignId, invitedBy: inviter.row.id },
        { email: 'new.staff@rada.example', role: 'admin', invitedBy: inviter.row.id, revokedAt: new Date() },
        { email: 'someone.else@rada.example', role: 'admin', invitedBy: inviter.row.id },
      ]);

    expect(await acceptPendingInvitations(db(), { userId: person.row.id, email: 'new.staff@rada.example' })).toBe(2);
    const grants = await loadGrants(db(), person.row.id, new Date());
    expect(grants).toEqual(
      expect.arrayContaining([
        { role: 'council_staff', councilId: tie.council.id },
        { role: 'organiser', campaignId: tie.campaignId },
      ]),
    );
    expect(grants.some((g) => g.role === 'admin')).toBe(false);
    const rows = await db().select().from(memberships).where(eq(memberships.userId, person.row.id));
    expect(rows.every((r) => r.state === 'active' && r.grantedBy === inviter.row.id)).toBe(true);
    const accepted = await db().select().from(invitations).where(eq(invitations.invitedBy, inviter.row.id));
    expect(accepted.filter((i) => i.acceptedAt !== null).map((i) => i.role).sort()).toEqual(['council_staff', 'organiser']);

    // The next sign-in finds nothing open.
    expect(await acceptPendingInvitations(db(), { userId: person.row.id, email: 'new.staff@rada.example' })).toBe(0);
    expect(await db().select().from(memberships).where(eq(memberships.userId, person.row.id))).toHaveLength(2);
  });

  it('approves a pending claim for the same council and gives back a role that was revoked', async () => {
    const tie = await createTie(db());
    const other = await createTie(db());
    const inviter = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const person = await createPerson(db(), {
      roles: [
        { role: 'council_staff', councilId: tie.council.id, state: 'pending' },
        { role: 'council_staff', councilId: other.council.id, state: 'revoked' },
      ],
    });
    await db()
      .insert(invitations)
      .values([
        { email: person.row.email, role: 'council_staff', councilId: tie.council.id, invitedBy: inviter.row.id },
        { email: person.row.email, role: 'council_staff', councilId: other.council.id, invitedBy: inviter.row.id },
      ]);
    expect(await acceptPendingInvitations(db(), { userId: person.row.id, email: person.row.email })).toBe(2);
    const rows = await db().select().from(memberships).where(eq(memberships.userId, person.row.id));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.state)).toEqual(['active', 'active']);
  });
});
