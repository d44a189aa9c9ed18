import { asc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, places, ties } from '../../db/schema';
import { localisedPlaceNames } from '../places/localised-place-names';
import { type TieStatus, isInGroup } from '../ties/lifecycle';

/** How a line is drawn: the lifecycle's groups, reduced to the three a reader can tell apart. */
export type MapLineGroup = 'inForce' | 'closed' | 'blocked';

export type MapPlace = {
  id: number;
  slug: string;
  name: string;
  country: string;
  /** Null when the gazetteer does not know where the place is. */
  at: { latitude: number; longitude: number } | null;
};

export type MapTie = {
  id: number;
  status: TieStatus;
  group: MapLineGroup;
  /** The council governing the campaign-side place, when there is one (its page is the link). */
  councilSlug: string | null;
  place: MapPlace;
  partner: MapPlace;
};

export type MapData = {
  campaigns: { slug: string; name: string }[];
  /** Ties whose two places both have coordinates. */
  drawn: MapTie[];
  /** Ties left off the map for want of coordinates: listed on the page, never dropped. */
  missing: MapTie[];
};

export function lineGroup(status: TieStatus): MapLineGroup {
  if (isInGroup(status, 'inForce')) return 'inForce';
  if (isInGroup(status, 'blocked')) return 'blocked';
  return 'closed';
}

/**
 * The ties of the public campaigns (or of the one named by slug, which must be public too:
 * a draft's slug gives the public ones, as on the other pages), with both places' locations.
 */
export async function getMapData(db: Queryable, options: { campaignSlug?: string; locale: string }): Promise<MapData> {
  const { locale } = options;
  const publicCampaigns = await db
    .select({ slug: campaigns.slug, name: campaigns.name, nameUk: campaigns.nameUk })
    .from(campaigns)
    .where(ne(campaigns.state, 'draft'))
    .orderBy(asc(campaigns.id));
  const chosen = publicCampaigns.find((c) => c.slug === options.campaignSlug);
  const scoped = db
    .select({ id: campaignTies.tieId })
    .from(campaignTies)
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(chosen ? eq(campaigns.slug, chosen.slug) : ne(campaigns.state, 'draft'));

  const partner = alias(places, 'partner');
  const rows = await db
    .select({
      tieId: ties.id,
      status: ties.status,
      councilSlug: councils.slug,
      placeId: places.id,
      placeSlug: places.slug,
      placeName: places.name,
      placeCountry: places.country,
      placeLat: places.latitude,
      placeLon: places.longitude,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerCountry: partner.country,
      partnerLat: partner.latitude,
      partnerLon: partner.longitude,
    })
    .from(ties)
    .innerJoin(places, eq(places.id, ties.placeId))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    .where(inArray(ties.id, scoped))
    .orderBy(asc(ties.id));

  const names = await localisedPlaceNames(db, rows.flatMap((r) => [r.placeId, r.partnerId]), locale);
  const at = (latitude: number | null, longitude: number | null) => (latitude === null || longitude === null ? null : { latitude, longitude });

  // A place governed by two councils (rare) would repeat its ties: keep each tie once.
  const seen = new Set<number>();
  const all: MapTie[] = [];
  for (const r of rows) {
    if (seen.has(r.tieId)) continue;
    seen.add(r.tieId);
    all.push({
      id: r.tieId,
      status: r.status,
      group: lineGroup(r.status),
      councilSlug: r.councilSlug,
      place: { id: r.placeId, slug: r.placeSlug, name: names.get(r.placeId) ?? r.placeName, country: r.placeCountry, at: at(r.placeLat, r.placeLon) },
      partner: {
        id: r.partnerId,
        slug: r.partnerSlug,
        name: names.get(r.partnerId) ?? r.partnerName,
        country: r.partnerCountry,
        at: at(r.partnerLat, r.partnerLon),
      },
    });
  }
  const collator = new Intl.Collator(locale);
  all.sort((a, b) => collator.compare(a.place.name, b.place.name) || collator.compare(a.partner.name, b.partner.name));
  return {
    campaigns: publicCampaigns.map((c) => ({ slug: c.slug, name: (locale === 'uk' && c.nameUk) || c.name })),
    drawn: all.filter((t) => t.place.at && t.partner.at),
    missing: all.filter((t) => !t.place.at || !t.partner.at),
  };
}
