import { type SQL, and, asc, count, eq, gte, inArray, isNotNull, isNull, like, lt, ne, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import {
  campaignTies,
  campaigns,
  councils,
  countries,
  placeNames,
  placeSortKeys,
  placeSortState,
  places,
  publicDataVersion,
  sources,
  tieEventEffects,
  tieEvents,
  ties,
} from '../../db/schema';
import { cachedAtVersion } from '../cache/public-cache';
import type { PublicDataVersion } from '../cache/public-data-version';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import type { TieKind } from '../places/kinds';
import { normaliseName } from '../places/normalise-name';
import { displayPlaceName, isUnnamedPlace } from '../places/unnamed-place';
import { type Attribution, attributionOf, attributionText } from './attribution';
import { type TieConfirmation, loadTieConfirmations } from './confirmation';
import { type CountryClaim, canAskToEnd, loadCountryClaims } from './country-claims';
import { latestCountingEffect, publicEventOfEffect } from './effective-events';
import { TIE_STATUSES, type TieEventType, type TieStatus } from './lifecycle';
import type { CountryRef, PlaceRef } from './queries';
import { type TieFilters, selectedStatuses } from './tie-filters';

/**
 * The tracker's rows: ties of public campaigns that match a view's filters, one page at a time,
 * with the total. Sorting and paging happen in the database, in as few rows and joins as each
 * step needs, so a view stays quick on a hundred thousand ties:
 *
 *   1. the places a search names, through the index on place_names.key (if the view searches);
 *   2. the ids of the page, in the order of the places' sort keys (place_sort_keys, below): the
 *      database walks an index of places in the view's order and stops when the page is full,
 *      instead of sorting every match by name;
 *   3. the number of matching ties (skipped when the first page is not full): counted in the
 *      database for a search, otherwise added up from a summary of every tie by status, country,
 *      region and campaigns that is computed once per data version;
 *   4. everything shown about the page's ties.
 *
 * Names sort in the ICU root collation ("und-x-icu": Ärhus next to Aachen, Ірпінь between
 * Житомир and Київ), which PostgreSQL built with ICU and PGlite both have. The sort keys are
 * ranks in that order, built by the database itself (ensurePlaceSortKeys) whenever places or
 * their names have changed since they were last built, so the order is the collation's.
 */

export type TieRowSource = { title: string; url: string | null; seedDocument: string | null; publisher: string | null };

export type TieRow = {
  id: number;
  status: TieStatus;
  kind: TieKind;
  /** Since when the tie exists: its signing date when a source gives it, else null ("not known"). */
  signedOn: PartialDate | null;
  /** The council that governs the tie's place on the campaign's side (null if none is known). */
  council: { slug: string; name: string | null } | null;
  place: PlaceRef;
  partner: PlaceRef;
  /** The latest event that still counts (in the tie's effective history): what the row's status stands on. */
  lastEvent: {
    type: TieEventType;
    on: PartialDate | null;
    onOrBefore: boolean;
    source: TieRowSource | null;
    /** Who stands behind it (lib/ties/attribution.ts), and the same in English words. */
    attribution: Attribution;
    attributionText: string;
  } | null;
  /** When and by what its status was last confirmed, or which source only lists it. */
  confirmation: TieConfirmation;
  /** Claims about the whole country of its place (not confirmed for this council). */
  countryClaims: CountryClaim[];
  /** May an activist be offered a letter asking the council to end it? */
  canAskToEnd: boolean;
};

export type TieSearchResult = {
  rows: TieRow[];
  total: number;
  page: number;
  perPage: number;
  /** At least 1, so "page 1 of 1" holds for an empty result. */
  pageCount: number;
  /** The view's ties counted apart, whatever its `confirmation` filter: confirmed by a dated event, and not. */
  confirmationCounts: { confirmed: number; unconfirmed: number };
};

export type SearchTiesOptions = {
  /** Names and countries in this language, and sorted in its alphabet. */
  locale: string;
  /** Every matching row at once (the CSV download), instead of the view's page. */
  allRows?: boolean;
};

const place = alias(places, 'place');
const partner = alias(places, 'partner');
const placeCountry = alias(countries, 'place_country');
const partnerCountry = alias(countries, 'partner_country');

/** Above this many places, a search hands the database its query instead of the list. */
const MAX_LISTED_PLACES = 500;

export async function searchTies(db: Queryable, filters: TieFilters, options: SearchTiesOptions): Promise<TieSearchResult> {
  const { locale } = options;
  const empty = (total = 0, confirmationCounts = { confirmed: 0, unconfirmed: 0 }): TieSearchResult => ({
    rows: [],
    total,
    page: filters.page,
    perPage: filters.perPage,
    pageCount: Math.max(1, Math.ceil(total / filters.perPage)),
    confirmationCounts,
  });

  const statuses = selectedStatuses(filters);
  if (statuses.length === 0) return empty();

  return withCollation(async (collation) => {
    const version = await ensurePlaceSortKeys(db, locale, collation);
    const campaignIds = await publicCampaignIds(db, version, filters.campaign);
    if (campaignIds.length === 0) return empty();
    let named: number[] | SQL | undefined;
    if (filters.q) {
      const ids = await placesNamed(db, filters.q);
      if (ids.length === 0) return empty();
      named = ids.length <= MAX_LISTED_PLACES ? ids : sql`(${placesNamedQuery(db, filters.q)})`;
    }
    const where = tieConditions(db, filters, campaignIds, statuses, named);
    // The confirmed and unconfirmed counts are of the view without its own confirmation filter.
    const confirmationCounts = named
      ? await countByConfirmation(db, locale, tieConditions(db, { ...filters, confirmation: undefined }, campaignIds, statuses, named))
      : countConfirmationFromSummary(await tieSummary(db, version), filters, campaignIds, statuses);
    if (options.allRows) {
      const rows = await withSortKeys(selectRows(db, locale), locale).where(where).orderBy(...ordering(filters));
      const full = await completeRows(db, rows.map(toRow(locale)), locale);
      return { rows: full, total: rows.length, page: 1, perPage: Math.max(rows.length, 1), pageCount: 1, confirmationCounts };
    }

    const offset = (filters.page - 1) * filters.perPage;
    let pageIds: number[];
    let total: number;
    if (named) {
      // A search names a few places: their ties are fetched, sorted and counted in one go.
      const rows = await searchPageQuery(db, filters, locale, where).limit(filters.perPage).offset(offset);
      pageIds = rows.map((r) => r.id);
      total = rows[0]?.total ?? (offset === 0 ? 0 : await countTies(db, locale, where));
    } else {
      pageIds = (await pageQuery(db, filters, locale, where).limit(filters.perPage).offset(offset)).map((r) => r.id);
      // A first page that is not full holds every match: no need to count them.
      total =
        filters.page === 1 && pageIds.length < filters.perPage ? pageIds.length : countFromSummary(await tieSummary(db, version), filters, campaignIds, statuses);
    }
    if (pageIds.length === 0) return empty(total, confirmationCounts);

    const byId = new Map((await selectRows(db, locale).where(inArray(ties.id, pageIds))).map((r) => [r.id, toRow(locale)(r)]));
    return {
      rows: await completeRows(db, pageIds.flatMap((id) => byId.get(id) ?? []), locale),
      total,
      page: filters.page,
      perPage: filters.perPage,
      pageCount: Math.max(1, Math.ceil(total / filters.perPage)),
      confirmationCounts,
    };
  });
}

async function countTies(db: Queryable, locale: string, where: SQL): Promise<number> {
  const [row] = await withSortKeys(db.select({ total: count() }).from(ties).$dynamic(), locale).where(where);
  return row?.total ?? 0;
}

/** Whether a dated event confirms the tie (lib/ties/figures.ts). */
const confirmedColumn = sql<boolean>`(${ties.confirmedEventId} is not null)`;

async function countByConfirmation(db: Queryable, locale: string, where: SQL): Promise<{ confirmed: number; unconfirmed: number }> {
  const rows = await withSortKeys(db.select({ confirmed: confirmedColumn, total: count() }).from(ties).$dynamic(), locale)
    .where(where)
    .groupBy(confirmedColumn);
  return {
    confirmed: Number(rows.find((r) => Boolean(r.confirmed))?.total ?? 0),
    unconfirmed: Number(rows.find((r) => !r.confirmed)?.total ?? 0),
  };
}

/** The rows with what takes a query of its own: their confirmation and the country claims that cover them. */
async function completeRows(db: Queryable, rows: TieRow[], locale: string): Promise<TieRow[]> {
  if (rows.length === 0) return rows;
  const [confirmations, claims] = await Promise.all([
    loadTieConfirmations(
      db,
      rows.map((r) => r.id),
    ),
    loadCountryClaims(db, [...new Set(rows.map((r) => r.place.country.code))], locale),
  ]);
  return rows.map((r) => {
    const covering = claims.get(r.place.country.code) ?? [];
    return {
      ...r,
      confirmation: confirmations.get(r.id) ?? r.confirmation,
      countryClaims: covering,
      canAskToEnd: canAskToEnd(r, covering),
    };
  });
}

const placeKey = alias(placeSortKeys, 'place_key');
const partnerKey = alias(placeSortKeys, 'partner_key');

/** Joins the sort keys of both places of each tie in the locale: the order, and the countries the filters compare. */
function withSortKeys<T extends { innerJoin: (...args: never[]) => unknown }>(query: T, locale: string): T {
  type Joinable = { innerJoin: (table: unknown, on: SQL | undefined) => Joinable };
  return (query as unknown as Joinable)
    .innerJoin(placeKey, and(eq(placeKey.locale, locale), eq(placeKey.placeId, ties.placeId)))
    .innerJoin(partnerKey, and(eq(partnerKey.locale, locale), eq(partnerKey.placeId, ties.partnerId))) as unknown as T;
}

/** The page's tie ids in the view's order: the sort keys, and the latest event only to sort by it. */
function pageQuery(db: Queryable, filters: TieFilters, locale: string, where: SQL) {
  let query = withSortKeys(db.select({ id: ties.id }).from(ties).$dynamic(), locale);
  if (filters.sort === 'updated') query = withLatestEvent(query);
  return query.where(where).orderBy(...ordering(filters));
}

/** Joins the tie's latest event that still counts: its effective row, and the event when it is public. */
function withLatestEvent<T extends { leftJoin: (...args: never[]) => unknown }>(query: T): T {
  type Joinable = { leftJoin: (table: unknown, on: SQL | undefined) => Joinable };
  return (query as unknown as Joinable).leftJoin(tieEventEffects, latestCountingEffect(ties.id)).leftJoin(tieEvents, publicEventOfEffect()) as unknown as T;
}

/**
 * The page of a search, with the number of matches: the ties of the places searched for are
 * few, so they are all fetched and sorted (the order's keys are expressions, which keeps the
 * planner from walking the whole sort index instead) and counted while at it.
 */
function searchPageQuery(db: Queryable, filters: TieFilters, locale: string, where: SQL) {
  let query = withSortKeys(db.select({ id: ties.id, total: sql<number>`(count(*) over ())::int` }).from(ties).$dynamic(), locale);
  if (filters.sort === 'updated') query = withLatestEvent(query);
  return query.where(where).orderBy(...ordering(filters, { viaIndex: false }));
}

/** Every name of a place in a language, the preferred one first: one row per place. */
function localNames(db: Queryable, locale: string) {
  return db
    .selectDistinctOn([placeNames.placeId], { placeId: placeNames.placeId, name: placeNames.name })
    .from(placeNames)
    .where(eq(placeNames.lang, locale))
    .orderBy(placeNames.placeId, KIND_RANK, placeNames.id);
}

/** Everything a row shows, for a few ties at a time (or every one, for the CSV). */
function selectRows(db: Queryable, locale: string) {
  return db
    .select({
      id: ties.id,
      status: ties.status,
      kind: ties.kind,
      signedOn: ties.signedOn,
      signedPrecision: ties.signedPrecision,
      confirmedEventId: ties.confirmedEventId,
      confirmedOn: ties.confirmedOn,
      confirmedPrecision: ties.confirmedPrecision,
      councilSlug: councils.slug,
      councilName: councils.name,
      placeId: place.id,
      placeSlug: place.slug,
      placeName: localName(place, locale),
      placeKind: place.kind,
      placeCountry: placeCountry.code,
      placeCountryAlpha2: placeCountry.alpha2,
      placeCountryName: placeCountry.name,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: localName(partner, locale),
      partnerKind: partner.kind,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
      eventId: tieEvents.id,
      eventType: tieEvents.type,
      eventRecorderRole: tieEvents.recorderRole,
      eventOn: tieEventEffects.occurredOn,
      eventPrecision: tieEventEffects.occurredPrecision,
      eventOnOrBefore: tieEventEffects.occurredByDate,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      sourceSeed: sources.seedDocument,
      sourcePublisher: sources.publisher,
    })
    .from(ties)
    .innerJoin(place, eq(place.id, ties.placeId))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .innerJoin(placeCountry, eq(placeCountry.code, place.country))
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    // The latest event that still counts; none shown when it is not public.
    .leftJoin(tieEventEffects, latestCountingEffect(ties.id))
    .leftJoin(tieEvents, publicEventOfEffect())
    // Its effective source (an amendment's, when one replaced it).
    .leftJoin(sources, and(eq(sources.id, tieEventEffects.sourceId), isNotNull(tieEvents.id)))
    .$dynamic();
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

function toRow(locale: string): (r: SelectedRow) => TieRow {
  const country = (code: string, alpha2: string, english: string): CountryRef => ({
    code,
    name: locale === 'en' ? english : countryName(alpha2, locale, english),
  });
  const placeRef = (id: number, slug: string, name: string, kind: string, code: string, alpha2: string, english: string): PlaceRef => ({
    id,
    slug,
    name: displayPlaceName({ kind, country: code, alpha2, countryName: english }, name, locale),
    country: country(code, alpha2, english),
    ...(isUnnamedPlace({ kind }) ? { unnamed: true } : {}),
  });
  return (r) => {
    const source = r.sourceTitle ? { title: r.sourceTitle, url: r.sourceUrl, seedDocument: r.sourceSeed, publisher: r.sourcePublisher } : null;
    const attribution = r.eventRecorderRole ? attributionOf({ recorderRole: r.eventRecorderRole, source, council: r.councilName }) : null;
    const confirmedOn = partialDate(r.confirmedOn, r.confirmedPrecision);
    return {
      id: r.id,
      status: r.status,
      kind: r.kind,
      signedOn: partialDate(r.signedOn, r.signedPrecision),
      council: r.councilSlug ? { slug: r.councilSlug, name: r.councilName } : null,
      place: placeRef(r.placeId, r.placeSlug, r.placeName, r.placeKind, r.placeCountry, r.placeCountryAlpha2, r.placeCountryName),
      partner: placeRef(r.partnerId, r.partnerSlug, r.partnerName, r.partnerKind, r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
      lastEvent:
        r.eventType && attribution
          ? {
              type: r.eventType,
              on: partialDate(r.eventOn, r.eventPrecision),
              onOrBefore: r.eventOnOrBefore ?? false,
              source,
              attribution,
              attributionText: attributionText(attribution),
            }
          : null,
      // Completed with its basis and sources by completeRows.
      confirmation:
        r.confirmedEventId !== null && confirmedOn
          ? { confirmed: true, on: confirmedOn, byDate: false, eventId: r.confirmedEventId, eventType: 'recorded', basis: 'campaign', source: null }
          : { confirmed: false, listedBy: null },
      countryClaims: [],
      canAskToEnd: false,
    };
  };
}

/** The public campaigns (only the one named, when a view names one); read once per data version. */
async function publicCampaignIds(db: Queryable, version: PublicDataVersion, campaignSlug: string | undefined): Promise<number[]> {
  const publicCampaigns = await cachedAtVersion({ db, version }, 'searchTies.campaigns', () =>
    db.select({ id: campaigns.id, slug: campaigns.slug }).from(campaigns).where(ne(campaigns.state, 'draft')),
  );
  return publicCampaigns.filter((c) => !campaignSlug || c.slug === campaignSlug).map((c) => c.id);
}

function tiesInPublicCampaigns(db: Queryable) {
  return db
    .select({ id: campaignTies.tieId })
    .from(campaignTies)
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(ne(campaigns.state, 'draft'));
}

/** The WHERE of a view over ties, on `ties` and the sort keys of its places (withSortKeys). */
function tieConditions(db: Queryable, filters: TieFilters, campaignIds: number[], statuses: readonly TieStatus[], named: number[] | SQL | undefined): SQL {
  // Campaign ids, not a join to campaigns: the ties' campaigns are then found through the
  // primary key of campaign_ties, tie by tie, as the page's ties are walked in order.
  const conditions: SQL[] = [inArray(ties.id, db.select({ id: campaignTies.tieId }).from(campaignTies).where(inArray(campaignTies.campaignId, campaignIds)))];
  if (statuses.length < TIE_STATUSES.length) conditions.push(inArray(ties.status, [...statuses]));
  if (filters.confirmation === 'confirmed') conditions.push(isNotNull(ties.confirmedEventId));
  if (filters.confirmation === 'unconfirmed') conditions.push(isNull(ties.confirmedEventId));
  // The sort keys carry each place's country, so a country's places are one range of their index.
  if (filters.country) conditions.push(eq(placeKey.country, filters.country));
  if (filters.partnerCountry) conditions.push(eq(partnerKey.country, filters.partnerCountry));
  if (filters.region) {
    const region = alias(places, 'region');
    const inRegion = db
      .select({ id: places.id })
      .from(places)
      .where(inArray(places.regionId, db.select({ id: region.id }).from(region).where(eq(region.slug, filters.region))));
    conditions.push(inArray(ties.placeId, inRegion));
  }
  if (named) {
    // Ties on either side of the places named, each side through its own index (an OR of the
    // two makes the planner scan every tie).
    const onSide = (side: AnyPgColumn) => db.select({ id: ties.id }).from(ties).where(Array.isArray(named) ? inArray(side, named) : sql`${side} in ${named}`);
    conditions.push(inArray(ties.id, onSide(ties.placeId).unionAll(onSide(ties.partnerId))));
  }
  return and(...conditions)!;
}

/**
 * Places with a spelling that starts like `q` ("Homiel", "Gomel" and "Гомель" all reach Gomel
 * through place_names), and their districts: a search for Moscow finds Lefortovo District.
 */
async function placesNamed(db: Queryable, q: string): Promise<number[]> {
  // One more than the list may hold: enough to know the list would be too long.
  return (await placesNamedQuery(db, q).limit(MAX_LISTED_PLACES + 1)).map((r) => r.id);
}

function placesNamedQuery(db: Queryable, q: string) {
  const key = normaliseName(q);
  const upper = prefixUpperBound(key);
  // The range lets the index on key serve the prefix whatever the database's collation (LIKE
  // uses it only under "C"); LIKE then keeps exactly the keys that start with the prefix. Keys
  // hold only [a-z0-9 ], so the pattern needs no escaping.
  const spelt = and(gte(placeNames.key, key), upper ? lt(placeNames.key, upper) : undefined, like(placeNames.key, `${key}%`));
  const named = db.select({ id: placeNames.placeId }).from(placeNames).where(spelt);
  return db
    .select({ id: placeNames.placeId })
    .from(placeNames)
    .where(spelt)
    .union(db.select({ id: places.id }).from(places).where(inArray(places.parentId, named)));
}

/** The least string above every string that starts with `prefix` (of [a-z0-9 ]), if there is one. */
export function prefixUpperBound(prefix: string): string | null {
  for (let end = prefix.length; end > 0; end--) {
    const last = prefix[end - 1]!;
    if (last !== 'z' && last !== '9' && last !== ' ') return prefix.slice(0, end - 1) + String.fromCharCode(last.charCodeAt(0) + 1);
  }
  return null;
}

/** Lower is preferred when a place has several names in a language (as lib/ties/queries.ts). */
const KIND_RANK = sql`case ${placeNames.kind} when 'official' then 0 when 'english' then 1 when 'transliteration' then 2 when 'alias' then 3 else 4 end`;

/** A place's name in the locale, falling back to places.name, which is the English one. For a page of rows. */
function localName(table: { id: AnyPgColumn; name: AnyPgColumn }, locale: string): SQL<string> {
  if (locale === 'en') return sql<string>`${table.name}`;
  return sql<string>`coalesce((select ${placeNames.name} from ${placeNames} where ${placeNames.placeId} = ${table.id} and ${placeNames.lang} = ${locale} order by ${KIND_RANK}, ${placeNames.id} limit 1), ${table.name})`;
}

type Collation = 'und-x-icu' | 'C';
let collationInUse: Collation = 'und-x-icu';

/**
 * Runs `query` with the ICU collation, or with "C" (code-point order) on a PostgreSQL built
 * without ICU, which says so with "collation does not exist" the first time.
 */
async function withCollation<T>(query: (collation: Collation) => Promise<T>): Promise<T> {
  try {
    return await query(collationInUse);
  } catch (e) {
    if (collationInUse === 'C' || !isMissingCollation(e)) throw e;
    collationInUse = 'C';
    return query(collationInUse);
  }
}

function isMissingCollation(e: unknown): boolean {
  for (let cause: unknown = e; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: string }).code === '42704' && /collation/i.test(cause.message)) return true;
  }
  return false;
}

