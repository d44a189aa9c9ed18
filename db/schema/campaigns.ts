import { char, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sources } from './sources';
import { ties } from './ties';

export const CAMPAIGN_STATES = ['draft', 'active', 'closed'] as const;
export const LETTER_DELIVERY_MODES = ['individual', 'digest'] as const;

export const campaigns = pgTable('campaigns', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameUk: text('name_uk'),
  description: text('description'),
  descriptionUk: text('description_uk'),
  state: text('state', { enum: CAMPAIGN_STATES }).notNull().default('active'),
  // The countries whose councils the campaign appeals to (ISO alpha-3).
  countries: char('countries', { length: 3 }).array().notNull().default([]),
  languages: text('languages').array().notNull().default([]), // letter languages offered
  startedOn: date('started_on'),
  // Appeals: send each letter, or one daily digest per council (lib/appeals).
  letterDelivery: text('letter_delivery', { enum: LETTER_DELIVERY_MODES }).notNull().default('individual'),
  sendingAddress: text('sending_address'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A tie can be part of several campaigns (a German city is in "Europe 2025" and a national one). */
export const campaignTies = pgTable(
  'campaign_ties',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    tieId: integer('tie_id')
      .notNull()
      .references(() => ties.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.tieId] }), index('campaign_ties_tie_idx').on(t.tieId)],
);

/** Figures a campaign reports about itself (the Transparent Cities survey: 100 cities analysed...). */
export const campaignFigures = pgTable(
  'campaign_figures',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: integer('value').notNull(),
    label: text('label').notNull(),
    labelUk: text('label_uk'),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    quote: text('quote'),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('campaign_figures_key_uq').on(t.campaignId, t.key)],
);
