import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { subscriptionByToken } from '@/lib/notifications/follow';

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Follow' });
  return { title: t('unsubscribeTitle'), robots: { index: false } };
}

/** The link in a notification mail: a button (a scanner opening the link stops nothing), or what it did. */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations({ locale, namespace: 'Follow' });
  const sub = await subscriptionByToken(await getDb(), token, locale);
  if (!sub) notFound();
  const done = (await searchParams).done !== undefined || sub.unsubscribed;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('unsubscribeTitle')}</h1>
      {done ? (
        <p role="status" data-testid="done" className="mt-6 max-w-prose border-l-8 border-[#00703c] bg-surface p-4 font-bold">
          {t('unsubscribed', { council: sub.councilName })}
        </p>
      ) : (
        <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}?${new URLSearchParams({ then: 'page', locale })}`} className="mt-6 space-y-4">
          <p className="max-w-prose">{t('unsubscribeIntro', { council: sub.councilName })}</p>
          <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
            {t('unsubscribeButton')}
          </button>
        </form>
      )}
      <p className="mt-6">
        <a href={`/${locale}/councils/${sub.councilSlug}`}>{t('councilPage', { council: sub.councilName })}</a>
      </p>
    </>
  );
}
