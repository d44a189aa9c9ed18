import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { and, eq, isNull } from 'drizzle-orm';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Resend from 'next-auth/providers/resend';
import { type Database, getDb } from '../../db/client';
import { accounts, sessions, users, verificationTokens } from '../../db/schema';
import { env } from '../env';
import { acceptPendingInvitations } from '../people/invitations';
import { authSecret } from './auth-secret';
import { callbackLocale, safeCallbackPath } from './callback-path';
import { SESSION_POLICY } from './session';
import { EMAIL_PROVIDER_ID, SIGN_IN_LINK_MAX_AGE_SECONDS, sendSignInLink } from './sign-in-link';

/**
 * Auth.js's pages take one path each, so they are the unprefixed ones: the locale proxy
 * (proxy.ts, next-intl) sends `/sign-in/error` to `/uk/…` or `/en/…` by the person's locale
 * cookie, then their browser's languages. The auth route (lib/auth/auth-route.ts) prefixes
 * them itself when the request says which language the person came from (its callbackUrl).
 */
export const AUTH_PAGES = {
  signIn: '/sign-in',
  verifyRequest: '/sign-in/check-email',
  error: '/sign-in/error',
  signOut: '/sign-out',
} as const;

/** The Auth.js configuration on one database; `request` is the one being handled, if any. */
export function authConfig(db: Database, request?: Request): NextAuthConfig {
  const { APP_URL, MAIL_FROM } = env();
  const appOrigin = new URL(APP_URL).origin;
  // The language of the page the person came from, for their account's first setting.
  const requestLocale = request ? callbackLocale(new URL(request.url)) : null;
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      Resend({
        id: EMAIL_PROVIDER_ID,
        from: MAIL_FROM,
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        sendVerificationRequest: async (params) => {
          await sendSignInLink(db, params);
        },
      }),
    ],
    session: { strategy: 'database', maxAge: SESSION_POLICY.maxAgeSeconds, updateAge: SESSION_POLICY.updateAgeSeconds },
    secret: authSecret(),
    // The Host header is never trusted, so Auth.js need not check it: the app's route hands Auth.js
    // every request at APP_URL whatever Host it came with (lib/auth/auth-route.ts), and the
    // addresses that matter (the mailed link, the redirect after signing in) are built from
    // APP_URL. No AUTH_TRUST_HOST or AUTH_URL is needed.
    trustHost: true,
    //
    // Secure cookies by the public address, not the request: behind a TLS-terminating proxy the
    // app sees http, yet the cookies must be Secure and `__Secure-` prefixed.
    useSecureCookies: new URL(APP_URL).protocol === 'https:',
    pages: AUTH_PAGES,
    logger: {
      // An expired or used link is an everyday event, not a server fault: one line, no stack.
      error(error) {
        if (error.name === 'Verification') console.warn('[auth] a sign-in link was refused: expired, used or unknown');
        else console.error(error);
      },
    },
    callbacks: {
      // Only ever back to a page of this site, at its public address.
      redirect({ url, baseUrl }) {
        return `${appOrigin}${safeCallbackPath(url, [appOrigin, baseUrl]) ?? '/'}`;
      },
    },
    events: {
      // After the link is redeemed: the address is now proven, so what was granted to it applies.
      async signIn({ user, isNewUser }) {
        if (!user.id || !user.email) return;
        if (isNewUser && requestLocale) {
          await db.update(users).set({ locale: requestLocale }).where(and(eq(users.id, user.id), isNull(users.locale)));
        }
        await acceptPendingInvitations(db, { userId: user.id, email: user.email });
      },
    },
  };
}

/**
 * Auth.js on the database `getDatabase` opens, initialised per request (lazily: `next build`
 * never opens the database or asks for the secret). Tests run it on a test database.
 */
export function createAuth(getDatabase: () => Promise<Database>) {
  return NextAuth(async (request) => authConfig(await getDatabase(), request));
}

export const { handlers, auth, signIn, signOut } = createAuth(getDb);