/**
 * The view's order, in sort keys: a place's rank by name, or by country then name (each way
 * round, so the index serves both directions of the country sort), the partner's rank by name,
 * and the tie's id last so that every order is total and pages never overlap.
 */
function ordering(filters: TieFilters, options: { viaIndex: boolean } = { viaIndex: true }): SQL[] {
  const dir = sql.raw(filters.dir);
  const asc = sql.raw('asc');
  // `key + 0` sorts the same, but is no longer the indexed column.
  const key = (column: AnyPgColumn) => (options.viaIndex ? sql`${column}` : sql`(${column} + 0)`);
  const byCountry = key(filters.sort === 'country' && filters.dir === 'desc' ? placeKey.byCountryDesc : placeKey.byCountry);
  const order: Record<TieFilters['sort'], SQL[]> = {
    place: [sql`${key(placeKey.byName)} ${dir}`, sql`${key(partnerKey.byName)} ${dir}`],
    country: [sql`${byCountry} ${asc}`, sql`${key(partnerKey.byName)} ${asc}`],
    // Enum order: the funnel.
    status: [sql`${ties.status} ${dir}`, sql`${key(placeKey.byCountry)} ${asc}`, sql`${key(partnerKey.byName)} ${asc}`],
    // Undated events last either way: they say nothing about when.
    updated: [sql`(case when ${tieEvents.id} is not null then ${tieEventEffects.occurredOn} end) ${dir} nulls last`, sql`${key(placeKey.byName)} ${asc}`, sql`${key(partnerKey.byName)} ${asc}`],
  };
  return [...order[filters.sort], sql`${ties.id} ${asc}`];
}

