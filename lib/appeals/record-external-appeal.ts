import { appealTies, appeals } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { councilTarget } from '../people/targets';
import { appealReachedCouncil } from './appeal-reached-council';
import { recordExternalAppealInput } from './appeal-input';
import { loadAppealScope } from './appeal-scope';
import { enforceAppealLimits } from './rules';

/**
 * The activist took the letter elsewhere (their own mail program through the `mailto:` link, a
 * printout, the PDF, the copied text) and confirms they sent it. That is an appeal that reached
 * the council: it is recorded as `sent`, counts on the public counters, and moves the ties that
 * nobody had appealed about yet to `appealed`. The 30-day rule and the rate ladder apply as to
 * any appeal, so confirmations cannot pump the counters.
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
      const [appeal] = await tx
        .insert(appeals)
        .values({
          userId: user.id,
          councilId: scope.council.id,
          campaignId: scope.campaign.id,
          language: input.language,
          channel: input.channel,
          state: 'sent',
          subject: input.subject,
          body: input.body,
          signerName: user.name,
          signerCity: user.city,
          createdAt: ctx.now,
          sentAt: ctx.now,
        })
        .returning({ id: appeals.id });
      const appealId = appeal!.id;
      await tx.insert(appealTies).values(scope.tieIds.map((tieId) => ({ appealId, tieId })));
      await appealReachedCouncil(tx, { id: appealId, userId: user.id, sentAt: ctx.now }, ctx.actor);
      return { appealId };
    });
  },
});
