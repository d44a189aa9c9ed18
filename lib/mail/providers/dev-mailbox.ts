import type { MailProvider, ProviderMessage, SendOutcome } from '../types';

/**
 * Without a Resend key, mail stays in the app: the outbox already stored the whole message in
 * mail_messages, so "sending" is accepting it, and /dev/mailbox shows it from there.
 */
export function createDevMailboxProvider(): MailProvider {
  return {
    name: 'dev_mailbox',
    async send(message: ProviderMessage): Promise<SendOutcome> {
      return { ok: true, providerMessageId: `dev-${message.idempotencyKey}` };
    },
  };
}