/** The name order of a locale: ICU's root order, with Cyrillic first for readers of a Cyrillic language. */
function nameOrder(name: SQL, locale: string, collation: Collation): SQL {
  const collated = sql`${name} collate ${sql.raw(`"${collation}"`)}`;
  // ICU's root order puts Latin before Cyrillic; a reader of a Cyrillic language expects the
  // reverse, as Intl.Collator gives it. Names below U+0400 are Latin (or digits).
  return CYRILLIC_SCRIPT_LOCALES.has(locale.split('-')[0]!.toLowerCase()) ? sql`(${name} collate "C" < 'Ѐ'), ${collated}` : collated;
}

const CYRILLIC_SCRIPT_LOCALES = new Set(['uk', 'ru', 'be', 'bg', 'sr', 'mk']);

const countryOrders = new Map<string, string>();

/** {"AUT": 0, "ALA": 1, ...}: each country's rank in the order of their names in the locale. */
async function countryOrderFor(db: Queryable, locale: string): Promise<string> {
  const cached = countryOrders.get(locale);
  if (cached) return cached;
  const rows = await db.select({ code: countries.code, alpha2: countries.alpha2, name: countries.name }).from(countries);
  const collator = new Intl.Collator(locale);
  const named = rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name : countryName(r.alpha2, locale, r.name) }));
  named.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  const order = JSON.stringify(Object.fromEntries(named.map((r, i) => [r.code, i])));
  // The countries table is filled by a migration and never changes while the app runs.
  if (rows.length > 0) countryOrders.set(locale, order);
  return order;
}

