import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { routing } from '@/i18n/routing';
import { confirmFollowAction } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Follow' });
  return { title: t('confirmTitle'), robots: { index: false } };
}

/** The confirmation link opens this page; only its button (a POST) confirms, so a mail scanner confirms nothing. */
export default async function ConfirmFollowPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations({ locale, namespace: 'Follow' });
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : null;
  const done = typeof query.done === 'string' ? query.done : null;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('confirmTitle')}</h1>
      {done ? (
        <>
          <p role="status" data-testid="done" className="mt-6 max-w-prose border-l-8 border-[#00703c] bg-surface p-4 font-bold">
            {t('confirmed')}
          </p>
          <p className="mt-6">
            <a href={`/${locale}/councils/${encodeURIComponent(done)}`}>{t('backToCouncil')}</a>
          </p>
        </>
      ) : query.error !== undefined || !token ? (
        <p role="alert" className="mt-6 max-w-prose border-4 border-[#d4351c] p-4 font-bold">
          {t('confirmFailed')}
        </p>
      ) : (
        <form action={confirmFollowAction.bind(null, locale)} className="mt-6 space-y-4">
          <input type="hidden" name="token" value={token} />
          <p className="max-w-prose">{t('confirmIntro')}</p>
          <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
            {t('confirmButton')}
          </button>
        </form>
      )}
    </>
  );
}
