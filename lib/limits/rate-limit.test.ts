import { and, eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { rateLimitHits } from '../../db/schema';
import { resetEnvCache } from '../env';
import { describeEachEngine } from '../testing/test-database';
import { consume, consumeAll } from './rate-limit';
import { type RateLimitRule, rateLimitRules } from './rules';

const MINUTE = 60_000;
let n = 0;
const rule = (max: number, windowSeconds = 3600): RateLimitRule => ({ bucket: `test_${++n}`, max, windowSeconds });

describeEachEngine('rate limits', ({ db }) => {
  it('lets max requests through in a window, refuses the next with the wait, and lets one in once the oldest ages out', async () => {
    const r = rule(3);
    const t0 = new Date('2026-01-01T10:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const results = [];
    for (const minutes of [0, 10, 20, 30]) {
      results.push(await db().transaction((tx) => consume(tx, r, 'k', at(minutes))));
    }
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false]);
    // The hit at 10:00 leaves the window at 11:00: 30 minutes after the refused one.
    expect(results[3]!.retryAfterSeconds).toBe(30 * 60);
    expect((await db().transaction((tx) => consume(tx, r, 'k', at(59)))).allowed).toBe(false);
    expect((await db().transaction((tx) => consume(tx, r, 'k', at(60)))).allowed).toBe(true);
    // Another key has its own allowance.
    expect((await db().transaction((tx) => consume(tx, r, 'other', at(30)))).allowed).toBe(true);
  });

  it('does not count refused requests, and prunes the hits of a key that left the window', async () => {
    const r = rule(1);
    const t0 = new Date('2026-01-02T10:00:00Z');
    await db().transaction((tx) => consume(tx, r, 'k', t0));
    for (let i = 1; i <= 5; i++) {
      expect((await db().transaction((tx) => consume(tx, r, 'k', new Date(t0.getTime() + i * MINUTE)))).allowed).toBe(false);
    }
    const rows = () => db().select().from(rateLimitHits).where(and(eq(rateLimitHits.bucket, r.bucket), eq(rateLimitHits.key, 'k')));
    expect(await rows()).toHaveLength(1);
    await db().transaction((tx) => consume(tx, r, 'k', new Date(t0.getTime() + 61 * MINUTE)));
    const left = await rows();
    expect(left.map((h) => h.at.toISOString())).toEqual([new Date(t0.getTime() + 61 * MINUTE).toISOString()]);
  });

  it('counts a request against every limit only when all of them have room', async () => {
    const perAddress = rule(5);
    const perIp = rule(2);
    const now = new Date('2026-01-03T10:00:00Z');
    const ask = (address: string) =>
      db().transaction((tx) => consumeAll(tx, [{ rule: perAddress, key: address }, { rule: perIp, key: '192.0.2.1' }], now));
    expect((await ask('a@example.org')).allowed).toBe(true);
    expect((await ask('a@example.org')).allowed).toBe(true);
    expect((await ask('a@example.org')).allowed).toBe(false);
    const addressHits = await db()
      .select()
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, perAddress.bucket), eq(rateLimitHits.key, 'a@example.org')));
    expect(addressHits).toHaveLength(2);
  });

  it('counts a request under a key that does not enforce, without ever refusing it there', async () => {
    const counted = rule(1);
    const enforced = rule(3);
    const now = new Date('2026-01-05T10:00:00Z');
    const ask = () => db().transaction((tx) => consumeAll(tx, [{ rule: enforced, key: 'k' }, { rule: counted, key: 'k', enforce: false }], now));
    expect([(await ask()).allowed, (await ask()).allowed, (await ask()).allowed, (await ask()).allowed]).toEqual([true, true, true, false]);
    expect(await db().select().from(rateLimitHits).where(eq(rateLimitHits.bucket, counted.bucket))).toHaveLength(3);
  });

  it('makes a concurrent request wait for one that has not committed yet, so both cannot take the last slot', async () => {
    const r = rule(1);
    const now = new Date('2026-01-04T10:00:00Z');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstCounted!: () => void;
    const counted = new Promise<void>((resolve) => (firstCounted = resolve));
    const first = db().transaction(async (tx) => {
      const result = await consume(tx, r, 'race', now);
      firstCounted();
      await held; // still open: its hit is not visible to anyone else yet
      return result;
    });
    await counted;
    const second = db().transaction((tx) => consume(tx, r, 'race', now));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    expect((await first).allowed).toBe(true);
    expect((await second).allowed).toBe(false);
    expect(await db().select().from(rateLimitHits).where(eq(rateLimitHits.bucket, r.bucket))).toHaveLength(1);
  });
});

afterEach(() => {
  delete process.env.SIGN_IN_LIMIT_PER_ADDRESS;
  delete process.env.SIGN_IN_CEILING_PER_ADDRESS;
  delete process.env.SIGN_IN_LIMIT_PER_IP;
  resetEnvCache();
});

it('reads the sign-in limits from the environment, with the defaults of the issue', () => {
  resetEnvCache();
  expect(rateLimitRules().signInPerAddressFromClient).toMatchObject({ max: 5, windowSeconds: 3600 });
  expect(rateLimitRules().signInPerAddress).toMatchObject({ max: 10, windowSeconds: 3600 });
  expect(rateLimitRules().signInPerIp).toMatchObject({ max: 20, windowSeconds: 3600 });
  process.env.SIGN_IN_LIMIT_PER_ADDRESS = '2';
  process.env.SIGN_IN_CEILING_PER_ADDRESS = '4';
  process.env.SIGN_IN_LIMIT_PER_IP = '7';
  resetEnvCache();
  expect(rateLimitRules().signInPerAddressFromClient.max).toBe(2);
  expect(rateLimitRules().signInPerAddress.max).toBe(4);
  expect(rateLimitRules().signInPerIp.max).toBe(7);
});
