import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, placeNames, places, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, formatPartialDate } from '../dates/partial-date';
import type { EventRecord, SourceRef, TieRecord } from '../import/dataset';
import { tieEventRecord, tiePlaceRecord } from '../import/export-dataset';
import { publicEventsCondition } from '../people/public-content';
import { isUnnamedPlace, unnamedPlaceName } from '../places/unnamed-place';
import type { SourceSummary } from '../sources/source-summary';
import { type AttributionKind, attributionOf, attributionText } from './attribution';
import { type ConfirmationBasis, loadTieConfirmations } from './confirmation';
import { type CountryClaim, loadCountryClaims } from './country-claims';

/**
 * A tie as the open-data API gives it: the dataset's tie record (lib/import/dataset.ts, built by
 * the exporter's own functions), plus its id and council, with each event's source written out
 * in full so a reader needs no second request. Two things of the export stay out: who recorded
 * an event (it may be a person's email address) and draft campaigns (they are not public).
 *
 * What the record says and how sure it is come on top, from each tie's effective history
 * (tie_event_effects): events in the order things happened, each with who stands behind it, and
 * whether it still counts (a withdrawn event stays, `withdrawn: true`, with its withdrawal); the
 * effective date and source (after amendments); the tie's confirmation, the country claims that
 * cover it, and whether the source names its partner.
 */
export type PublicCorrection = { id: number; recordedAt: string; reason: string | null; attribution: AttributionKind; attributionText: string };
export type PublicEventRecord = Omit<EventRecord, 'recordedBy' | 'attribution' | 'targetEvent'> & {
  id: number;
  /** Its place in the tie's effective history (0 = the event that recorded the tie). */
  position: number;
  /** Does it still count towards the status, stats and feed? */
  counts: boolean;
  withdrawn: boolean;
  /** The event that withdrew it, when it was. */
  withdrawal: PublicCorrection | null;
  /** The latest event that amended its date or source, when one did. */
  amendment: PublicCorrection | null;
  /** For a withdrawal or an amendment: the id of the event it corrects. */
  targetEventId: number | null;
  /** When it happened, after amendments ("2022", "2022-05", "2022-05-25"). */
  effectiveDate: string | null;
  effectiveDateIsUpperBound: boolean;
  effectiveSource: SourceRef | null;
  /** Who stands behind it (lib/ties/attribution.ts): its kind, as the dataset writes it, and in English words. */
  attribution: AttributionKind;
  attributionText: string;
};
export type PublicConfirmation =
  | { confirmed: true; on: string; by: ConfirmationBasis; eventId: number; source: SourceRef | null }
  | { confirmed: false; listedBy: SourceRef | null };
export type PublicCountryClaim = { key: string; kind: CountryClaim['kind']; country: string; date: string | null; quote: string; source: SourceRef };
export type PublicTieRecord = { id: number; council: string | null } & Omit<TieRecord, 'events'> & {
    events: PublicEventRecord[];
    /** False for a partner the source does not name (its name says so: "a Belarusian partner the source does not name"). */
    partnerNamed: boolean;
    /** When its status was last confirmed and by what; or, not confirmed, which source lists it. */
    confirmation: PublicConfirmation;
    /** Claims about every tie of its place's country: not confirmed for this council, and moving no status. */
    countryClaims: PublicCountryClaim[];
  };

const date = (d: PartialDate | null): string | null => (d ? formatPartialDate(d.date, d.precision) : null);

