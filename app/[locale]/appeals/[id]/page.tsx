import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusMessage } from '@/components/status/status-message';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { getAppealLetter, listMyAppeals } from '@/lib/appeals/queries';
import { requireUser } from '@/lib/auth/current-user';
import { councilLabel } from '@/lib/people/labels';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Appeals.Appeal' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** What the letter form just did (`?done=`); anything else in the address says nothing. */
const DONE = ['awaiting_moderation', 'queued', 'recorded', 'reported'] as const;
const doneOf = (value: unknown) => (DONE as readonly unknown[]).includes(value) ? (value as (typeof DONE)[number]) : null;

/** One appeal, for the person who wrote it: where it stands, where its ties stand now, the letter. */
export default async function AppealPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : null;
  const user = await requireUser(locale, `/${locale}/appeals/${rawId}`);

  const db = await getDb();
  const [letter, mine, t, tState, tChannel, tCouncil, tDone, format] = await Promise.all([
    id === null ? null : getAppealLetter(db, id, user.id, locale),
    listMyAppeals(db, user.id, locale),
    getTranslations({ locale, namespace: 'Appeals.Appeal' }),
    getTranslations({ locale, namespace: 'Appeals.States' }),
    getTranslations({ locale, namespace: 'Appeals.Channels' }),
    getTranslations({ locale, namespace: 'Council' }),
    getTranslations({ locale, namespace: 'Appeals.Done' }),
    getFormatter({ locale }),
  ]);
  const appeal = mine.find((a) => a.id === id);
  // Someone else's appeal is as absent as one that does not exist.
  if (!letter || !appeal) return <StatusMessage status={404} title={t('notFoundTitle')} body={t('notFoundBody')} />;
  const done = doneOf((await searchParams).done);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  const council = councilLabel(appeal.council, tCouncil);

  return (
    <>
      <p className="text-lg text-muted">{t('eyebrow')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">{council}</h1>
      <DoneBanner message={done ? tDone(done) : null} />

      <dl className="mt-6 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="font-bold">{t('state')}</dt>
        <dd data-testid="appeal-state" data-state={appeal.state}>
          <strong>{tState(appeal.state)}</strong>
          <span className="block">{t(`explain.${appeal.state}`)}</span>
        </dd>
        {appeal.rejectionReason ? (
          <>
            <dt className="font-bold">{t('rejectionReason')}</dt>
            <dd data-testid="rejection-reason">{appeal.rejectionReason}</dd>
          </>
        ) : null}
        <dt className="font-bold">{t('council')}</dt>
        <dd>
          <a href={`/${locale}/councils/${appeal.council.slug}`}>{council}</a>
        </dd>
        <dt className="font-bold">{t('campaign')}</dt>
        <dd>{appeal.campaign.name}</dd>
        <dt className="font-bold">{t('channel')}</dt>
        <dd>{tChannel(appeal.channel)}</dd>
        <dt className="font-bold">{t('written')}</dt>
        <dd>{date(appeal.createdAt)}</dd>
        {appeal.sentAt ? (
          <>
            <dt className="font-bold">{t('sent')}</dt>
            <dd>{date(appeal.sentAt)}</dd>
          </>
        ) : null}
        {appeal.deliveredAt ? (
          <>
            <dt className="font-bold">{t('delivered')}</dt>
            <dd>{date(appeal.deliveredAt)}</dd>
          </>
        ) : null}
        <dt className="font-bold">{t('ties')}</dt>
        <dd>
          <ul className="space-y-1" data-testid="appeal-ties">
            {appeal.ties.map((tie) => (
              <li key={tie.id} data-tie={tie.id}>
                {appeal.council.place} – {tie.partnerName} <StatusLabel status={tie.statusNow} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      <section aria-labelledby="letter-heading" className="mt-10">
        <h2 id="letter-heading" className="text-2xl font-bold">
          {t('letterHeading')}
        </h2>
        <p className="mt-2" lang={letter.language}>
          <span className="font-bold" lang={locale}>
            {t('subject')}:
          </span>{' '}
          <span data-testid="appeal-subject">{letter.subject}</span>
        </p>
        <pre data-testid="appeal-body" lang={letter.language} className="mt-2 max-w-3xl border-2 border-rule bg-surface p-4 font-sans whitespace-pre-wrap">
          {letter.body}
        </pre>
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-1">
          <li>
            <a href={`/${locale}/appeals/${id}/print`}>{t('print')}</a>
          </li>
          <li>
            <a href={`/api/appeals/${id}/pdf?locale=${locale}`} type="application/pdf" download>
              {t('pdf')}
            </a>
          </li>
          <li>
            <a href={`/${locale}/my-appeals`}>{t('myAppeals')}</a>
          </li>
          {appeal.state === 'rejected' || appeal.state === 'failed' || appeal.state === 'bounced' ? (
            <li>
              <a href={`/${locale}/appeals/new?${new URLSearchParams({ council: appeal.council.slug })}`}>{t('writeAgain')}</a>
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}
