import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { councils } from './councils';
import { tieEvents } from './ties';
import { users } from './auth';

/**
 * Who hears when a council's ties change status (lib/notifications): the activists who wrote to
 * it (a row made for them when the first change is announced; `writer`), and anyone who followed
 * the council by email and confirmed it by the link (`follower`). One row per council and
 * address; unsubscribing keeps the row (so a writer is not subscribed again) with
 * unsubscribed_at set. The unsubscribe token is the one-click link's key (RFC 8058).
 */
export const SUBSCRIPTION_KINDS = ['writer', 'follower'] as const;
export const councilSubscriptions = pgTable(
  'council_subscriptions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    locale: text('locale').notNull(),
    kind: text('kind', { enum: SUBSCRIPTION_KINDS }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** sha256 of the confirmation link's token; null for writers (their letter was the proof). */
    confirmTokenHash: text('confirm_token_hash'),
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('council_subscriptions_uq').on(t.councilId, sql`lower(${t.email})`), index('council_subscriptions_confirm_idx').on(t.confirmTokenHash)],
);

/** One status change to announce to one subscriber; `mail_message_id` once it went out in a mail. */
export const statusChangeNotices = pgTable(
  'status_change_notices',
  {
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => councilSubscriptions.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => tieEvents.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    mailMessageId: uuid('mail_message_id'),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.eventId] }), index('status_change_notices_pending_idx').on(t.mailMessageId, t.createdAt)],
);

/** How far the notification scan has read tie_events (by recorded_at), per scan. */
export const notificationScans = pgTable('notification_scans', {
  name: text('name').primaryKey(),
  scannedUntil: timestamp('scanned_until', { withTimezone: true }).notNull(),
});
