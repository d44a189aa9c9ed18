import { and, count, desc, eq, gte, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '../../db/client';
import { type APPEAL_STATES, appeals, mailMessages, memberships } from '../../db/schema';
import { fail } from '../auth/action';
import { env } from '../env';
import { type RateLimitResult, consumeAll } from '../limits/rate-limit';
import { rateLimitRules } from '../limits/rules';

/**
 * The appeal rules, in one place: how often a person may write (the rate ladder, counted in
 * lib/limits), how often to the same council, whose letters an organiser reads first, how many
 * letters one council gets from the app in a day before the rest wait for the daily digest, and
 * which appeals the public counters count. The numbers operators may change come from the
 * environment (lib/env.ts), read on each use.
 */
export type AppealState = (typeof APPEAL_STATES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

export function appealRules() {
  const e = env();
  const limits = rateLimitRules();
  return {
    /** Every appeal a person makes (sent by the app or recorded as sent elsewhere) climbs this ladder. */
    ladder: [limits.appealBurst, limits.appealHourly, limits.appealDaily],
    /** One appeal per person per council in this many days. */
    oncePerCouncilDays: 30,
    /** Individual letters the app sends one council per UTC day; later ones go in the digest. */
    councilDailyCap: e.COUNCIL_DAILY_CAP,
    /** A person's first N appeals wait for an organiser. */
    appealsBeforeTrust: e.APPEALS_BEFORE_TRUST,
    /** The daily digest goes out at this hour, UTC (late in the European day, so "today" is true). */
    digestHourUtc: 18,
  };
}

/**
 * Appeals that hold the council for the person (the 30-day rule): waiting, on their way, or
 * arrived. A rejected appeal, a bounced or failed one never reached the council, so the person
 * may write again at once.
 */
export const HOLDS_COUNCIL_STATES = ['awaiting_moderation', 'queued', 'sent', 'delivered', 'complained'] as const satisfies readonly AppealState[];

/**
 * What the public counters count: appeals on their way or arrived, including the ones a person
 * sent themselves and confirmed (recorded as `sent`). Not drafts, not rejected ones, not ones
 * still waiting for an organiser.
 */
export const COUNTED_STATES = ['queued', 'sent', 'delivered'] as const satisfies readonly AppealState[];

/** Serialises one person's appeals, so two at once cannot both pass the 30-day rule. */
export async function lockPersonAppeals(tx: Transaction, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`appeal_person:${userId}`}))`);
}

/** Serialises the letters to one council, so two senders cannot both take the last slot under the cap. */
export async function lockCouncilLetters(tx: Transaction, councilId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`appeal_council:${councilId}`}))`);
}

/**
 * The rate ladder against one more appeal. Must run in the appeal's transaction: a refused or
 * rolled-back appeal counts against nothing.
 */
export function consumeAppealAllowance(tx: Transaction, userId: string, now: Date): Promise<RateLimitResult> {
  return consumeAll(
    tx,
    appealRules().ladder.map((rule) => ({ rule, key: userId })),
    now,
  );
}

/**
 * When this person may next write to this council: null when they may now. The rule is one
 * appeal per council in 30 days, counted from the last one that holds it.
 */
export async function councilOpensAgainAt(db: Queryable, userId: string, councilId: number, now: Date): Promise<Date | null> {
  const windowMs = appealRules().oncePerCouncilDays * DAY_MS;
  const [last] = await db
    .select({ createdAt: appeals.createdAt })
    .from(appeals)
    .where(
      and(
        eq(appeals.userId, userId),
        eq(appeals.councilId, councilId),
        inArray(appeals.state, [...HOLDS_COUNCIL_STATES]),
        gte(appeals.createdAt, new Date(now.getTime() - windowMs)),
      ),
    )
    .orderBy(desc(appeals.createdAt))
    .limit(1);
  return last ? new Date(last.createdAt.getTime() + windowMs) : null;
}

/**
 * Must an organiser read this person's next appeal before it goes out? Yes until N of their
 * appeals have been approved (APPEALS_BEFORE_TRUST). Organisers and admins answer for the
 * campaign already, so theirs go out at once. Appeals sent elsewhere and only recorded here
 * prove nothing about what the app would send, so they do not count.
 */
export async function needsModeration(db: Queryable, userId: string): Promise<boolean> {
  const trustAfter = appealRules().appealsBeforeTrust;
  if (trustAfter === 0) return false;
  const [privileged] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.state, 'active'), inArray(memberships.role, ['organiser', 'admin'])))
    .limit(1);
  if (privileged) return false;
  const [approved] = await db
    .select({ n: count() })
    .from(appeals)
    .where(
      and(
        eq(appeals.userId, userId),
        // Letters sent by the app and letters reported as sent elsewhere pass the same moderation.
        isNotNull(appeals.moderatedBy),
        notInArray(appeals.state, ['awaiting_moderation', 'rejected']),
      ),
    );
  return (approved?.n ?? 0) < trustAfter;
}

/** Midnight UTC of `now`'s day: the council cap counts letters from then. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Has the app already sent this council its individual letters for today (UTC)? */
export async function councilCapReached(db: Queryable, councilId: number, now: Date): Promise<boolean> {
  const cap = appealRules().councilDailyCap;
  const [sent] = await db
    .select({ n: count() })
    .from(appeals)
    .innerJoin(mailMessages, eq(mailMessages.id, appeals.mailMessageId))
    .where(and(eq(appeals.councilId, councilId), eq(mailMessages.kind, 'appeal'), gte(mailMessages.createdAt, utcDayStart(now))));
  return (sent?.n ?? 0) >= cap;
}

/**
 * The limits every appeal passes, in its own transaction, before anything is written: one per
 * council in 30 days (`conflict`, with `retryAfterSeconds` until the day it opens again and the
 * date in the message), then the rate ladder (`rate_limited`, with `retryAfterSeconds`). A
 * refused appeal leaves nothing behind, and counts against no limit.
 */
export async function enforceAppealLimits(tx: Transaction, userId: string, councilId: number, now: Date): Promise<void> {
  await lockPersonAppeals(tx, userId);
  const opensAt = await councilOpensAgainAt(tx, userId, councilId, now);
  if (opensAt) {
    fail('conflict', `You have already written to this council in the last ${appealRules().oncePerCouncilDays} days. You can write to it again from ${opensAt.toISOString().slice(0, 10)}.`, {
      retryAfterSeconds: Math.max(1, Math.ceil((opensAt.getTime() - now.getTime()) / 1000)),
    });
  }
  const allowance = await consumeAppealAllowance(tx, userId, now);
  if (!allowance.allowed) {
    fail('rate_limited', `You have sent several appeals in a short time. You can send the next one in ${waitInWords(allowance.retryAfterSeconds)}.`, {
      retryAfterSeconds: allowance.retryAfterSeconds,
    });
  }
}

/** The next daily digest after `now`. */
export function nextDigestAt(now: Date): Date {
  const today = new Date(utcDayStart(now).getTime() + appealRules().digestHourUtc * 60 * 60 * 1000);
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + DAY_MS);
}

/** For logs and the action's message; pages word it from `retryAfterSeconds`. */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
