import { createElement } from 'react';
import { createTranslator } from 'next-intl';
import InvitationEmail, { invitationTranslator } from '../../emails/invitation';
import type { Queryable } from '../../db/client';
import type { Locale } from '../../i18n/routing';
import { catalogues } from '../../messages';
import { env } from '../env';
import { type RenderedEmail, renderEmail } from '../mail/render';
import { councilLabel } from './labels';
import { campaignRefs, councilRefById } from './queries';

export type InvitationMailInput = { email: string; locale: Locale; inviter: { name: string | null; email: string } } & (
  | { role: 'council_staff'; councilId: number }
  | { role: 'organiser'; campaignId: number }
  | { role: 'admin' }
);

/**
 * The invitation email in the invitee's language (the inviting page's), ready for the outbox:
 * the council or campaign named as its pages name it, and a link to sign in with that address.
 */
export async function composeInvitationMail(db: Queryable, input: InvitationMailInput): Promise<RenderedEmail & { subject: string }> {
  const { locale } = input;
  let where: string | null = null;
  if (input.role === 'council_staff') {
    const council = await councilRefById(db, input.councilId, locale);
    const tCouncil = createTranslator({ locale, messages: catalogues[locale], namespace: 'Council' });
    where = council ? councilLabel(council, tCouncil) : null;
  } else if (input.role === 'organiser') {
    where = (await campaignRefs(db, [input.campaignId], locale))[0]?.name ?? null;
  }
  const signInUrl = new URL(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/account`)}`, env().APP_URL).toString();
  const inviter = input.inviter.name ? `${input.inviter.name} <${input.inviter.email}>` : input.inviter.email;
  const rendered = await renderEmail(createElement(InvitationEmail, { locale, role: input.role, where, inviter, signInUrl }));
  return { subject: invitationTranslator(locale)(`subject_${input.role}`), ...rendered };
}
