import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { FollowForm } from '@/components/council-staff/follow-form';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { getStaffWorkspace } from '@/lib/council-staff/queries';
import { followCouncilAction } from './actions';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Follow' });
  return { title: t('title'), robots: { index: false } };
}

/** Follow a council by email: news when one of its ties changes status, after a confirmation link. */
export default async function FollowPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const council = (await getStaffWorkspace(await getDb(), slug, locale))?.council;
  if (!council) notFound();
  const [t, tCouncil] = await Promise.all([getTranslations({ locale, namespace: 'Follow' }), getTranslations({ locale, namespace: 'Council' })]);
  const name = council.name ?? tCouncil('councilOf', { place: council.place });
  const sent = (await searchParams).sent !== undefined;
  return (
    <>
      <p className="text-lg text-muted">{t('title')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">{name}</h1>
      {sent ? (
        <p role="status" data-testid="done" className="mt-6 max-w-prose border-l-8 border-[#00703c] bg-surface p-4 font-bold">
          {t('sent')}
        </p>
      ) : (
        <>
          <p className="mt-4 max-w-prose">{t('intro')}</p>
          <FollowForm
            action={followCouncilAction.bind(null, locale, slug)}
            label={t('email')}
            hint={t('emailHint')}
            submit={t('submit')}
            errors={{ email: t('errors.email'), foreign_origin: t('errors.foreign_origin'), other: t('errors.other') }}
          />
        </>
      )}
      <p className="mt-6">
        <a href={`/${locale}/councils/${slug}`}>{t('councilPage', { council: name })}</a>
      </p>
    </>
  );
}
