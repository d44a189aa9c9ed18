import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { mailSendSlots } from '../../db/schema';

/**
 * One rate for every sender in every process: the single mail_send_slots row holds the moment
 * the provider may next be called. A sender takes the slot only when it is due, moving it one
 * interval (1/rate s) on, in one UPDATE; the row lock makes two senders take turns. Nobody holds
 * a slot in the future, so when a 429 says "retry after N s", pushing the row N s on stops every
 * sender at once, including ones that were already waiting.
 *
 * Times are the database's (clock_timestamp()), so hosts whose clocks differ share one schedule.
 */

/** `at`: when the slot was taken, in epoch milliseconds by the database's clock. */
export type SlotClaim = { claimed: true; at: number } | { claimed: false; waitMs: number };

/** Takes the send slot if it is due; otherwise says how long until it is. */
export async function claimSendSlot(db: Queryable, ratePerSecond: number): Promise<SlotClaim> {
  if (!(ratePerSecond > 0)) throw new Error(`The send rate must be positive, not ${ratePerSecond}`);
  const interval = 1 / ratePerSecond;
  // The outer SELECT reads the row as it was before the UPDATE: a claim sees a due slot (wait 0);
  // a refusal sees when the slot is due. A claim that lost the race to a concurrent one sees the
  // old, due slot too, and simply asks again.
  const result = await db.execute(sql`
    WITH claim AS (
      UPDATE mail_send_slots
      SET next_slot_at = clock_timestamp() + make_interval(secs => ${interval}::float8)
      WHERE id = 1 AND next_slot_at <= clock_timestamp()
      RETURNING extract(epoch FROM next_slot_at) * 1000 - ${interval * 1000}::float8 AS at
    )
    SELECT (SELECT at FROM claim)::float8 AS at,
      greatest(0, extract(epoch FROM s.next_slot_at - clock_timestamp()) * 1000)::float8 AS wait_ms
    FROM mail_send_slots s
    WHERE s.id = 1
  `);
  const row = rowsOf<{ at: number | string | null; wait_ms: number | string }>(result)[0];
  if (!row) throw new Error('mail_send_slots has no row 1 (migration 0002 inserts it)');
  return row.at !== null ? { claimed: true, at: Number(row.at) } : { claimed: false, waitMs: Math.max(1, Math.ceil(Number(row.wait_ms))) };
}

/** Nobody sends before `seconds` from now (a provider's Retry-After). Never pulls the slot earlier. */
export async function pushBackSlots(db: Queryable, seconds: number): Promise<void> {
  await db.execute(sql`
    UPDATE mail_send_slots
    SET next_slot_at = greatest(next_slot_at, clock_timestamp() + make_interval(secs => ${Math.max(0, seconds)}::float8))
    WHERE id = 1
  `);
}

/** When the next slot is due, by the database's clock (for tests and the admin page). */
export async function nextSlotAt(db: Queryable): Promise<Date> {
  const [row] = await db.select({ at: mailSendSlots.nextSlotAt }).from(mailSendSlots).where(eq(mailSendSlots.id, 1));
  if (!row) throw new Error('mail_send_slots has no row 1');
  return row.at;
}

export type SendThrottle = {
  /**
   * Resolves when this caller may call the provider, with the slot's time (epoch ms, database
   * clock); rejects if `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<number>;
};

/**
 * The senders of one process queue here in order, and only the one at the front asks the
 * database, so a batch of twenty waiting jobs costs one query per slot, not twenty.
 *
 * The database spaces the slots exactly; a busy process may still be slow to act on one (the
 * answer to the claim waits behind other work) and then act on the next at once. So a process
 * also keeps its own senders 1/rate apart by its own clock: the provider never sees two of its
 * requests closer than that.
 */
export function createSendThrottle(db: Queryable, ratePerSecond: number): SendThrottle {
  const intervalMs = 1000 / ratePerSecond;
  let tail: Promise<unknown> = Promise.resolve();
  let lastAdmittedAt = -Infinity;
  return {
    acquire(signal) {
      const turn = tail.then(async () => {
        const sinceLast = performance.now() - lastAdmittedAt;
        if (sinceLast < intervalMs) await sleep(intervalMs - sinceLast, signal);
        const at = await waitForSlot(db, ratePerSecond, signal);
        lastAdmittedAt = performance.now();
        return at;
      });
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}

async function waitForSlot(db: Queryable, ratePerSecond: number, signal?: AbortSignal): Promise<number> {
  for (;;) {
    signal?.throwIfAborted();
    const claim = await claimSendSlot(db, ratePerSecond);
    if (claim.claimed) return claim.at;
    await sleep(claim.waitMs, signal);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** drizzle's execute answers { rows } on PGlite and an array on postgres.js. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
