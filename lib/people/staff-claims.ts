import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors';
import { councils, memberships, users } from '../../db/schema';
import { tellClaimDecided, tellOrganisersOfClaim } from '../notifications/staff-claim-mail';
import { defineAction, fail } from '../auth/action';
import { isAddressAtDomains } from './email-domain';
import { idSchema, optionalText } from './input';
import { councilTarget } from './targets';

/**
 * Council staff status is claimed, then decided. A person whose confirmed address is at one of
 * the council's official domains may claim it (the address is the proof); an organiser of a
 * campaign that holds one of the council's ties approves or rejects the claim. Until then the
 * claim grants nothing (only active memberships are grants: lib/auth/session.ts).
 */
export const claimStaff = defineAction({
  name: 'claimStaff',
  permission: 'staff.claim',
  input: z.strictObject({ councilId: idSchema }),
  target: (ctx, input) => councilTarget(ctx.db, input.councilId),
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    const [council] = await ctx.db.select({ emailDomains: councils.emailDomains }).from(councils).where(eq(councils.id, input.councilId));
    // The activist grant the permission asks for already means the address is confirmed.
    if (!council || !isAddressAtDomains(ctx.user.email, council.emailDomains)) {
      fail('forbidden', "Your address is not at one of this council's official domains.");
    }
    const user = ctx.user;
    try {
      // The claim and the organisers' mail about it commit together.
      return await ctx.db.transaction(async (tx) => {
        const [claim] = await tx
          .insert(memberships)
          .values({ userId: user.id, role: 'council_staff', councilId: input.councilId, state: 'pending' })
          .returning({ id: memberships.id });
        await tellOrganisersOfClaim(tx, { councilId: input.councilId, claimantEmail: user.email });
        return { membershipId: claim!.id };
      });
    } catch (e) {
      // One membership per person and council, whatever its state: a pending claim waits for
      // its decision, a rejected one stays rejected, an active one needs no claim.
      if (isUniqueViolation(e)) fail('conflict', 'You have already claimed staff status for this council.');
      throw e;
    }
  },
});

export const decideStaffClaim = defineAction({
  name: 'decideStaffClaim',
  permission: 'staff.decide',
  input: z
    .strictObject({
      membershipId: idSchema,
      decision: z.enum(['approve', 'reject']),
      reason: optionalText(2000),
    })
    .refine((i) => i.decision === 'approve' || i.reason !== null, { path: ['reason'], message: 'Say why the claim is rejected.' }),
  target: async (ctx, input) => {
    const [claim] = await ctx.db
      .select({ councilId: memberships.councilId })
      .from(memberships)
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.role, 'council_staff')));
    return claim?.councilId ? councilTarget(ctx.db, claim.councilId) : null;
  },
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    const [claim] = await ctx.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.id, input.membershipId));
    if (claim?.userId === ctx.user.id) fail('forbidden', 'Nobody decides their own claim.');
    const approve = input.decision === 'approve';
    const user = ctx.user;
    return ctx.db.transaction(async (tx) => {
      // Only a claim still pending is decided: two organisers deciding at once cannot both win.
      const decided = await tx
        .update(memberships)
        .set({
          state: approve ? 'active' : 'revoked',
          grantedBy: approve ? user.id : null,
          decidedAt: ctx.now,
          decidedBy: user.id,
          decisionReason: input.reason,
        })
        .where(and(eq(memberships.id, input.membershipId), eq(memberships.state, 'pending')))
        .returning({ id: memberships.id, state: memberships.state, userId: memberships.userId, councilId: memberships.councilId });
      if (decided.length === 0) fail('conflict', 'This claim has already been decided.');
      // The claimant hears the decision (and the reason of a rejection) in their language.
      const [claimant] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, decided[0]!.userId));
      if (claimant && decided[0]!.councilId) {
        await tellClaimDecided(tx, { ...claimant, councilId: decided[0]!.councilId, approved: approve, reason: input.reason });
      }
      return { membershipId: input.membershipId, state: decided[0]!.state };
    });
  },
});
