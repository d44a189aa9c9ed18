import { sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/test-database';
import { claimSendSlot, createSendThrottle, nextSlotAt, pushBackSlots } from './throttle';

/** The slots (database time, ms) that `count` callers, spread over `throttles`, were given. */
async function admissions(throttles: ReturnType<typeof createSendThrottle>[], count: number): Promise<number[]> {
  const times = await Promise.all(Array.from({ length: count }, (_, i) => throttles[i % throttles.length]!.acquire()));
  return times.sort((a, b) => a - b);
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describeEachEngine('send throttle', ({ db }) => {
  beforeEach(async () => {
    await db().execute(sql`UPDATE mail_send_slots SET next_slot_at = clock_timestamp() - interval '1 second' WHERE id = 1`);
  });

  it('gives a due slot, then says how long until the next', async () => {
    expect(await claimSendSlot(db(), 4)).toMatchObject({ claimed: true, at: expect.any(Number) });
    const refused = await claimSendSlot(db(), 4);
    expect(refused.claimed).toBe(false);
    if (!refused.claimed) {
      expect(refused.waitMs).toBeGreaterThan(150);
      expect(refused.waitMs).toBeLessThanOrEqual(251);
    }
  });

  it('refuses a rate that is not positive', async () => {
    await expect(claimSendSlot(db(), 0)).rejects.toThrow(/positive/);
  });

  it('spaces two competing senders (two processes) by 1/rate between them', async () => {
    const rate = 40;
    const times = await admissions([createSendThrottle(db(), rate), createSendThrottle(db(), rate)], 16);
    expect(times).toHaveLength(16);
    // Exact by construction: a slot is taken no earlier than the previous one plus 1/rate.
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(1000 / rate - 0.01);
  });

  it("keeps one process's senders 1/rate apart by its own clock as well", async () => {
    const throttle = createSendThrottle(db(), 25);
    const local: number[] = [];
    await Promise.all(Array.from({ length: 8 }, () => throttle.acquire().then(() => local.push(performance.now()))));
    // The guard against a busy process acting late on one slot and at once on the next.
    expect(Math.min(...gaps(local.sort((a, b) => a - b)))).toBeGreaterThanOrEqual(40 - 1);
  });

  it('at 2 per second, lets one sender through every half second', async () => {
    const times = await admissions([createSendThrottle(db(), 2)], 3);
    for (const gap of gaps(times)) {
      expect(gap).toBeGreaterThanOrEqual(500 - 0.01);
      expect(gap).toBeLessThan(800);
    }
  });

  it("holds everyone, waiting senders included, until a Retry-After has passed", async () => {
    const throttle = createSendThrottle(db(), 20);
    const first = await throttle.acquire();
    // The second sender is already waiting for its slot when the provider says "after 1 s".
    const waiting = throttle.acquire();
    await pushBackSlots(db(), 1);
    expect((await waiting) - first).toBeGreaterThanOrEqual(1000);
  });

  it('never pulls the slot earlier', async () => {
    await pushBackSlots(db(), 2);
    const pushed = await nextSlotAt(db());
    await pushBackSlots(db(), 0.5);
    expect((await nextSlotAt(db())).getTime()).toBe(pushed.getTime());
  });

  it('stops a waiting sender whose job was taken away, and serves the next one', async () => {
    const throttle = createSendThrottle(db(), 2);
    await throttle.acquire();
    const controller = new AbortController();
    const abandoned = throttle.acquire(controller.signal);
    const next = throttle.acquire();
    controller.abort(new Error('claim lost'));
    await expect(abandoned).rejects.toThrow('claim lost');
    await expect(next).resolves.toEqual(expect.any(Number));
  });
});
