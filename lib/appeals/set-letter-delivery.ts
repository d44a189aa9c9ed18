import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { LETTER_DELIVERY_MODES, campaigns } from '../../db/schema';
import { defineAction } from '../auth/action';
import { campaignTarget } from '../people/targets';
import { idSchema } from '../people/input';

/**
 * An organiser chooses how the campaign's letters reach councils: each on its own as it is
 * sent (up to the council's daily cap), or all of a day's letters to a council in one digest.
 * Letters already held for a digest still go out in it.
 */
export const setLetterDelivery = defineAction({
  name: 'setLetterDelivery',
  permission: 'campaign.set_letter_delivery',
  input: z.strictObject({ campaignId: idSchema, mode: z.enum(LETTER_DELIVERY_MODES) }),
  target: (ctx, input) => campaignTarget(ctx.db, input.campaignId),
  run: async (ctx, input) => {
    await ctx.db.update(campaigns).set({ letterDelivery: input.mode }).where(eq(campaigns.id, input.campaignId));
    return { campaignId: input.campaignId, mode: input.mode };
  },
});
