import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, placeNames, places, sources, tieEvents, ties } from '../../db/schema';
import { formatPartialDate } from '../dates/partial-date';
import type { EventRecord, SourceRef, TieRecord } from '../import/dataset';
import { tieEventRecord, tiePlaceRecord } from '../import/export-dataset';
import { publicEventsCondition } from '../people/public-content';

/**
 * A tie as the open-data API gives it: the dataset's tie record (lib/import/dataset.ts, built by
 * the exporter's own functions), plus its id and council, with each event's source written out
 * in full so a reader needs no second request. Two things of the export stay out: who recorded
 * an event (it may be a person's email address) and draft campaigns (they are not public).
 */
export type PublicEventRecord = Omit<EventRecord, 'recordedBy'>;
export type PublicTieRecord = { id: number; council: string | null } & Omit<TieRecord, 'events'> & { events: PublicEventRecord[] };

/** The records of these ties, in the order of `tieIds`. Five queries whatever their number. */
export async function publicTieRecords(db: Queryable, tieIds: readonly number[]): Promise<PublicTieRecord[]> {
  if (tieIds.length === 0) return [];
  const ids = [...new Set(tieIds)];
  const tieRows = await db
    .select({ tie: ties, council: councils.slug })
    .from(ties)
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    .where(inArray(ties.id, ids));
  const placeIds = [...new Set(tieRows.flatMap((r) => [r.tie.placeId, r.tie.partnerId]))];

  const [placeRows, nameRows, eventRows, memberRows] = await Promise.all([
    db.select({ id: places.id, slug: places.slug, name: places.name, country: places.country }).from(places).where(inArray(places.id, placeIds)),
    db
      .select({ placeId: placeNames.placeId, name: placeNames.name })
      .from(placeNames)
      .where(inArray(placeNames.placeId, placeIds))
      .orderBy(asc(placeNames.id)),
    db
      .select({ event: tieEvents, source: sources })
      .from(tieEvents)
      .leftJoin(sources, eq(sources.id, tieEvents.sourceId))
      .where(and(inArray(tieEvents.tieId, ids), publicEventsCondition()))
      .orderBy(asc(tieEvents.tieId), asc(tieEvents.revision)),
    db
      .select({ tieId: campaignTies.tieId, slug: campaigns.slug })
      .from(campaignTies)
      .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
      .where(and(inArray(campaignTies.tieId, ids), ne(campaigns.state, 'draft'))),
  ]);

  const placeById = new Map(placeRows.map((p) => [p.id, p]));
  const namesOf = groupBy(nameRows, (n) => n.placeId);
  const eventsOf = groupBy(eventRows, (e) => e.event.tieId);
  const campaignsOf = groupBy(memberRows, (m) => m.tieId);
  const tiePlace = (id: number) => tiePlaceRecord(placeById.get(id)!, namesOf.get(id) ?? []);

  const byId = new Map(
    tieRows.map(({ tie: t, council }): [number, PublicTieRecord] => [
      t.id,
      {
        id: t.id,
        council,
        place: tiePlace(t.placeId),
        partner: tiePlace(t.partnerId),
        kind: t.kind,
        agreementTitle: t.agreementTitle,
        signed: t.signedOn && t.signedPrecision ? formatPartialDate(t.signedOn, t.signedPrecision) : null,
        status: t.status,
        campaigns: (campaignsOf.get(t.id) ?? []).map((m) => m.slug).sort(),
        events: (eventsOf.get(t.id) ?? []).map(({ event, source }) => withoutRecorder(tieEventRecord(event, source ? sourceInFull(source) : null, null))),
      },
    ]),
  );
  return tieIds.flatMap((id) => byId.get(id) ?? []);
}

function withoutRecorder(record: EventRecord): PublicEventRecord {
  const copy = { ...record };
  delete copy.recordedBy;
  return copy;
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
