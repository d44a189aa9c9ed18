import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { councils } from './councils';
import { places } from './places';
import { sources } from './sources';
import { ties } from './ties';
import { users } from './auth';

export const REVIEW_ITEM_KINDS = [
  'conflicting_claims', // two sources say different things; both are kept
  'ambiguous_claim', // a source says something that cannot be pinned to one tie or place
  'possible_duplicate_place', // an import found a name close to, but not a known alias of, a place
  'council_contact_bounced', // mail to a council's contact address bounced or was marked as spam (lib/appeals)
] as const;
/** The kinds that are about the record itself, and travel with it in the dataset format; the rest are
 * operational (a bounced contact names addresses and mail-server replies: not open data). */
export const DATASET_REVIEW_ITEM_KINDS = ['conflicting_claims', 'ambiguous_claim', 'possible_duplicate_place'] as const satisfies readonly (typeof REVIEW_ITEM_KINDS)[number][];
export const REVIEW_ITEM_STATES = ['open', 'resolved', 'dismissed'] as const;

/** Things a person must decide: never merged or guessed by code. Shown publicly where they
 * concern a tie (conflicting claims), and to organisers as a work queue. */
export const reviewItems = pgTable(
  'review_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    // Stable identity so importing the same file twice does not file the question twice.
    key: text('key').notNull().unique(),
    kind: text('kind', { enum: REVIEW_ITEM_KINDS }).notNull(),
    state: text('state', { enum: REVIEW_ITEM_STATES }).notNull().default('open'),
    summary: text('summary').notNull(),
    quote: text('quote'),
    sourceId: integer('source_id').references(() => sources.id),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    councilId: integer('council_id').references(() => councils.id, { onDelete: 'cascade' }),
    tieId: integer('tie_id').references(() => ties.id, { onDelete: 'cascade' }),
    placeId: integer('place_id').references(() => places.id, { onDelete: 'cascade' }),
    otherPlaceId: integer('other_place_id').references(() => places.id, { onDelete: 'cascade' }),
    otherTieId: integer('other_tie_id').references(() => ties.id, { onDelete: 'cascade' }),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [index('review_items_tie_idx').on(t.tieId), index('review_items_council_idx').on(t.councilId)],
);
