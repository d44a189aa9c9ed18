import type { Metadata } from 'next';
import { holdsRole } from '@/lib/auth/permissions';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionForm } from '@/components/forms/action-form';
import { RadioField, TextArea } from '@/components/forms/fields';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusMessage } from '@/components/status/status-message';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { campaignLetterDelivery } from '@/lib/appeals/campaign-delivery';
import { moderationQueue } from '@/lib/appeals/queries';
import { requireUser } from '@/lib/auth/current-user';
import { actorOf } from '@/lib/auth/session';
import { councilLabel } from '@/lib/people/labels';
import { organisedCampaignIds } from '@/lib/people/queries';
import { moderateAppealAction, setLetterDeliveryAction } from './actions';
import { moderationDone } from './done';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Appeals.Moderation' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** The organisers' side of appeals: new activists' letters to check, and how letters are sent. */
export default async function OrganiseAppealsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/organise/appeals`);
  const [t, people, tCouncil, tLanguage, format] = await Promise.all([
    getTranslations({ locale, namespace: 'Appeals.Moderation' }),
    getTranslations({ locale, namespace: 'People' }),
    getTranslations({ locale, namespace: 'Council' }),
    getTranslations({ locale, namespace: 'Appeals.LetterLanguage' }),
    getFormatter({ locale }),
  ]);
  if (!holdsRole(user.grants, 'organiser', 'admin')) {
    return <StatusMessage status={403} title={t('notAllowedTitle')} body={t('notAllowedBody')} />;
  }

  const db = await getDb();
  const [queue, campaigns] = await Promise.all([moderationQueue(db, actorOf(user), locale), campaignLetterDelivery(db, organisedCampaignIds(user.grants), locale)]);
  const done = moderationDone((await searchParams).done);
  const summaryTitle = people('errorSummaryTitle');
  const languageName = (code: string) => (tLanguage.has(code as Parameters<typeof tLanguage.has>[0]) ? tLanguage(code as Parameters<typeof tLanguage>[0]) : code);

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <DoneBanner message={done ? t(done) : null} />
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>

      <section aria-labelledby="queue-heading" className="mt-10">
        <h2 id="queue-heading" className="sr-only">
          {t('title')}
        </h2>
        {queue.length === 0 ? (
          <p className="mt-2 text-lg" data-testid="queue-empty">
            {t('none')}
          </p>
        ) : (
          <ul className="space-y-10" data-testid="moderation-queue">
            {queue.map((item) => {
              const council = councilLabel(item.council, tCouncil);
              return (
                <li key={item.id} className="border-l-4 border-rule pl-4" data-appeal={item.id} data-author={item.author.email}>
                  <h3 id={`appeal-${item.id}`} className="text-xl font-bold">
                    {council}: {item.author.name ? `${item.author.name} <${item.author.email}>` : item.author.email}
                  </h3>
                  <dl className="mt-2 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
                    <dt className="font-bold">{t('from')}</dt>
                    <dd>{[item.signerName, item.signerCity].filter(Boolean).join(', ') || item.author.email}</dd>
                    <dt className="font-bold">{t('council')}</dt>
                    <dd>
                      <a href={`/${locale}/councils/${item.council.slug}`}>{council}</a>
                    </dd>
                    <dt className="font-bold">{t('campaign')}</dt>
                    <dd>{item.campaign.name}</dd>
                    <dt className="font-bold">{t('ties')}</dt>
                    <dd>
                      {item.ties.map((tie, i) => (
                        <span key={tie.id}>
                          {i > 0 ? ', ' : null}
                          {tie.partnerName} <StatusLabel status={tie.statusNow} />
                        </span>
                      ))}
                    </dd>
                    <dt className="font-bold">{t('written')}</dt>
                    <dd>{format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
                    <dt className="font-bold">{t('language')}</dt>
                    <dd>{languageName(item.language)}</dd>
                    <dt className="font-bold">{t('subject')}</dt>
                    <dd lang={item.language}>{item.subject}</dd>
                  </dl>
                  <pre lang={item.language} className="mt-4 max-w-3xl border-2 border-rule bg-surface p-4 font-sans whitespace-pre-wrap">
                    {item.body}
                  </pre>
                  <div className="mt-4 grid gap-6 sm:grid-cols-2">
                    <ActionForm
                      id={`appeal-${item.id}-approve`}
                      action={moderateAppealAction.bind(null, locale)}
                      hidden={{ appealId: item.id, decision: 'approve' }}
                      submitLabel={t('approve')}
                      errorSummaryTitle={summaryTitle}
                    />
                    <ActionForm
                      id={`appeal-${item.id}-reject`}
                      action={moderateAppealAction.bind(null, locale)}
                      hidden={{ appealId: item.id, decision: 'reject' }}
                      submitLabel={t('reject')}
                      errorSummaryTitle={summaryTitle}
                      variant="warning"
                    >
                      <TextArea name="reason" label={t('rejectReason')} hint={t('rejectReasonHint')} rows={2} />
                    </ActionForm>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="delivery-heading" className="mt-12 border-t-2 border-ink pt-6">
        <h2 id="delivery-heading" className="text-2xl font-bold">
          {t('deliveryHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{t('deliveryIntro')}</p>
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          {campaigns.map((campaign) => (
            <ActionForm
              key={campaign.id}
              id={`delivery-${campaign.slug}`}
              action={setLetterDeliveryAction.bind(null, locale)}
              hidden={{ campaignId: campaign.id }}
              submitLabel={t('saveDelivery')}
              errorSummaryTitle={summaryTitle}
              variant="secondary"
            >
              <RadioField
                name="mode"
                legend={campaign.name}
                defaultValue={campaign.letterDelivery}
                options={[
                  { value: 'individual', label: t('individual'), hint: t('individualHint') },
                  { value: 'digest', label: t('digest'), hint: t('digestHint') },
                ]}
              />
            </ActionForm>
          ))}
        </div>
      </section>
    </>
  );
}
