import type { Transaction } from '../../db/client';
import { mailMessages } from '../../db/schema';
import { env } from '../env';
import { sendMailJob } from './queue';
import type { OutgoingMail } from './types';

/**
 * The one way to send an email: write it to the outbox in the transaction of the change that
 * causes it. It takes a Transaction, never a Database, so the mail and its job commit or roll
 * back with that change; and nothing here touches the database except through that transaction,
 * which on PGlite is what keeps an enqueue from deadlocking (lib/mail/queue.ts).
 *
 * The worker (lib/mail/worker.ts) sends it after the commit. Recipients on the suppression list
 * are dropped then, not here: a bounce that arrives while the mail waits still counts.
 */
export async function enqueueMail(tx: Transaction, mail: OutgoingMail): Promise<{ id: string }> {
  if (mail.to.length === 0) throw new Error('A mail needs at least one recipient');
  const [row] = await tx
    .insert(mailMessages)
    .values({
      kind: mail.kind,
      state: 'queued',
      fromAddress: mail.from ?? env().MAIL_FROM,
      to: mail.to,
      cc: mail.cc ?? [],
      replyTo: mail.replyTo ?? null,
      headers: mail.headers && Object.keys(mail.headers).length > 0 ? mail.headers : null,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      secretExpiresAt: mail.secretExpiresAt ?? null,
    })
    .returning({ id: mailMessages.id });
  if (!row) throw new Error('The outbox row was not written');
  await sendMailJob(tx, row.id);
  return { id: row.id };
}
