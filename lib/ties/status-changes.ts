import { type SQL, and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, countries, places, sources, tieEvents, ties } from '../../db/schema';
import type { PartialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import { localisedPlaceNames } from '../places/localised-place-names';
import { publicEventsCondition } from '../people/public-content';
import type { TieEventType, TieStatus } from './lifecycle';
import type { CountryRef, PlaceRef } from './queries';

/**
 * The latest status changes: what the feed and the home page announce. A status change is an
 * event that moved a tie (from one status to another) or that first recorded it; a further
 * appeal or a new source for a tie that stays where it was is not news.
 */

export type StatusChangeSource = {
  id: number;
  title: string;
  url: string | null;
  publisher: string | null;
  /** For the seed documents, which have no URL: the file in db/seed/documents. */
  seedDocument: string | null;
  language: string | null;
};

export type StatusChange = {
  eventId: number;
  tieId: number;
  type: TieEventType;
  /** Null for the event that recorded the tie. */
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  /** When it happened in the world, as precisely as the source says; null when it does not say. */
  occurredOn: PartialDate | null;
  /** "On or before" that date (the source reports it as of then). */
  occurredByDate: boolean;
  recordedAt: Date;
  /** The council that governs the tie's place, when there is one. */
  council: { id: number; slug: string; name: string | null } | null;
  place: PlaceRef;
  partner: PlaceRef;
  source: StatusChangeSource | null;
  quote: string | null;
};

export type StatusChangeOptions = {
  /** Names shown in this locale where the data has them (default English). */
  locale?: string;
  /** One campaign's ties; by default the ties of every public campaign. */
  campaignSlug?: string;
  limit?: number;
};

/** Which campaigns count: the named one, or every public one (draft campaigns are not public). */
function scopedTieIds(db: Queryable, campaignSlug: string | undefined) {
  const scope: SQL = campaignSlug ? eq(campaigns.slug, campaignSlug) : ne(campaigns.state, 'draft');
  return db
    .select({ id: campaignTies.tieId })
    .from(campaignTies)
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(scope);
}

export const DEFAULT_STATUS_CHANGE_LIMIT = 50;

/**
 * Newest first by when it happened in the world (undated events last: a source that gives no
 * date cannot say it is recent), then by when it was recorded.
 */
export async function listStatusChanges(db: Queryable, options: StatusChangeOptions = {}): Promise<StatusChange[]> {
  const locale = options.locale ?? 'en';
  const limit = options.limit ?? DEFAULT_STATUS_CHANGE_LIMIT;
  const place = alias(places, 'place');
  const partner = alias(places, 'partner');
  const placeCountry = alias(countries, 'place_country');
  const partnerCountry = alias(countries, 'partner_country');

  const rows = await db
    .select({
      eventId: tieEvents.id,
      tieId: tieEvents.tieId,
      type: tieEvents.type,
      fromStatus: tieEvents.fromStatus,
      toStatus: tieEvents.toStatus,
      occurredOn: tieEvents.occurredOn,
      occurredPrecision: tieEvents.occurredPrecision,
      occurredByDate: tieEvents.occurredByDate,
      recordedAt: tieEvents.recordedAt,
      quote: tieEvents.quote,
      councilId: councils.id,
      councilSlug: councils.slug,
      councilName: councils.name,
      placeId: place.id,
      placeSlug: place.slug,
      placeName: place.name,
      placeCountry: placeCountry.code,
      placeCountryAlpha2: placeCountry.alpha2,
      placeCountryName: placeCountry.name,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
      sourceId: sources.id,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      sourcePublisher: sources.publisher,
      sourceSeedDocument: sources.seedDocument,
      sourceLanguage: sources.language,
    })
    .from(tieEvents)
    .innerJoin(ties, eq(ties.id, tieEvents.tieId))
    .innerJoin(place, eq(place.id, ties.placeId))
    .innerJoin(placeCountry, eq(placeCountry.code, place.country))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    .leftJoin(sources, eq(sources.id, tieEvents.sourceId))
    .where(
      and(
        inArray(tieEvents.tieId, scopedTieIds(db, options.campaignSlug)),
        or(eq(tieEvents.type, 'recorded'), ne(tieEvents.fromStatus, tieEvents.toStatus)),
        publicEventsCondition(),
      ),
    )
    .orderBy(sql`${tieEvents.occurredOn} desc nulls last`, desc(tieEvents.recordedAt), desc(tieEvents.id))
    .limit(limit);

  const names = await localisedPlaceNames(
    db,
    rows.flatMap((r) => [r.placeId, r.partnerId]),
    locale,
  );
  const country = (code: string, alpha2: string, english: string): CountryRef => ({
    code,
    name: locale === 'en' ? english : countryName(alpha2, locale, english),
  });

  return rows.map((r) => ({
    eventId: r.eventId,
    tieId: r.tieId,
    type: r.type,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    occurredOn: r.occurredOn && r.occurredPrecision ? { date: r.occurredOn, precision: r.occurredPrecision } : null,
    occurredByDate: r.occurredByDate,
    recordedAt: r.recordedAt,
    council: r.councilId !== null && r.councilSlug !== null ? { id: r.councilId, slug: r.councilSlug, name: r.councilName } : null,
    place: {
      id: r.placeId,
      slug: r.placeSlug,
      name: names.get(r.placeId) ?? r.placeName,
      country: country(r.placeCountry, r.placeCountryAlpha2, r.placeCountryName),
    },
    partner: {
      id: r.partnerId,
      slug: r.partnerSlug,
      name: names.get(r.partnerId) ?? r.partnerName,
      country: country(r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
    },
    source:
      r.sourceId !== null && r.sourceTitle !== null
        ? {
            id: r.sourceId,
            title: r.sourceTitle,
            url: r.sourceUrl,
            publisher: r.sourcePublisher,
            seedDocument: r.sourceSeedDocument,
            language: r.sourceLanguage,
          }
        : null,
    quote: r.quote,
  }));
}
