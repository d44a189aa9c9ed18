import { asc, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  DATASET_REVIEW_ITEM_KINDS,
  campaignFigures,
  campaignTies,
  campaigns,
  councils,
  countryClaims,
  placeNames,
  places,
  reviewItems,
  sources,
  tieEvents,
  ties,
  users,
} from '../../db/schema';
import { formatPartialDate } from '../dates/partial-date';
import { attributionOf } from '../ties/attribution';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type EventRecord, type SourceRef, type TiePlace } from './dataset';

/**
 * The whole database as a dataset: what `npm run data:export` writes and `applyDataset` reads
 * back. Everything is in a fixed order and every value comes from the data itself, so
 * exporting, importing into an empty database and exporting again gives the same bytes.
 */
export async function exportDataset(db: Queryable): Promise<Dataset> {
  // One query after another: on a transaction (the CLI exports inside one, for a consistent
  // snapshot) queries cannot run side by side anyway.
  const sourceRows = await db.select().from(sources).orderBy(asc(sources.key));
  const placeRows = await db.select().from(places).orderBy(asc(places.slug));
  const nameRows = await db.select().from(placeNames).orderBy(asc(placeNames.id));
  const councilRows = await db.select().from(councils).orderBy(asc(councils.slug));
  const campaignRows = await db.select().from(campaigns).orderBy(asc(campaigns.slug));
  const figureRows = await db.select().from(campaignFigures).orderBy(asc(campaignFigures.position), asc(campaignFigures.id));
  const tieRows = await db.select().from(ties);
  const memberRows = await db.select().from(campaignTies);
  const eventRows = await db.select().from(tieEvents).orderBy(asc(tieEvents.tieId), asc(tieEvents.revision));
  const claimRows = await db.select().from(countryClaims).orderBy(asc(countryClaims.key));
  const reviewRows = await db.select().from(reviewItems).where(inArray(reviewItems.kind, [...DATASET_REVIEW_ITEM_KINDS])).orderBy(asc(reviewItems.key));
  const userRows = await db.select({ id: users.id, email: users.email }).from(users);

  const sourceRef = new Map<number, SourceRef>(sourceRows.map((s) => [s.id, s.url ? { url: s.url } : { seed: s.seedDocument! }]));
  const ref = (id: number | null) => (id === null ? null : (sourceRef.get(id) ?? null));
  const placeById = new Map(placeRows.map((p) => [p.id, p]));
  const slugOf = (id: number | null) => (id === null ? null : (placeById.get(id)?.slug ?? null));
  const namesOf = new Map<number, typeof nameRows>();
  for (const n of nameRows) namesOf.set(n.placeId, [...(namesOf.get(n.placeId) ?? []), n]);
  const campaignSlug = new Map(campaignRows.map((c) => [c.id, c.slug]));
  const councilSlug = new Map(councilRows.map((c) => [c.id, c.slug]));
  const email = new Map(userRows.map((u) => [u.id, u.email]));

  const tiePlace = (id: number): TiePlace => tiePlaceRecord(placeById.get(id)!, namesOf.get(id) ?? []);
  const tieById = new Map(tieRows.map((t) => [t.id, t]));
  const tieRef = (id: number | null) => {
    const t = id === null ? undefined : tieById.get(id);
    return t ? { place: slugOf(t.placeId)!, partner: slugOf(t.partnerId)! } : null;
  };

  const eventsOf = new Map<number, typeof eventRows>();
  for (const e of eventRows) eventsOf.set(e.tieId, [...(eventsOf.get(e.tieId) ?? []), e]);
  const membersOf = new Map<number, string[]>();
  for (const m of memberRows) membersOf.set(m.tieId, [...(membersOf.get(m.tieId) ?? []), campaignSlug.get(m.campaignId)!]);

  const sortedTies = [...tieRows].sort((a, b) => byText(slugOf(a.placeId)!, slugOf(b.placeId)!) || byText(slugOf(a.partnerId)!, slugOf(b.partnerId)!));

  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    sources: sourceRows.map((s) => ({
      ...(s.url ? { url: s.url } : { seed: s.seedDocument! }),
      title: s.title,
      publisher: s.publisher,
      published: s.publishedOn && s.publishedPrecision ? formatPartialDate(s.publishedOn, s.publishedPrecision) : null,
      language: s.language,
      kind: s.kind,
    })),
    places: placeRows.map((p) => ({
      slug: p.slug,
      name: p.name,
      country: p.country,
      kind: p.kind,
      parent: slugOf(p.parentId),
      region: slugOf(p.regionId),
      regionCode: p.regionCode,
      names: (namesOf.get(p.id) ?? [])
        .map((n) => ({ name: n.name, lang: n.lang, kind: n.kind }))
        .sort((a, b) => byText(a.name, b.name) || byText(a.lang, b.lang)),
      latitude: p.latitude,
      longitude: p.longitude,
    })),
    councils: councilRows.map((c) => ({
      slug: c.slug,
      place: slugOf(c.placeId)!,
      name: c.name,
      localName: c.localName,
      headName: c.headName,
      website: c.website,
      contactEmails: c.contactEmails,
      emailDomains: c.emailDomains,
      languages: c.languages,
    })),
    campaigns: campaignRows.map((c) => ({
      slug: c.slug,
      name: c.name,
      nameUk: c.nameUk,
      description: c.description,
      descriptionUk: c.descriptionUk,
      state: c.state,
      countries: c.countries,
      languages: c.languages,
      startedOn: c.startedOn,
      letterDelivery: c.letterDelivery,
      figures: figureRows
        .filter((f) => f.campaignId === c.id)
        .map((f) => ({ key: f.key, value: f.value, label: f.label, labelUk: f.labelUk, source: ref(f.sourceId)!, quote: f.quote })),
    })),
    ties: sortedTies.map((t) => ({
      place: tiePlace(t.placeId),
      partner: tiePlace(t.partnerId),
      kind: t.kind,
      agreementTitle: t.agreementTitle,
      signed: t.signedOn && t.signedPrecision ? formatPartialDate(t.signedOn, t.signedPrecision) : null,
      status: t.status,
      campaigns: [...(membersOf.get(t.id) ?? [])].sort(byText),
      events: (() => {
        const events = eventsOf.get(t.id) ?? [];
        const number = new Map(events.map((e, i) => [e.id, i + 1]));
        return events.map((e) =>
          tieEventRecord(e, ref(e.sourceId), (e.recordedBy ? email.get(e.recordedBy) : null) ?? e.recordedByLabel, {
            targetEvent: e.targetEventId === null ? null : (number.get(e.targetEventId) ?? null),
          }),
        );
      })(),
    })),
    countryClaims: claimRows.map((c) => ({
      key: c.key,
      country: c.country,
      kind: c.kind,
      date: c.occurredOn && c.occurredPrecision ? formatPartialDate(c.occurredOn, c.occurredPrecision) : null,
      source: ref(c.sourceId)!,
      quote: c.quote,
      note: c.note,
    })),
    reviewItems: reviewRows.flatMap((r) => (isDatasetKind(r.kind) ? [{ ...r, kind: r.kind }] : [])).map((r) => ({
      key: r.key,
      kind: r.kind,
      state: r.state,
      summary: r.summary,
      quote: r.quote,
      source: ref(r.sourceId),
      campaign: r.campaignId === null ? null : (campaignSlug.get(r.campaignId) ?? null),
      council: r.councilId === null ? null : (councilSlug.get(r.councilId) ?? null),
      place: slugOf(r.placeId),
      otherPlace: slugOf(r.otherPlaceId),
      tie: tieRef(r.tieId),
      otherTie: tieRef(r.otherTieId),
      details: r.details,
      resolution: r.resolution,
    })),
  };
}