/** The records of these ties, in the order of `tieIds`. Seven queries whatever their number. */
export async function publicTieRecords(db: Queryable, tieIds: readonly number[]): Promise<PublicTieRecord[]> {
  if (tieIds.length === 0) return [];
  const ids = [...new Set(tieIds)];
  const tieRows = await db
    .select({ tie: ties, council: councils.slug, councilName: councils.name })
    .from(ties)
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    .where(inArray(ties.id, ids));
  const placeIds = [...new Set(tieRows.flatMap((r) => [r.tie.placeId, r.tie.partnerId]))];

  const [placeRows, nameRows, eventRows, memberRows, confirmations, sourceRows] = await Promise.all([
    db
      .select({ id: places.id, slug: places.slug, name: places.name, country: places.country, kind: places.kind })
      .from(places)
      .where(inArray(places.id, placeIds)),
    db
      .select({ placeId: placeNames.placeId, name: placeNames.name })
      .from(placeNames)
      .where(inArray(placeNames.placeId, placeIds))
      .orderBy(asc(placeNames.id)),
    // Every event, in the effective order; a banned person's are left out below, but their
    // corrections still mark what they corrected (the status already follows them).
    db
      .select({ event: tieEvents, source: sources, effect: tieEventEffects, isPublic: publicEventsCondition().mapWith(Boolean) })
      .from(tieEvents)
      .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
      .leftJoin(sources, eq(sources.id, tieEvents.sourceId))
      .where(inArray(tieEvents.tieId, ids))
      .orderBy(asc(tieEvents.tieId), asc(tieEventEffects.position)),
    db
      .select({ tieId: campaignTies.tieId, slug: campaigns.slug })
      .from(campaignTies)
      .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
      .where(and(inArray(campaignTies.tieId, ids), ne(campaigns.state, 'draft'))),
    loadTieConfirmations(db, ids),
    // Sources an amendment put in place of an event's own.
    db
      .select()
      .from(sources)
      .where(inArray(sources.id, db.selectDistinct({ id: tieEventEffects.sourceId }).from(tieEventEffects).where(inArray(tieEventEffects.tieId, ids)))),
  ]);
  const claims = await loadCountryClaims(db, [...new Set(placeRows.map((p) => p.country))], 'en');

  const placeById = new Map(placeRows.map((p) => [p.id, p]));
  const namesOf = groupBy(nameRows, (n) => n.placeId);
  const eventsOf = groupBy(eventRows, (e) => e.event.tieId);
  const campaignsOf = groupBy(memberRows, (m) => m.tieId);
  const sourceById = new Map(sourceRows.map((s) => [s.id, s]));
  const tiePlace = (id: number) => {
    const place = placeById.get(id)!;
    // An unnamed partner's placeholder names are not names: it is written as what it is.
    if (isUnnamedPlace(place)) return tiePlaceRecord({ ...place, name: unnamedPlaceName({ country: place.country }, 'en') }, []);
    return tiePlaceRecord(place, namesOf.get(id) ?? []);
  };

  const byId = new Map(
    tieRows.map(({ tie: t, council, councilName }): [number, PublicTieRecord] => {
      const events = eventsOf.get(t.id) ?? [];
      const attribution = (row: (typeof events)[number]) => {
        const a = attributionOf({ recorderRole: row.event.recorderRole, source: row.source, council: councilName });
        return { attribution: a.kind, attributionText: attributionText(a) };
      };
      const correction = (id: number | null): PublicCorrection | null => {
        const row = id === null ? undefined : events.find((e) => e.event.id === id);
        return row ? { id: row.event.id, recordedAt: row.event.recordedAt.toISOString(), reason: row.event.reason, ...attribution(row) } : null;
      };
      const confirmation = confirmations.get(t.id);
      const placeCountry = placeById.get(t.placeId)!.country;
      return [
        t.id,
        {
          id: t.id,
          council,
          place: tiePlace(t.placeId),
          partner: tiePlace(t.partnerId),
          partnerNamed: !isUnnamedPlace(placeById.get(t.partnerId)!),
          kind: t.kind,
          agreementTitle: t.agreementTitle,
          signed: t.signedOn && t.signedPrecision ? formatPartialDate(t.signedOn, t.signedPrecision) : null,
          status: t.status,
          campaigns: (campaignsOf.get(t.id) ?? []).map((m) => m.slug).sort(),
          confirmation:
            confirmation?.confirmed === true
              ? { confirmed: true, on: date(confirmation.on)!, by: confirmation.basis, eventId: confirmation.eventId, source: summaryRef(confirmation.source) }
              : { confirmed: false, listedBy: summaryRef(confirmation?.listedBy ?? null) },
          countryClaims: (claims.get(placeCountry) ?? []).map((c) => ({
            key: c.key,
            kind: c.kind,
            country: c.country.code,
            date: date(c.occurredOn),
            quote: c.quote,
            source: summaryRef(c.source)!,
          })),
          events: events
            .filter((row) => row.isPublic)
            .map((row) => {
              const { event, source, effect } = row;
              const effectiveSource = effect.sourceId === null ? null : sourceById.get(effect.sourceId);
              return {
                ...withoutRecorder(tieEventRecord(event, source ? sourceInFull(source) : null, null)),
                id: event.id,
                position: effect.position,
                counts: effect.counts,
                withdrawn: effect.withdrawnBy !== null,
                withdrawal: correction(effect.withdrawnBy),
                amendment: correction(effect.amendedBy),
                targetEventId: event.targetEventId,
                effectiveDate: effect.occurredOn && effect.occurredPrecision ? formatPartialDate(effect.occurredOn, effect.occurredPrecision) : null,
                effectiveDateIsUpperBound: effect.occurredByDate,
                effectiveSource: effectiveSource ? sourceInFull(effectiveSource) : null,
                ...attribution(row),
              };
            }),
        },
      ];
    }),
  );
  return tieIds.flatMap((id) => byId.get(id) ?? []);
}

function withoutRecorder(record: EventRecord): Omit<EventRecord, 'recordedBy' | 'attribution' | 'targetEvent'> {
  const copy: Partial<EventRecord> = { ...record };
  // Who recorded it may be a person's address; the attribution says who stands behind it instead.
  delete copy.recordedBy;
  // A number in the export's own list; the public record gives the target's id.
  delete copy.targetEvent;
  return copy as Omit<EventRecord, 'recordedBy' | 'attribution' | 'targetEvent'>;
}

/** A page's source summary as the dataset's reference. */
function summaryRef(s: SourceSummary | null): SourceRef | null {
  if (!s) return null;
  return {
    ...(s.url ? { url: s.url } : { seed: s.seedDocument! }),
    title: s.title,
    ...(s.publisher ? { publisher: s.publisher } : {}),
    ...(s.publishedOn ? { published: formatPartialDate(s.publishedOn.date, s.publishedOn.precision) } : {}),
    ...(s.language ? { language: s.language } : {}),
  };
}

/** The source's reference with what a reader needs to cite it; absent fields are left out. */
function sourceInFull(s: typeof sources.$inferSelect): SourceRef {
  return {
    ...(s.url ? { url: s.url } : { seed: s.seedDocument! }),
    title: s.title,
    ...(s.publisher ? { publisher: s.publisher } : {}),
    ...(s.publishedOn && s.publishedPrecision ? { published: formatPartialDate(s.publishedOn, s.publishedPrecision) } : {}),
    ...(s.language ? { language: s.language } : {}),
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
