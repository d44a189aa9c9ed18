import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { councils } from '../../db/schema';
import { mailTranslator } from '../../emails/i18n';
import { enqueueMail } from '../mail/outbox';
import { campaignsOfCouncil } from '../people/targets';
import { councilDisplayName } from './follow';
import { noticeLocale, organiserRecipients, renderNotice, siteUrl } from './notice-mail';

/**
 * Staff claims are told to the people who decide them, and decisions to the people who claimed:
 * each mail in the recipient's language, written in the transaction of the claim or decision.
 */
export async function tellOrganisersOfClaim(tx: Transaction, input: { councilId: number; claimantEmail: string }): Promise<void> {
  const [council] = await tx.select().from(councils).where(eq(councils.id, input.councilId));
  if (!council) return;
  const recipients = await organiserRecipients(tx, await campaignsOfCouncil(tx, council.placeId));
  for (const r of recipients) {
    if (r.email.toLowerCase() === input.claimantEmail.toLowerCase()) continue;
    const t = mailTranslator(r.locale);
    const name = await councilDisplayName(tx, council, r.locale);
    const mail = await renderNotice({
      locale: r.locale,
      subject: t('staffClaim.subject', { council: name }),
      preview: t('staffClaim.subject', { council: name }),
      heading: t('staffClaim.heading', { council: name }),
      intro: [t('staffClaim.intro', { email: input.claimantEmail })],
      button: { label: t('staffClaim.button'), href: siteUrl(`/${r.locale}/organise/people`) },
      reason: t('staffClaim.reason'),
    });
    await enqueueMail(tx, { kind: 'notification', to: [r.email], subject: mail.subject, html: mail.html, text: mail.text });
  }
}

export async function tellClaimDecided(
  tx: Transaction,
  input: { email: string; locale: string | null; councilId: number; approved: boolean; reason: string | null },
): Promise<void> {
  const [council] = await tx.select().from(councils).where(eq(councils.id, input.councilId));
  if (!council) return;
  const locale = noticeLocale(input.locale ?? council.languages[0]);
  const t = mailTranslator(locale);
  const name = await councilDisplayName(tx, council, locale);
  const subject = input.approved ? t('claimDecided.subjectApproved', { council: name }) : t('claimDecided.subjectRejected', { council: name });
  const mail = await renderNotice({
    locale,
    subject,
    preview: subject,
    heading: subject,
    intro: input.approved ? [t('claimDecided.approved')] : [t('claimDecided.rejected'), ...(input.reason ? [t('claimDecided.rejectedReason', { reason: input.reason })] : [])],
    button: input.approved
      ? { label: t('claimDecided.buttonApproved'), href: siteUrl(`/${locale}/council/${council.slug}`) }
      : { label: t('claimDecided.buttonRejected'), href: siteUrl(`/${locale}/account`) },
    reason: t('claimDecided.reason'),
  });
  await enqueueMail(tx, { kind: 'notification', to: [input.email], subject: mail.subject, html: mail.html, text: mail.text });
}
