import { Button, Heading, Section, Text } from '@react-email/components';
import { createTranslator } from 'next-intl';
import { catalogues } from '../messages';
import { EmailLayout, bodyText } from './components/layout';
import { EMAIL_COLOURS, type EmailLocale } from './i18n';

export type InvitationEmailProps = {
  locale: EmailLocale;
  role: 'council_staff' | 'organiser' | 'admin';
  /** The council (for staff) or the campaign (for organisers) by name; null for an admin. */
  where: string | null;
  /** Who invites: a name and address, or the address alone. */
  inviter: string;
  /** The sign-in page: the role is granted when the invited address signs in. */
  signInUrl: string;
};

/** The words of the invitation, with the people pages' others (messages/{en,uk}/people.json). */
export function invitationTranslator(locale: EmailLocale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'People.Invitation' });
}

/**
 * An invitation to a role: to what, from whom, and how to accept it (sign in with the invited
 * address; there is no separate link to lose or forward).
 */
export default function InvitationEmail({ locale, role, where, inviter, signInUrl }: InvitationEmailProps) {
  const t = invitationTranslator(locale);
  return (
    <EmailLayout locale={locale} preview={t('preview')} reason={t('reason')} campaignUrl={new URL(signInUrl).origin}>
      <Heading as="h1" style={{ fontSize: '24px', lineHeight: '32px', margin: '0 0 16px' }}>
        {t(`subject_${role}`)}
      </Heading>
      <Text style={bodyText}>{t('greeting')}</Text>
      <Text style={bodyText}>{t(`body_${role}`)}</Text>
      {where ? <Text style={{ ...bodyText, fontSize: '19px', fontWeight: 700, borderLeft: `4px solid ${EMAIL_COLOURS.rule}`, paddingLeft: '12px' }}>{where}</Text> : null}
      <Text style={bodyText}>
        {t('invitedBy')} {inviter}
      </Text>
      <Text style={bodyText}>{t('howToAccept')}</Text>
      <Section style={{ margin: '24px 0' }}>
        <Button href={signInUrl} style={{ backgroundColor: EMAIL_COLOURS.button, color: '#ffffff', fontSize: '19px', fontWeight: 700, padding: '12px 20px' }}>
          {t('button')}
        </Button>
      </Section>
      <Text style={{ ...bodyText, color: EMAIL_COLOURS.muted }}>{t('ignore')}</Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  locale: 'uk',
  role: 'council_staff',
  where: 'Тернопільська міська рада',
  inviter: 'Olena Petrenko <olena@example.org>',
  signInUrl: 'http://localhost:3000/uk/sign-in?callbackUrl=%2Fuk%2Faccount',
} satisfies InvitationEmailProps;
