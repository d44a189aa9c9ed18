import { type SQL, and, asc, countDistinct, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, countries, places, tieEvents, ties } from '../../db/schema';
import { publicEventsCondition } from '../people/public-content';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import { localisedPlaceNames } from '../places/localised-place-names';
import { STATUS_GROUPS, STATUS_GROUP_NAMES, type StatusGroup, TIE_STATUSES, type TieStatus, isInGroup } from './lifecycle';

/**
 * What the public pages read about ties. "Ties" here are the ties of at least one campaign:
 * the Wikipedia import also holds ties no campaign targets (Harbin–Khabarovsk), which are
 * data, not campaign progress. Draft campaigns are not public, so they count only when asked
 * for by slug.
 */

export type HeadlineNumbers = {
  /** Every tie in scope, whatever its status. */
  total: number;
  byStatus: Record<TieStatus, number>;
  groups: Record<StatusGroup, number>;
  /** Councils governing a place with at least one tie in force. */
  councilsHoldingTies: number;
  /** The most recent date on which something happened to one of these ties. */
  lastEventOn: PartialDate | null;
};

export type CampaignSummary = {
  id: number;
  slug: string;
  name: string;
  nameUk: string | null;
  state: (typeof campaigns.$inferSelect)['state'];
  startedOn: string | null;
  headline: HeadlineNumbers;
};

export type CountryRef = { code: string; name: string };
export type PlaceRef = { id: number; slug: string; name: string; country: CountryRef };

export type CouncilTie = {
  id: number;
  status: TieStatus;
  inForce: boolean;
  partner: PlaceRef;
  /** The date of the latest event on the tie: what its status stands on. */
  lastEventOn: PartialDate | null;
};

export type CouncilHoldingTies = {
  id: number;
  slug: string;
  place: PlaceRef;
  /** Its ties in scope: those in force first, then the closed ones, for the full story. */
  ties: CouncilTie[];
};

const IN_FORCE = [...STATUS_GROUPS.inForce];

/** Which campaigns count: the named one, or every public one. */
function campaignScope(campaignSlug: string | undefined): SQL {
  return campaignSlug ? eq(campaigns.slug, campaignSlug) : ne(campaigns.state, 'draft');
}

function tiesInScope(db: Queryable, campaignSlug: string | undefined) {
  return db
    .select({ id: campaignTies.tieId })
    .from(campaignTies)
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(campaignScope(campaignSlug));
}

function toHeadline(statusCounts: readonly { status: TieStatus; count: number }[], councilsHoldingTies: number, lastEventOn: PartialDate | null): HeadlineNumbers {
  const byStatus = Object.fromEntries(TIE_STATUSES.map((s) => [s, 0])) as Record<TieStatus, number>;
  for (const row of statusCounts) byStatus[row.status] += row.count;
  const groups = Object.fromEntries(
    STATUS_GROUP_NAMES.map((g) => [g, TIE_STATUSES.filter((s) => isInGroup(s, g)).reduce((n, s) => n + byStatus[s], 0)]),
  ) as Record<StatusGroup, number>;
  const total = TIE_STATUSES.reduce((n, s) => n + byStatus[s], 0);
  return { total, byStatus, groups, councilsHoldingTies, lastEventOn };
}

export async function getHeadlineNumbers(db: Queryable, options: { campaignSlug?: string } = {}): Promise<HeadlineNumbers> {
  const scoped = tiesInScope(db, options.campaignSlug);
  const [statusCounts, [councilCount], [lastEvent]] = await Promise.all([
    db
      .select({ status: ties.status, count: countDistinct(ties.id) })
      .from(ties)
      .where(inArray(ties.id, scoped))
      .groupBy(ties.status),
    db
      .select({ count: countDistinct(councils.id) })
      .from(councils)
      .innerJoin(ties, eq(ties.placeId, councils.placeId))
      .where(and(inArray(ties.id, scoped), inArray(ties.status, IN_FORCE))),
    db
      .select({ date: tieEvents.occurredOn, precision: tieEvents.occurredPrecision })
      .from(tieEvents)
      .where(and(inArray(tieEvents.tieId, scoped), isNotNull(tieEvents.occurredOn), publicEventsCondition()))
      .orderBy(desc(tieEvents.occurredOn))
      .limit(1),
  ]);
  return toHeadline(statusCounts, councilCount?.count ?? 0, partialDate(lastEvent?.date ?? null, lastEvent?.precision ?? null));
}

/**
 * Every public campaign (drafts too when asked) with its own headline numbers, in the order they
 * were created (start dates are often unknown: the seed's Ukraine 2022 has none).
 */
