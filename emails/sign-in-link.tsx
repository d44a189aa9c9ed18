import { Button, Heading, Link, Section, Text } from '@react-email/components';
import { EmailLayout, bodyText } from './components/layout';
import { EMAIL_COLOURS, type EmailLocale, mailTranslator } from './i18n';

export type SignInLinkEmailProps = {
  /** Our confirm page (not the Auth.js callback): opening it only shows a Sign in button. */
  url: string;
  /** The site's host, so the person sees where the request was made. */
  host: string;
  expiresInMinutes: number;
  locale: EmailLocale;
};

/**
 * The sign-in link. Says how long it works and that it works once, and what to do when the
 * person did not ask for it. The address is also written out for clients that break buttons.
 */
export default function SignInLinkEmail({ url, host, expiresInMinutes, locale }: SignInLinkEmailProps) {
  const t = mailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      preview={t('signIn.preview', { count: expiresInMinutes })}
      reason={t('signIn.reason', { host })}
      campaignUrl={new URL(url).origin}
    >
      <Heading as="h1" style={{ fontSize: '24px', lineHeight: '32px', margin: '0 0 16px' }}>
        {t('signIn.heading')}
      </Heading>
      <Text style={bodyText}>{t('signIn.requested', { host })}</Text>
      <Text style={bodyText}>{t('signIn.howTo')}</Text>
      <Section style={{ margin: '24px 0' }}>
        <Button
          href={url}
          style={{ backgroundColor: EMAIL_COLOURS.button, color: '#ffffff', fontSize: '19px', fontWeight: 700, padding: '12px 20px' }}
        >
          {t('signIn.button')}
        </Button>
      </Section>
      <Text style={{ ...bodyText, fontWeight: 700 }}>{t('signIn.expiry', { count: expiresInMinutes })}</Text>
      {/* The plain-text version already shows the address after the button's words. */}
      <Text style={bodyText} data-skip-in-text="true">
        {t('signIn.copy')}
        <br />
        <Link href={url} style={{ color: EMAIL_COLOURS.link, textDecoration: 'underline', wordBreak: 'break-all' }}>
          {url}
        </Link>
      </Text>
      <Text style={{ ...bodyText, color: EMAIL_COLOURS.muted }}>{t('signIn.notYou')}</Text>
    </EmailLayout>
  );
}

SignInLinkEmail.PreviewProps = {
  url: 'http://localhost:3000/uk/sign-in/confirm?token=preview-token&email=olena%40example.org&callbackUrl=%2Fuk%2Faccount',
  host: 'localhost:3000',
  expiresInMinutes: 10,
  locale: 'uk',
} satisfies SignInLinkEmailProps;
