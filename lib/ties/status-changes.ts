import { type SQL, and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, countries, places, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import { localisedPlaceNames } from '../places/localised-place-names';
import { displayPlaceName, isUnnamedPlace } from '../places/unnamed-place';
import { publicEventsCondition } from '../people/public-content';
import { type Attribution, attributionOf } from './attribution';
import { councilNameIn } from './council-page';
import { CORRECTION_EVENT_TYPES } from './effective-history';
import type { TieEventType, TieStatus } from './lifecycle';
import type { CountryRef, PlaceRef } from './queries';

/**
 * The latest status changes: what the feed and the home page announce, read from each tie's
 * effective history (tie_event_effects), so a withdrawn event is no longer announced and the
 * correction itself is. An entry is:
 * - an event that still counts and moved a tie (from one status to another) or first recorded it
 *   (a further appeal or a new source for a tie that stays where it was is not news);
 * - a withdrawal or an amendment of an earlier event ("the severance recorded on … was withdrawn").
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

/** What a withdrawal or an amendment corrects: the earlier event, as it was recorded. */
export type CorrectedEvent = {
  eventId: number;
  type: TieEventType;
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  /** The date it was recorded with (before any amendment). */
  occurredOn: PartialDate | null;
  occurredByDate: boolean;
  recordedAt: Date;
};

export type StatusChangeCorrection = {
  /** Why the record was corrected. */
  reason: string | null;
  target: CorrectedEvent;
  /** For an amendment: the corrected date, when it gives one. */
  newOccurredOn: PartialDate | null;
  newOccurredByDate: boolean;
  /** For an amendment: the corrected source, when it gives one. */
  newSource: StatusChangeSource | null;
};

export type StatusChange = {
  eventId: number;
  tieId: number;
  type: TieEventType;
  /** Null for the event that recorded the tie. For a correction: where the tie stood when it was made. */
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  /**
   * When it happened in the world, as precisely as the source says (the amended date when an
   * amendment corrected it); null when the source does not say. A correction's own date is the
   * day it was made (recordedAt).
   */
  occurredOn: PartialDate | null;
  /** "On or before" that date (the source reports it as of then). */
  occurredByDate: boolean;
  recordedAt: Date;
  /** The council that governs the tie's place, when there is one. */
  council: { id: number; slug: string; name: string | null } | null;
  place: PlaceRef;
  partner: PlaceRef;
  /** The event's source (the amended one when an amendment corrected it). */
  source: StatusChangeSource | null;
  quote: string | null;
  /** Who stands behind it (lib/ties/attribution.ts). */
  attribution: Attribution;
  /** Set for a withdrawal or an amendment: what it corrects. */
  correction: StatusChangeCorrection | null;
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

const CORRECTIONS = [...CORRECTION_EVENT_TYPES];
const isCorrection = sql`${tieEvents.type}::text in (${sql.join(
  CORRECTIONS.map((t) => sql.raw(`'${t}'`)),
  sql`, `,
)})`;

/**
 * When an entry happened, for ordering: the effective date of an event, or, for a correction,
 * the day it was made. Undated events have none (they sort last: a source that gives no date
 * cannot say it is recent).
 */
const entryDay = sql`coalesce(${tieEventEffects.occurredOn}, case when ${isCorrection} then (${tieEvents.recordedAt})::date end)`;

/** Newest first by when it happened in the world, then by when it was recorded. */
export async function listStatusChanges(db: Queryable, options: StatusChangeOptions = {}): Promise<StatusChange[]> {
  const locale = options.locale ?? 'en';
  const limit = options.limit ?? DEFAULT_STATUS_CHANGE_LIMIT;
  const place = alias(places, 'place');
  const partner = alias(places, 'partner');
  const placeCountry = alias(countries, 'place_country');
  const partnerCountry = alias(countries, 'partner_country');
  const target = alias(tieEvents, 'target_event');

  const rows = await db
    .select({
      eventId: tieEvents.id,
      tieId: tieEvents.tieId,
      type: tieEvents.type,
      fromStatus: tieEventEffects.fromStatus,
      toStatus: tieEventEffects.toStatus,
      occurredOn: tieEventEffects.occurredOn,
      occurredPrecision: tieEventEffects.occurredPrecision,
      occurredByDate: tieEventEffects.occurredByDate,
      ownOccurredOn: tieEvents.occurredOn,
      ownOccurredPrecision: tieEvents.occurredPrecision,
      ownOccurredByDate: tieEvents.occurredByDate,
      recordedAt: tieEvents.recordedAt,
      recorderRole: tieEvents.recorderRole,
      quote: tieEvents.quote,
      reason: tieEvents.reason,
      councilId: councils.id,
      councilSlug: councils.slug,
      councilName: councils.name,
      councilLocalName: councils.localName,
      councilLanguages: councils.languages,
      placeId: place.id,
      placeSlug: place.slug,
      placeName: place.name,
      placeKind: place.kind,
      placeCountry: placeCountry.code,
      placeCountryAlpha2: placeCountry.alpha2,
      placeCountryName: placeCountry.name,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerKind: partner.kind,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
      sourceId: sources.id,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      sourcePublisher: sources.publisher,
      sourceSeedDocument: sources.seedDocument,
      sourceLanguage: sources.language,
      targetId: target.id,
      targetType: target.type,
      targetFromStatus: target.fromStatus,
      targetToStatus: target.toStatus,
      targetOccurredOn: target.occurredOn,
      targetOccurredPrecision: target.occurredPrecision,
      targetOccurredByDate: target.occurredByDate,
      targetRecordedAt: target.recordedAt,
    })
    .from(tieEvents)
    .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
    .innerJoin(ties, eq(ties.id, tieEvents.tieId))
    .innerJoin(place, eq(place.id, ties.placeId))
    .innerJoin(placeCountry, eq(placeCountry.code, place.country))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    // The effective source: an amendment may have replaced the one it was recorded with.
    .leftJoin(sources, eq(sources.id, tieEventEffects.sourceId))
    .leftJoin(target, eq(target.id, tieEvents.targetEventId))
    .where(
      and(
        inArray(tieEvents.tieId, scopedTieIds(db, options.campaignSlug)),
        or(
          and(eq(tieEventEffects.counts, true), or(eq(tieEvents.type, 'recorded'), ne(tieEventEffects.fromStatus, tieEventEffects.toStatus))),
          isCorrection,
        ),
        publicEventsCondition(),
      ),
    )
    .orderBy(sql`${entryDay} desc nulls last`, desc(tieEvents.recordedAt), desc(tieEvents.id))
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
  const source = (r: (typeof rows)[number]): StatusChangeSource | null =>
    r.sourceId !== null && r.sourceTitle !== null
      ? { id: r.sourceId, title: r.sourceTitle, url: r.sourceUrl, publisher: r.sourcePublisher, seedDocument: r.sourceSeedDocument, language: r.sourceLanguage }
      : null;

  return rows.map((r) => {
    const correction = CORRECTIONS.includes(r.type as (typeof CORRECTIONS)[number]);
    const ownSource = source(r);
    const placeRef = (id: number, slug: string, english: string, kind: string, code: string, alpha2: string, countryEnglish: string): PlaceRef => ({
      id,
      slug,
      name: displayPlaceName({ kind, country: code, alpha2, countryName: countryEnglish }, names.get(id) ?? english, locale),
      country: country(code, alpha2, countryEnglish),
      ...(isUnnamedPlace({ kind }) ? { unnamed: true } : {}),
    });
    const councilName = r.councilId !== null ? councilNameIn({ name: r.councilName, localName: r.councilLocalName, languages: r.councilLanguages ?? [] }, locale) : null;
    return {
      eventId: r.eventId,
      tieId: r.tieId,
      type: r.type,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      occurredOn: correction ? { date: r.recordedAt.toISOString().slice(0, 10), precision: 'day' } : partialDate(r.occurredOn, r.occurredPrecision),
      occurredByDate: correction ? false : r.occurredByDate,
      recordedAt: r.recordedAt,
      council: r.councilId !== null && r.councilSlug !== null ? { id: r.councilId, slug: r.councilSlug, name: r.councilName } : null,
      place: placeRef(r.placeId, r.placeSlug, r.placeName, r.placeKind, r.placeCountry, r.placeCountryAlpha2, r.placeCountryName),
      partner: placeRef(r.partnerId, r.partnerSlug, r.partnerName, r.partnerKind, r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
      source: correction && r.type === 'amended' ? null : ownSource,
      quote: r.quote,
      attribution: attributionOf({ recorderRole: r.recorderRole, source: ownSource, council: councilName?.text ?? null }),
      correction:
        correction && r.targetId !== null && r.targetType !== null && r.targetToStatus !== null && r.targetRecordedAt !== null
          ? {
              reason: r.reason,
              target: {
                eventId: r.targetId,
                type: r.targetType,
                fromStatus: r.targetFromStatus,
                toStatus: r.targetToStatus,
                occurredOn: partialDate(r.targetOccurredOn, r.targetOccurredPrecision),
                occurredByDate: r.targetOccurredByDate ?? false,
                recordedAt: r.targetRecordedAt,
              },
              newOccurredOn: r.type === 'amended' ? partialDate(r.ownOccurredOn, r.ownOccurredPrecision) : null,
              newOccurredByDate: r.type === 'amended' ? r.ownOccurredByDate : false,
              newSource: r.type === 'amended' ? ownSource : null,
            }
          : null,
    };
  });
}
