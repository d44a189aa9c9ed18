import { createHash } from 'node:crypto';
import type { EmailProviderSendVerificationRequestParams } from '@auth/core/providers/email';
import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { verificationTokens } from '../../db/schema';
import { type Locale, routing } from '../../i18n/routing';
import { env } from '../env';
import { clientIp } from '../http/client-ip';
import { consumeSignInLink } from '../limits/sign-in-limit';
import { enqueueMail } from '../mail/outbox';
import { renderSignInEmail } from '../mail/render';
import { authSecret } from './auth-secret';
import { defaultCallbackPath, isLocale, localeOfPath, safeCallbackPath } from './callback-path';

/** A sign-in link works for ten minutes (Auth.js provider `maxAge`), and once. */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 10 * 60;

/** The Auth.js provider id, and so the last segment of the link's callback route. */
export const EMAIL_PROVIDER_ID = 'resend';

type LinkParams = { token: string; email: string; callbackPath: string | null };

function linkQuery({ token, email, callbackPath }: LinkParams): URLSearchParams {
  return new URLSearchParams(callbackPath ? { token, email, callbackUrl: callbackPath } : { token, email });
}

/**
 * The address in the mail: our confirm page, never Auth.js's callback route. Mail security
 * gateways open every link they see; opening this page only shows a button, so the token is
 * still there when the person arrives. Only the button's POST (to `callbackActionPath`) uses it.
 * Without a locale, the unprefixed path: the locale proxy picks the person's language.
 */
export function confirmPagePath(locale: Locale | null, params: LinkParams): string {
  return `${locale ? `/${locale}` : ''}/sign-in/confirm?${linkQuery(params)}`;
}

/** Where the confirm page's button posts: Auth.js's email callback, which redeems the token. */
export function callbackActionPath(params: LinkParams): string {
  return `/api/auth/callback/${EMAIL_PROVIDER_ID}?${linkQuery(params)}`;
}

/**
 * What Auth.js stores instead of the token: sha256(token + secret), as @auth/core's email
 * callback computes it (lib/actions/callback). The tests check the two agree.
 */
export function hashSignInToken(token: string, secret = authSecret()): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex');
}

/**
 * Whether a link would still sign someone in, without using it: the confirm page says so before
 * the person presses the button. Auth.js deletes a token when it is used, so a missing row means
 * used (or never sent); a row past `expires` means too late.
 */
export async function isSignInLinkUsable(db: Queryable, { email, token }: { email: string; token: string }, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashSignInToken(token))));
  return row !== undefined && row.expires.getTime() > now.getTime();
}

async function formFields(request: Request): Promise<Record<string, unknown>> {
  if (request.method !== 'POST') return {};
  // Auth.js hands the form over as JSON (toRequest in @auth/core); a missing body is no error.
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => null);
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export type SignInLinkOutcome = 'queued' | 'rate_limited';

/**
 * Auth.js's `sendVerificationRequest`: called for every address asked for, known or not. The
 * mail goes into the outbox in the same transaction that counts the request against its limits,
 * so the response takes the same time and says the same thing whether the address has an
 * account, and whether it was over its limit (then nothing is sent, and nothing said).
 */
export async function sendSignInLink(
  db: Database,
  { identifier, token, url, request }: Pick<EmailProviderSendVerificationRequestParams, 'identifier' | 'token' | 'url' | 'request'>,
  now = new Date(),
): Promise<SignInLinkOutcome> {
  const { APP_URL } = env();
  const fields = await formFields(request);
  const authUrl = new URL(url);
  const callbackPath = safeCallbackPath(authUrl.searchParams.get('callbackUrl'), [APP_URL, authUrl.origin]);
  const locale = isLocale(fields.locale) ? fields.locale : (localeOfPath(callbackPath) ?? routing.defaultLocale);
  const link = new URL(
    confirmPagePath(locale, { token, email: identifier, callbackPath: callbackPath ?? defaultCallbackPath(locale) }),
    APP_URL,
  ).toString();
  const mail = await renderSignInEmail({ url: link, host: new URL(APP_URL).host, locale, expiresInMinutes: SIGN_IN_LINK_MAX_AGE_SECONDS / 60 });

  const ip = clientIp(request.headers);
  return db.transaction(async (tx) => {
    const limit = await consumeSignInLink(tx, { email: identifier, ip }, now);
    if (!limit.allowed) return 'rate_limited';
    // The link is a secret: the outbox keeps it only until it is sent, or no longer works.
    const secretExpiresAt = new Date(now.getTime() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000);
    await enqueueMail(tx, { kind: 'sign_in', to: [identifier], subject: mail.subject, html: mail.html, text: mail.text, secretExpiresAt });
    return 'queued';
  });
}
