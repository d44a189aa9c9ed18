import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { staffCouncils } from '@/lib/council-staff/queries';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'CouncilStaff' });
  return { title: t('listTitle'), robots: { index: false } };
}

/** The councils the signed-in person is staff of; each leads to its workspace. */
export default async function StaffCouncilsPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/council`);
  const [t, tCouncil] = await Promise.all([getTranslations({ locale, namespace: 'CouncilStaff' }), getTranslations({ locale, namespace: 'Council' })]);
  const councils = await staffCouncils(await getDb(), user.grants, locale);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('listTitle')}</h1>
      {councils.length === 0 ? (
        <p className="mt-6 max-w-prose">
          {t('noCouncils')} <a href={`/${locale}/account`}>{t('claimLink')}</a>
        </p>
      ) : (
        <ul className="mt-6 space-y-2 text-lg">
          {councils.map((c) => (
            <li key={c.id}>
              <a href={`/${locale}/council/${c.slug}`} className="font-bold">
                {c.name ?? tCouncil('councilOf', { place: c.place })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
