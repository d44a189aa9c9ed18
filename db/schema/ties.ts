import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, char, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { datePrecision, tieEventType, tieKind, tieStatus } from './enums';
import { places } from './places';
import { sources } from './sources';
import { users } from './auth';

/**
 * A twin/sister/partner tie between a place on a campaign's side and a partner place in
 * Russia or Belarus (for a tie between two such places, either order). One row per pair of
 * places, whichever way round: the unique index is on the unordered pair.
 */
export const ties = pgTable(
  'ties',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    placeId: integer('place_id')
      .notNull()
      .references(() => places.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => places.id),
    kind: tieKind('kind').notNull().default('unknown'),
    agreementTitle: text('agreement_title'), // the document's own name, as a source gives it
    signedOn: date('signed_on'),
    signedPrecision: datePrecision('signed_precision'),
    // The result of the tie's events; only lib/ties/fire-tie-event.ts writes it.
    status: tieStatus('status').notNull(),
    // Bumped by every event: the write path updates only the revision it read, so two
    // concurrent events on one tie can never both land.
    revision: integer('revision').notNull().default(0),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    // Derived with `status` from the effective history: the latest event that says, with a date,
    // where the tie stands (null: known only from undated lists, "listed, not confirmed").
    confirmedEventId: integer('confirmed_event_id'),
    confirmedOn: date('confirmed_on'),
    confirmedPrecision: datePrecision('confirmed_precision'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ties_pair_uq').on(sql`least(${t.placeId}, ${t.partnerId})`, sql`greatest(${t.placeId}, ${t.partnerId})`),
    index('ties_place_idx').on(t.placeId),
    index('ties_partner_idx').on(t.partnerId),
    index('ties_status_idx').on(t.status),
    check('ties_distinct_places', sql`${t.placeId} <> ${t.partnerId}`),
    check('ties_signed_pair', sql`(${t.signedOn} is null) = (${t.signedPrecision} is null)`),
    check('ties_confirmed_pair', sql`(${t.confirmedOn} is null) = (${t.confirmedPrecision} is null)`),
  ],
);

/** A council's decision as evidence. Only `url` or `fileId` let a reader see the decision
 * itself; a number or date alone is a claim, not evidence (lib/ties/lifecycle.ts). */
export type DecisionEvidence = {
  decisionNumber?: string;
  decisionDate?: string;
  /** The body that decided (the council's session, its executive committee). */
  decidedBy?: string;
  url?: string;
  fileId?: string;
  description?: string;
};

/** Who stood behind an event when it was recorded, for its public attribution
 * (lib/ties/attribution.ts): the role of the person or process that recorded it. */
export const RECORDER_ROLES = ['import', 'organiser', 'admin', 'council_staff', 'appeal_flow', 'writer'] as const;
export type RecorderRole = (typeof RECORDER_ROLES)[number];
export const CHECK_RESULTS = ['listed', 'not_listed'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** Append-only: what happened to a tie, when, who recorded it, and on what authority. */
export const tieEvents = pgTable(
  'tie_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    tieId: integer('tie_id')
      .notNull()
      .references(() => ties.id, { onDelete: 'cascade' }),
    type: tieEventType('type').notNull(),
    fromStatus: tieStatus('from_status'), // null for the event that records the tie
    toStatus: tieStatus('to_status').notNull(),
    revision: integer('revision').notNull(), // the tie's revision this event produced
    // When it happened in the world; partial dates keep their precision ("March 2025").
    occurredOn: date('occurred_on'),
    occurredPrecision: datePrecision('occurred_precision'),
    occurredByDate: boolean('occurred_by_date').notNull().default(false), // "on or before" that date
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByLabel: text('recorded_by_label'), // for the seed and CLI imports: who ran it
    sourceId: integer('source_id').references(() => sources.id),
    quote: text('quote'), // the words of the source that carry this fact
    evidence: jsonb('evidence').$type<DecisionEvidence>(),
    note: text('note'),
    reason: text('reason'), // required for corrections, withdrawals and amendments
    // For `withdrawn` and `amended`: the earlier event of the same tie they correct.
    targetEventId: integer('target_event_id').references((): AnyPgColumn => tieEvents.id),
    // For `vote_scheduled` (and any pledge naming one): the session that will vote.
    sessionOn: date('session_on'),
    recorderRole: text('recorder_role', { enum: RECORDER_ROLES }).notNull().default('import'),
    // For `checked`: what the person found where they looked (the event's source).
    checkResult: text('check_result', { enum: CHECK_RESULTS }),
  },
  (t) => [
    index('tie_events_target_idx').on(t.targetEventId),
    check('tie_events_target_kind', sql`(${t.targetEventId} is null) = (${t.type}::text not in ('withdrawn', 'amended'))`),
    check('tie_events_check_kind', sql`(${t.checkResult} is null) = (${t.type}::text <> 'checked')`),
    uniqueIndex('tie_events_revision_uq').on(t.tieId, t.revision),
    index('tie_events_recorded_idx').on(t.recordedAt),
    // The feed and "latest changes": newest in the world first.
    index('tie_events_occurred_idx').on(t.occurredOn.desc().nullsLast(), t.recordedAt.desc()),
    index('tie_events_source_idx').on(t.sourceId),
    check('tie_events_occurred_pair', sql`(${t.occurredOn} is null) = (${t.occurredPrecision} is null)`),
  ],
);