/** A place as a tie names it: its name and country, and every other spelling as an alias. */
export function tiePlaceRecord(
  place: Pick<typeof places.$inferSelect, 'slug' | 'name' | 'country'>,
  names: readonly Pick<typeof placeNames.$inferSelect, 'name'>[],
): TiePlace {
  const aliases = [...new Set(names.map((n) => n.name).filter((n) => n !== place.name))].sort(byText);
  return { slug: place.slug, name: place.name, country: place.country, aliases };
}

/**
 * One event of a tie, as the dataset writes it; the caller resolves its source, who recorded it,
 * and the number of the event a correction names. Who stands behind it is written as its public
 * attribution, not as the recorder's role.
 */
export function tieEventRecord(
  e: typeof tieEvents.$inferSelect,
  source: SourceRef | null,
  recordedBy: string | null,
  more: { targetEvent?: number | null } = {},
): EventRecord {
  return {
    type: e.type,
    status: e.toStatus,
    date: e.occurredOn && e.occurredPrecision ? formatPartialDate(e.occurredOn, e.occurredPrecision) : null,
    dateIsUpperBound: e.occurredByDate,
    source,
    quote: e.quote,
    note: e.note,
    reason: e.reason,
    evidence: e.evidence ? exportEvidence(e.evidence) : null,
    // Only when set: most events have none of these.
    ...(e.sessionOn ? { sessionOn: e.sessionOn } : {}),
    ...(more.targetEvent ? { targetEvent: more.targetEvent } : {}),
    ...(e.checkResult ? { checkResult: e.checkResult } : {}),
    attribution: attributionOf({ recorderRole: e.recorderRole, source: source ? { title: source.title ?? '', publisher: source.publisher ?? null } : null }).kind,
    recordedAt: e.recordedAt.toISOString(),
    recordedBy,
  };
}

function exportEvidence(e: NonNullable<(typeof tieEvents.$inferSelect)['evidence']>): EventRecord['evidence'] {
  const out: NonNullable<EventRecord['evidence']> = {};
  if (e.decisionNumber) out.decisionNumber = e.decisionNumber;
  if (e.decisionDate) out.decisionDate = e.decisionDate;
  if (e.url) out.url = e.url;
  if (e.description) out.description = e.description;
  return out;
}

/** Plain code-point order: the same on every machine and locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The keys people look for first; the rest follow alphabetically.
const LEADING_KEYS = ['format', 'version', 'key', 'slug', 'type', 'name', 'place', 'partner', 'country', 'kind', 'status', 'date'];

/**
 * The dataset as text: two-space JSON with a fixed key order and a trailing newline, so that
 * two exports of the same data are byte-identical and diffs between exports show only what
 * changed. Nulls stay (an event's `date: null` says the source gave no date); undefined goes.
 */
export function serialiseDataset(dataset: Dataset): string {
  const top = canonical(dataset) as Record<string, unknown>;
  // The sections in the order they are applied: what a tie refers to comes before it.
  const ordered = Object.fromEntries(
    [...TOP_KEYS.filter((k) => k in top), ...Object.keys(top).filter((k) => !TOP_KEYS.includes(k))].map((k) => [k, top[k]]),
  );
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const TOP_KEYS = ['format', 'version', 'sources', 'places', 'councils', 'campaigns', 'ties', 'countryClaims', 'reviewItems'];

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => {
      const ia = LEADING_KEYS.indexOf(a);
      const ib = LEADING_KEYS.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
      return byText(a, b);
    });
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function isDatasetKind(kind: string): kind is (typeof DATASET_REVIEW_ITEM_KINDS)[number] {
  return (DATASET_REVIEW_ITEM_KINDS as readonly string[]).includes(kind);
}
