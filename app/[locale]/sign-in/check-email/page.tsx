import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/i18n/routing';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Auth.CheckEmail' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * The same page after every request for a link, whatever the address: it does not say whether
 * the address has an account, nor whether it was over its limit (no account enumeration).
 */
export default async function CheckEmailPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Auth.CheckEmail' });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('body')}</p>
      <p className="mt-4 max-w-prose">{t('spam')}</p>
      <p className="mt-6">
        <a href={`/${locale}/sign-in`}>{t('again')}</a>
      </p>
    </>
  );
}