/**
 * A tie's effective history, one row per event: derived from `tie_events` by the one function
 * that reads a history (lib/ties/effective-history.ts) and rewritten for the whole tie by the
 * write path in the transaction that appends an event (lib/ties/tie-history-store.ts). Every
 * public reader (status changes, feed, stats, timelines, API, CSV) reads events through it, so a
 * withdrawn or amended event changes all of them at once. `tie_events` itself stays append-only.
 */
export const tieEventEffects = pgTable(
  'tie_event_effects',
  {
    eventId: integer('event_id')
      .primaryKey()
      .references(() => tieEvents.id, { onDelete: 'cascade' }),
    tieId: integer('tie_id')
      .notNull()
      .references(() => ties.id, { onDelete: 'cascade' }),
    // Position in the effective history: when it happened, then when it was recorded.
    position: integer('position').notNull(),
    // Does it count (status, stats, feed)? No when withdrawn, when it is itself a correction of
    // another event, or when after a withdrawal it no longer fits where the tie then stood.
    counts: boolean('counts').notNull(),
    withdrawnBy: integer('withdrawn_by'),
    amendedBy: integer('amended_by'),
    fromStatus: tieStatus('from_status'),
    toStatus: tieStatus('to_status').notNull(),
    occurredOn: date('occurred_on'),
    occurredPrecision: datePrecision('occurred_precision'),
    occurredByDate: boolean('occurred_by_date').notNull().default(false),
    sourceId: integer('source_id').references(() => sources.id),
  },
  (t) => [
    index('tie_event_effects_tie_idx').on(t.tieId, t.position),
    index('tie_event_effects_occurred_idx').on(t.occurredOn.desc().nullsLast()),
    index('tie_event_effects_source_idx').on(t.sourceId),
  ],
);

/**
 * A claim about every tie of one country's places ("Latvia, Lithuania, Estonia and Finland did so
 * in 2022"; "Poland urged its cities to end such ties"). Shown on each tie it covers as a claim
 * not yet confirmed for that council; it moves no status.
 */
export const COUNTRY_CLAIM_KINDS = ['ended', 'urged'] as const;
export type CountryClaimKind = (typeof COUNTRY_CLAIM_KINDS)[number];
export const countryClaims = pgTable(
  'country_claims',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull().unique(),
    country: char('country', { length: 3 }).notNull(),
    kind: text('kind', { enum: COUNTRY_CLAIM_KINDS }).notNull(),
    occurredOn: date('occurred_on'),
    occurredPrecision: datePrecision('occurred_precision'),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    quote: text('quote').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('country_claims_country_idx').on(t.country)],
);

/**
 * How far the public data has moved: one row, its counters moved by database triggers (migration
 * 0003_public_data_version) in every transaction that writes a table the public pages read, from
 * whichever process (the app, `npm run data:import`, the worker, psql). Readers compare it to know
 * whether what they cached is still current (lib/cache/public-data-version.ts). `epoch` is new
 * whenever the database is created, so counters of two databases are never confused.
 */
export const publicDataVersion = pgTable(
  'public_data_version',
  {
    id: smallint('id').primaryKey().default(1),
    epoch: uuid('epoch').notNull().defaultRandom(),
    // Every change to public data.
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    // Only changes to places, their names and countries: what the tracker's sort keys depend on.
    namesVersion: bigint('names_version', { mode: 'number' }).notNull().default(0),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('public_data_version_one_row', sql`${t.id} = 1`)],
);

/**
 * Each place's position in the tracker's orders, per locale: by its name in that locale, and by
 * its country (in the locale's alphabet, either way round) then its name. Ranks, so equal names
 * share one. Derived data: rebuilt by lib/ties/search-ties.ts whenever names_version has moved
 * since `place_sort_state` says it was built, so a tracker page walks an index instead of
 * sorting every match in a collation.
 */
export const placeSortKeys = pgTable(
  'place_sort_keys',
  {
    locale: text('locale').notNull(),
    placeId: integer('place_id').notNull(),
    country: char('country', { length: 3 }).notNull(),
    byName: integer('by_name').notNull(),
    byCountry: integer('by_country').notNull(),
    byCountryDesc: integer('by_country_desc').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.locale, t.placeId] }),
    index('place_sort_keys_by_name_idx').on(t.locale, t.byName),
    index('place_sort_keys_by_country_idx').on(t.locale, t.byCountry),
    index('place_sort_keys_by_country_desc_idx').on(t.locale, t.byCountryDesc),
    index('place_sort_keys_country_idx').on(t.locale, t.country, t.byCountry),
  ],
);

/** Which names_version (of which database epoch) each locale's sort keys were built from. */
export const placeSortState = pgTable('place_sort_state', {
  locale: text('locale').primaryKey(),
  epoch: uuid('epoch').notNull(),
  namesVersion: bigint('names_version', { mode: 'number' }).notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
