import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, ties } from '../../db/schema';
import type { Target } from '../auth/permissions';

/**
 * What a people action acts on, for the permission table's scope. A council belongs to the
 * campaigns that hold one of its ties (the same link loadTieTarget draws from a tie to its
 * council), so an organiser decides about the staff of exactly the councils their campaigns
 * appeal to.
 */
export async function councilTarget(db: Queryable, councilId: number): Promise<Target | null> {
  const [council] = await db.select({ id: councils.id, placeId: councils.placeId }).from(councils).where(eq(councils.id, councilId));
  if (!council) return null;
  return { councilId: council.id, campaignIds: await campaignsOfCouncil(db, council.placeId) };
}

export async function campaignsOfCouncil(db: Queryable, councilPlaceId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: campaignTies.campaignId })
    .from(campaignTies)
    .innerJoin(ties, eq(ties.id, campaignTies.tieId))
    .where(eq(ties.placeId, councilPlaceId));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function campaignTarget(db: Queryable, campaignId: number): Promise<Target | null> {
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId));
  return campaign ? { councilId: null, campaignIds: [campaign.id] } : null;
}
