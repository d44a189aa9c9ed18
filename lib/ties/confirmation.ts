import { and, eq, inArray } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { type RecorderRole, type SourceKind, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { type SourceSummary, toSourceSummary } from '../sources/source-summary';
import type { TieEventType } from './lifecycle';

/**
 * When a tie's status was last confirmed and by what, or, when no dated event confirms it, which
 * source lists it. The confirming event is derived with the status (ties.confirmed_event_id, by
 * lib/ties/effective-history.ts); this module only reads it for pages, the API and the CSV.
 *
 * "By what" is the kind of the confirming event's source (the council's own page or decision, the
 * council's answer, news, a report, a list); a statement by the council's own staff is the
 * council's word whatever it cites; an organiser's entry without a source is the campaign's.
 */
export type ConfirmationBasis = SourceKind | 'council_staff' | 'campaign';

export type TieConfirmation =
  | {
      confirmed: true;
      on: PartialDate;
      /** The source says "as of" that date. */
      byDate: boolean;
      eventId: number;
      eventType: TieEventType;
      basis: ConfirmationBasis;
      source: SourceSummary | null;
    }
  | {
      confirmed: false;
      /** The source of the event that recorded the tie: "listed by <source>, not confirmed". */
      listedBy: SourceSummary | null;
    };

export function confirmationBasis(e: { recorderRole: RecorderRole; sourceKind: SourceKind | null }): ConfirmationBasis {
  if (e.recorderRole === 'council_staff') return 'council_staff';
  return e.sourceKind ?? 'campaign';
}

const CHUNK = 1000;

type SourceColumns = { [K in 'id' | 'title' | 'publisher' | 'url' | 'seedDocument' | 'publishedOn' | 'publishedPrecision' | 'language']: AnyPgColumn };

/** The SourceSummary columns of an alias of `sources`. */
function summaryColumns<T extends SourceColumns>(table: T) {
  return {
    sourceId: table.id,
    sourceTitle: table.title,
    sourcePublisher: table.publisher,
    sourceUrl: table.url,
    sourceSeedDocument: table.seedDocument,
    sourcePublishedOn: table.publishedOn,
    sourcePublishedPrecision: table.publishedPrecision,
    sourceLanguage: table.language,
  };
}

/** The confirmation of each of these ties (every id given gets one). Two queries per thousand ties. */
export async function loadTieConfirmations(db: Queryable, tieIds: readonly number[]): Promise<Map<number, TieConfirmation>> {
  const result = new Map<number, TieConfirmation>();
  const ids = [...new Set(tieIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const confirmingSource = alias(sources, 'confirming_source');
    const confirmed = await db
      .select({
        tieId: ties.id,
        on: ties.confirmedOn,
        precision: ties.confirmedPrecision,
        eventId: tieEvents.id,
        eventType: tieEvents.type,
        recorderRole: tieEvents.recorderRole,
        byDate: tieEventEffects.occurredByDate,
        sourceKind: confirmingSource.kind,
        ...summaryColumns(confirmingSource),
      })
      .from(ties)
      .innerJoin(tieEvents, eq(tieEvents.id, ties.confirmedEventId))
      .leftJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
      .leftJoin(confirmingSource, eq(confirmingSource.id, tieEventEffects.sourceId))
      .where(inArray(ties.id, chunk));
    for (const r of confirmed) {
      const on = partialDate(r.on, r.precision);
      if (!on) continue;
      result.set(r.tieId, {
        confirmed: true,
        on,
        byDate: r.byDate ?? false,
        eventId: r.eventId,
        eventType: r.eventType,
        basis: confirmationBasis({ recorderRole: r.recorderRole, sourceKind: r.sourceKind }),
        source: toSourceSummary(r),
      });
    }
    const unconfirmed = chunk.filter((id) => !result.has(id));
    if (unconfirmed.length === 0) continue;
    const listingSource = alias(sources, 'listing_source');
    const listed = await db
      .select({ tieId: tieEvents.tieId, eventId: tieEvents.id, ...summaryColumns(listingSource) })
      .from(tieEvents)
      .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
      .leftJoin(listingSource, eq(listingSource.id, tieEventEffects.sourceId))
      .where(and(inArray(tieEvents.tieId, unconfirmed), eq(tieEvents.type, 'recorded')))
      .orderBy(tieEvents.id);
    const firstListing = new Map<number, (typeof listed)[number]>();
    for (const r of listed) if (!firstListing.has(r.tieId)) firstListing.set(r.tieId, r);
    for (const id of unconfirmed) {
      const row = firstListing.get(id);
      result.set(id, { confirmed: false, listedBy: row ? toSourceSummary(row) : null });
    }
  }
  return result;
}
