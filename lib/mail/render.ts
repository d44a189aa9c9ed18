import { render } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import SignInLinkEmail from '../../emails/sign-in-link';
import { emailLocale, mailTranslator } from '../../emails/i18n';

export type RenderedEmail = { html: string; text: string };

/** Every email goes out as HTML and as plain text, both from the same template. */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

export type SignInEmailInput = {
  url: string;
  host: string;
  locale: string;
  /** How long the link works; pass the sign-in link's own lifetime (lib/auth/sign-in-link.ts). */
  expiresInMinutes?: number;
};

/** The sign-in email in the person's language: subject, HTML and text, ready for the outbox. */
export async function renderSignInEmail({
  url,
  host,
  locale,
  expiresInMinutes = 10,
}: SignInEmailInput): Promise<RenderedEmail & { subject: string }> {
  const chosen = emailLocale(locale);
  const subject = mailTranslator(chosen)('signIn.subject');
  const rendered = await renderEmail(createElement(SignInLinkEmail, { url, host, expiresInMinutes, locale: chosen }));
  return { subject, ...rendered };
}
