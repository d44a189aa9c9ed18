import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { type CheckResult, type DecisionEvidence, type RecorderRole, councils, countries, places, reviewItems, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import type { TieKind } from '../places/kinds';
import { publicEventsCondition } from '../people/public-content';
import { type PlaceLink, type PlaceSpelling, countryIn, placeNamesIn } from '../places/place-page';
import { displayPlaceName, isUnnamedPlace } from '../places/unnamed-place';
import { type SourceSummary, sourceSummaryColumns, toSourceSummary } from '../sources/source-summary';
import { type Attribution, attributionOf } from './attribution';
import { type TieConfirmation, loadTieConfirmations } from './confirmation';
import { type CountryClaim, canAskToEnd, endedByCountryClaim, loadCountryClaims } from './country-claims';
import { CORRECTION_EVENT_TYPES } from './effective-history';
import { type CouncilSituation, type TieFigures, councilSituation, countFigures, isInForce } from './figures';
import type { TieEventType, TieStatus } from './lifecycle';
import type { PlaceRef } from './queries';

/**
 * Everything the public page of a council shows: the council, its ties with their current
 * status, each tie's timeline with the source of every event, and the questions the sources
 * leave open (conflicting and ambiguous claims), which are shown, never merged away.
 */

/** A withdrawal or an amendment of a timeline event, as the timeline shows it on that event. */
export type EventCorrection = {
  eventId: number;
  /** When the correction was made. */
  recordedAt: Date;
  reason: string | null;
  attribution: Attribution;
};

export type TimelineEvent = {
  id: number;
  type: TieEventType;
  /** Where the tie stood before and after it, in the effective history; for a withdrawn event, the move it claimed. */
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  revision: number;
  /** Its place in the effective history: the order things happened in. */
  position: number;
  /** Does it still count? Not when withdrawn, nor when after a withdrawal it no longer fits. */
  counts: boolean;
  /** When it happened: the amended date when an amendment corrected it. */
  occurredOn: PartialDate | null;
  /** The source says it had happened by that date ("as of 25 May"), not on it. */
  occurredByDate: boolean;
  recordedAt: Date;
  /** Its source: the amended one when an amendment corrected it. */
  source: SourceSummary | null;
  quote: string | null;
  note: string | null;
  reason: string | null;
  evidence: DecisionEvidence | null;
  /** For a scheduled vote: the session's date. */
  sessionOn: string | null;
  /** For a check: what was found. */
  checkResult: CheckResult | null;
  recorderRole: RecorderRole;
  /** Who stands behind it (lib/ties/attribution.ts). */
  attribution: Attribution;
  /** Set when the event was withdrawn: it stays on the timeline, marked, and counts no more. */
  withdrawn: EventCorrection | null;
  /** Set when an amendment corrected its date or source: what it was recorded with, and the amendment. */
  amended: (EventCorrection & { originalOccurredOn: PartialDate | null; originalOccurredByDate: boolean; originalSource: SourceSummary | null }) | null;
};

export type CouncilPageTie = {
  id: number;
  status: TieStatus;
  inForce: boolean;
  kind: TieKind;
  agreementTitle: string | null;
  /** Since when the tie exists: the signing date when a source gives it, else null ("not known").
   * Never the date the tie was first recorded. */
  signedOn: PartialDate | null;
  partner: PlaceRef & { spellings: PlaceSpelling[] };
  /** When and by what its status was last confirmed, or which source only lists it. */
  confirmation: TieConfirmation;
  /** Claims about every tie of the council's country that cover this one (not confirmed for this council). */
  countryClaims: CountryClaim[];
  /** May an activist be offered a letter asking the council to end it (lib/ties/country-claims.ts)? */
  canAskToEnd: boolean;
  /** In the order things happened (the effective history), withdrawn ones marked. */
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
  /** Its ties counted by the one definition of each figure (lib/ties/figures.ts). */
  figures: TieFigures;
  /** What can be asked of it: something (`holds`), nothing now (`blocked`), nothing left (`closed`). */
  situation: CouncilSituation;
  /** Ties an activist may ask it to end (in force, and no source says its country ended them). */
  askable: number;
  /** 'ended' claims about its country that cover ties in force: why no letter is offered for them. */
  endedClaims: CountryClaim[];
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
      tiePlaceId: ties.placeId,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      partnerName: partner.name,
      partnerKind: partner.kind,
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
  const originalSource = alias(sources, 'original_source');
  const [eventRows, claimRows, confirmations] = await Promise.all([
    tieIds.length
      ? db
          .select({
            id: tieEvents.id,
            tieId: tieEvents.tieId,
            type: tieEvents.type,
            fromStatus: tieEventEffects.fromStatus,
            toStatus: tieEventEffects.toStatus,
            revision: tieEvents.revision,
            recordedFromStatus: tieEvents.fromStatus,
            recordedToStatus: tieEvents.toStatus,
            position: tieEventEffects.position,
            counts: tieEventEffects.counts,
            withdrawnBy: tieEventEffects.withdrawnBy,
            amendedBy: tieEventEffects.amendedBy,
            occurredOn: tieEventEffects.occurredOn,
            occurredPrecision: tieEventEffects.occurredPrecision,
            occurredByDate: tieEventEffects.occurredByDate,
            originalOccurredOn: tieEvents.occurredOn,
            originalOccurredPrecision: tieEvents.occurredPrecision,
            originalOccurredByDate: tieEvents.occurredByDate,
            recordedAt: tieEvents.recordedAt,
            recorderRole: tieEvents.recorderRole,
            quote: tieEvents.quote,
            note: tieEvents.note,
            reason: tieEvents.reason,
            evidence: tieEvents.evidence,
            sessionOn: tieEvents.sessionOn,
            checkResult: tieEvents.checkResult,
            targetEventId: tieEvents.targetEventId,
            // A banned person's events are left off the page; their corrections still mark their
            // targets (the effective history, and so the status, already follows them).
            isPublic: sql<boolean>`(${publicEventsCondition()})`,
            ...sourceSummaryColumns,
            originalSourceId: originalSource.id,
            originalSourceTitle: originalSource.title,
            originalSourcePublisher: originalSource.publisher,
            originalSourceUrl: originalSource.url,
            originalSourceSeedDocument: originalSource.seedDocument,
            originalSourcePublishedOn: originalSource.publishedOn,
            originalSourcePublishedPrecision: originalSource.publishedPrecision,
            originalSourceLanguage: originalSource.language,
          })
          .from(tieEvents)
          .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
          // The effective source (an amendment's, when one replaced it), and the one it was recorded with.
          .leftJoin(sources, eq(sources.id, tieEventEffects.sourceId))
          .leftJoin(originalSource, eq(originalSource.id, tieEvents.sourceId))
          .where(inArray(tieEvents.tieId, tieIds))
          .orderBy(asc(tieEvents.tieId), asc(tieEventEffects.position))
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
    loadTieConfirmations(db, tieIds),
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

  // The campaign's side of each tie is its place: the council's own, or (for a tie between two
  // partner-country places held from the other side) the other one.
  const campaignSideCountry = (t: (typeof tieRows)[number]) => (t.tiePlaceId === council.placeId ? council.countryCode : t.partnerCountry);
  const claimsByCountry = await loadCountryClaims(db, [...new Set(tieRows.map(campaignSideCountry))], locale);

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

  const councilName = councilNameIn(council, locale);
  const attribution = (e: (typeof eventRows)[number]) =>
    attributionOf({ recorderRole: e.recorderRole, source: toSourceSummary(e), council: councilName?.text ?? null });
  const correctionOf = (id: number | null): EventCorrection | null => {
    const c = id === null ? undefined : eventRows.find((e) => e.id === id);
    return c ? { eventId: c.id, recordedAt: c.recordedAt, reason: c.reason, attribution: attribution(c) } : null;
  };
  const originalSourceOf = (e: (typeof eventRows)[number]) =>
    toSourceSummary({
      sourceId: e.originalSourceId,
      sourceTitle: e.originalSourceTitle,
      sourcePublisher: e.originalSourcePublisher,
      sourceUrl: e.originalSourceUrl,
      sourceSeedDocument: e.originalSourceSeedDocument,
      sourcePublishedOn: e.originalSourcePublishedOn,
      sourcePublishedPrecision: e.originalSourcePublishedPrecision,
      sourceLanguage: e.originalSourceLanguage,
    });
  const timelineEvent = (e: (typeof eventRows)[number]): TimelineEvent => {
    const amendment = correctionOf(e.amendedBy);
    const withdrawn = correctionOf(e.withdrawnBy);
    return {
      id: e.id,
      type: e.type,
      // A withdrawn event shows the move it claimed (struck through); the others, the move they make.
      fromStatus: withdrawn ? e.recordedFromStatus : e.fromStatus,
      toStatus: withdrawn ? e.recordedToStatus : e.toStatus,
      revision: e.revision,
      position: e.position,
      counts: e.counts,
      occurredOn: partialDate(e.occurredOn, e.occurredPrecision),
      occurredByDate: e.occurredByDate,
      recordedAt: e.recordedAt,
      source: toSourceSummary(e),
      quote: e.quote,
      note: e.note,
      reason: e.reason,
      evidence: e.evidence,
      sessionOn: e.sessionOn,
      checkResult: e.checkResult,
      recorderRole: e.recorderRole,
      attribution: attribution(e),
      withdrawn,
      amended: amendment
        ? {
            ...amendment,
            originalOccurredOn: partialDate(e.originalOccurredOn, e.originalOccurredPrecision),
            originalOccurredByDate: e.originalOccurredByDate,
            originalSource: originalSourceOf(e),
          }
        : null,
    };
  };
  const corrections: readonly TieEventType[] = CORRECTION_EVENT_TYPES;

  const collator = new Intl.Collator(locale);
  const tieList: CouncilPageTie[] = tieRows
    .map((t) => {
      const claims = claimsByCountry.get(campaignSideCountry(t)) ?? [];
      const unnamed = isUnnamedPlace({ kind: t.partnerKind });
      return {
        id: t.id,
        status: t.status,
        inForce: isInForce(t),
        kind: t.kind,
        agreementTitle: t.agreementTitle,
        signedOn: partialDate(t.signedOn, t.signedPrecision),
        partner: {
          id: t.partnerId,
          slug: t.partnerSlug,
          name: displayPlaceName(
            { kind: t.partnerKind, country: t.partnerCountry, alpha2: t.partnerCountryAlpha2, countryName: t.partnerCountryName },
            display(t.partnerId, t.partnerName),
            locale,
          ),
          country: countryIn(locale, t.partnerCountry, t.partnerCountryAlpha2, t.partnerCountryName),
          // An unnamed partner's placeholder spellings are not names.
          spellings: unnamed ? [] : (names.get(t.partnerId)?.spellings ?? []),
          ...(unnamed ? { unnamed } : {}),
        },
        confirmation: confirmations.get(t.id) ?? { confirmed: false, listedBy: null },
        countryClaims: claims,
        canAskToEnd: canAskToEnd(t, claims),
        // Withdrawals and amendments are shown on the events they correct, not as entries of their own.
        events: eventRows.filter((e) => e.tieId === t.id && e.isPublic && !corrections.includes(e.type)).map(timelineEvent),
        conflictIds: conflicts.filter((c) => c.tieIds.includes(t.id)).map((c) => c.id),
      };
    })
    .sort((a, b) => Number(b.inForce) - Number(a.inForce) || collator.compare(a.partner.name, b.partner.name) || a.id - b.id);
  const endedClaims = [
    ...new Map(tieList.filter((t) => t.inForce && endedByCountryClaim(t.countryClaims)).flatMap((t) => t.countryClaims.filter((c) => c.kind === 'ended')).map((c) => [c.id, c])).values(),
  ];

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
    figures: countFigures(tieList.map((t) => ({ status: t.status, confirmed: t.confirmation.confirmed }))),
    situation: councilSituation(tieList),
    askable: tieList.filter((t) => t.canAskToEnd).length,
    endedClaims,
    conflicts,
    ambiguities,
  };
}
