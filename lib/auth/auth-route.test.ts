import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessions, verificationTokens } from '../../db/schema';
import { resetEnvCache } from '../env';
import { type MailQueue, startQueue } from '../mail/queue';
import { describeEachEngine } from '../testing/test-database';
import { authTestClient } from './auth-test-client';
import { isSignInLinkUsable } from './sign-in-link';

const APP = 'http://localhost:3000';
const EVIL = 'https://evil.example';
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;

function setAppUrl(url: string) {
  process.env.APP_URL = url;
  resetEnvCache();
}

describeEachEngine('the auth route refuses other sites (CSRF)', ({ db, handle }) => {
  let queue: MailQueue;
  let client: ReturnType<typeof authTestClient>;

  beforeAll(async () => {
    process.env.APP_URL = APP;
    process.env.AUTH_SECRET = 'a-test-secret';
    resetEnvCache();
    queue = await startQueue(handle());
    client = authTestClient(db, APP);
  });
  afterAll(async () => {
    await queue.stop();
    delete process.env.APP_URL;
    delete process.env.AUTH_SECRET;
    resetEnvCache();
  });

  async function signedIn(email: string) {
    await client.requestLink(email);
    const response = await client.redeem(await client.latestLink(email));
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='))!;
    return { cookie: cookie.split(';')[0]!, token: cookie.split(';')[0]!.split('=')[1]! };
  }

  it('refuses a request for a link from another site: 403, no token, no mail', async () => {
    const email = address('csrf-link');
    const response = await client.requestLink(email, { origin: EVIL });
    expect(response.status).toBe(403);
    expect(await client.mailsTo(email)).toHaveLength(0);
    expect(await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, email))).toHaveLength(0);
    // The same request from the site itself goes through.
    expect((await client.requestLink(email)).status).toBe(302);
    expect(await client.mailsTo(email)).toHaveLength(1);
  });

  it('refuses to redeem a link from another site, and leaves it usable', async () => {
    const email = address('csrf-redeem');
    await client.requestLink(email);
    const link = await client.latestLink(email);
    const response = await client.redeem(link, { origin: EVIL });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await isSignInLinkUsable(db(), { email, token: link.searchParams.get('token')! })).toBe(true);
  });

  it('refuses a sign-out from another site, and the session lives on', async () => {
    const { cookie, token } = await signedIn(address('csrf-signout'));
    const response = await client.signOut(cookie, { origin: EVIL });
    expect(response.status).toBe(403);
    expect(await db().select().from(sessions).where(eq(sessions.sessionToken, token))).toHaveLength(1);
  });

  it('sends every redirect to APP_URL, whatever Host the request names', async () => {
    const email = address('forged-host');
    const response = await client.requestLink(email, { host: 'evil.example', origin: 'http://evil.example' });
    expect(response.headers.get('location')).toBe(`${APP}/api/auth/verify-request?provider=resend&type=email`);
    expect((await client.latestLink(email)).origin).toBe(APP);
    const page = await client.route.GET(new NextRequest('http://evil.example/api/auth/signin', { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } }));
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).not.toContain('evil');
    expect(new URL(page.headers.get('location')!).origin).toBe(APP);
  });

  it('keeps redirects at APP_URL when it is a loopback address Next.js would call localhost', async () => {
    setAppUrl('http://127.0.0.1:3101');
    try {
      const loopback = authTestClient(db, 'http://127.0.0.1:3101');
      const response = await loopback.requestLink(address('loopback'), { origin: 'http://127.0.0.1:3101' });
      expect(response.headers.get('location')).toBe('http://127.0.0.1:3101/api/auth/verify-request?provider=resend&type=email');
    } finally {
      setAppUrl(APP);
    }
  });

  it('refuses a body past its cap with 413 before Auth.js reads it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        if (pulled > 50 * 1024 * 1024) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const response = await client.route.POST(
      new NextRequest(client.url('/api/auth/signin/resend'), { method: 'POST', headers: { origin: APP, 'content-type': 'application/x-www-form-urlencoded' }, body, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
    const declared = await client.route.POST(
      new NextRequest(client.url('/api/auth/signin/resend'), { method: 'POST', headers: { origin: APP, 'content-length': String(200 * 1024 * 1024) }, body: 'email=x' }),
    );
    expect(declared.status).toBe(413);
  });

  it('refuses a cross-site POST that only says so in Sec-Fetch-Site', async () => {
    const response = await client.route.POST(
      new NextRequest(client.url('/api/auth/signout'), { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }),
    );
    expect(response.status).toBe(403);
  });
});
