import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/i18n/routing';
import { defaultCallbackPath, safeCallbackPath } from '@/lib/auth/callback-path';
import { env } from '@/lib/env';
import { SignInForm } from './sign-in-form';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Auth.SignIn' });
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const callbackPath = safeCallbackPath(query.callbackUrl, [env().APP_URL]) ?? defaultCallbackPath(locale);
  const t = await getTranslations({ locale, namespace: 'Auth.SignIn' });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>
      {/* Auth.js sends people here with ?error= when its own sign-in endpoint refused them. */}
      {query.error ? (
        <p role="alert" className="mt-6 max-w-prose border-l-4 border-[#d4351c] pl-4 font-bold">
          {t('failed')}
        </p>
      ) : null}
      <SignInForm
        locale={locale}
        callbackPath={callbackPath}
        labels={{
          email: t('emailLabel'),
          emailHint: t('emailHint'),
          submit: t('submit'),
          errorSummaryTitle: t('errorSummaryTitle'),
          errors: { email_missing: t('emailMissing'), email_invalid: t('emailInvalid'), foreign_origin: t('foreignOrigin') },
        }}
      />
    </>
  );
}
