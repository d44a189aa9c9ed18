import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { councils, countries, places, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { countryIn, placeNamesIn } from '../places/place-page';
import { displayPlaceName, isUnnamedPlace } from '../places/unnamed-place';
import { isInForce } from '../ties/figures';
import type { TieStatus } from '../ties/lifecycle';
import type { PlaceRef } from '../ties/queries';
import { type SourceSummary, sourceSummaryColumns, toSourceSummary } from './source-summary';

/** A tie one of whose events cites the source (as recorded, or after an amendment). */
export type CitingTie = {
  id: number;
  status: TieStatus;
  inForce: boolean;
  /** Does a fact the source backs still count on this tie? No when every event citing it was
   * withdrawn, or amended to another source: the page marks it. */
  counts: boolean;
  place: PlaceRef;
  partner: PlaceRef;
  /** The council page to read the tie's timeline on: the place's council, else the partner's. */
  councilSlug: string | null;
};

export type SourcePage = {
  source: SourceSummary;
  citing: { total: number; page: number; pageCount: number; pageSize: number; ties: CitingTie[] };
};

export const SOURCE_PAGE_SIZE = 50;

/**
 * A source and the ties whose events cite it, a page at a time (the Wikipedia list backs
 * hundreds). Ordered by the English names so pages stay stable whatever the locale.
 */
export async function getSourcePage(
  db: Queryable,
  id: number,
  options: { locale: string; page?: number; pageSize?: number },
): Promise<SourcePage | null> {
  const { locale } = options;
  const pageSize = options.pageSize ?? SOURCE_PAGE_SIZE;
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db.select(sourceSummaryColumns).from(sources).where(eq(sources.id, id)).limit(1);
  const source = row ? toSourceSummary(row) : null;
  if (!source) return null;

  // Ties with an event that cites it as recorded, or after an amendment gave it as the source.
  const citingIds = db
    .select({ id: tieEvents.tieId })
    .from(tieEvents)
    .where(eq(tieEvents.sourceId, id))
    .union(db.select({ id: tieEventEffects.tieId }).from(tieEventEffects).where(eq(tieEventEffects.sourceId, id)));
  const [counted] = await db.select({ total: count() }).from(ties).where(inArray(ties.id, citingIds));
  const total = Number(counted?.total ?? 0);
  const stillCounts = sql<boolean>`exists (select 1 from ${tieEventEffects} where ${and(
    eq(tieEventEffects.tieId, ties.id),
    eq(tieEventEffects.sourceId, id),
    eq(tieEventEffects.counts, true),
  )})`;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);

  const partner = alias(places, 'partner');
  const placeCountry = alias(countries, 'place_country');
  const partnerCountry = alias(countries, 'partner_country');
  const placeCouncil = alias(councils, 'place_council');
  const partnerCouncil = alias(councils, 'partner_council');
  const rows =
    total === 0
      ? []
      : await db
          .select({
            id: ties.id,
            status: ties.status,
            counts: stillCounts,
            placeId: places.id,
            placeSlug: places.slug,
            placeName: places.name,
            placeKind: places.kind,
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
            placeCouncilSlug: placeCouncil.slug,
            partnerCouncilSlug: partnerCouncil.slug,
          })
          .from(ties)
          .innerJoin(places, eq(places.id, ties.placeId))
          .innerJoin(placeCountry, eq(placeCountry.code, places.country))
          .innerJoin(partner, eq(partner.id, ties.partnerId))
          .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
          .leftJoin(placeCouncil, eq(placeCouncil.placeId, places.id))
          .leftJoin(partnerCouncil, eq(partnerCouncil.placeId, partner.id))
          .where(inArray(ties.id, citingIds))
          .orderBy(asc(places.name), asc(partner.name), asc(ties.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize);

  const names = await placeNamesIn(
    db,
    rows.flatMap((r) => [
      { id: r.placeId, name: r.placeName },
      { id: r.partnerId, name: r.partnerName },
    ]),
    locale,
  );
  const display = (placeId: number, english: string) => names.get(placeId)?.display ?? english;

  return {
    source,
    citing: {
      total,
      page,
      pageCount,
      pageSize,
      ties: rows.map((r) => ({
        id: r.id,
        status: r.status,
        inForce: isInForce(r),
        counts: Boolean(r.counts),
        place: {
          id: r.placeId,
          slug: r.placeSlug,
          name: displayPlaceName({ kind: r.placeKind, country: r.placeCountry, alpha2: r.placeCountryAlpha2, countryName: r.placeCountryName }, display(r.placeId, r.placeName), locale),
          country: countryIn(locale, r.placeCountry, r.placeCountryAlpha2, r.placeCountryName),
          ...(isUnnamedPlace({ kind: r.placeKind }) ? { unnamed: true } : {}),
        },
        partner: {
          id: r.partnerId,
          slug: r.partnerSlug,
          name: displayPlaceName(
            { kind: r.partnerKind, country: r.partnerCountry, alpha2: r.partnerCountryAlpha2, countryName: r.partnerCountryName },
            display(r.partnerId, r.partnerName),
            locale,
          ),
          country: countryIn(locale, r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
          ...(isUnnamedPlace({ kind: r.partnerKind }) ? { unnamed: true } : {}),
        },
        councilSlug: r.placeCouncilSlug ?? r.partnerCouncilSlug,
      })),
    },
  };
}
