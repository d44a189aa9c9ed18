import { type SQL, and, asc, count, countDistinct, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignFigures, campaignTies, campaigns, councils, countries, places, sources, tieEventEffects, ties } from '../../db/schema';
import { countryName } from '../i18n/country-name';
import { localisedPlaceNames } from '../places/localised-place-names';
import { type SourceSummary, sourceSummaryColumns, toSourceSummary } from '../sources/source-summary';
import { notInFuture } from './effective-events';
import { type TieFigures, countFigures, isConfirmedInForce, isInForce, isListedNotConfirmed, isSevered } from './figures';
import { FUNNEL, SIDE_OUTCOMES, type SideOutcome, TIE_STATUSES, type TieStatus } from './lifecycle';

/**
 * The figures of the Stats page: how far ties got (from their events, not only where they
 * stand now), who holds them (by country and by region), what the campaigns reported about
 * themselves, and progress over time. Scope as on the home page: the ties of every public
 * campaign, or of one campaign. Events are read through each tie's effective history
 * (tie_event_effects): a withdrawn event, or one that no longer fits after a withdrawal, does not
 * count towards "reached", "ever" or progress.
 */

export type StatsScope = { campaignSlug?: string };

export { SIDE_OUTCOMES, type SideOutcome } from './lifecycle';

/** The stages the progress chart follows (every tie starts in force, so `active` would be flat). */
export const PROGRESS_STAGES = ['appealed', 'pledged', 'severed'] as const satisfies readonly TieStatus[];
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

function scopedTieIds(db: Queryable, scope: StatsScope) {
  const where: SQL = scope.campaignSlug ? eq(campaigns.slug, scope.campaignSlug) : ne(campaigns.state, 'draft');
  return db
    .select({ id: campaignTies.tieId })
    .from(campaignTies)
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(where);
}

export type StatsCampaign = { slug: string; name: string };

/** The public campaigns the page can be narrowed to, in the order they were created. */
export async function listStatsCampaigns(db: Queryable, options: { locale: string }): Promise<StatsCampaign[]> {
  const rows = await db
    .select({ slug: campaigns.slug, name: campaigns.name, nameUk: campaigns.nameUk })
    .from(campaigns)
    .where(ne(campaigns.state, 'draft'))
    .orderBy(asc(campaigns.id));
  return rows.map((c) => ({ slug: c.slug, name: (options.locale === 'uk' && c.nameUk) || c.name }));
}

/**
 * An event's place on the funnel: 0 for active ... 4 for severed, -1 off it. The statuses are
 * the lifecycle's own constants ([a-z_] only), written as literals so the database compares
 * enum to text and returns integers whatever the driver.
 */
const funnelRank = sql`case ${tieEventEffects.toStatus}::text ${sql.raw(FUNNEL.map((s, i) => `when '${s}' then ${i}`).join(' '))} else -1 end`;
const rankOf = (status: TieStatus) => FUNNEL.indexOf(status);

export type FunnelStage = {
  status: TieStatus;
  /** Ties that ever reached this stage or a later one: a tie severed without an appeal still got past "appealed". */
  reached: number;
  /** Ties at this stage now. */
  now: number;
};

export type SideOutcomeCount = { status: SideOutcome; now: number; ever: number };

export type Funnel = {
  /** Every tie in scope. */
  total: number;
  stages: FunnelStage[];
  sideOutcomes: SideOutcomeCount[];
  byStatus: Record<TieStatus, number>;
  /** Where the ties stand now, by the figures' definitions: confirmed in force and only listed apart. */
  figures: TieFigures;
};

/** Whether a dated event confirms the tie (lib/ties/figures.ts). */
const confirmedColumn = sql<boolean>`(${ties.confirmedEventId} is not null)`;

