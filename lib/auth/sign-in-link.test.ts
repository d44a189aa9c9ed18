import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { invitations, memberships, sessions, users, verificationTokens } from '../../db/schema';
import { resetEnvCache } from '../env';
import { type MailQueue, startQueue } from '../mail/queue';
import { createUser } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { authTestClient } from './auth-test-client';
import { isSignInLinkUsable } from './sign-in-link';

const SECRET = 'a-test-secret-that-salts-the-token-hash';
const APP = 'http://localhost:3000';
const MINUTE = 60_000;

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;
const sessionCookie = (response: Response) => response.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
const sessionToken = (response: Response) => sessionCookie(response)?.split(';')[0]!.split('=')[1];

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

/** What a person would see of a response: where it sends them and what it says. */
async function seen(response: Response) {
  return {
    status: response.status,
    location: response.headers.get('location'),
    body: await response.text(),
    cookies: response.headers.getSetCookie().map((c) => c.split('=')[0]),
  };
}

describeEachEngine('sign-in by email link', ({ db, handle }) => {
  let queue: MailQueue;
  let client: ReturnType<typeof authTestClient>;

  beforeAll(async () => {
    setEnv({ AUTH_SECRET: SECRET, APP_URL: APP });
    queue = await startQueue(handle());
    client = authTestClient(db, APP);
  });
  afterAll(async () => {
    await queue.stop();
    setEnv({ AUTH_SECRET: undefined, APP_URL: undefined, SIGN_IN_LIMIT_PER_ADDRESS: undefined, SIGN_IN_CEILING_PER_ADDRESS: undefined });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('mails a link to our confirm page, and stores only a salted hash of its token', async () => {
    const email = address('new');
    const response = await client.requestLink(email);
    expect(response.status).toBe(302);
    expect(await client.mailsTo(email)).toHaveLength(1);

    const link = await client.latestLink(email);
    expect(link.origin).toBe(APP);
    expect(link.pathname).toBe('/en/sign-in/confirm');
    expect(link.searchParams.get('email')).toBe(email);
    expect(link.searchParams.get('callbackUrl')).toBe('/en/account');
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    const stored = await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).not.toBe(token);
    expect(stored[0]!.token).toBe(createHash('sha256').update(`${token}${SECRET}`).digest('hex'));
  });

  it('signs a new person in once: the same link a second time is refused', async () => {
    const email = address('once');
    await client.requestLink(email);
    const link = await client.latestLink(email);

    const first = await client.redeem(link);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`${APP}/en/account`);
    const token = sessionToken(first);
    expect(token).toBeTruthy();
    const [session] = await db().select({ email: users.email }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.sessionToken, token!));
    expect(session?.email).toBe(email);

    const second = await client.redeem(link);
    expect(second.status).toBe(302);
    expect(second.headers.get('location')).toBe(`${APP}/en/sign-in/error?error=Verification`);
    expect(sessionCookie(second)).toBeUndefined();
  });

  it('takes the address as proven, in the language of the page, and grants what was invited to it', async () => {
    const email = address('invited');
    await db().insert(invitations).values({ email, role: 'admin' });
    await client.requestLink(email, { callbackUrl: '/en/tracker', locale: 'en' });
    const response = await client.redeem(await client.latestLink(email));
    expect(response.headers.get('location')).toBe(`${APP}/en/tracker`);

    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(user?.emailVerified).toBeInstanceOf(Date);
    expect(user?.locale).toBe('en');
    const granted = await db().select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(granted.map((m) => [m.role, m.state])).toEqual([['admin', 'active']]);
  });

  it('refuses a link used after its 10 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = new Date(Date.now());
    const early = address('early');
    const late = address('late');
    await client.requestLink(early);
    await client.requestLink(late);
    const [stored] = await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, late));
    expect(stored!.expires.getTime()).toBe(t0.getTime() + 10 * MINUTE);

    vi.setSystemTime(t0.getTime() + 9 * MINUTE + 50_000);
    expect(sessionCookie(await client.redeem(await client.latestLink(early)))).toBeDefined();

    vi.setSystemTime(t0.getTime() + 11 * MINUTE);
    const refused = await client.redeem(await client.latestLink(late));
    expect(refused.headers.get('location')).toBe(`${APP}/en/sign-in/error?error=Verification`);
    expect(sessionCookie(refused)).toBeUndefined();
  });

  it('leaves the token usable when a mail scanner opens the link or the raw callback URL; only the POST signs in', async () => {
    const email = address('scanned');
    await client.requestLink(email);
    const link = await client.latestLink(email);
    const token = link.searchParams.get('token')!;
    expect(link.pathname).not.toContain('/api/auth');

    // The confirm page only reads; a GET of Auth.js's callback URL is sent on to it.
    expect(await isSignInLinkUsable(db(), { email, token })).toBe(true);
    const get = await client.route.GET(new NextRequest(client.url(`/api/auth/callback/resend${link.search}`)));
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`${APP}/en/sign-in/confirm${link.search}`);
    expect(sessionCookie(get)).toBeUndefined();
    expect(await isSignInLinkUsable(db(), { email, token })).toBe(true);
    expect(await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, email))).toHaveLength(1);

    expect(sessionCookie(await client.redeem(link))).toBeDefined();
    expect(await isSignInLinkUsable(db(), { email, token })).toBe(false);
  });

  it('answers a known and an unknown address alike, and mails each one link', async () => {
    const known = await createUser(db(), { email: address('known') });
    const unknown = address('unknown');
    const a = await seen(await client.requestLink(known.email, { ip: '192.0.2.21' }));
    const b = await seen(await client.requestLink(unknown, { ip: '192.0.2.21' }));
    expect(b).toEqual(a);
    expect(a.location).toBe(`${APP}/api/auth/verify-request?provider=resend&type=email`);
    expect(await client.mailsTo(known.email)).toHaveLength(1);
    expect(await client.mailsTo(unknown)).toHaveLength(1);
  });

  it('sends at most 5 links an hour to one address; the 6th gets the same answer and no mail', async () => {
    const email = address('flooded');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await seen(await client.requestLink(email, { ip: '192.0.2.30' })));
    expect(answers[5]).toEqual(answers[0]);
    expect(await client.mailsTo(email)).toHaveLength(5);
  });

  it('sends at most 20 links an hour asked from one IP; the 21st gets the same answer and no mail', async () => {
    const ip = '198.51.100.7';
    const first = await seen(await client.requestLink(address('ip'), { ip }));
    for (let i = 1; i < 20; i++) await client.requestLink(address('ip'), { ip });
    const last = address('ip-21st');
    expect(await seen(await client.requestLink(last, { ip }))).toEqual(first);
    expect(await client.mailsTo(last)).toHaveLength(0);
    // Another client is not held back by this one.
    const other = address('other-ip');
    await client.requestLink(other, { ip: '198.51.100.8' });
    expect(await client.mailsTo(other)).toHaveLength(1);
  });

  it('counts the client by its socket address: invented X-Forwarded-For addresses get no fresh allowance', async () => {
    const socket = '198.51.100.40';
    const addresses = Array.from({ length: 25 }, (_, i) => address(`forged-${i}`));
    for (const [i, email] of addresses.entries()) await client.requestLink(email, { ip: socket, forwardedFor: `203.0.113.${i + 1}` });
    const mailed = await Promise.all(addresses.map(async (email) => (await client.mailsTo(email)).length));
    expect(mailed.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('counts an address however it is written: case, +tags and Gmail’s dots are one mailbox', async () => {
    const local = `olena.k.${randomUUID().slice(0, 6)}`;
    const spellings = [`${local}@gmail.com`, `${local.toUpperCase()}@Gmail.com`, `${local.replaceAll('.', '')}+a@gmail.com`, `${local}+b@googlemail.com`, `${local.replace('.', '..')}@gmail.com`, `${local}+c@gmail.com`];
    for (const email of spellings) await client.requestLink(email, { ip: '192.0.2.50' });
    // Auth.js lower-cases the address it mails; each row is counted once.
    const mailed = new Set((await Promise.all(spellings.map((email) => client.mailsTo(email.toLowerCase())))).flat().map((m) => m.id));
    expect(mailed.size).toBe(5);
    // Elsewhere a dot may tell two people apart.
    const other = `j.smith.${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 5; i++) await client.requestLink(`${other}@example.org`, { ip: '192.0.2.51' });
    await client.requestLink(`${other.replaceAll('.', '')}@example.org`, { ip: '192.0.2.51' });
    expect(await client.mailsTo(`${other.replaceAll('.', '')}@example.org`)).toHaveLength(1);
  });

  it('lets nobody lock a person out: requests for their address from elsewhere leave them their own link', async () => {
    const victim = address('victim');
    // An attacker on several addresses asks for the victim's link as often as they may.
    for (const ip of ['203.0.113.101', '203.0.113.102', '203.0.113.103']) {
      for (let i = 0; i < 6; i++) await client.requestLink(victim, { ip });
    }
    const flooded = (await client.mailsTo(victim)).length;
    // The ceiling (10 an hour) plus the first request of each new client address.
    expect(flooded).toBe(11);
    // The victim, from their own address, still gets theirs.
    await client.requestLink(victim, { ip: '192.0.2.77' });
    expect(await client.mailsTo(victim)).toHaveLength(flooded + 1);
    // Past the ceiling their repeats wait, like anyone's.
    await client.requestLink(victim, { ip: '192.0.2.77' });
    expect(await client.mailsTo(victim)).toHaveLength(flooded + 1);
  });

  it('reads the limits from the environment', async () => {
    setEnv({ SIGN_IN_LIMIT_PER_ADDRESS: '2' });
    try {
      const email = address('configured');
      for (let i = 0; i < 3; i++) await client.requestLink(email, { ip: '192.0.2.40' });
      expect(await client.mailsTo(email)).toHaveLength(2);
    } finally {
      setEnv({ SIGN_IN_LIMIT_PER_ADDRESS: undefined });
    }
  });

  it('never sends a person off the site after signing in', async () => {
    const email = address('redirected');
    await client.requestLink(email, { callbackUrl: 'https://evil.example/phish' });
    const link = await client.latestLink(email);
    expect(link.searchParams.get('callbackUrl')).not.toContain('evil');
    const response = await client.redeem(link);
    expect(new URL(response.headers.get('location')!).origin).toBe(APP);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie; over HTTPS it is Secure and __Secure- prefixed', async () => {
    const email = address('cookie');
    await client.requestLink(email);
    const plain = sessionCookie(await client.redeem(await client.latestLink(email)))!;
    expect(plain).toMatch(/^authjs\.session-token=/);
    expect(plain).toMatch(/; HttpOnly/i);
    expect(plain).toMatch(/; SameSite=Lax/i);
    expect(plain).not.toMatch(/; Secure/i);

    const HTTPS = 'https://untwin.example';
    setEnv({ APP_URL: HTTPS });
    try {
      const secure = authTestClient(db, HTTPS);
      const other = address('secure-cookie');
      await secure.requestLink(other);
      const link = await secure.latestLink(other);
      expect(link.origin).toBe(HTTPS);
      const cookie = sessionCookie(await secure.redeem(link))!;
      expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    } finally {
      setEnv({ APP_URL: APP });
    }
  });
});
