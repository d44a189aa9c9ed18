import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { TieLinkList } from '@/components/people/tie-link-list';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { listTiesToUpdate } from '@/lib/people/queries';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'People.Ties' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Where staff and organisers pick a tie to record what happened to it. */
export default async function OrganiseTiesPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/organise/ties`);
  const [ties, t] = await Promise.all([listTiesToUpdate(await getDb(), user.grants, locale), getTranslations({ locale, namespace: 'People.Ties' })]);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{ties.length === 0 ? t('none') : t('intro')}</p>
      {ties.length > 0 ? <TieLinkList ties={ties} locale={locale} /> : null}
    </>
  );
}
