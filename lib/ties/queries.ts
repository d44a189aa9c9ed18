import { type SQL, and, asc, countDistinct, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, countries, places, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import { localisedPlaceNames } from '../places/localised-place-names';
import { displayPlaceName, isUnnamedPlace } from '../places/unnamed-place';
import { latestCountingEffect, notInFuture, publicEventOfEffect } from './effective-events';
import { type TieFigures, countFigures, figureCondition, isInForce } from './figures';
import { STATUS_GROUP_NAMES, type StatusGroup, TIE_STATUSES, type TieStatus, isInGroup } from './lifecycle';

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
  /** The figures of lib/ties/figures.ts: in force split into confirmed and only listed, severed, closed, blocked. */
  figures: TieFigures;
  /** Councils governing a place with at least one tie in force. */
  councilsHoldingTies: number;
  /** The most recent date on which something that still counts happened to one of these ties. */
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
/** `unnamed`: a partner the source does not name (its `name` is then "a Belarusian partner the
 * source does not name" in the page's language, lib/places/unnamed-place.ts): no place page of
 * its own to link to. */
export type PlaceRef = { id: number; slug: string; name: string; country: CountryRef; unnamed?: boolean };

export type CouncilTie = {
  id: number;
  status: TieStatus;
  inForce: boolean;
  /** A dated event confirms where it stands (lib/ties/figures.ts); in force and not: "listed, not confirmed". */
  confirmed: boolean;
  partner: PlaceRef;
  /** The date of the latest event on the tie that still counts: what its status stands on. */
  lastEventOn: PartialDate | null;
};

export type CouncilHoldingTies = {
  id: number;
  slug: string;
  place: PlaceRef;
  /** Its ties in scope: those in force first, then the closed ones, for the full story. */
  ties: CouncilTie[];
};

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

type StatusCount = { status: TieStatus; confirmed: boolean; count: number };

/** Whether a dated event confirms the tie: the column the figures split "in force" by. */
const confirmedColumn = sql<boolean>`(${ties.confirmedEventId} is not null)`;

function toHeadline(statusCounts: readonly StatusCount[], councilsHoldingTies: number, lastEventOn: PartialDate | null): HeadlineNumbers {
  const byStatus = Object.fromEntries(TIE_STATUSES.map((s) => [s, 0])) as Record<TieStatus, number>;
  for (const row of statusCounts) byStatus[row.status] += Number(row.count);
  const groups = Object.fromEntries(
    STATUS_GROUP_NAMES.map((g) => [g, TIE_STATUSES.filter((s) => isInGroup(s, g)).reduce((n, s) => n + byStatus[s], 0)]),
  ) as Record<StatusGroup, number>;
  const total = TIE_STATUSES.reduce((n, s) => n + byStatus[s], 0);
  const figures = countFigures(statusCounts.map((r) => ({ status: r.status, confirmed: Boolean(r.confirmed), n: Number(r.count) })));
  return { total, byStatus, groups, figures, councilsHoldingTies, lastEventOn };
}

/** The latest date on which an event that still counts happened (and that a member of the public may see). */
function lastCountingEventDate(db: Queryable) {
  return db
    .select({ date: tieEventEffects.occurredOn, precision: tieEventEffects.occurredPrecision })
    .from(tieEventEffects)
    .innerJoin(tieEvents, publicEventOfEffect())
    .$dynamic();
}

export async function getHeadlineNumbers(db: Queryable, options: { campaignSlug?: string } = {}): Promise<HeadlineNumbers> {
  const scoped = tiesInScope(db, options.campaignSlug);
  const [statusCounts, [councilCount], [lastEvent]] = await Promise.all([
    db
      .select({ status: ties.status, confirmed: confirmedColumn, count: countDistinct(ties.id) })
      .from(ties)
      .where(inArray(ties.id, scoped))
      .groupBy(ties.status, confirmedColumn),
    db
      .select({ count: countDistinct(councils.id) })
      .from(councils)
      .innerJoin(ties, eq(ties.placeId, councils.placeId))
      .where(and(inArray(ties.id, scoped), figureCondition('inForce'))),
    lastCountingEventDate(db)
      .where(
        and(
          inArray(tieEventEffects.tieId, scoped),
          eq(tieEventEffects.counts, true),
          isNotNull(tieEventEffects.occurredOn),
          notInFuture(tieEventEffects.occurredOn),
        ),
      )
      .orderBy(desc(tieEventEffects.occurredOn))
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
      .select({ campaignId: campaignTies.campaignId, status: ties.status, confirmed: confirmedColumn, count: countDistinct(ties.id) })
      .from(campaignTies)
      .innerJoin(ties, eq(ties.id, campaignTies.tieId))
      .groupBy(campaignTies.campaignId, ties.status, confirmedColumn),
    db
      .select({ campaignId: campaignTies.campaignId, count: countDistinct(councils.id) })
      .from(campaignTies)
      .innerJoin(ties, eq(ties.id, campaignTies.tieId))
      .innerJoin(councils, eq(councils.placeId, ties.placeId))
      .where(figureCondition('inForce'))
      .groupBy(campaignTies.campaignId),
    // DISTINCT ON: the latest dated event that still counts, of each campaign, in one query.
    db
      .selectDistinctOn([campaignTies.campaignId], {
        campaignId: campaignTies.campaignId,
        date: tieEventEffects.occurredOn,
        precision: tieEventEffects.occurredPrecision,
      })
      .from(campaignTies)
      .innerJoin(tieEventEffects, eq(tieEventEffects.tieId, campaignTies.tieId))
      .innerJoin(tieEvents, publicEventOfEffect())
      .where(and(eq(tieEventEffects.counts, true), isNotNull(tieEventEffects.occurredOn), notInFuture(tieEventEffects.occurredOn)))
      .orderBy(asc(campaignTies.campaignId), desc(tieEventEffects.occurredOn)),
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
    .where(and(inArray(ties.id, scoped), figureCondition('inForce')));

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
      confirmedEventId: ties.confirmedEventId,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerKind: partner.kind,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
      lastEventOn: tieEventEffects.occurredOn,
      lastEventPrecision: tieEventEffects.occurredPrecision,
      lastEventPublic: tieEvents.id,
    })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .innerJoin(placeCountry, eq(placeCountry.code, places.country))
    .innerJoin(ties, eq(ties.placeId, places.id))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    // The latest event that still counts (shown only when it is public).
    .leftJoin(tieEventEffects, latestCountingEffect(ties.id))
    .leftJoin(tieEvents, publicEventOfEffect())
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
    const unnamed = isUnnamedPlace({ kind: r.partnerKind });
    council.ties.push({
      id: r.tieId,
      status: r.status,
      inForce: isInForce(r),
      confirmed: r.confirmedEventId !== null,
      partner: {
        id: r.partnerId,
        slug: r.partnerSlug,
        name: displayPlaceName(
          { kind: r.partnerKind, country: r.partnerCountry, alpha2: r.partnerCountryAlpha2, countryName: r.partnerCountryName },
          placeName(r.partnerId, r.partnerName),
          locale,
        ),
        country: country(r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
        ...(unnamed ? { unnamed } : {}),
      },
      // A date in the future (recorded before the write path refused them) says nothing about now.
      lastEventOn: r.lastEventPublic !== null && r.lastEventOn && r.lastEventOn <= today() ? partialDate(r.lastEventOn, r.lastEventPrecision) : null,
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

/** Today, UTC, as YYYY-MM-DD. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}