export async function getFunnel(db: Queryable, scope: StatsScope = {}): Promise<Funnel> {
  const scoped = scopedTieIds(db, scope);
  const counting = and(inArray(tieEventEffects.tieId, scoped), eq(tieEventEffects.counts, true));
  const perTie = db
    .select({ tieId: tieEventEffects.tieId, reached: sql<number>`max(${funnelRank})`.as('reached') })
    .from(tieEventEffects)
    .where(counting)
    .groupBy(tieEventEffects.tieId)
    .as('per_tie');
  const [reachedRows, nowRows, everRows] = await Promise.all([
    db.select({ reached: perTie.reached, n: count() }).from(perTie).groupBy(perTie.reached),
    db
      .select({ status: ties.status, confirmed: confirmedColumn, n: count() })
      .from(ties)
      .where(inArray(ties.id, scoped))
      .groupBy(ties.status, confirmedColumn),
    db
      .select({ status: tieEventEffects.toStatus, n: countDistinct(tieEventEffects.tieId) })
      .from(tieEventEffects)
      .where(and(counting, inArray(tieEventEffects.toStatus, [...SIDE_OUTCOMES])))
      .groupBy(tieEventEffects.toStatus),
  ]);

  const byStatus = Object.fromEntries(TIE_STATUSES.map((s) => [s, 0])) as Record<TieStatus, number>;
  for (const r of nowRows) byStatus[r.status] += Number(r.n);
  const figures = countFigures(nowRows.map((r) => ({ status: r.status, confirmed: Boolean(r.confirmed), n: Number(r.n) })));
  const stages = FUNNEL.map((status, i) => ({
    status,
    reached: reachedRows.filter((r) => Number(r.reached) >= i).reduce((n, r) => n + Number(r.n), 0),
    now: byStatus[status],
  }));
  const ever = new Map(everRows.map((r) => [r.status, Number(r.n)]));
  return {
    total: TIE_STATUSES.reduce((n, s) => n + byStatus[s], 0),
    stages,
    sideOutcomes: SIDE_OUTCOMES.map((status) => ({ status, now: byStatus[status], ever: ever.get(status) ?? 0 })),
    byStatus,
    figures,
  };
}

export type RankingCounts = {
  /** Ties in scope, whatever their status. */
  ties: number;
  inForce: number;
  /** Of those in force: confirmed by a dated event, and only listed (lib/ties/figures.ts). */
  confirmedInForce: number;
  listedNotConfirmed: number;
  pledged: number;
  severed: number;
};

export type CountryRanking = RankingCounts & { code: string; name: string };

function emptyCounts(): RankingCounts {
  return { ties: 0, inForce: 0, confirmedInForce: 0, listedNotConfirmed: 0, pledged: 0, severed: 0 };
}

function addTo(counts: RankingCounts, status: TieStatus, confirmed: boolean, n: number): void {
  const tie = { status, confirmed };
  counts.ties += n;
  if (isInForce(tie)) counts.inForce += n;
  if (isConfirmedInForce(tie)) counts.confirmedInForce += n;
  if (isListedNotConfirmed(tie)) counts.listedNotConfirmed += n;
  if (status === 'pledged') counts.pledged += n;
  if (isSevered(tie)) counts.severed += n;
}

/** Most ties first; then most still in force; then by name in the locale's alphabet. */
function byRank(collator: Intl.Collator) {
  return (a: RankingCounts & { name: string }, b: RankingCounts & { name: string }) =>
    b.ties - a.ties || b.inForce - a.inForce || collator.compare(a.name, b.name);
}

/** Ties by the country of one side: the partner's (Russia, Belarus) or the council's. */
export async function rankByCountry(
  db: Queryable,
  options: StatsScope & { side: 'partner' | 'council'; locale: string },
): Promise<CountryRanking[]> {
  const place = alias(places, 'side_place');
  const rows = await db
    .select({ code: countries.code, alpha2: countries.alpha2, name: countries.name, status: ties.status, confirmed: confirmedColumn, n: count() })
    .from(ties)
    .innerJoin(place, eq(place.id, options.side === 'partner' ? ties.partnerId : ties.placeId))
    .innerJoin(countries, eq(countries.code, place.country))
    .where(inArray(ties.id, scopedTieIds(db, options)))
    .groupBy(countries.code, countries.alpha2, countries.name, ties.status, confirmedColumn);
  const byCode = new Map<string, CountryRanking>();
  for (const r of rows) {
    let c = byCode.get(r.code);
    if (!c) {
      c = { code: r.code, name: options.locale === 'en' ? r.name : countryName(r.alpha2, options.locale, r.name), ...emptyCounts() };
      byCode.set(r.code, c);
    }
    addTo(c, r.status, Boolean(r.confirmed), Number(r.n));
  }
  return [...byCode.values()].sort(byRank(new Intl.Collator(options.locale)));
}

