import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PrintButton } from '@/components/appeals/copy-text-button';
import { PrintedLetter } from '@/components/appeals/printed-letter';
import { StatusMessage } from '@/components/status/status-message';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { getAppealLetter } from '@/lib/appeals/queries';
import { requireUser } from '@/lib/auth/current-user';
import { printableLetter } from '../../printable';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Appeals.Print' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** One of your letters laid out for paper; printing shows the letter alone. */
export default async function PrintAppealPage({ params }: Props) {
  const { locale, id: rawId } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : null;
  const user = await requireUser(locale, `/${locale}/appeals/${rawId}/print`);
  const db = await getDb();
  const [letter, t, tAppeal, tNew] = await Promise.all([
    id === null ? null : getAppealLetter(db, id, user.id, locale),
    getTranslations({ locale, namespace: 'Appeals.Print' }),
    getTranslations({ locale, namespace: 'Appeals.Appeal' }),
    getTranslations({ locale, namespace: 'Appeals.New' }),
  ]);
  if (!letter) return <StatusMessage status={404} title={tAppeal('notFoundTitle')} body={tAppeal('notFoundBody')} />;
  const printed = await printableLetter(db, {
    councilId: letter.council.id,
    tieIds: letter.tieIds,
    language: letter.language,
    subject: letter.subject,
    body: letter.body,
    signerName: letter.signerName ?? user.name ?? '',
    signerCity: letter.signerCity ?? user.city ?? '',
    at: letter.createdAt,
    fallbackAddress: [letter.council.name ?? letter.council.place, ...letter.recipients],
  });
  return (
    <>
      <h1 id="print-heading" className="text-3xl font-bold tracking-tight sm:text-5xl">
        {t('metaTitle')}
      </h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>
      <div className="mt-4 flex flex-wrap items-center gap-6">
        <PrintButton label={tNew('printNow')} />
        <a href={`/${locale}/appeals/${id}`}>{t('back')}</a>
      </div>
      <PrintedLetter letter={printed} labelledBy="print-heading" />
    </>
  );
}
