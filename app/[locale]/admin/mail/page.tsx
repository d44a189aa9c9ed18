import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionForm } from '@/components/forms/action-form';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusMessage } from '@/components/status/status-message';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { actorOf } from '@/lib/auth/session';
import { type OutboxEntry, countMailByState, listFailedMail, listQueuedMail } from '@/lib/mail/failed-mail';
import { retryFailedMailAction } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'AdminMail' });
  return { title: t('metaTitle'), robots: { index: false } };
}

const TH = 'border-b-2 border-ink py-2 pr-4 text-left align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';

export default async function AdminMailPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/admin/mail`);
  const [t, people, format] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminMail' }),
    getTranslations({ locale, namespace: 'People' }),
    getFormatter({ locale }),
  ]);

  if (!can(actorOf(user), 'mail.read_failed', 'anywhere')) {
    return <StatusMessage status={403} title={t('notAllowedTitle')} body={t('notAllowedBody')} />;
  }

  const db = await getDb();
  const [failed, queued, counts] = await Promise.all([listFailedMail(db), listQueuedMail(db), countMailByState(db)]);
  const done = (await searchParams).done === 'retried';
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : t('never'));
  const recipients = (m: OutboxEntry) => m.to.join(', ');
  const error = (m: OutboxEntry) =>
    m.lastError ? <span className="block max-w-xs text-sm break-words">{m.lastError}</span> : <span className="text-muted">{t('noError')}</span>;

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <DoneBanner message={done ? t('retried') : null} />
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>

      <section aria-labelledby="counts-heading" className="mt-8">
        <h2 id="counts-heading" className="text-2xl font-bold">
          {t('countsHeading')}
        </h2>
        <dl className="mt-2 grid max-w-2xl grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="mail-counts">
          {(
            [
              ['failed', t('countFailed')],
              ['queued', t('countQueued')],
              ['sending', t('countSending')],
              ['sent', t('countSent')],
              ['cancelled', t('countCancelled')],
            ] as const
          ).map(([state, label]) => (
            <div key={state} className="contents" data-state={state}>
              <dt>{label}</dt>
              <dd className="font-bold">{format.number(counts[state])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="failed-heading" className="mt-10">
        <h2 id="failed-heading" className="text-2xl font-bold">
          {t('failedHeading')}
        </h2>
        {failed.length === 0 ? (
          <p className="mt-2">{t('failedNone')}</p>
        ) : (
          <>
            <p className="mt-2 max-w-prose">{t('failedIntro')}</p>
            <div role="region" aria-labelledby="failed-caption" tabIndex={0} className="mt-4 overflow-x-auto">
              <table className="w-full min-w-[52rem] border-collapse" data-testid="failed-mail">
                <caption id="failed-caption" className="sr-only">
                  {t('failedCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={TH}>
                      {t('colSubject')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colTo')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colKind')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colAttempts')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colFailedAt')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colError')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colAction')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {failed.map((m) => (
                    <tr key={m.id} data-message={m.id}>
                      <th scope="row" id={`failed-${m.id}`} className={`${TD} font-bold`}>
                        {m.subject}
                      </th>
                      <td className={`${TD} break-all`}>{recipients(m)}</td>
                      <td className={TD}>{t(`Kinds.${m.kind}`)}</td>
                      <td className={TD}>{format.number(m.attempts)}</td>
                      <td className={`${TD} whitespace-nowrap`}>{when(m.failedAt)}</td>
                      <td className={TD}>{error(m)}</td>
                      <td className={TD}>
                        <ActionForm
                          id={`retry-${m.id}`}
                          action={retryFailedMailAction.bind(null, locale)}
                          hidden={{ messageId: m.id }}
                          submitLabel={t('retry')}
                          errorSummaryTitle={people('errorSummaryTitle')}
                          variant="secondary"
                          labelledBy={`failed-${m.id}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="queued-heading" className="mt-10">
        <h2 id="queued-heading" className="text-2xl font-bold">
          {t('queuedHeading')}
        </h2>
        {queued.length === 0 ? (
          <p className="mt-2">{t('queuedNone')}</p>
        ) : (
          <>
            <p className="mt-2 max-w-prose">{t('queuedIntro')}</p>
            <div role="region" aria-labelledby="queued-caption" tabIndex={0} className="mt-4 overflow-x-auto">
              <table className="w-full min-w-[52rem] border-collapse" data-testid="queued-mail">
                <caption id="queued-caption" className="sr-only">
                  {t('queuedCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={TH}>
                      {t('colSubject')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colTo')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colKind')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colState')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colAttempts')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colLastAttempt')}
                    </th>
                    <th scope="col" className={TH}>
                      {t('colError')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {queued.map((m) => (
                    <tr key={m.id} data-message={m.id}>
                      <th scope="row" className={`${TD} font-bold`}>
                        {m.subject}
                      </th>
                      <td className={`${TD} break-all`}>{recipients(m)}</td>
                      <td className={TD}>{t(`Kinds.${m.kind}`)}</td>
                      <td className={TD}>{t(`States.${m.state}`)}</td>
                      <td className={TD}>{format.number(m.attempts)}</td>
                      <td className={`${TD} whitespace-nowrap`}>{when(m.lastAttemptAt)}</td>
                      <td className={TD}>{error(m)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
