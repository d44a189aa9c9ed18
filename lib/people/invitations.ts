import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { invitations, memberships } from '../../db/schema';
import { normaliseEmail } from './email-domain';

/**
 * An invitation grants its role when its address signs in (Auth.js's signIn event calls this,
 * lib/auth). Each open invitation to the address becomes an active membership (a pending staff
 * claim for the same council is approved by it; a revoked role is given back, since someone
 * with the right to grant it asked again) and is marked accepted, so it grants only once.
 * Returns how many invitations were accepted.
 */
export async function acceptPendingInvitations(db: Queryable, person: { userId: string; email: string }, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(invitations)
      .where(and(eq(sql`lower(${invitations.email})`, normaliseEmail(person.email)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .orderBy(invitations.id)
      .for('update');
    for (const invitation of open) {
      const sameRole = and(
        eq(memberships.userId, person.userId),
        eq(memberships.role, invitation.role),
        invitation.campaignId === null ? isNull(memberships.campaignId) : eq(memberships.campaignId, invitation.campaignId),
        invitation.councilId === null ? isNull(memberships.councilId) : eq(memberships.councilId, invitation.councilId),
      );
      const [existing] = await tx.select({ id: memberships.id, state: memberships.state }).from(memberships).where(sameRole);
      if (!existing) {
        await tx.insert(memberships).values({
          userId: person.userId,
          role: invitation.role,
          campaignId: invitation.campaignId,
          councilId: invitation.councilId,
          state: 'active',
          grantedBy: invitation.invitedBy,
          decidedAt: now,
          decidedBy: invitation.invitedBy,
        });
      } else if (existing.state !== 'active') {
        await tx
          .update(memberships)
          .set({ state: 'active', grantedBy: invitation.invitedBy, decidedAt: now, decidedBy: invitation.invitedBy, decisionReason: null })
          .where(eq(memberships.id, existing.id));
      }
      await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    }
    return open.length;
  });
}
