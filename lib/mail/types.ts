import type { MAIL_KINDS } from '../../db/schema';

/**
 * The shapes the mail pipeline passes around. A message is written to the outbox
 * (lib/mail/outbox.ts) inside the transaction of the change that causes it, then the worker
 * (lib/mail/worker.ts) hands it to a provider (lib/mail/providers/*).
 */
export type MailKind = (typeof MAIL_KINDS)[number];

/** What a caller enqueues: already rendered (lib/mail/render.ts), both HTML and plain text. */
export type OutgoingMail = {
  kind: MailKind;
  to: string[];
  cc?: string[];
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  /** Defaults to MAIL_FROM. */
  from?: string;
  /** When a secret the mail carries (a sign-in link) stops working: lib/mail/secrets.ts. */
  secretExpiresAt?: Date;
  /** Extra headers, sent as given (List-Unsubscribe and List-Unsubscribe-Post: lib/notifications). */
  headers?: Record<string, string> | null;
};

/** What a provider is given: the outbox row's content and its id as the idempotency key. */
export type ProviderMessage = {
  idempotencyKey: string;
  from: string;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string> | null;
};

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | {
      ok: false;
      /** 429, 5xx, network: try again later. 4xx other than 429: the message itself is wrong. */
      retryable: boolean;
      status: number | null;
      /** From the provider's Retry-After, when it said. */
      retryAfterSeconds: number | null;
      message: string;
    };

export interface MailProvider {
  readonly name: 'resend' | 'dev_mailbox';
  send(message: ProviderMessage): Promise<SendOutcome>;
}
