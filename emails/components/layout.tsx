import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { env } from '../../lib/env';
import { EMAIL_COLOURS, emailLocale, mailTranslator } from '../i18n';

export type EmailLayoutProps = {
  locale: string;
  /** The line mail clients show after the subject. */
  preview: string;
  /** Why this person got this email; every email should say. */
  reason?: string;
  /** The campaign's web address in the footer; the site's public address (APP_URL) when not given. */
  campaignUrl?: string;
  children: ReactNode;
};

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/**
 * Every email's frame: the name at the top, the message, and a footer saying why the person got
 * it and where the campaign lives. Inline styles only: mail clients drop <style> and classes.
 */
export function EmailLayout({ locale, preview, reason, campaignUrl, children }: EmailLayoutProps) {
  const t = mailTranslator(locale);
  const address = campaignUrl ?? env().APP_URL;
  return (
    <Html lang={emailLocale(locale)} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: EMAIL_COLOURS.surface, color: EMAIL_COLOURS.ink, fontFamily, margin: 0, padding: '16px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', maxWidth: '600px' }}>
          <Section style={{ backgroundColor: EMAIL_COLOURS.ink, borderBottom: `8px solid ${EMAIL_COLOURS.brand}`, padding: '12px 24px' }}>
            <Text style={{ color: '#ffffff', fontSize: '24px', fontWeight: 700, lineHeight: '32px', margin: 0 }}>Untwin</Text>
          </Section>
          <Section style={{ fontSize: '16px', lineHeight: '24px', padding: '24px' }}>{children}</Section>
          <Section style={{ padding: '0 24px 24px' }}>
            <Hr style={{ borderColor: EMAIL_COLOURS.rule, margin: '0 0 16px' }} />
            {reason ? <Text style={footerText}>{reason}</Text> : null}
            <Text style={footerText}>{t('layout.about')}</Text>
            <Text style={footerText}>
              {t('layout.address')}{' '}
              <Link href={address} style={{ color: EMAIL_COLOURS.link, textDecoration: 'underline' }}>
                {address}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** Body paragraphs: React Email's Text defaults to 14px, small for reading on a phone. */
export const bodyText = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' };

const footerText = { color: EMAIL_COLOURS.muted, fontSize: '14px', lineHeight: '20px', margin: '0 0 8px' };
