import { appealTies, appeals } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { councilTarget } from '../people/targets';
import { sendAppealInput } from './appeal-input';
import { loadAppealScope } from './appeal-scope';
import { dispatchAppeal } from './dispatch-appeal';
import { councilRecipients } from './recipients';
import { enforceAppealLimits, needsModeration } from './rules';

/**
 * An activist sends their letter from the app. Checked, in one transaction: the council, the
 * campaign, the ties and the language (lib/appeals/appeal-scope.ts); that the council has an
 * address the app may write to; the 30-day rule and the rate ladder (lib/appeals/rules.ts).
 * Then the appeal is recorded, and either waits for an organiser (a new activist's first
 * appeals) or is queued: its email is written to the outbox in the same transaction, or it is
 * held for the council's daily digest. Over any limit, nothing is written at all.
 */
export const sendAppeal = defineAction({
  name: 'sendAppeal',
  permission: 'appeal.send',
  input: sendAppealInput,
  target: (ctx, input) => councilTarget(ctx.db, input.councilId),
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    const user = ctx.user;
    return ctx.db.transaction(async (tx) => {
      const scope = await loadAppealScope(tx, input);
      const recipients = await councilRecipients(tx, scope.council.contactEmails);
      if (recipients.usable.length === 0) {
        fail(
          'unavailable',
          recipients.suppressed.length > 0
            ? "Mail to this council's addresses has bounced; an organiser is fixing them. Send the letter yourself meanwhile."
            : 'The app has no address for this council. Send the letter yourself: copy it, or print it.',
        );
      }
      await enforceAppealLimits(tx, user.id, scope.council.id, ctx.now);

      const moderated = await needsModeration(tx, user.id);
      const [appeal] = await tx
        .insert(appeals)
        .values({
          userId: user.id,
          councilId: scope.council.id,
          campaignId: scope.campaign.id,
          language: input.language,
          channel: 'app',
          state: 'awaiting_moderation',
          subject: input.subject,
          body: input.body,
          signerName: input.signerName,
          signerCity: input.signerCity || null,
          createdAt: ctx.now,
        })
        .returning({ id: appeals.id });
      const appealId = appeal!.id;
      await tx.insert(appealTies).values(scope.tieIds.map((tieId) => ({ appealId, tieId })));
      if (moderated) return { appealId, state: 'awaiting_moderation' as const };
      await dispatchAppeal(tx, appealId, ctx.now);
      return { appealId, state: 'queued' as const };
    });
  },
});