/** A place of the region with ties, and its council's slug when it has a council. */
export type RegionPlace = RankingCounts & { id: number; slug: string; name: string; councilSlug: string | null };
export type RegionRanking = RankingCounts & { id: number; slug: string; name: string; places: RegionPlace[] };
export type RegionRankings = {
  regions: RegionRanking[];
  /** Ties of the country's places that have no region in the data (Kyiv, a city with special status). */
  tiesWithoutRegion: number;
};

/**
 * Ties by the region (a Ukrainian oblast) of the council's place: the "record-breaking oblasts".
 * Names in the locale (Київська область) where the data has them.
 */
export async function rankByRegion(db: Queryable, options: StatsScope & { country: string; locale: string }): Promise<RegionRankings> {
  const scoped = scopedTieIds(db, options);
  const region = alias(places, 'region');
  const [rows, [withoutRegion]] = await Promise.all([
    db
      .select({
        regionId: region.id,
        regionSlug: region.slug,
        regionName: region.name,
        placeId: places.id,
        placeSlug: places.slug,
        placeName: places.name,
        councilSlug: councils.slug,
        status: ties.status,
        confirmed: confirmedColumn,
        n: count(),
      })
      .from(ties)
      .innerJoin(places, eq(places.id, ties.placeId))
      .innerJoin(region, eq(region.id, places.regionId))
      .leftJoin(councils, eq(councils.placeId, places.id))
      .where(and(inArray(ties.id, scoped), eq(places.country, options.country)))
      .groupBy(region.id, region.slug, region.name, places.id, places.slug, places.name, councils.slug, ties.status, confirmedColumn),
    db
      .select({ n: count() })
      .from(ties)
      .innerJoin(places, eq(places.id, ties.placeId))
      .where(and(inArray(ties.id, scoped), eq(places.country, options.country), sql`${places.regionId} is null`)),
  ]);

  const names = await localisedPlaceNames(
    db,
    rows.flatMap((r) => [r.regionId, r.placeId]),
    options.locale,
  );
  const regions = new Map<number, RegionRanking>();
  const placesById = new Map<number, RegionPlace>();
  for (const r of rows) {
    let reg = regions.get(r.regionId);
    if (!reg) {
      reg = { id: r.regionId, slug: r.regionSlug, name: names.get(r.regionId) ?? r.regionName, places: [], ...emptyCounts() };
      regions.set(r.regionId, reg);
    }
    let p = placesById.get(r.placeId);
    if (!p) {
      p = { id: r.placeId, slug: r.placeSlug, name: names.get(r.placeId) ?? r.placeName, councilSlug: r.councilSlug, ...emptyCounts() };
      placesById.set(r.placeId, p);
      reg.places.push(p);
    }
    addTo(reg, r.status, Boolean(r.confirmed), Number(r.n));
    addTo(p, r.status, Boolean(r.confirmed), Number(r.n));
  }
  const collator = new Intl.Collator(options.locale);
  const ranked = [...regions.values()].sort(byRank(collator));
  for (const reg of ranked) reg.places.sort((a, b) => collator.compare(a.name, b.name));
  return { regions: ranked, tiesWithoutRegion: Number(withoutRegion?.n ?? 0) };
}

export type CampaignFigure = { key: string; value: number; label: string; quote: string | null; source: SourceSummary };
export type CampaignFigures = { slug: string; name: string; figures: CampaignFigure[] };

