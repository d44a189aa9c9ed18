import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, sessions } from '../../db/schema';
import { resetEnvCache } from '../env';
import { type MailQueue, startQueue } from '../mail/queue';
import { createUser } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { authTestClient } from './auth-test-client';
import { SESSION_POLICY, loadSession, sessionEndReason } from './session';

const APP = 'http://localhost:3000';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('the session policy', () => {
  it('keeps the numbers of the issue', () => {
    expect(SESSION_POLICY.privilegedIdleSeconds).toBe(30 * 60);
    expect(SESSION_POLICY.privilegedAbsoluteSeconds).toBe(12 * 60 * 60);
    expect(SESSION_POLICY.maxAgeSeconds).toBe(30 * 24 * 60 * 60);
  });

  it('ends a staff or organiser session after 30 minutes idle or 12 hours in all, an activist one only when it expires', () => {
    const live = { expires: new Date(NOW.getTime() + DAY), createdAt: ago(HOUR), lastSeenAt: ago(29 * MINUTE) };
    expect(sessionEndReason(live, true, NOW)).toBeNull();
    expect(sessionEndReason({ ...live, lastSeenAt: ago(31 * MINUTE) }, true, NOW)).toBe('idle');
    expect(sessionEndReason({ ...live, createdAt: ago(12 * HOUR + MINUTE), lastSeenAt: ago(MINUTE) }, true, NOW)).toBe('too_old');
    expect(sessionEndReason({ ...live, lastSeenAt: ago(31 * MINUTE), createdAt: ago(29 * DAY) }, false, NOW)).toBeNull();
    expect(sessionEndReason({ ...live, expires: ago(1) }, false, NOW)).toBe('expired');
  });
});

describeEachEngine('sessions in the database', ({ db, handle }) => {
  let queue: MailQueue;

  beforeAll(async () => {
    process.env.APP_URL = APP;
    process.env.AUTH_SECRET = 'a-test-secret';
    resetEnvCache();
    queue = await startQueue(handle());
  });
  afterAll(async () => {
    await queue.stop();
    delete process.env.APP_URL;
    delete process.env.AUTH_SECRET;
    resetEnvCache();
  });

  async function sessionFor(role: 'activist' | 'admin', times: { createdAt: Date; lastSeenAt: Date; expires?: Date }) {
    const user = await createUser(db());
    if (role === 'admin') await db().insert(memberships).values({ userId: user.id, role: 'admin', state: 'active' });
    const sessionToken = randomUUID();
    await db()
      .insert(sessions)
      .values({ sessionToken, userId: user.id, expires: times.expires ?? new Date(NOW.getTime() + 20 * DAY), ...times });
    return sessionToken;
  }
  const stored = async (token: string) => (await db().select().from(sessions).where(eq(sessions.sessionToken, token)))[0];

  it('signs an admin out after 30 minutes idle: refused, and the row is gone', async () => {
    const token = await sessionFor('admin', { createdAt: ago(HOUR), lastSeenAt: ago(31 * MINUTE) });
    expect(await loadSession(db(), token, NOW)).toBeNull();
    expect(await stored(token)).toBeUndefined();
  });

  it('signs an admin out 12 hours after signing in, however active', async () => {
    const token = await sessionFor('admin', { createdAt: ago(12 * HOUR + MINUTE), lastSeenAt: ago(MINUTE) });
    expect(await loadSession(db(), token, NOW)).toBeNull();
    expect(await stored(token)).toBeUndefined();
  });

  it('keeps an active admin signed in and notes the request', async () => {
    const token = await sessionFor('admin', { createdAt: ago(2 * HOUR), lastSeenAt: ago(29 * MINUTE) });
    const user = await loadSession(db(), token, NOW);
    expect(user?.grants.map((g) => g.role)).toEqual(['activist', 'admin']);
    expect((await stored(token))?.lastSeenAt.getTime()).toBe(NOW.getTime());
  });

  it('keeps an activist signed in after 31 minutes idle and 13 hours in all, until the session expires', async () => {
    const token = await sessionFor('activist', { createdAt: ago(13 * HOUR), lastSeenAt: ago(31 * MINUTE) });
    expect((await loadSession(db(), token, NOW))?.grants).toEqual([{ role: 'activist' }]);
    const expired = await sessionFor('activist', { createdAt: ago(30 * DAY), lastSeenAt: ago(HOUR), expires: ago(1) });
    expect(await loadSession(db(), expired, NOW)).toBeNull();
    expect(await stored(expired)).toBeUndefined();
  });

  it('moves an active session’s expiry forward once a day has passed since it was set, so an active person stays signed in', async () => {
    const fresh = await sessionFor('activist', { createdAt: ago(HOUR), lastSeenAt: ago(HOUR), expires: new Date(NOW.getTime() + 30 * DAY - HOUR) });
    await loadSession(db(), fresh, NOW);
    expect((await stored(fresh))?.expires.getTime()).toBe(NOW.getTime() + 30 * DAY - HOUR); // less than a day old: left alone
    const older = await sessionFor('activist', { createdAt: ago(2 * DAY), lastSeenAt: ago(HOUR), expires: new Date(NOW.getTime() + 28 * DAY) });
    await loadSession(db(), older, NOW);
    expect((await stored(older))?.expires.getTime()).toBe(NOW.getTime() + 30 * DAY);
  });

  it('deletes the session on sign-out, so the same cookie replayed is refused', async () => {
    const client = authTestClient(db, APP);
    const email = `signout-${randomUUID().slice(0, 8)}@example.org`;
    await client.requestLink(email);
    const signedIn = await client.redeem(await client.latestLink(email));
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='))!.split(';')[0]!;
    const token = cookie.split('=')[1]!;
    expect((await loadSession(db(), token))?.email).toBe(email);

    const out = await client.signOut(cookie);
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token=;'))).toBe(true);
    expect(await stored(token)).toBeUndefined();

    expect(await loadSession(db(), token)).toBeNull();
    const replayed = await client.route.GET(new NextRequest(client.url('/api/auth/session'), { headers: { cookie } }));
    expect(await replayed.json()).toBeNull();
  });
});
