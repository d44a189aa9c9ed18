import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/i18n/routing';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Auth.Error' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** The Auth.js errors a person can meet, in their words; any other is the general one. */
const EXPLAINED = ['Verification', 'AccessDenied', 'Configuration'] as const;

/** Where Auth.js sends a failed sign-in (`?error=Verification` for an expired or used link). */
export default async function SignInErrorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { error } = await searchParams;
  const kind = EXPLAINED.find((e) => e === error) ?? 'Default';
  const t = await getTranslations({ locale, namespace: 'Auth' });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('Error.title')}</h1>
      <p className="mt-4 max-w-prose text-lg" data-error={kind}>
        {t(`Error.${kind}`)}
      </p>
      <p className="mt-6">
        <a href={`/${locale}/sign-in`}>{t('askForNewLink')}</a>
      </p>
    </>
  );
}
