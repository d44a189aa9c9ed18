import { and, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../db/schema';
import type { Permission, Target } from '../auth/permissions';
import { defineAction, fail } from '../auth/action';
import { idSchema, reasonSchema } from './input';
import { campaignTarget, councilTarget } from './targets';

const REVOKE_PERMISSION = {
  council_staff: 'staff.revoke',
  organiser: 'organiser.revoke',
  admin: 'admin.revoke',
} as const satisfies Record<(typeof memberships.$inferSelect)['role'], Permission>;

/**
 * Ends someone's role. The form names the role it shows, which picks the permission row
 * (organisers revoke staff of their councils and organisers of their campaigns; only admins
 * revoke admins); a membership that is not of that role is not found. The row stays, revoked,
 * with who did it and why; the grant is gone at that person's next request.
 */
export const revokeMembership = defineAction({
  name: 'revokeMembership',
  permission: (input) => REVOKE_PERMISSION[input.role],
  permissions: Object.values(REVOKE_PERMISSION),
  input: z.strictObject({
    membershipId: idSchema,
    role: z.enum(['council_staff', 'organiser', 'admin']),
    reason: reasonSchema,
  }),
  target: async (ctx, input): Promise<Target | null> => {
    const [m] = await ctx.db
      .select({ councilId: memberships.councilId, campaignId: memberships.campaignId })
      .from(memberships)
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.role, input.role)));
    if (!m) return null;
    if (input.role === 'council_staff') return m.councilId ? councilTarget(ctx.db, m.councilId) : null;
    if (input.role === 'organiser') return m.campaignId ? campaignTarget(ctx.db, m.campaignId) : null;
    return 'anywhere';
  },
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    return ctx.db.transaction(async (tx) => {
      if (input.role === 'admin') {
        // The service must keep someone who can run it; admin:create is the way back otherwise.
        const [admins] = await tx
          .select({ n: count() })
          .from(memberships)
          .where(and(eq(memberships.role, 'admin'), eq(memberships.state, 'active'), ne(memberships.id, input.membershipId)));
        if ((admins?.n ?? 0) === 0) fail('conflict', 'This is the last admin; appoint another before revoking this one.');
      }
      const revoked = await tx
        .update(memberships)
        .set({ state: 'revoked', decidedAt: ctx.now, decidedBy: ctx.user!.id, decisionReason: input.reason })
        .where(and(eq(memberships.id, input.membershipId), eq(memberships.state, 'active')))
        .returning({ id: memberships.id });
      if (revoked.length === 0) fail('conflict', 'This role is not active (already revoked, or a claim still waiting for its decision).');
      return { membershipId: input.membershipId };
    });
  },
});
