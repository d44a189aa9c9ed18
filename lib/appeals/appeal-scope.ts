import { and, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, ties } from '../../db/schema';
import { fail } from '../auth/action';
import { isInGroup } from '../ties/lifecycle';
import { letterLanguages } from './letter';

/**
 * What an appeal is about, checked: the council, the campaign it writes in, and ties that are
 * the council's, in that campaign, and still in force; the language must be one the campaign
 * offers this council. Throws the action's typed errors.
 */
export type AppealScope = {
  council: typeof councils.$inferSelect;
  campaign: typeof campaigns.$inferSelect;
  tieIds: number[];
};

export async function loadAppealScope(
  db: Queryable,
  input: { councilId: number; campaignId: number; tieIds: readonly number[]; language: string },
): Promise<AppealScope> {
  const [council] = await db.select().from(councils).where(eq(councils.id, input.councilId));
  if (!council) fail('not_found', 'There is no such council.');
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, input.campaignId));
  if (!campaign) fail('not_found', 'There is no such campaign.');

  const tieIds = [...new Set(input.tieIds)];
  // The council is normally on the tie's place side; a tie between two partner-country places
  // may have it on either (as lib/appeals/letter-data.ts reads them).
  const rows = await db
    .select({ id: ties.id, status: ties.status, inCampaign: campaignTies.campaignId })
    .from(ties)
    .leftJoin(campaignTies, and(eq(campaignTies.tieId, ties.id), eq(campaignTies.campaignId, campaign.id)))
    .where(and(inArray(ties.id, tieIds), or(eq(ties.placeId, council.placeId), eq(ties.partnerId, council.placeId))));
  const found = new Map(rows.map((r) => [r.id, r]));
  const foreign = tieIds.filter((id) => !found.get(id)?.inCampaign);
  if (foreign.length > 0) {
    fail('invalid_input', `Ties ${foreign.join(', ')} are not ties of this council in this campaign.`, {
      fieldErrors: { tieIds: ['not a tie of this council in this campaign'] },
    });
  }
  const ended = rows.filter((r) => !isInGroup(r.status, 'inForce')).map((r) => r.id);
  if (ended.length > 0) fail('conflict', `Ties ${ended.join(', ')} are no longer in force: reload the page.`);

  const offered: string[] = letterLanguages(campaign, council);
  if (!offered.includes(input.language)) {
    fail('invalid_input', `The campaign offers letters to this council in ${offered.join(', ') || 'no language'}.`, {
      fieldErrors: { language: ['not a language this letter can be written in'] },
    });
  }
  return { council, campaign, tieIds };
}