/**
 * Builds the locale's place_sort_keys when places or their names have changed since they were
 * built (names_version), and once in each process for each database, because the country order
 * comes from this app's translations of country names, not from the database. One builder at a
 * time: the requests of this process share one build, other processes wait on an advisory lock;
 * readers keep seeing the previous keys until the new ones commit. A few milliseconds on the
 * seed, about a second on a hundred thousand ties. Returns the data version it read, which the
 * view's total is then counted at.
 */
async function ensurePlaceSortKeys(db: Queryable, locale: string, collation: Collation): Promise<PublicDataVersion> {
  let built = sortKeysBuilt.get(db);
  if (!built) sortKeysBuilt.set(db, (built = new Map()));
  const state = await sortKeysState(db, locale);
  if (state.current && built.get(locale) === 'built') return state.version;
  let building = built.get(locale);
  if (!building || building === 'built') {
    building = buildPlaceSortKeys(db, locale, collation).then(
      () => built.set(locale, 'built'),
      (e: unknown) => {
        built.delete(locale);
        throw e;
      },
    );
    built.set(locale, building);
  }
  await building;
  return (await sortKeysState(db, locale)).version;
}

async function sortKeysState(db: Queryable, locale: string): Promise<{ version: PublicDataVersion; current: boolean }> {
  const [row] = await db
    .select({
      epoch: publicDataVersion.epoch,
      counter: publicDataVersion.version,
      names: publicDataVersion.namesVersion,
      builtEpoch: placeSortState.epoch,
      builtNames: placeSortState.namesVersion,
    })
    .from(publicDataVersion)
    .leftJoin(placeSortState, eq(placeSortState.locale, locale))
    .where(eq(publicDataVersion.id, 1));
  if (!row) throw new Error('public_data_version has no row: the database is not migrated (db/migrations/0003_public_data_version.sql).');
  return { version: { epoch: row.epoch, counter: row.counter, names: row.names }, current: row.builtEpoch === row.epoch && row.builtNames === row.names };
}

