import { and, arrayContains, desc, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import type { Database } from '../../db/client';
import { mailMessages } from '../../db/schema';
import { SOCKET_ADDRESS_HEADER } from '../http/client-ip';
import { createAuth } from './auth';
import { authRoute } from './auth-route';

/**
 * For tests: the app's /api/auth route (Auth.js behind lib/auth/auth-route.ts) on a test
 * database, driven with real Requests the way a browser would: a CSRF cookie, form posts, the
 * link read back from the outbox. APP_URL must already point at `appUrl` (resetEnvCache).
 */
export function authTestClient(db: () => Database, appUrl: string) {
  const route = authRoute(createAuth(async () => db()).handlers);
  const origin = new URL(appUrl).origin;
  let csrf: { token: string; cookie: string } | undefined;

  const url = (path: string) => new URL(path, origin).toString();

  async function csrfToken() {
    if (!csrf) {
      const response = await route.GET(new NextRequest(url('/api/auth/csrf')));
      const { csrfToken: token } = (await response.json()) as { csrfToken: string };
      csrf = { token, cookie: cookiePairs(response).join('; ') };
    }
    return csrf;
  }

  return {
    route,
    url,
    /** POSTs the Auth.js sign-in form, as the sign-in server action does. */
    async requestLink(
      email: string,
      options: { ip?: string; forwardedFor?: string; host?: string; callbackUrl?: string; locale?: string; origin?: string | null } = {},
    ): Promise<Response> {
      const { token, cookie } = await csrfToken();
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
        // What lib/http/server-hook.ts writes from the socket in the running app.
        [SOCKET_ADDRESS_HEADER]: options.ip ?? '192.0.2.10',
      };
      if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
      // A request that names another host, as a forged Host header (and a proxy passing it on) would.
      if (options.host) Object.assign(headers, { host: options.host, 'x-forwarded-host': options.host });
      if (options.origin !== null) headers.origin = options.origin ?? origin;
      const body = new URLSearchParams({
        email,
        csrfToken: token,
        callbackUrl: options.callbackUrl ?? '/en/account',
        locale: options.locale ?? 'en',
      });
      const target = options.host ? `http://${options.host}/api/auth/signin/resend` : url('/api/auth/signin/resend');
      return route.POST(new NextRequest(target, { method: 'POST', headers, body }));
    },
    /** The outbox rows addressed to `email`, newest first. */
    mailsTo(email: string) {
      return db()
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.kind, 'sign_in'), arrayContains(mailMessages.to, [email])))
        .orderBy(desc(mailMessages.createdAt));
    },
    /** The confirm-page link of the newest sign-in mail to `email`. */
    async latestLink(email: string): Promise<URL> {
      const [mail] = await this.mailsTo(email);
      if (!mail) throw new Error(`No sign-in mail to ${email}`);
      return confirmLinkIn(mail.text);
    },
    /** Presses the confirm page's button: POST to Auth.js's callback with the link's query. */
    redeem(link: URL, options: { origin?: string } = {}): Promise<Response> {
      return route.POST(
        new NextRequest(url(`/api/auth/callback/resend${link.search}`), {
          method: 'POST',
          headers: { origin: options.origin ?? origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: '',
        }),
      );
    },
    /** Auth.js's sign-out form post, with the session cookie. */
    async signOut(sessionCookie: string, options: { origin?: string } = {}): Promise<Response> {
      const { token, cookie } = await csrfToken();
      return route.POST(
        new NextRequest(url('/api/auth/signout'), {
          method: 'POST',
          headers: {
            origin: options.origin ?? origin,
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `${cookie}; ${sessionCookie}`,
          },
          body: new URLSearchParams({ csrfToken: token, callbackUrl: '/en' }),
        }),
      );
    },
  };
}

/** `name=value` of every cookie a response sets. */
export function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** The sign-in link in a mail's text: our confirm page with its token. */
export function confirmLinkIn(text: string): URL {
  const match = /https?:\/\/[^\s<>"'\])]+\/sign-in\/confirm\?[^\s<>"'\])]+/.exec(text);
  if (!match) throw new Error(`No confirm link in: ${text}`);
  return new URL(match[0]);
}
