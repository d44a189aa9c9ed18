import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { councils } from './councils';
import { ties } from './ties';
import { users } from './auth';

export const APPEAL_CHANNELS = ['app', 'mailto', 'print', 'pdf', 'copy'] as const;
export const APPEAL_STATES = [
  'draft',
  'awaiting_moderation',
  'rejected',
  'queued',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
] as const;

/** A letter from an activist to a council about one or more of its ties. */
export const appeals = pgTable(
  'appeals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    language: text('language').notNull(),
    channel: text('channel', { enum: APPEAL_CHANNELS }).notNull(),
    state: text('state', { enum: APPEAL_STATES }).notNull().default('draft'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    signerName: text('signer_name'),
    signerCity: text('signer_city'),
    moderatedBy: uuid('moderated_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    mailMessageId: uuid('mail_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('appeals_user_idx').on(t.userId, t.createdAt),
    index('appeals_council_idx').on(t.councilId, t.createdAt),
    // An email's appeals, found when the worker or a webhook reports on the email (lib/appeals).
    index('appeals_mail_message_idx').on(t.mailMessageId),
  ],
);

export const appealTies = pgTable(
  'appeal_ties',
  {
    appealId: integer('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    tieId: integer('tie_id')
      .notNull()
      .references(() => ties.id),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.tieId] })],
);
