import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const MAIL_KINDS = ['sign_in', 'appeal', 'appeal_digest', 'notification', 'invitation'] as const;
export const MAIL_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;

/**
 * The outbox: every email is a row written in the same transaction as the change that causes
 * it. The row id is the provider's idempotency key, so a retried send is never a second email.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    state: text('state', { enum: MAIL_STATES }).notNull().default('queued'),
    fromAddress: text('from_address').notNull(),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default([]),
    replyTo: text('reply_to'),
    // Extra headers the provider sends as given (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058).
    headers: jsonb('headers').$type<Record<string, string>>(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    provider: text('provider', { enum: ['resend', 'dev_mailbox'] }), // who took it, once sent
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }), // after the last retry; an admin may retry it
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // When the secret the message carries (a sign-in link) stops working; its tokens are removed
    // from html and text once it is sent, or at this time (lib/mail/secrets.ts), and this is cleared.
    secretExpiresAt: timestamp('secret_expires_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_state_idx').on(t.state, t.createdAt),
    index('mail_messages_provider_idx').on(t.providerMessageId),
    index('mail_messages_secret_idx').on(t.secretExpiresAt).where(sql`${t.secretExpiresAt} is not null`),
  ],
);

/** Addresses that bounced or complained: nothing is sent to them again until an organiser clears it. */
export const emailSuppressions = pgTable('email_suppressions', {
  address: text('address').primaryKey(),
  reason: text('reason', { enum: ['bounce', 'complaint', 'manual'] }).notNull(),
  detail: text('detail'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Provider webhooks already applied, by their delivery id: each is applied once. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Sliding-window counters for rate limits (sign-in links, appeals); lib/limits owns the rules. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_hits_lookup_idx').on(t.bucket, t.key, t.at)],
);

/**
 * One row: the next moment the provider may be called. Each sender reserves a slot with one
 * UPDATE (next_slot_at = greatest(next_slot_at, now()) + interval), so the provider's rate holds
 * across every worker process, and a 429's retry-after pushes the slot for everyone.
 */
export const mailSendSlots = pgTable('mail_send_slots', {
  id: integer('id').primaryKey(),
  nextSlotAt: timestamp('next_slot_at', { withTimezone: true }).notNull().defaultNow(),
});
