import { type SQL, and, asc, count, eq, gte, inArray, like, lt, ne, or, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, countries, placeNames, places, sources, tieEvents, ties } from '../../db/schema';
import type { PartialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import type { TieKind } from '../places/kinds';
import { normaliseName } from '../places/normalise-name';
import { TIE_STATUSES, type TieEventType, type TieStatus } from './lifecycle';
import type { CountryRef, PlaceRef } from './queries';
import { type TieFilters, selectedStatuses } from './tie-filters';

/**
 * The tracker's rows: ties of public campaigns that match a view's filters, one page at a time,
 * with the total. Sorting and paging happen in the database, in as few rows and joins as each
 * step needs, so a view stays quick on a hundred thousand ties:
 *
 *   1. the places a search names, through the index on place_names.key (if the view searches);
 *   2. the ids of the page, sorted on the few columns the sort needs;
 *   3. the number of matching ties (skipped when the first page is not full);
 *   4. everything shown about the page's ties.
 *
 * Names sort in the ICU root collation ("und-x-icu": Ärhus next to Aachen, Ірпінь between
 * Житомир and Київ), which PostgreSQL built with ICU and PGlite both have.
 */

export type TieRowSource = { title: string; url: string | null; seedDocument: string | null; publisher: string | null };

export type TieRow = {
  id: number;
  status: TieStatus;
  kind: TieKind;
  /** The council that governs the tie's place on the campaign's side (null if none is known). */
  council: { slug: string; name: string | null } | null;
  place: PlaceRef;
  partner: PlaceRef;
  /** The event that produced the current status: what the row's status stands on. */
  lastEvent: { type: TieEventType; on: PartialDate | null; onOrBefore: boolean; source: TieRowSource | null } | null;
};

export type TieSearchResult = {
  rows: TieRow[];
  total: number;
  page: number;
  perPage: number;
  /** At least 1, so "page 1 of 1" holds for an empty result. */
  pageCount: number;
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
  const empty = (total = 0): TieSearchResult => ({ rows: [], total, page: filters.page, perPage: filters.perPage, pageCount: Math.max(1, Math.ceil(total / filters.perPage)) });

  const statuses = selectedStatuses(filters);
  if (statuses.length === 0) return empty();
  const campaignIds = await publicCampaignIds(db, filters.campaign);
  if (campaignIds.length === 0) return empty();
  let named: number[] | SQL | undefined;
  if (filters.q) {
    const ids = await placesNamed(db, filters.q);
    if (ids.length === 0) return empty();
    named = ids.length <= MAX_LISTED_PLACES ? ids : sql`(${placesNamedQuery(db, filters.q)})`;
  }
  const conditions = tieConditions(db, filters, campaignIds, statuses, named);
  const { where } = conditions;
  const countryOrder = filters.sort === 'country' || filters.sort === 'status' ? await countryOrderFor(db, locale) : '';

  return withCollation(async (collation) => {
    if (options.allRows) {
      const rows = await selectRows(db, locale)
        .where(where)
        .orderBy(...ordering(filters, locale, countryOrder, collation, { place: localName(place, locale), partner: localName(partner, locale) }));
      return { rows: rows.map(toRow(locale)), total: rows.length, page: 1, perPage: Math.max(rows.length, 1), pageCount: 1 };
    }

    const offset = (filters.page - 1) * filters.perPage;
    const pageIds = (await pageQuery(db, filters, locale, where, countryOrder, collation).limit(filters.perPage).offset(offset)).map((r) => r.id);
    // A first page that is not full holds every match: no need to count them.
    const total = filters.page === 1 && pageIds.length < filters.perPage ? pageIds.length : await countTies(db, conditions);
    if (pageIds.length === 0) return empty(total);

    const byId = new Map((await selectRows(db, locale).where(inArray(ties.id, pageIds))).map((r) => [r.id, toRow(locale)(r)]));
    return {
      rows: pageIds.flatMap((id) => byId.get(id) ?? []),
      total,
      page: filters.page,
      perPage: filters.perPage,
      pageCount: Math.max(1, Math.ceil(total / filters.perPage)),
    };
  });
}

async function countTies(db: Queryable, conditions: Conditions): Promise<number> {
  let query = db.select({ total: count() }).from(ties).$dynamic();
  if (conditions.onPlace) query = query.innerJoin(place, eq(place.id, ties.placeId));
  if (conditions.onPartner) query = query.innerJoin(partner, eq(partner.id, ties.partnerId));
  const [row] = await query.where(conditions.where);
  return row?.total ?? 0;
}

/** The page's tie ids in the view's order: only the joins its filters and sort need. */
function pageQuery(db: Queryable, filters: TieFilters, locale: string, where: SQL, countryOrder: string, collation: Collation) {
  let query = db
    .select({ id: ties.id })
    .from(ties)
    .innerJoin(place, eq(place.id, ties.placeId))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .$dynamic();
  let names = { place: sql<string>`${place.name}`, partner: sql<string>`${partner.name}` };
  if (locale !== 'en') {
    // Joined whole rather than looked up row by row: the sort needs the name of every match.
    const placeLocal = localNames(db, locale).as('place_local');
    const partnerLocal = localNames(db, locale).as('partner_local');
    query = query.leftJoin(placeLocal, eq(placeLocal.placeId, place.id)).leftJoin(partnerLocal, eq(partnerLocal.placeId, partner.id));
    names = { place: sql<string>`coalesce(${placeLocal.name}, ${place.name})`, partner: sql<string>`coalesce(${partnerLocal.name}, ${partner.name})` };
  }
  if (filters.sort === 'updated') query = query.leftJoin(tieEvents, and(eq(tieEvents.tieId, ties.id), eq(tieEvents.revision, ties.revision)));
  return query.where(where).orderBy(...ordering(filters, locale, countryOrder, collation, names));
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
      councilSlug: councils.slug,
      councilName: councils.name,
      placeId: place.id,
      placeSlug: place.slug,
      placeName: localName(place, locale),
      placeCountry: placeCountry.code,
      placeCountryAlpha2: placeCountry.alpha2,
      placeCountryName: placeCountry.name,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: localName(partner, locale),
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
      eventType: tieEvents.type,
      eventOn: tieEvents.occurredOn,
      eventPrecision: tieEvents.occurredPrecision,
      eventOnOrBefore: tieEvents.occurredByDate,
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
    // The event that produced the tie's current revision is its latest.
    .leftJoin(tieEvents, and(eq(tieEvents.tieId, ties.id), eq(tieEvents.revision, ties.revision)))
    .leftJoin(sources, eq(sources.id, tieEvents.sourceId))
    .$dynamic();
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

function toRow(locale: string): (r: SelectedRow) => TieRow {
  const country = (code: string, alpha2: string, english: string): CountryRef => ({
    code,
    name: locale === 'en' ? english : countryName(alpha2, locale, english),
  });
  return (r) => ({
    id: r.id,
    status: r.status,
    kind: r.kind,
    council: r.councilSlug ? { slug: r.councilSlug, name: r.councilName } : null,
    place: { id: r.placeId, slug: r.placeSlug, name: r.placeName, country: country(r.placeCountry, r.placeCountryAlpha2, r.placeCountryName) },
    partner: {
      id: r.partnerId,
      slug: r.partnerSlug,
      name: r.partnerName,
      country: country(r.partnerCountry, r.partnerCountryAlpha2, r.partnerCountryName),
    },
    lastEvent: r.eventType
      ? {
          type: r.eventType,
          on: r.eventOn && r.eventPrecision ? { date: r.eventOn, precision: r.eventPrecision } : null,
          onOrBefore: r.eventOnOrBefore ?? false,
          source: r.sourceTitle ? { title: r.sourceTitle, url: r.sourceUrl, seedDocument: r.sourceSeed, publisher: r.sourcePublisher } : null,
        }
      : null,
  });
}

/** The public campaigns (only the one named, when a view names one). */
async function publicCampaignIds(db: Queryable, campaignSlug: string | undefined): Promise<number[]> {
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(ne(campaigns.state, 'draft'), campaignSlug ? eq(campaigns.slug, campaignSlug) : undefined));
  return rows.map((r) => r.id);
}

function tiesInPublicCampaigns(db: Queryable) {
  return db
    .select({ id: campaignTies.tieId })
    .from(campaignTies)
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(ne(campaigns.state, 'draft'));
}

type Conditions = { where: SQL; onPlace: boolean; onPartner: boolean };

/** The WHERE of a view over ties, and whether it needs `place` and `partner` joined. */
function tieConditions(db: Queryable, filters: TieFilters, campaignIds: number[], statuses: readonly TieStatus[], named: number[] | SQL | undefined): Conditions {
  // Campaign ids, not a join to campaigns: the ties' campaigns are then found through the
  // primary key of campaign_ties, tie by tie, when the other filters leave few ties.
  const conditions: SQL[] = [inArray(ties.id, db.select({ id: campaignTies.tieId }).from(campaignTies).where(inArray(campaignTies.campaignId, campaignIds)))];
  if (statuses.length < TIE_STATUSES.length) conditions.push(inArray(ties.status, [...statuses]));
  if (filters.country) conditions.push(eq(place.country, filters.country));
  if (filters.partnerCountry) conditions.push(eq(partner.country, filters.partnerCountry));
  if (filters.region) {
    const region = alias(places, 'region');
    conditions.push(inArray(place.regionId, db.select({ id: region.id }).from(region).where(eq(region.slug, filters.region))));
  }
  if (named) {
    conditions.push(
      Array.isArray(named)
        ? or(inArray(ties.placeId, named), inArray(ties.partnerId, named))!
        : sql`(${ties.placeId} in ${named} or ${ties.partnerId} in ${named})`,
    );
  }
  return { where: and(...conditions)!, onPlace: Boolean(filters.country || filters.region), onPartner: Boolean(filters.partnerCountry) };
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

function ordering(filters: TieFilters, locale: string, countryOrder: string, collation: Collation, names: { place: SQL; partner: SQL }): SQL[] {
  const dir = sql.raw(filters.dir);
  const collate = sql.raw(`collate "${collation}"`);
  // ICU's root order puts Latin before Cyrillic; a reader of a Cyrillic language expects the
  // reverse, as Intl.Collator gives it. Names below U+0400 are Latin (or digits).
  const cyrillicFirst = CYRILLIC_SCRIPT_LOCALES.has(locale.split('-')[0]!.toLowerCase());
  const byName = (name: SQL, d: SQL) =>
    cyrillicFirst ? [sql`(${name} collate "C" < 'Ѐ') ${d}`, sql`${name} ${collate} ${d}`] : [sql`${name} ${collate} ${d}`];
  const asc = sql.raw('asc');
  const placeThenPartner = [...byName(names.place, asc), ...byName(names.partner, asc)];
  // Countries in the reader's alphabet: their rank, looked up in an object made in JS.
  const countryKey = sql`(${countryOrder}::jsonb ->> ${place.country})::int`;
  const order: Record<TieFilters['sort'], SQL[]> = {
    place: [...byName(names.place, dir), ...byName(names.partner, dir)],
    country: [sql`${countryKey} ${dir}`, ...placeThenPartner],
    status: [sql`${ties.status} ${dir}`, sql`${countryKey} asc`, ...placeThenPartner], // enum order: the funnel
    // Undated events last either way: they say nothing about when.
    updated: [sql`${tieEvents.occurredOn} ${dir} nulls last`, ...placeThenPartner],
  };
  return [...order[filters.sort], sql`${ties.id} asc`];
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
