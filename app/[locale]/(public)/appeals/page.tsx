import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/i18n/routing';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ council?: string | string[] }> };

/** A council slug as the council pages make them; anything else is ignored rather than echoed. */
const COUNCIL_SLUG = /^[a-z0-9][a-z0-9-]{0,120}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'AppealsSoon' });
  return { title: t('title'), description: t('description') };
}

/** Where "Appeal to the council" leads until the appeal flow lands: says so, and leads back. */
export default async function AppealsSoonPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'AppealsSoon' });
  const raw = (await searchParams).council;
  const council = typeof raw === 'string' && COUNCIL_SLUG.test(raw) ? raw : null;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('body')}</p>
      <p className="mt-4 max-w-prose text-lg">{t('meanwhile')}</p>
      <p className="mt-6 text-lg">
        {council ? <a href={`/${locale}/councils/${council}`}>{t('back')}</a> : <a href={`/${locale}`}>{t('home')}</a>}
      </p>
    </>
  );
}
