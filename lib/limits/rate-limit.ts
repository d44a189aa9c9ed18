import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { rateLimitHits } from '../../db/schema';
import type { RateLimitRule } from './rules';

export type RateLimitCheck = {
  rule: RateLimitRule;
  key: string;
  /** false: the request is counted under this key but never refused by it (default true). */
  enforce?: boolean;
};
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

function lockName({ rule, key }: RateLimitCheck): string {
  return `rate_limit:${rule.bucket}:${key}`;
}

/**
 * One request against several limits at once (a sign-in link counts against its address and
 * its client IP): it passes only if every limit has room, and then counts against each. A
 * refused request counts against none, so a flood on one key cannot use up another key's
 * allowance, and a person who waits gets back in when their own earlier requests age out.
 *
 * Sliding window over rate_limit_hits. Each (bucket, key) is serialised with a transaction-level
 * advisory lock (lockRateLimitKeys), so two concurrent requests cannot both see the last free
 * slot. Must run in the transaction of the work it guards: if that rolls back, the hits go with it.
 */
export async function consumeAll(tx: Transaction, checks: readonly RateLimitCheck[], now: Date): Promise<RateLimitResult> {
  await lockRateLimitKeys(tx, checks);

  let retryAfterSeconds = 0;
  for (const check of checks) {
    const { rule } = check;
    const hits = await liveHits(tx, check, now);
    if (check.enforce !== false && hits.length >= rule.max) {
      // Room opens when enough of the oldest hits have aged out to leave max - 1.
      const freedAt = hits[hits.length - rule.max]!.at.getTime() + rule.windowSeconds * 1000;
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((freedAt - now.getTime()) / 1000));
    }
  }
  if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
  if (checks.length > 0) {
    await tx.insert(rateLimitHits).values(checks.map(({ rule, key }) => ({ bucket: rule.bucket, key, at: now })));
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Serialises requests on these keys until the transaction ends (taken in a fixed order, so
 * requests sharing keys never wait on each other in a cycle). consumeAll takes them itself; a
 * caller that reads a key's hits before choosing its checks takes them first, for every check it
 * will pass (they nest; a subset first would break the order).
 */
export async function lockRateLimitKeys(tx: Transaction, checks: readonly RateLimitCheck[]): Promise<void> {
  const locks = [...new Set(checks.map(lockName))].sort();
  for (const name of locks) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/** The hits of a key still in its window, oldest first; hits that left it are deleted. */
export async function liveHits(tx: Transaction, { rule, key }: RateLimitCheck, now: Date): Promise<{ at: Date }[]> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const ofThisKey = and(eq(rateLimitHits.bucket, rule.bucket), eq(rateLimitHits.key, key));
  // Hits that left the window are of no further use: each key keeps only its live ones.
  await tx.delete(rateLimitHits).where(and(ofThisKey, lte(rateLimitHits.at, windowStart)));
  return tx
    .select({ at: rateLimitHits.at })
    .from(rateLimitHits)
    .where(and(ofThisKey, gt(rateLimitHits.at, windowStart)))
    .orderBy(asc(rateLimitHits.at));
}

/** One request against one limit. */
export function consume(tx: Transaction, rule: RateLimitRule, key: string, now: Date): Promise<RateLimitResult> {
  return consumeAll(tx, [{ rule, key }], now);
}
