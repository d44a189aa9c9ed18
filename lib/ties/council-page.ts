import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { type DecisionEvidence, councils, countries, places, reviewItems, sources, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import type { TieKind } from '../places/kinds';
import { publicEventsCondition } from '../people/public-content';
import { type PlaceLink, type PlaceSpelling, countryIn, placeNamesIn } from '../places/place-page';
import { type SourceSummary, sourceSummaryColumns, toSourceSummary } from '../sources/source-summary';
import { type TieEventType, type TieStatus, isInGroup } from './lifecycle';
import type { PlaceRef } from './queries';

/**
 * Everything the public page of a council shows: the council, its ties with their current
 * status, each tie's timeline with the source of every event, and the questions the sources
 * leave open (conflicting and ambiguous claims), which are shown, never merged away.
 */

export type TimelineEvent = {
  id: number;
  type: TieEventType;
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  revision: number;
  occurredOn: PartialDate | null;
  /** The source says it had happened by that date ("as of 25 May"), not on it. */
  occurredByDate: boolean;
  recordedAt: Date;
  source: SourceSummary | null;
  quote: string | null;
  note: string | null;
  reason: string | null;
  evidence: DecisionEvidence | null;
};

export type CouncilPageTie = {
  id: number;
  status: TieStatus;
  inForce: boolean;
  kind: TieKind;
  agreementTitle: string | null;
  signedOn: PartialDate | null;
  partner: PlaceRef & { spellings: PlaceSpelling[] };
  /** In the order they were recorded: the order the status moved in. */
  events: TimelineEvent[];
  /** The conflicting claims (CouncilPage.conflicts) that concern this tie. */
  conflictIds: number[];
};

export type ReviewClaim = {
  id: number;
  kind: 'conflicting_claims' | 'ambiguous_claim';
  state: 'open' | 'resolved' | 'dismissed';
  summary: string;
  quote: string | null;
  source: SourceSummary | null;
  /** The other side of a conflict, when the item names it. */
  otherQuote: string | null;
  otherSource: SourceSummary | null;
  /** Where the other quote sits in its source (the Wikipedia list: the Russian place it is listed under). */
  otherQuoteListedUnder: string | null;
  /** Further words of the source the item rests on. */
  moreQuotes: string[];
  /** This council's ties it concerns. */
  tieIds: number[];
  resolution: string | null;
};

export type LocalisedText = { text: string; lang: string };

export type CouncilPage = {
  council: {
    id: number;
    slug: string;
    /** The council's own name in the page's language; null when the data has none (say "council of <place>"). */
    name: LocalisedText | null;
    languages: string[];
    website: string | null;
  };
  place: PlaceRef & { region: PlaceLink | null; parent: PlaceLink | null; spellings: PlaceSpelling[] };
  /** In force first, then the others; by partner name within. */
  ties: CouncilPageTie[];
  /** Conflicting claims about its ties or its place (dismissed ones left out). */
  conflicts: ReviewClaim[];
  /** Open ambiguous claims about the council or its place. */
  ambiguities: ReviewClaim[];
};

/**
 * The council's name for a page: its own (local) name on Ukrainian pages when Ukrainian is the
 * council's language, otherwise its English name; null when neither is known.
 */
export function councilNameIn(council: { name: string | null; localName: string | null; languages: readonly string[] }, locale: string): LocalisedText | null {
  if (locale === 'uk' && council.languages[0] === 'uk' && council.localName) return { text: council.localName, lang: 'uk' };
  if (council.name) return { text: council.name, lang: 'en' };
  return null;
}

/** Review items keep extra facts in a free-form `details`; only these keys are shown. */
const claimDetails = z
  .object({
    otherQuote: z.string(),
    otherSource: z.string(),
    otherQuoteListedUnder: z.string(),
    quotes: z.array(z.string()),
  })
  .partial()
  .catch({});

export async function getCouncilPage(db: Queryable, slug: string, options: { locale: string }): Promise<CouncilPage | null> {
  const { locale } = options;
  const region = alias(places, 'region');
  const parent = alias(places, 'parent');
  const [council] = await db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      localName: councils.localName,
      languages: councils.languages,
      website: councils.website,
      placeId: places.id,
      placeSlug: places.slug,
      placeName: places.name,
      countryCode: countries.code,
      countryAlpha2: countries.alpha2,
      countryName: countries.name,
      regionId: region.id,
      regionSlug: region.slug,
      regionName: region.name,
      parentId: parent.id,
      parentSlug: parent.slug,
      parentName: parent.name,
    })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .innerJoin(countries, eq(countries.code, places.country))
    .leftJoin(region, eq(region.id, places.regionId))
    .leftJoin(parent, eq(parent.id, places.parentId))
    .where(eq(councils.slug, slug))
    .limit(1);
  if (!council) return null;

  const partner = alias(places, 'partner');
  const partnerCountry = alias(countries, 'partner_country');
  const tieRows = await db
    .select({
      id: ties.id,
      status: ties.status,
      kind: ties.kind,
      agreementTitle: ties.agreementTitle,
      signedOn: ties.signedOn,
      signedPrecision: ties.signedPrecision,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
    })
    .from(ties)
    // A council is normally on the tie's place side; a tie between two partner-country places
    // may have it on either.
    .innerJoin(
      partner,
      or(
        and(eq(ties.placeId, council.placeId), eq(partner.id, ties.partnerId)),
        and(eq(ties.partnerId, council.placeId), eq(partner.id, ties.placeId)),
      ),
    )
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    .where(or(eq(ties.placeId, council.placeId), eq(ties.partnerId, council.placeId)));
  const tieIds = tieRows.map((t) => t.id);

  const concernsCouncil = or(
    eq(reviewItems.councilId, council.id),
    eq(reviewItems.placeId, council.placeId),
    eq(reviewItems.otherPlaceId, council.placeId),
    ...(tieIds.length ? [inArray(reviewItems.tieId, tieIds), inArray(reviewItems.otherTieId, tieIds)] : []),
  );
  const [eventRows, claimRows] = await Promise.all([
    tieIds.length
      ? db
          .select({
            id: tieEvents.id,
            tieId: tieEvents.tieId,
            type: tieEvents.type,
            fromStatus: tieEvents.fromStatus,
            toStatus: tieEvents.toStatus,
            revision: tieEvents.revision,
            occurredOn: tieEvents.occurredOn,
            occurredPrecision: tieEvents.occurredPrecision,
            occurredByDate: tieEvents.occurredByDate,
            recordedAt: tieEvents.recordedAt,
            quote: tieEvents.quote,
            note: tieEvents.note,
            reason: tieEvents.reason,
            evidence: tieEvents.evidence,
            ...sourceSummaryColumns,
          })
          .from(tieEvents)
          .leftJoin(sources, eq(sources.id, tieEvents.sourceId))
          .where(and(inArray(tieEvents.tieId, tieIds), publicEventsCondition()))
          .orderBy(asc(tieEvents.tieId), asc(tieEvents.revision))
      : [],
    db
      .select({
        id: reviewItems.id,
        kind: reviewItems.kind,
        state: reviewItems.state,
        summary: reviewItems.summary,
        quote: reviewItems.quote,
        tieId: reviewItems.tieId,
        otherTieId: reviewItems.otherTieId,
        details: reviewItems.details,
        resolution: reviewItems.resolution,
        ...sourceSummaryColumns,
      })
      .from(reviewItems)
      .leftJoin(sources, eq(sources.id, reviewItems.sourceId))
      .where(and(inArray(reviewItems.kind, ['conflicting_claims', 'ambiguous_claim']), ne(reviewItems.state, 'dismissed'), concernsCouncil))
      .orderBy(asc(reviewItems.id)),
  ]);

  // The other side of a conflict names its source by file name or address, not by id.
  const claims = claimRows.map((row) => ({ row, details: claimDetails.parse(row.details ?? {}) }));
  const otherSourceKeys = [...new Set(claims.flatMap((c) => (c.details.otherSource ? [c.details.otherSource] : [])))];
  const otherSources = otherSourceKeys.length
    ? await db
        .select(sourceSummaryColumns)
        .from(sources)
        .where(or(inArray(sources.seedDocument, otherSourceKeys), inArray(sources.key, otherSourceKeys), inArray(sources.url, otherSourceKeys)))
    : [];
  const findOtherSource = (key: string | undefined): SourceSummary | null => {
    if (!key) return null;
    const row = otherSources.find((s) => s.sourceSeedDocument === key || s.sourceUrl === key || `seed:${s.sourceSeedDocument}` === key);
    return row ? toSourceSummary(row) : null;
  };

  const names = await placeNamesIn(
    db,
    [
      { id: council.placeId, name: council.placeName },
      ...(council.regionId !== null && council.regionName !== null ? [{ id: council.regionId, name: council.regionName }] : []),
      ...(council.parentId !== null && council.parentName !== null ? [{ id: council.parentId, name: council.parentName }] : []),
      ...tieRows.map((t) => ({ id: t.partnerId, name: t.partnerName })),
    ],
    locale,
  );
  const display = (id: number, english: string) => names.get(id)?.display ?? english;
  const link = (id: number | null, slug: string | null, english: string | null): PlaceLink | null =>
    id !== null && slug !== null && english !== null ? { id, slug, name: display(id, english) } : null;

  const toClaim = ({ row, details }: (typeof claims)[number]): ReviewClaim => ({
    id: row.id,
    kind: row.kind as ReviewClaim['kind'],
    state: row.state,
    summary: row.summary,
    quote: row.quote,
    source: toSourceSummary(row),
    otherQuote: details.otherQuote ?? null,
    otherSource: findOtherSource(details.otherSource),
    otherQuoteListedUnder: details.otherQuoteListedUnder ?? null,
    moreQuotes: details.quotes ?? [],
    tieIds: [row.tieId, row.otherTieId].filter((id): id is number => id !== null && tieIds.includes(id)),
    resolution: row.resolution,
  });
  const conflicts = claims.filter((c) => c.row.kind === 'conflicting_claims').map(toClaim);
  const ambiguities = claims.filter((c) => c.row.kind === 'ambiguous_claim' && c.row.state === 'open').map(toClaim);

  const collator = new Intl.Collator(locale);
  const tieList: CouncilPageTie[] = tieRows
    .map((t) => ({
      id: t.id,
      status: t.status,
      inForce: isInGroup(t.status, 'inForce'),
      kind: t.kind,
      agreementTitle: t.agreementTitle,
      signedOn: partialDate(t.signedOn, t.signedPrecision),
      partner: {
        id: t.partnerId,
        slug: t.partnerSlug,
        name: display(t.partnerId, t.partnerName),
        country: countryIn(locale, t.partnerCountry, t.partnerCountryAlpha2, t.partnerCountryName),
        spellings: names.get(t.partnerId)?.spellings ?? [],
      },
      events: eventRows
        .filter((e) => e.tieId === t.id)
        .map((e) => ({
          id: e.id,
          type: e.type,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          revision: e.revision,
          occurredOn: partialDate(e.occurredOn, e.occurredPrecision),
          occurredByDate: e.occurredByDate,
          recordedAt: e.recordedAt,
          source: toSourceSummary(e),
          quote: e.quote,
          note: e.note,
          reason: e.reason,
          evidence: e.evidence,
        })),
      conflictIds: conflicts.filter((c) => c.tieIds.includes(t.id)).map((c) => c.id),
    }))
    .sort((a, b) => Number(b.inForce) - Number(a.inForce) || collator.compare(a.partner.name, b.partner.name) || a.id - b.id);

  return {
    council: {
      id: council.id,
      slug: council.slug,
      name: councilNameIn(council, locale),
      languages: council.languages,
      website: council.website,
    },
    place: {
      id: council.placeId,
      slug: council.placeSlug,
      name: display(council.placeId, council.placeName),
      country: countryIn(locale, council.countryCode, council.countryAlpha2, council.countryName),
      region: link(council.regionId, council.regionSlug, council.regionName),
      parent: link(council.parentId, council.parentSlug, council.parentName),
      spellings: names.get(council.placeId)?.spellings ?? [],
    },
    ties: tieList,
    conflicts,
    ambiguities,
  };
}
