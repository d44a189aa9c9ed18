import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { mailMessages } from '../../db/schema';

/**
 * What /dev/mailbox shows: the outbox itself. Without a Resend key every message stays in
 * mail_messages, and a developer (or a Playwright test) reads the sign-in link from here.
 */
export const DEV_MAILBOX_PAGE_SIZE = 50;

export type DevMailboxEntry = Pick<
  typeof mailMessages.$inferSelect,
  'id' | 'kind' | 'to' | 'subject' | 'state' | 'createdAt' | 'sentAt'
>;

export type DevMailboxMessage = typeof mailMessages.$inferSelect;

/** The latest messages, newest first. */
export async function listDevMailbox(db: Queryable, limit = DEV_MAILBOX_PAGE_SIZE): Promise<DevMailboxEntry[]> {
  return db
    .select({
      id: mailMessages.id,
      kind: mailMessages.kind,
      to: mailMessages.to,
      subject: mailMessages.subject,
      state: mailMessages.state,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    // The id breaks ties between rows written in one transaction (same created_at).
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(limit);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message; null when there is none (a malformed id from the address bar included). */
export async function getDevMailboxMessage(db: Queryable, id: string): Promise<DevMailboxMessage | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row ?? null;
}

/**
 * The web links in a plain-text mail, in order, each once, so the page can offer them as real
 * links. Only http(s): a message is data, and nothing in it may become a javascript: link.
 */
export function linksInText(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'`]+/g) ?? [];
  const links = found
    // Sentence punctuation after an address is not part of it.
    .map((link) => link.replace(/[.,;:!?)\]]+$/, ''))
    .filter((link) => URL.canParse(link));
  return [...new Set(links)];
}
