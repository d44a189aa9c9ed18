import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { appeals, campaigns, councils, users } from '../../db/schema';
import { fail } from '../auth/action';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import { isPlainAddress, isSafeSender } from './header-safety';
import { councilRecipients } from './recipients';
import { renderAppealLetter } from './render-letter';
import { councilCapReached, lockCouncilLetters } from './rules';
import { sendingPhrases } from './sending-phrases';

/**
 * An appeal cleared to go (trusted, or approved by an organiser) leaves here, in the caller's
 * transaction: as its own email, written to the outbox in the same transaction as the appeal's
 * new state, or, when the campaign sends digests or the council has had its letters from the
 * app today, held for the daily digest (lib/appeals/digest.ts). Either way it is `queued`.
 */
export type Dispatch = { held: boolean; mailMessageId: string | null };

export async function dispatchAppeal(tx: Transaction, appealId: number, now: Date): Promise<Dispatch> {
  const [row] = await tx
    .select({ appeal: appeals, council: councils, campaign: campaigns, authorEmail: users.email })
    .from(appeals)
    .innerJoin(councils, eq(councils.id, appeals.councilId))
    .innerJoin(campaigns, eq(campaigns.id, appeals.campaignId))
    .innerJoin(users, eq(users.id, appeals.userId))
    .where(eq(appeals.id, appealId));
  if (!row) throw new Error(`No appeal ${appealId}`);
  const { appeal, council, campaign, authorEmail } = row;

  const recipients = await councilRecipients(tx, council.contactEmails);
  if (recipients.usable.length === 0) fail('unavailable', 'The council has no contact address the app can write to.');
  // The replies go to the person who wrote: their address must stand in a header as it is.
  if (!isPlainAddress(authorEmail)) fail('invalid_input', 'Your address cannot be used as a reply address.');

  await lockCouncilLetters(tx, council.id);
  const held = campaign.letterDelivery === 'digest' || (await councilCapReached(tx, council.id, now));
  if (held) {
    await tx.update(appeals).set({ state: 'queued', mailMessageId: null }).where(eq(appeals.id, appeal.id));
    return { held: true, mailMessageId: null };
  }

  const phrases = sendingPhrases(appeal.language);
  const signer = [appeal.signerName, appeal.signerCity].filter(Boolean).join(', ');
  const rendered = await renderAppealLetter(
    { language: appeal.language, subject: appeal.subject, body: appeal.body },
    { reason: phrases.reason(signer, campaignNameIn(campaign, appeal.language)) },
  );
  const { id: mailMessageId } = await enqueueMail(tx, {
    kind: 'appeal',
    from: sendingAddressOf(campaign),
    to: recipients.usable,
    replyTo: authorEmail,
    cc: [authorEmail],
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  });
  await tx.update(appeals).set({ state: 'queued', mailMessageId }).where(eq(appeals.id, appeal.id));
  return { held: false, mailMessageId };
}

/** The campaign's own sending address when it has a usable one, else the app's (MAIL_FROM). */
export function sendingAddressOf(campaign: { sendingAddress: string | null }): string {
  const own = campaign.sendingAddress?.trim();
  return own && isSafeSender(own) ? own : env().MAIL_FROM;
}

/** The campaign's name as the council reads it: Ukrainian in a Ukrainian letter when it has one. */
export function campaignNameIn(campaign: { name: string; nameUk: string | null }, language: string): string {
  return (language === 'uk' && campaign.nameUk) || campaign.name;
}
