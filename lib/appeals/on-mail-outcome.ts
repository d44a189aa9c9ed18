import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { appeals } from '../../db/schema';
import type { MailKind } from '../mail/types';
import { appealReachedCouncil } from './appeal-reached-council';

/**
 * The appeals an email carries follow it. The mail worker calls this in the transaction that
 * marks the outbox row sent or failed (for good), so an appeal is never `queued` behind a mail
 * that has gone, or one that never will:
 *
 * - sent: each `queued` appeal becomes `sent`, and its ties that nobody had appealed about yet
 *   move to `appealed` (the first appeal that reaches the council does it);
 * - failed: each `queued` appeal becomes `failed`, so the activist sees it and may write again.
 *
 * An appeal a webhook has already moved on (delivered before the worker recorded the send) is
 * left as it is.
 */
export async function applyMailOutcome(
  tx: Transaction,
  { messageId, kind, outcome }: { messageId: string; kind: MailKind; outcome: 'sent' | 'failed' },
): Promise<void> {
  if (kind !== 'appeal' && kind !== 'appeal_digest') return;
  const ofThisMail = and(eq(appeals.mailMessageId, messageId), eq(appeals.state, 'queued'));
  if (outcome === 'failed') {
    await tx.update(appeals).set({ state: 'failed' }).where(ofThisMail);
    return;
  }
  const sentAt = new Date();
  const sent = await tx.update(appeals).set({ state: 'sent', sentAt }).where(ofThisMail).returning({ id: appeals.id, userId: appeals.userId });
  // In a digest the earliest letter is the one that reached the council first.
  for (const appeal of sent.sort((a, b) => a.id - b.id)) await appealReachedCouncil(tx, { ...appeal, sentAt });
}
