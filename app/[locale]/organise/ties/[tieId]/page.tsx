import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionForm } from '@/components/forms/action-form';
import { StatusMessage } from '@/components/status/status-message';
import { CheckboxField, RadioField, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { actorOf } from '@/lib/auth/session';
import { partialDateFormat, partialDateValue } from '@/lib/i18n/partial-date-format';
import { councilLabel } from '@/lib/people/labels';
import { type TieEventSummary, getTieForOrganising } from '@/lib/people/queries';
import { EVENT_REQUIREMENTS, TIE_EVENT_TYPES, TIE_STATUSES, availableEvents, canFire } from '@/lib/ties/lifecycle';
import { recordTieEventFormAction } from './actions';

type Props = {
  params: Promise<{ locale: string; tieId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'People.Tie' });
  return { title: t('metaTitle'), robots: { index: false } };
}


export default async function OrganiseTiePage({ params, searchParams }: Props) {
  const { locale, tieId: rawId } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const tieId = /^\d{1,9}$/.test(rawId) ? Number(rawId) : null;
  if (tieId === null) notFound();
  const user = await requireUser(locale, `/${locale}/organise/ties/${tieId}`);

  const tie = await getTieForOrganising(await getDb(), tieId, locale);
  if (!tie) notFound();
  const [t, people, tCouncil, tEvent, tStatus, format] = await Promise.all([
    getTranslations({ locale, namespace: 'People.Tie' }),
    getTranslations({ locale, namespace: 'People' }),
    getTranslations({ locale, namespace: 'Council' }),
    getTranslations({ locale, namespace: 'Event' }),
    getTranslations({ locale, namespace: 'TieStatus' }),
    getFormatter({ locale }),
  ]);
  const actor = actorOf(user);
  const title = `${tie.place} – ${tie.partner}`;

  // Staff of the tie's council and organisers of its campaigns: anyone the table lets fire an
  // event here. Everyone else gets a 403, not a form (the action refuses them too).
  if (!TIE_EVENT_TYPES.some((e) => canFire(actor, e, tie.target))) {
    const tForbidden = await getTranslations({ locale, namespace: 'Forbidden' });
    return <StatusMessage status={403} title={tForbidden('title')} body={tForbidden('body')} />;
  }
  const events = availableEvents(tie.status).filter((e) => canFire(actor, e, tie.target));
  const mayWithdraw = canFire(actor, 'withdrawn', tie.target);
  const mayAmend = canFire(actor, 'amended', tie.target);
  const recorded = (await searchParams).recorded;
  const when = (e: TieEventSummary) => (e.occurredOn ? format.dateTime(partialDateValue(e.occurredOn), partialDateFormat(e.occurredOn.precision)) : null);
  const eventLabel = (id: number | null) => {
    const target = tie.events.find((e) => e.id === id);
    return target ? [tEvent(target.type), when(target)].filter(Boolean).join(', ') : '';
  };

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{title}</h1>
      <DoneBanner message={recorded ? t('recorded') : null} />
      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">{t('status')}</dt>
        <dd data-testid="tie-status">
          <StatusLabel status={tie.status} />
        </dd>
        {tie.council ? (
          <>
            <dt className="font-bold">{t('council')}</dt>
            <dd>
              <a href={`/${locale}/councils/${tie.council.slug}`}>{councilLabel(tie.council, tCouncil)}</a>
            </dd>
          </>
        ) : null}
        {tie.campaigns.length > 0 ? (
          <>
            <dt className="font-bold">{t('campaigns')}</dt>
            <dd>{tie.campaigns.map((c) => c.name).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-4">
        <a href={`/${locale}/organise/ties`}>{t('allTies')}</a>
      </p>

      <section aria-labelledby="record-heading" className="mt-10">
        <h2 id="record-heading" className="text-2xl font-bold">
          {t('recordHeading')}
        </h2>
        {events.length === 0 ? (
          <p className="mt-2">{t('nothingToRecord')}</p>
        ) : (
          <ActionForm
            id="record"
            action={recordTieEventFormAction.bind(null, locale, tie.id)}
            hidden={{ expectedRevision: tie.revision }}
            submitLabel={t('submit')}
            errorSummaryTitle={people('errorSummaryTitle')}
            labelledBy="record-heading"
            className="mt-4"
          >
            <RadioField
              name="type"
              legend={t('type')}
              options={events.map((e) => ({
                value: e,
                label: tEvent(e),
                hint: EVENT_REQUIREMENTS[e].map((r) => t(`requirements.${r}`)).join(' ') || undefined,
              }))}
            />
            <TextField name="occurredOn" label={t('occurredOn')} hint={t('occurredOnHint')} className="max-w-xs" />
            <CheckboxField name="occurredByDate" label={t('occurredByDate')} />
            <TextField name="sourceUrl" type="url" label={t('sourceUrl')} hint={t('sourceUrlHint')} />
            <TextArea name="quote" label={t('quote')} hint={t('quoteHint')} />
            <fieldset className="space-y-4 border-l-4 border-rule pl-4">
              <legend className="text-lg font-bold">{t('decisionHeading')}</legend>
              <TextField name="decisionNumber" label={t('decisionNumber')} className="max-w-xs" />
              <TextField name="decisionDate" label={t('decisionDate')} hint={t('occurredOnHint')} className="max-w-xs" />
              <TextField name="decidedBy" label={t('decidedBy')} hint={t('decidedByHint')} />
              <TextField name="decisionUrl" type="url" label={t('decisionUrl')} />
            </fieldset>
            {events.includes('vote_scheduled') ? (
              <TextField name="sessionOn" label={t('sessionOn')} hint={t('sessionOnHint')} className="max-w-xs" />
            ) : null}
            {events.includes('checked') ? (
              <RadioField
                name="checkResult"
                legend={t('checkResult')}
                options={[
                  { value: 'listed', label: t('checkListed') },
                  { value: 'not_listed', label: t('checkNotListed') },
                ]}
              />
            ) : null}
            <TextArea name="note" label={t('note')} hint={t('noteHint')} />
            {events.includes('corrected') ? (
              <>
                <SelectField
                  name="targetStatus"
                  label={t('targetStatus')}
                  placeholder="—"
                  options={TIE_STATUSES.filter((s) => s !== tie.status).map((s) => ({ value: s, label: tStatus(s) }))}
                />
                <TextArea name="reason" label={t('reason')} hint={t('reasonHint')} />
              </>
            ) : null}
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="history-heading" className="mt-10">
        <h2 id="history-heading" className="text-2xl font-bold">
          {t('historyHeading')}
        </h2>
        <ol className="mt-4 space-y-3" data-testid="tie-history">
          {tie.events.map((e) => {
            const correctable = e.withdrawnBy === null && e.type !== 'withdrawn' && e.type !== 'amended';
            return (
              <li key={e.id} className="border-l-4 border-rule pl-4" data-type={e.type} data-event-id={e.id} data-withdrawn={e.withdrawnBy !== null || undefined}>
                <span className={e.withdrawnBy !== null ? 'font-bold line-through' : 'font-bold'}>{tEvent(e.type)}</span>
                {when(e) ? <>, {when(e)}</> : null}
                {e.withdrawnBy !== null ? <strong className="ml-2 rounded bg-[#d4351c] px-2 text-sm text-white">{t('withdrawnLabel')}</strong> : null}
                {e.amendedBy !== null ? <strong className="ml-2 rounded bg-surface px-2 text-sm">{t('amendedLabel')}</strong> : null}
                {e.targetEventId !== null ? <span className="block">{eventLabel(e.targetEventId)}</span> : null}
                {e.reason ? <span className="block">{e.reason}</span> : null}
                <span className="block text-muted">
                  {e.fromStatus && e.fromStatus !== e.toStatus ? `${tStatus(e.fromStatus)} → ${tStatus(e.toStatus)}` : tStatus(e.toStatus)}
                  {' · '}
                  {t(`byRole.${e.recorderRole}`)}
                  {e.sourceUrl ? (
                    <>
                      {' · '}
                      <a href={e.sourceUrl} rel="nofollow noopener noreferrer">
                        {e.sourceTitle ?? e.sourceUrl}
                      </a>
                    </>
                  ) : null}
                  {' · '}
                  {t('recordedOn')} {format.dateTime(e.recordedAt, { dateStyle: 'medium' })}
                </span>
                {!e.counts && e.withdrawnBy === null && e.type !== 'withdrawn' && e.type !== 'amended' ? <span className="block text-muted">{t('noLongerFits')}</span> : null}
                {correctable && (mayWithdraw || mayAmend) && e.type !== 'recorded' ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer underline">{t('correctHeading')}</summary>
                    {mayWithdraw ? (
                      <ActionForm
                        id={`withdraw-${e.id}`}
                        action={recordTieEventFormAction.bind(null, locale, tie.id)}
                        hidden={{ expectedRevision: tie.revision, type: 'withdrawn', targetEventId: e.id }}
                        submitLabel={t('withdrawSubmit')}
                        errorSummaryTitle={people('errorSummaryTitle')}
                        variant="warning"
                        className="mt-3"
                      >
                        <p className="font-bold">{t('withdrawHeading')}</p>
                        <p className="max-w-prose text-muted">{t('withdrawHint')}</p>
                        <TextArea name="reason" label={t('reason')} hint={t('reasonHint')} />
                      </ActionForm>
                    ) : null}
                    {mayAmend ? (
                      <ActionForm
                        id={`amend-${e.id}`}
                        action={recordTieEventFormAction.bind(null, locale, tie.id)}
                        hidden={{ expectedRevision: tie.revision, type: 'amended', targetEventId: e.id }}
                        submitLabel={t('amendSubmit')}
                        errorSummaryTitle={people('errorSummaryTitle')}
                        variant="secondary"
                        className="mt-3"
                      >
                        <p className="font-bold">{t('amendHeading')}</p>
                        <p className="max-w-prose text-muted">{t('amendHint')}</p>
                        <TextField name="occurredOn" label={t('occurredOn')} hint={t('occurredOnHint')} className="max-w-xs" />
                        <CheckboxField name="occurredByDate" label={t('occurredByDate')} />
                        <TextField name="sourceUrl" type="url" label={t('sourceUrl')} hint={t('sourceUrlHint')} />
                        <TextArea name="reason" label={t('reason')} hint={t('reasonHint')} />
                      </ActionForm>
                    ) : null}
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
