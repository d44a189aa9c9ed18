import { appealTies, appeals } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { councilTarget } from '../people/targets';
import { recordExternalAppealInput } from './appeal-input';
import { loadAppealScope } from './appeal-scope';
import { enforceAppealLimits, needsModeration } from './rules';

/**
 * The activist took the letter elsewhere (their own mail program through the `mailto:` link, a
 * printout, the PDF, the copied text) and reports they sent it. Only the writer can say so, so
 * it counts as an appeal "reported by the writer" and never changes a tie's status (only a
 * letter Untwin delivered does: lib/appeals/appeal-reached-council.ts). A new activist's report
 * waits for an organiser like an app-sent letter; once approved (or at once, for a trusted
 * activist) it is `sent` and counts on the public counters. The 30-day rule and the rate ladder
 * apply as to any appeal, so reports cannot pump the counters.
 */
export const recordExternalAppeal = defineAction({
  name: 'recordExternalAppeal',
  permission: 'appeal.record_external',
  input: recordExternalAppealInput,
  target: (ctx, input) => councilTarget(ctx.db, input.councilId),
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    const user = ctx.user;
    return ctx.db.transaction(async (tx) => {
      const scope = await loadAppealScope(tx, input);
      await enforceAppealLimits(tx, user.id, scope.council.id, ctx.now);
      const moderated = await needsModeration(tx, user.id);
      const [appeal] = await tx
        .insert(appeals)
        .values({
          userId: user.id,
          councilId: scope.council.id,
          campaignId: scope.campaign.id,
          language: input.language,
          channel: input.channel,
          state: moderated ? 'awaiting_moderation' : 'sent',
          subject: input.subject,
          body: input.body,
          signerName: user.name,
          signerCity: user.city,
          createdAt: ctx.now,
          sentAt: moderated ? null : ctx.now,
        })
        .returning({ id: appeals.id });
      const appealId = appeal!.id;
      await tx.insert(appealTies).values(scope.tieIds.map((tieId) => ({ appealId, tieId })));
      return { appealId, state: moderated ? ('awaiting_moderation' as const) : ('sent' as const) };
    });
  },
});
