import { type Env, env } from '../../env';
import type { MailProvider } from '../types';
import { createDevMailboxProvider } from './dev-mailbox';
import { createResendProvider } from './resend';

export { createDevMailboxProvider } from './dev-mailbox';
export { createResendProvider, isRetryableStatus, parseRetryAfter } from './resend';

let cached: { key: string; provider: MailProvider } | undefined;

/** Resend when RESEND_API_KEY is set, else the dev mailbox. */
export function mailProvider(): MailProvider {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  const cacheKey = RESEND_API_KEY ? `resend ${RESEND_BASE_URL ?? ''} ${RESEND_API_KEY}` : 'dev_mailbox';
  if (cached?.key !== cacheKey) {
    const provider = RESEND_API_KEY
      ? createResendProvider({ apiKey: RESEND_API_KEY, baseUrl: RESEND_BASE_URL })
      : createDevMailboxProvider();
    cached = { key: cacheKey, provider };
  }
  return cached.provider;
}

/**
 * /dev/mailbox shows every stored message, sign-in links included, to anyone who can open it:
 * a way into every account. So it exists only when no real provider is configured, and in a
 * production build only when DEV_MAILBOX=on says so AND the app's address (APP_URL) is a
 * loopback one, such as the e2e suite's http://127.0.0.1:3101: a build that is reachable at a
 * public address never shows it, whatever DEV_MAILBOX says.
 */
export function devMailboxEnabled(e: Pick<Env, 'RESEND_API_KEY' | 'NODE_ENV' | 'DEV_MAILBOX' | 'APP_URL'> = env()): boolean {
  if (e.RESEND_API_KEY) return false;
  if (e.NODE_ENV !== 'production') return true;
  return e.DEV_MAILBOX === 'on' && isLoopbackUrl(e.APP_URL);
}

/** Is the URL's host this machine (localhost, 127.0.0.0/8, ::1)? */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host);
}
