import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appeals } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { idSchema, optionalText } from '../people/input';
import { dispatchAppeal } from './dispatch-appeal';

/**
 * An organiser of the appeal's campaign reads a new activist's appeal before it goes out:
 * approved, it leaves as any trusted appeal does (its own email, or the council's digest when
 * the campaign sends digests or the council has had its letters today); rejected, it stays with
 * the reason, which the activist sees in their appeals. Nobody decides their own appeal, and an
 * appeal is decided once: two organisers deciding at the same moment cannot both win.
 */
export const moderateAppeal = defineAction({
  name: 'moderateAppeal',
  permission: 'appeal.moderate',
  input: z
    .strictObject({
      appealId: idSchema,
      decision: z.enum(['approve', 'reject']),
      reason: optionalText(2000),
    })
    .refine((i) => i.decision === 'approve' || i.reason !== null, { path: ['reason'], message: 'Say why the appeal is rejected.' }),
  // The appeal's own campaign: an organiser moderates the letters written in their campaigns.
  target: async (ctx, input) => {
    const [appeal] = await ctx.db
      .select({ councilId: appeals.councilId, campaignId: appeals.campaignId })
      .from(appeals)
      .where(eq(appeals.id, input.appealId));
    return appeal ? { councilId: appeal.councilId, campaignIds: [appeal.campaignId] } : null;
  },
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    const moderator = ctx.user;
    return ctx.db.transaction(async (tx) => {
      const [appeal] = await tx
        .select({ userId: appeals.userId, state: appeals.state, channel: appeals.channel })
        .from(appeals)
        .where(eq(appeals.id, input.appealId))
        .for('update');
      if (!appeal) fail('not_found', 'There is no such appeal.');
      if (appeal.userId === moderator.id) fail('forbidden', 'Nobody decides their own appeal.');
      const decided = await tx
        .update(appeals)
        .set({
          // A letter the writer reports having sent elsewhere has nothing left to send: approved,
          // it counts as sent (reported by the writer) and moves no tie.
          state: input.decision === 'reject' ? 'rejected' : appeal.channel === 'app' ? 'queued' : 'sent',
          ...(input.decision === 'approve' && appeal.channel !== 'app' ? { sentAt: ctx.now } : {}),
          moderatedBy: moderator.id,
          moderatedAt: ctx.now,
          rejectionReason: input.decision === 'reject' ? input.reason : null,
        })
        .where(and(eq(appeals.id, input.appealId), eq(appeals.state, 'awaiting_moderation')))
        .returning({ id: appeals.id });
      if (decided.length === 0) fail('conflict', `This appeal has already been decided (it is ${appeal.state}).`);
      if (input.decision === 'reject') return { appealId: input.appealId, state: 'rejected' as const };
      if (appeal.channel !== 'app') return { appealId: input.appealId, state: 'sent' as const, held: false };
      const { held } = await dispatchAppeal(tx, input.appealId, ctx.now);
      return { appealId: input.appealId, state: 'queued' as const, held };
    });
  },
});
