import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { mailMessages } from '../../db/schema';

/**
 * Mail that carries a secret (a sign-in link: whoever reads it can sign in as its recipient)
 * must not keep it at rest in the outbox once it is of no more use there. Such a message is
 * enqueued with `secretExpiresAt` (when the secret stops working), and its link tokens are
 * removed from the stored copy:
 *
 * - as soon as a real provider has taken it (lib/mail/worker.ts): the recipient's inbox has it;
 * - otherwise when the secret expires (redactExpiredSecrets, every minute in each mail worker):
 *   a message still queued, failed, or kept by the dev mailbox, whose page is the inbox of a
 *   developer (so there it shows its link until the link would stop working anyway).
 *
 * What stays is the message with its links' `token` emptied: an admin or developer can still
 * read what was sent, and the link opens the confirm page, which says it no longer works.
 */
export const REMOVED_TOKEN = 'removed';

/** The text or HTML with every link's `token` parameter emptied (`&amp;token=` in HTML too). */
export function withoutLinkTokens(content: string): string {
  return content.replace(/([?&;]token=)[^&#"'<>\s]+/g, `$1${REMOVED_TOKEN}`);
}

/** The stored columns of a message once its secret is removed. */
export function redactedContent(message: { html: string; text: string }) {
  return { html: withoutLinkTokens(message.html), text: withoutLinkTokens(message.text), secretExpiresAt: null };
}

/** Removes the secrets of every message whose secret has expired; how many there were. */
export async function redactExpiredSecrets(db: Database, now = new Date()): Promise<number> {
  const expired = and(isNotNull(mailMessages.secretExpiresAt), lte(mailMessages.secretExpiresAt, now));
  let redacted = 0;
  for (;;) {
    const batch = await db.select({ id: mailMessages.id, html: mailMessages.html, text: mailMessages.text }).from(mailMessages).where(expired).limit(200);
    for (const message of batch) {
      await db
        .update(mailMessages)
        .set(redactedContent(message))
        .where(and(eq(mailMessages.id, message.id), isNotNull(mailMessages.secretExpiresAt)));
    }
    redacted += batch.length;
    if (batch.length < 200) return redacted;
  }
}
