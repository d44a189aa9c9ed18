import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { councils } from './councils';
import { users } from './auth';

/** Roles beyond "activist" (which every signed-in person with a confirmed address holds). */
export const MEMBERSHIP_ROLES = ['admin', 'organiser', 'council_staff'] as const;
export const MEMBERSHIP_STATES = ['pending', 'active', 'revoked'] as const;

export const memberships = pgTable(
  'memberships',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    councilId: integer('council_id').references(() => councils.id, { onDelete: 'cascade' }),
    // A staff claim is pending until an organiser approves it; invitations start active.
    state: text('state', { enum: MEMBERSHIP_STATES }).notNull().default('pending'),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'), // why a claim was rejected or a membership revoked
  },
  (t) => [
    uniqueIndex('memberships_uq').on(t.userId, t.role, sql`coalesce(${t.campaignId}, 0)`, sql`coalesce(${t.councilId}, 0)`),
    index('memberships_user_idx').on(t.userId),
    check(
      'memberships_target',
      sql`(${t.role} = 'admin' and ${t.campaignId} is null and ${t.councilId} is null)
       or (${t.role} = 'organiser' and ${t.campaignId} is not null and ${t.councilId} is null)
       or (${t.role} = 'council_staff' and ${t.councilId} is not null and ${t.campaignId} is null)`,
    ),
  ],
);

/** An invitation by email: grants the membership when that address first signs in. */
export const invitations = pgTable(
  'invitations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    email: text('email').notNull(),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    councilId: integer('council_id').references(() => councils.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invitations_email_idx').on(t.email)],
);