async function buildPlaceSortKeys(db: Queryable, locale: string, collation: Collation): Promise<void> {
  const countryOrder = await countryOrderFor(db, locale);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SORT_KEYS_LOCK}, hashtext(${locale}))`);
    const { version } = await sortKeysState(tx, locale);
    const name = sql.raw('n.name');
    const countryRank = sql`(${countryOrder}::jsonb ->> n.country)::int`;
    const local = localNames(tx, locale).as('local');
    await tx.delete(placeSortKeys).where(eq(placeSortKeys.locale, locale));
    await tx.execute(sql`
      insert into ${placeSortKeys} (locale, place_id, country, by_name, by_country, by_country_desc)
      select ${locale}, n.id, n.country,
        dense_rank() over (order by ${nameOrder(name, locale, collation)}),
        dense_rank() over (order by ${countryRank} asc, ${nameOrder(name, locale, collation)}),
        dense_rank() over (order by ${countryRank} desc, ${nameOrder(name, locale, collation)})
      from (${tx
        .select({ id: places.id, country: places.country, name: sql<string>`coalesce(${local.name}, ${places.name})`.as('name') })
        .from(places)
        .leftJoin(local, eq(local.placeId, places.id))}) n`);
    await tx
      .insert(placeSortState)
      .values({ locale, epoch: version.epoch, namesVersion: version.names })
      .onConflictDoUpdate({ target: placeSortState.locale, set: { epoch: version.epoch, namesVersion: version.names, builtAt: sql`now()` } });
  });
  // Fresh statistics, so the planner knows the keys it walks (a thousand times more rows than an empty table).
  await db.execute(sql`analyze ${placeSortKeys}`);
}

/** Per database handle and locale: the sort keys this process has built, or is building. */
const sortKeysBuilt = new WeakMap<object, Map<string, 'built' | Promise<unknown>>>();
/** The first key of the advisory lock that serialises building sort keys (any constant of ours). */
const SORT_KEYS_LOCK = 728_001;

/** How many ties of campaigns there are, by everything the tracker filters on but a search. */
type SummaryRow = { status: TieStatus; confirmed: boolean; country: string; partnerCountry: string; region: string | null; campaignIds: number[]; count: number };

/**
 * Every tie of a campaign, counted by status, the two countries, the region and the set of its
 * campaigns: a few hundred rows from which the total of any view without a search is added up.
 * Computed once per data version (lib/cache/public-cache.ts) and shared by every view of it.
 */
async function tieSummary(db: Queryable, version: PublicDataVersion): Promise<SummaryRow[]> {
  return cachedAtVersion({ db, version }, 'searchTies.summary', async () => {
    const region = alias(places, 'region');
    const memberships = db
      .select({ tieId: campaignTies.tieId, ids: sql<string>`string_agg(${campaignTies.campaignId}::text, ',' order by ${campaignTies.campaignId})`.as('ids') })
      .from(campaignTies)
      .groupBy(campaignTies.tieId)
      .as('memberships');
    const rows = await db
      .select({
        status: ties.status,
        confirmed: confirmedColumn,
        country: place.country,
        partnerCountry: partner.country,
        region: region.slug,
        ids: memberships.ids,
        count: count(),
      })
      .from(ties)
      .innerJoin(memberships, eq(memberships.tieId, ties.id))
      .innerJoin(place, eq(place.id, ties.placeId))
      .innerJoin(partner, eq(partner.id, ties.partnerId))
      .leftJoin(region, eq(region.id, place.regionId))
      .groupBy(ties.status, confirmedColumn, place.country, partner.country, region.slug, memberships.ids);
    return rows.map((r) => ({ ...r, confirmed: Boolean(r.confirmed), count: Number(r.count), campaignIds: r.ids.split(',').map(Number) }));
  });
}

function summaryRowsOf(summary: readonly SummaryRow[], filters: TieFilters, campaignIds: readonly number[], statuses: readonly TieStatus[]): SummaryRow[] {
  const wanted = new Set(campaignIds);
  return summary.filter(
    (r) =>
      statuses.includes(r.status) &&
      r.campaignIds.some((id) => wanted.has(id)) &&
      (!filters.country || r.country === filters.country) &&
      (!filters.partnerCountry || r.partnerCountry === filters.partnerCountry) &&
      (!filters.region || r.region === filters.region),
  );
}

function countFromSummary(summary: readonly SummaryRow[], filters: TieFilters, campaignIds: readonly number[], statuses: readonly TieStatus[]): number {
  return summaryRowsOf(summary, filters, campaignIds, statuses)
    .filter((r) => !filters.confirmation || r.confirmed === (filters.confirmation === 'confirmed'))
    .reduce((n, r) => n + r.count, 0);
}

function countConfirmationFromSummary(
  summary: readonly SummaryRow[],
  filters: TieFilters,
  campaignIds: readonly number[],
  statuses: readonly TieStatus[],
): { confirmed: number; unconfirmed: number } {
  const rows = summaryRowsOf(summary, filters, campaignIds, statuses);
  return {
    confirmed: rows.filter((r) => r.confirmed).reduce((n, r) => n + r.count, 0),
    unconfirmed: rows.filter((r) => !r.confirmed).reduce((n, r) => n + r.count, 0),
  };
}

export type TieFilterOptions = {
  campaigns: { slug: string; name: string }[];
  /** The councils' countries, in the locale's alphabet. */
  countries: CountryRef[];
  /** The councils' regions, in the locale's alphabet. */
  regions: { slug: string; name: string; country: string }[];
};

/** What the tracker's filters offer: only values that some tie of a public campaign has. */
export async function listTieFilterOptions(db: Queryable, locale: string): Promise<TieFilterOptions> {
  const scope = tiesInPublicCampaigns(db);
  const region = alias(places, 'region');
  const [campaignRows, countryRows, regionRows] = await Promise.all([
    db
      .select({ slug: campaigns.slug, name: campaigns.name, nameUk: campaigns.nameUk })
      .from(campaigns)
      .where(ne(campaigns.state, 'draft'))
      .orderBy(asc(campaigns.id)),
    db
      .selectDistinct({ code: placeCountry.code, alpha2: placeCountry.alpha2, name: placeCountry.name })
      .from(ties)
      .innerJoin(place, eq(place.id, ties.placeId))
      .innerJoin(placeCountry, eq(placeCountry.code, place.country))
      .where(inArray(ties.id, scope)),
    db
      .selectDistinct({ slug: region.slug, name: localName(region, locale), country: region.country })
      .from(ties)
      .innerJoin(place, eq(place.id, ties.placeId))
      .innerJoin(region, eq(region.id, place.regionId))
      .where(inArray(ties.id, scope)),
  ]);
  const collator = new Intl.Collator(locale);
  return {
    campaigns: campaignRows.map((c) => ({ slug: c.slug, name: (locale === 'uk' && c.nameUk) || c.name })),
    countries: countryRows
      .map((c) => ({ code: c.code, name: locale === 'en' ? c.name : countryName(c.alpha2, locale, c.name) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    regions: regionRows.sort((a, b) => collator.compare(a.name, b.name)),
  };
}