export async function listCampaigns(db: Queryable, options: { includeDrafts?: boolean } = {}): Promise<CampaignSummary[]> {
  const visible = options.includeDrafts ? undefined : ne(campaigns.state, 'draft');
  const [rows, statusCounts, councilCounts, lastEvents] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        slug: campaigns.slug,
        name: campaigns.name,
        nameUk: campaigns.nameUk,
        state: campaigns.state,
        startedOn: campaigns.startedOn,
      })
      .from(campaigns)
      .where(visible)
      .orderBy(asc(campaigns.id)),
    db
      .select({ campaignId: campaignTies.campaignId, status: ties.status, count: countDistinct(ties.id) })
      .from(campaignTies)
      .innerJoin(ties, eq(ties.id, campaignTies.tieId))
      .groupBy(campaignTies.campaignId, ties.status),
    db
      .select({ campaignId: campaignTies.campaignId, count: countDistinct(councils.id) })
      .from(campaignTies)
      .innerJoin(ties, eq(ties.id, campaignTies.tieId))
      .innerJoin(councils, eq(councils.placeId, ties.placeId))
      .where(inArray(ties.status, IN_FORCE))
      .groupBy(campaignTies.campaignId),
    // DISTINCT ON: the latest dated event of each campaign in one query.
    db
      .selectDistinctOn([campaignTies.campaignId], {
        campaignId: campaignTies.campaignId,
        date: tieEvents.occurredOn,
        precision: tieEvents.occurredPrecision,
      })
      .from(campaignTies)
      .innerJoin(tieEvents, eq(tieEvents.tieId, campaignTies.tieId))
      .where(and(isNotNull(tieEvents.occurredOn), publicEventsCondition()))
      .orderBy(asc(campaignTies.campaignId), desc(tieEvents.occurredOn)),
  ]);
  return rows.map((c) => {
    const last = lastEvents.find((e) => e.campaignId === c.id);
    return {
      ...c,
      headline: toHeadline(
        statusCounts.filter((s) => s.campaignId === c.id),
        councilCounts.find((n) => n.campaignId === c.id)?.count ?? 0,
        partialDate(last?.date ?? null, last?.precision ?? null),
      ),
    };
  });
}

/**
 * Councils (on the campaign's side of a tie) that still hold at least one tie in force, each
 * with its ties in scope. Sorted by country, then place name, in the locale's alphabet.
 * Three queries whatever the number of councils.
 */
export async function listCouncilsHoldingTies(
  db: Queryable,
  options: { campaignSlug?: string; locale: string },
): Promise<CouncilHoldingTies[]> {
  const { locale } = options;
  const scoped = tiesInScope(db, options.campaignSlug);
  const holding = db
    .selectDistinct({ id: councils.id })
    .from(councils)
    .innerJoin(ties, eq(ties.placeId, councils.placeId))
    .where(and(inArray(ties.id, scoped), inArray(ties.status, IN_FORCE)));

  const partner = alias(places, 'partner');
  const placeCountry = alias(countries, 'place_country');
  const partnerCountry = alias(countries, 'partner_country');
  const rows = await db
    .select({
      councilId: councils.id,
      councilSlug: councils.slug,
      placeId: places.id,
      placeSlug: places.slug,
      placeName: places.name,
      placeCountry: placeCountry.code,
      placeCountryAlpha2: placeCountry.alpha2,
      placeCountryName: placeCountry.name,
      tieId: ties.id,
      status: ties.status,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
      lastEventOn: tieEvents.occurredOn,
      lastEventPrecision: tieEvents.occurredPrecision,
    })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .innerJoin(placeCountry, eq(placeCountry.code, places.country))
    .innerJoin(ties, eq(ties.placeId, places.id))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    // The event that produced the tie's current revision is its latest (when it is public).
    .leftJoin(tieEvents, and(eq(tieEvents.tieId, ties.id), eq(tieEvents.revision, ties.revision), publicEventsCondition()))
    .where(and(inArray(councils.id, holding), inArray(ties.id, scoped)));

  const names = await localisedPlaceNames(db, [...new Set(rows.flatMap((r) => [r.placeId, r.partnerId]))], locale);
  const placeName = (id: number, english: string) => names.get(id) ?? english;
  const country = (code: string, alpha2: string, english: string): CountryRef => ({
    code,
    name: locale === 'en' ? english : countryName(alpha2, locale, english),
  });

  const byCouncil = new Map<number, CouncilHoldingTies>();
  for (const r of rows) {
    let council = byCouncil.get(r.councilId);
    if (!council) {
      council = {
        id: r.councilId,
        slug: r.councilSlug,
        place: {
          id: r.placeId,
          slug: r.placeSlug,
          name: placeName(r.placeId, r.placeName),
          country: country(r.placeCountry, r.placeCountryAlpha2, r.placeCountryName),
        },
        ties: [],
      };
      byCouncil.set(r.councilId, council);
    }
    council.ties.push({
      id: r.tieId,
      status: r.status,
      inForce: isInGroup(r.status, 'inForce'),
      partner: {
        id: r.partnerId,
        slug: r.partnerSlug,
        name: placeName(r.partnerId, r.partnerName),
        country: country(r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
      },
      lastEventOn: partialDate(r.lastEventOn, r.lastEventPrecision),
    });
  }

  const collator = new Intl.Collator(locale);
  const result = [...byCouncil.values()];
  for (const council of result) {
    council.ties.sort((a, b) => Number(b.inForce) - Number(a.inForce) || collator.compare(a.partner.name, b.partner.name));
  }
  return result.sort(
    (a, b) => collator.compare(a.place.country.name, b.place.country.name) || collator.compare(a.place.name, b.place.name),
  );
}
