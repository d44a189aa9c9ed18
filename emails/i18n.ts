import { createTranslator } from 'next-intl';
import { catalogues } from '../messages';

/**
 * Emails are rendered outside any page (in a server action, or the mail worker), so there is no
 * next-intl request or provider to ask: they take their words from the same catalogues through a
 * plain translator, and each translation stays in messages/{en,uk}/mail.json with the others.
 */
export type EmailLocale = keyof typeof catalogues;

export function emailLocale(locale: string): EmailLocale {
  return locale === 'uk' || locale === 'en' ? locale : 'en';
}

export function mailTranslator(locale: string) {
  const chosen = emailLocale(locale);
  return createTranslator({ locale: chosen, messages: catalogues[chosen], namespace: 'Mail' });
}

/** The colours of the site (app/globals.css), written out: mail clients ignore stylesheets. */
export const EMAIL_COLOURS = {
  ink: '#0b0c0c',
  muted: '#505a5f',
  link: '#1d70b8',
  rule: '#b1b4b6',
  surface: '#f3f2f1',
  brand: '#1d70b8',
  button: '#00703c',
} as const;
