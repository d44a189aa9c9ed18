import { Resend } from 'resend';
import type { MailProvider, ProviderMessage, SendOutcome } from '../types';

const RESEND_API_URL = 'https://api.resend.com';

/** A provider call that hangs would hold a worker slot forever; after this long it counts as a network failure. */
const DEFAULT_TIMEOUT_MS = 30_000;

export type ResendProviderOptions = {
  apiKey: string;
  /** Tests point this at the fake server (lib/testing/fake-resend.ts). */
  baseUrl?: string;
  timeoutMs?: number;
  /** For the Retry-After header given as an HTTP date. */
  now?: () => Date;
};

/**
 * Resend's Retry-After is a number of seconds; the HTTP standard also allows a date. Either
 * way the answer is whole seconds from now, never negative; anything unreadable is null.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** 429 and 5xx are the provider's trouble (or ours being too fast): the same message may succeed later. */
export function isRetryableStatus(status: number | null): boolean {
  return status === null || status === 429 || status >= 500;
}

export function createResendProvider(options: ResendProviderOptions): MailProvider {
  const { apiKey, baseUrl, timeoutMs = DEFAULT_TIMEOUT_MS, now = () => new Date() } = options;
  // The base URL is passed explicitly, so the SDK never falls back to reading process.env itself.
  const resend = new Resend(apiKey, { baseUrl: baseUrl ?? RESEND_API_URL });

  return {
    name: 'resend',
    async send(message: ProviderMessage): Promise<SendOutcome> {
      const { data, error, headers } = await resend.emails.send(
        {
          from: message.from,
          to: message.to,
          cc: message.cc.length > 0 ? message.cc : undefined,
          replyTo: message.replyTo ?? undefined,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.headers && Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
        },
        { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error === null && data !== null) return { ok: true, providerMessageId: data.id };

      // The SDK does not throw: a network failure comes back with no headers and statusCode null,
      // an HTTP error with the body Resend sent ({ statusCode, name, message }).
      const status = typeof error?.statusCode === 'number' ? error.statusCode : null;
      const httpAnswered = headers !== null;
      return {
        ok: false,
        // An HTTP error whose body named no status is unknown trouble: retry it (attempts are bounded).
        // A 409 `concurrent_idempotent_requests` means the same key is being sent right now (a late
        // worker and its replacement): the next attempt gets the first one's answer.
        retryable: status === null || isRetryableStatus(status) || error?.name === 'concurrent_idempotent_requests',
        status,
        retryAfterSeconds: httpAnswered ? parseRetryAfter(headers['retry-after'], now()) : null,
        message: describeError(error, status, httpAnswered),
      };
    },
  };
}

function describeError(error: { name?: string; message?: string } | null, status: number | null, httpAnswered: boolean): string {
  const what = [error?.name, error?.message].filter(Boolean).join(': ') || 'no error detail';
  if (status !== null) return `Resend answered ${status}: ${what}`;
  return httpAnswered ? `Resend answered an error: ${what}` : `Resend could not be reached: ${what}`;
}
