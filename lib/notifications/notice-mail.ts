import { createElement } from 'react';
import NoticeEmail, { type NoticeEmailProps } from '../../emails/notice';
import { type EmailLocale, emailLocale, mailTranslator } from '../../emails/i18n';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { memberships, users } from '../../db/schema';
import { env } from '../env';
import { type RenderedEmail, renderEmail } from '../mail/render';

/** A notice rendered in the recipient's language, ready for the outbox. */
export async function renderNotice(props: NoticeEmailProps & { subject: string }): Promise<RenderedEmail & { subject: string }> {
  const { subject, ...rest } = props;
  return { subject, ...(await renderEmail(createElement(NoticeEmail, rest))) };
}

export type MailT = ReturnType<typeof mailTranslator>;

export function noticeLocale(locale: string | null | undefined): EmailLocale {
  return emailLocale(locale ?? 'en');
}

/** An absolute link on this site. */
export function siteUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

export type Recipient = { email: string; locale: EmailLocale };

/**
 * Who is told about a council's business: the organisers of the campaigns that hold its ties;
 * the admins when no campaign has an organiser (someone must hear). Banned people are left out.
 */
export async function organiserRecipients(db: Queryable, campaignIds: readonly number[]): Promise<Recipient[]> {
  const organisers = campaignIds.length
    ? await db
        .selectDistinct({ email: users.email, locale: users.locale })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.role, 'organiser'), eq(memberships.state, 'active'), inArray(memberships.campaignId, [...campaignIds]), isNull(users.bannedAt)))
    : [];
  const rows = organisers.length
    ? organisers
    : await db
        .selectDistinct({ email: users.email, locale: users.locale })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.role, 'admin'), eq(memberships.state, 'active'), isNull(users.bannedAt)));
  return rows.map((r) => ({ email: r.email, locale: noticeLocale(r.locale) })).sort((a, b) => a.email.localeCompare(b.email));
}