/** What each campaign reported about itself (the survey behind it), each figure with its source and quote. */
export async function listCampaignFigures(db: Queryable, options: StatsScope & { locale: string }): Promise<CampaignFigures[]> {
  const where: SQL = options.campaignSlug ? eq(campaigns.slug, options.campaignSlug) : ne(campaigns.state, 'draft');
  const rows = await db
    .select({
      slug: campaigns.slug,
      name: campaigns.name,
      nameUk: campaigns.nameUk,
      key: campaignFigures.key,
      value: campaignFigures.value,
      label: campaignFigures.label,
      labelUk: campaignFigures.labelUk,
      quote: campaignFigures.quote,
      ...sourceSummaryColumns,
    })
    .from(campaignFigures)
    .innerJoin(campaigns, eq(campaigns.id, campaignFigures.campaignId))
    .innerJoin(sources, eq(sources.id, campaignFigures.sourceId))
    .where(where)
    .orderBy(asc(campaigns.id), asc(campaignFigures.position), asc(campaignFigures.id));
  const uk = options.locale === 'uk';
  const result: CampaignFigures[] = [];
  for (const r of rows) {
    let c = result.at(-1);
    if (!c || c.slug !== r.slug) {
      c = { slug: r.slug, name: (uk && r.nameUk) || r.name, figures: [] };
      result.push(c);
    }
    // The inner join guarantees the source.
    const source = toSourceSummary(r)!;
    c.figures.push({ key: r.key, value: r.value, label: (uk && r.labelUk) || r.label, quote: r.quote, source });
  }
  return result;
}

export type Progress = {
  /** Every month from the first dated step to the last, as YYYY-MM. */
  months: string[];
  /** For each stage, how many ties had reached it (or a later stage) by the end of each month. */
  cumulative: Record<ProgressStage, number[]>;
  /** Ties that reached each stage on a known date (the others cannot be placed in time). */
  dated: Record<ProgressStage, number>;
};

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Progress over time from the events' dates: a tie counts for a stage from the month of its
 * first dated event at that stage or beyond (among the events that still count, at their
 * amended dates). Partial dates are stored at the start of their period ("2024" is 1 January
 * 2024), so that is where they count. A date after today (recorded before the write path refused
 * them) is left out: it cannot be placed in time yet.
 */
export async function getProgress(db: Queryable, scope: StatsScope = {}): Promise<Progress> {
  const firstOn = (stage: ProgressStage) =>
    sql<string | null>`min(case when ${funnelRank} >= ${sql.raw(String(rankOf(stage)))} then ${tieEventEffects.occurredOn} end)`;
  const firsts = db
    .select({
      tieId: tieEventEffects.tieId,
      appealed: firstOn('appealed').as('appealed_on'),
      pledged: firstOn('pledged').as('pledged_on'),
      severed: firstOn('severed').as('severed_on'),
    })
    .from(tieEventEffects)
    .where(
      and(
        inArray(tieEventEffects.tieId, scopedTieIds(db, scope)),
        eq(tieEventEffects.counts, true),
        isNotNull(tieEventEffects.occurredOn),
        notInFuture(tieEventEffects.occurredOn),
      ),
    )
    .groupBy(tieEventEffects.tieId)
    .as('firsts');
  const perMonth = (stage: ProgressStage) => {
    const month = sql<string>`to_char(${firsts[stage]}, 'YYYY-MM')`;
    return db.select({ month, n: count() }).from(firsts).where(isNotNull(firsts[stage])).groupBy(month);
  };
  const [appealed, pledged, severed] = await Promise.all(PROGRESS_STAGES.map(perMonth));
  const counts: Record<ProgressStage, Map<string, number>> = {
    appealed: new Map(appealed!.map((r) => [r.month, Number(r.n)])),
    pledged: new Map(pledged!.map((r) => [r.month, Number(r.n)])),
    severed: new Map(severed!.map((r) => [r.month, Number(r.n)])),
  };

  const all = PROGRESS_STAGES.flatMap((s) => [...counts[s].keys()]).sort();
  const months: string[] = [];
  if (all.length) {
    for (let m = all[0]!; m <= all.at(-1)!; m = nextMonth(m)) months.push(m);
  }
  const cumulative = {} as Record<ProgressStage, number[]>;
  const dated = {} as Record<ProgressStage, number>;
  for (const stage of PROGRESS_STAGES) {
    let total = 0;
    cumulative[stage] = months.map((m) => (total += counts[stage].get(m) ?? 0));
    dated[stage] = total;
  }
  return { months, cumulative, dated };
}
