import { env } from '../../env';
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
 * /dev/mailbox shows every stored message, sign-in links included, so it exists only when no
 * real provider is configured, and in a production build only when DEV_MAILBOX=on says so.
 */
export function devMailboxEnabled(): boolean {
  const { RESEND_API_KEY, NODE_ENV, DEV_MAILBOX } = env();
  return !RESEND_API_KEY && (NODE_ENV !== 'production' || DEV_MAILBOX === 'on');
}
