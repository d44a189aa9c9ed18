import { and, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { councils, countries, placeNames, places, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import { type TieConfirmation, loadTieConfirmations } from '../ties/confirmation';
import { type CountryClaim, loadCountryClaims } from '../ties/country-claims';
import { latestCountingEffect, publicEventOfEffect } from '../ties/effective-events';
import { type TieFigures, countFigures, isInForce, isSevered } from '../ties/figures';
import type { TieStatus } from '../ties/lifecycle';
import type { CountryRef, PlaceRef } from '../ties/queries';
import type { TieKind } from './kinds';
import { NAME_KIND_PREFERENCE } from './localised-place-names';
import { displayPlaceName, isUnnamedPlace } from './unnamed-place';

/**
 * The "mirror" page of a place: every tie it has, whichever side it is on, so a partner city
 * such as Khabarovsk shows all its foreign partners and which of them have cut ties. Also the
 * place-name helpers the council and source pages share.
 */

export type PlaceNameKind = (typeof placeNames.$inferSelect)['kind'];
export type PlaceSpelling = { name: string; lang: string; kind: PlaceNameKind };

export type PlaceNames = {
  /** The name to show in the locale; places.name (English) when the data has none in it. */
  display: string;
  /** Every spelling the data holds, the locale's first, then by language and kind. */
  spellings: PlaceSpelling[];
};

/**
 * Display names and spellings of places in one query. English pages show places.name, which
 * is the English display name by definition; other locales take their language's best name.
 */
export async function placeNamesIn(
  db: Queryable,
  wanted: readonly { id: number; name: string }[],
  locale: string,
): Promise<Map<number, PlaceNames>> {
  const result = new Map<number, PlaceNames>();
  const ids = [...new Set(wanted.map((p) => p.id))];
  if (ids.length === 0) return result;
  const rows = await db
    .select({ id: placeNames.id, placeId: placeNames.placeId, name: placeNames.name, lang: placeNames.lang, kind: placeNames.kind })
    .from(placeNames)
    .where(inArray(placeNames.placeId, ids));
  rows.sort(
    (a, b) =>
      Number(b.lang === locale) - Number(a.lang === locale) ||
      a.lang.localeCompare(b.lang) ||
      NAME_KIND_PREFERENCE[a.kind] - NAME_KIND_PREFERENCE[b.kind] ||
      a.id - b.id,
  );
  for (const p of wanted) {
    if (result.has(p.id)) continue;
    const spellings = rows.filter((r) => r.placeId === p.id).map(({ name, lang, kind }) => ({ name, lang, kind }));
    const local = locale === 'en' ? undefined : spellings.find((s) => s.lang === locale);
    result.set(p.id, { display: local?.name ?? p.name, spellings });
  }
  return result;
}

export function countryIn(locale: string, code: string, alpha2: string, english: string): CountryRef {
  return { code, name: locale === 'en' ? english : countryName(alpha2, locale, english) };
}

export type PlaceLink = { id: number; slug: string; name: string };

export type PlacePageTie = {
  id: number;
  status: TieStatus;
  inForce: boolean;
  /** Ended by a decision: what "cut ties" means on this page. */
  severed: boolean;
  kind: TieKind;
  agreementTitle: string | null;
  /** Since when the tie exists: its signing date when a source gives it, else null ("not known"). */
  signedOn: PartialDate | null;
  /** The place at the other end of the tie, and its council's page when it has one. */
  other: PlaceRef & { councilSlug: string | null };
  /** The date of the latest event that still counts: what the status stands on. */
  lastEventOn: PartialDate | null;
  /** When and by what its status was last confirmed, or which source only lists it. */
  confirmation: TieConfirmation;
  /** Claims about every tie of the country of its place on the campaign's side. */
  countryClaims: CountryClaim[];
};

export type PlacePage = {
  place: PlaceRef & {
    englishName: string;
    kind: (typeof places.$inferSelect)['kind'];
    region: PlaceLink | null;
    parent: PlaceLink | null;
    spellings: PlaceSpelling[];
    councilSlug: string | null;
    /** A partner the source does not name: its page says so, and is not in the sitemap. */
    unnamed: boolean;
  };
  /** In force first, then severed, then the rest; by the other place's country and name within. */
  ties: PlacePageTie[];
  /** By the one definition of each figure (lib/ties/figures.ts). */
  counts: { total: number; inForce: number; severed: number; figures: TieFigures };
};

function statusRank(tie: { inForce: boolean; severed: boolean }): number {
  return tie.inForce ? 0 : tie.severed ? 1 : 2;
}

export async function getPlacePage(db: Queryable, slug: string, options: { locale: string }): Promise<PlacePage | null> {
  const { locale } = options;
  const region = alias(places, 'region');
  const parent = alias(places, 'parent');
  const [place] = await db
    .select({
      id: places.id,
      slug: places.slug,
      name: places.name,
      kind: places.kind,
      countryCode: countries.code,
      countryAlpha2: countries.alpha2,
      countryName: countries.name,
      regionId: region.id,
      regionSlug: region.slug,
      regionName: region.name,
      parentId: parent.id,
      parentSlug: parent.slug,
      parentName: parent.name,
      councilSlug: councils.slug,
    })
    .from(places)
    .innerJoin(countries, eq(countries.code, places.country))
    .leftJoin(region, eq(region.id, places.regionId))
    .leftJoin(parent, eq(parent.id, places.parentId))
    .leftJoin(councils, eq(councils.placeId, places.id))
    .where(eq(places.slug, slug))
    .limit(1);
  if (!place) return null;

  const other = alias(places, 'other');
  const otherCountry = alias(countries, 'other_country');
  const rows = await db
    .select({
      id: ties.id,
      status: ties.status,
      kind: ties.kind,
      agreementTitle: ties.agreementTitle,
      signedOn: ties.signedOn,
      signedPrecision: ties.signedPrecision,
      tiePlaceId: ties.placeId,
      otherId: other.id,
      otherSlug: other.slug,
      otherName: other.name,
      otherKind: other.kind,
      otherCountry: otherCountry.code,
      otherCountryAlpha2: otherCountry.alpha2,
      otherCountryName: otherCountry.name,
      otherCouncilSlug: councils.slug,
      lastEventOn: tieEventEffects.occurredOn,
      lastEventPrecision: tieEventEffects.occurredPrecision,
      lastEventId: tieEvents.id,
    })
    .from(ties)
    // The other end: the partner when this place is the tie's place, and the other way round.
    .innerJoin(other, or(and(eq(ties.placeId, place.id), eq(other.id, ties.partnerId)), and(eq(ties.partnerId, place.id), eq(other.id, ties.placeId))))
    .innerJoin(otherCountry, eq(otherCountry.code, other.country))
    .leftJoin(councils, eq(councils.placeId, other.id))
    // The latest event that still counts (its date shown only when it is public).
    .leftJoin(tieEventEffects, latestCountingEffect(ties.id))
    .leftJoin(tieEvents, publicEventOfEffect())
    .where(or(eq(ties.placeId, place.id), eq(ties.partnerId, place.id)));

  // The campaign's side of each tie is its place: this one, or the other end.
  const campaignSideCountry = (r: (typeof rows)[number]) => (r.tiePlaceId === place.id ? place.countryCode : r.otherCountry);
  const [confirmations, claims] = await Promise.all([
    loadTieConfirmations(
      db,
      rows.map((r) => r.id),
    ),
    loadCountryClaims(db, [...new Set(rows.map(campaignSideCountry))], locale),
  ]);

  const named = [
    { id: place.id, name: place.name },
    ...(place.regionId !== null && place.regionName !== null ? [{ id: place.regionId, name: place.regionName }] : []),
    ...(place.parentId !== null && place.parentName !== null ? [{ id: place.parentId, name: place.parentName }] : []),
    ...rows.map((r) => ({ id: r.otherId, name: r.otherName })),
  ];
  const names = await placeNamesIn(db, named, locale);
  const display = (id: number, english: string) => names.get(id)?.display ?? english;
  const link = (id: number | null, slug: string | null, english: string | null): PlaceLink | null =>
    id !== null && slug !== null && english !== null ? { id, slug, name: display(id, english) } : null;

  const tieList: PlacePageTie[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    inForce: isInForce(r),
    severed: isSevered(r),
    kind: r.kind,
    agreementTitle: r.agreementTitle,
    signedOn: partialDate(r.signedOn, r.signedPrecision),
    other: {
      id: r.otherId,
      slug: r.otherSlug,
      name: displayPlaceName(
        { kind: r.otherKind, country: r.otherCountry, alpha2: r.otherCountryAlpha2, countryName: r.otherCountryName },
        display(r.otherId, r.otherName),
        locale,
      ),
      country: countryIn(locale, r.otherCountry, r.otherCountryAlpha2, r.otherCountryName),
      councilSlug: r.otherCouncilSlug,
      ...(isUnnamedPlace({ kind: r.otherKind }) ? { unnamed: true } : {}),
    },
    lastEventOn: r.lastEventId !== null ? partialDate(r.lastEventOn, r.lastEventPrecision) : null,
    confirmation: confirmations.get(r.id) ?? { confirmed: false, listedBy: null },
    countryClaims: claims.get(campaignSideCountry(r)) ?? [],
  }));
  const collator = new Intl.Collator(locale);
  tieList.sort(
    (a, b) =>
      statusRank(a) - statusRank(b) ||
      collator.compare(a.other.country.name, b.other.country.name) ||
      collator.compare(a.other.name, b.other.name) ||
      a.id - b.id,
  );

  const unnamed = isUnnamedPlace(place);
  return {
    place: {
      id: place.id,
      slug: place.slug,
      name: unnamed
        ? displayPlaceName({ kind: place.kind, country: place.countryCode, alpha2: place.countryAlpha2, countryName: place.countryName }, place.name, locale)
        : display(place.id, place.name),
      englishName: place.name,
      kind: place.kind,
      unnamed,
      country: countryIn(locale, place.countryCode, place.countryAlpha2, place.countryName),
      region: link(place.regionId, place.regionSlug, place.regionName),
      parent: link(place.parentId, place.parentSlug, place.parentName),
      // An unnamed partner's placeholder spellings are not names.
      spellings: unnamed ? [] : (names.get(place.id)?.spellings ?? []),
      councilSlug: place.councilSlug,
    },
    ties: tieList,
    counts: {
      total: tieList.length,
      inForce: tieList.filter((t) => t.inForce).length,
      severed: tieList.filter((t) => t.severed).length,
      figures: countFigures(tieList.map((t) => ({ status: t.status, confirmed: t.confirmation.confirmed }))),
    },
  };
}
