import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { appeals, campaignTies, campaigns, councils, memberships, ties } from '../../db/schema';
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

/**
 * The campaigns each person is within: those they hold a grant in (council staff of a council
 * whose ties are in the campaign, as councilTarget counts it; organiser of the campaign) or
 * wrote an appeal in. An organiser acts on, and sees, only the people within their campaigns
 * (bans, the banned list); admins act on everyone.
 */
export async function campaignsOfPeople(db: Queryable, userIds: readonly string[]): Promise<Map<string, number[]>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const found = new Map<string, Set<number>>(ids.map((id) => [id, new Set()]));
  const active = (role: 'organiser' | 'council_staff') => and(inArray(memberships.userId, ids), eq(memberships.role, role), eq(memberships.state, 'active'));
  const [organised, staffed, wrote] = await Promise.all([
    db.select({ userId: memberships.userId, campaignId: memberships.campaignId }).from(memberships).where(active('organiser')),
    db
      .selectDistinct({ userId: memberships.userId, campaignId: campaignTies.campaignId })
      .from(memberships)
      .innerJoin(councils, eq(councils.id, memberships.councilId))
      .innerJoin(ties, eq(ties.placeId, councils.placeId))
      .innerJoin(campaignTies, eq(campaignTies.tieId, ties.id))
      .where(active('council_staff')),
    db.selectDistinct({ userId: appeals.userId, campaignId: appeals.campaignId }).from(appeals).where(inArray(appeals.userId, ids)),
  ]);
  for (const { userId, campaignId } of [...organised, ...staffed, ...wrote]) if (campaignId !== null) found.get(userId)?.add(campaignId);
  return new Map([...found].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}

/** What an action on a person acts on: the campaigns they are within (none for nobody). */
export async function personTarget(db: Queryable, userId: string | null): Promise<Target> {
  return { councilId: null, campaignIds: userId ? ((await campaignsOfPeople(db, [userId])).get(userId) ?? []) : [] };
}
