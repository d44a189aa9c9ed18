import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, RadioField, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { actorOf } from '@/lib/auth/session';
import { partialDateFormat, partialDateValue } from '@/lib/i18n/partial-date-format';
import { councilLabel } from '@/lib/people/labels';
import { getTieForOrganising } from '@/lib/people/queries';
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

const REQUIREMENT_HINT = {
  date: 'needsDate',
  source_or_evidence: 'needsSource',
  reason: 'needsReason',
  target_status: 'needsTargetStatus',
} as const;

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

  // Staff of the tie's council and organisers of its campaigns: anyone the table lets fire an event here.
  if (!TIE_EVENT_TYPES.some((e) => canFire(actor, e, tie.target))) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('notAllowedTitle')}</h1>
        <p className="mt-4 max-w-prose text-lg">{t('notAllowedBody')}</p>
      </>
    );
  }
  const events = availableEvents(tie.status).filter((e) => canFire(actor, e, tie.target));
  const recorded = (await searchParams).recorded;

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
                hint: EVENT_REQUIREMENTS[e].map((r) => t(REQUIREMENT_HINT[r])).join(' ') || undefined,
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
              <TextField name="decisionUrl" type="url" label={t('decisionUrl')} />
            </fieldset>
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
          {tie.events.map((e) => (
            <li key={e.id} className="border-l-4 border-rule pl-4" data-type={e.type}>
              <span className="font-bold">{tEvent(e.type)}</span>
              {e.occurredOn ? <>, {format.dateTime(partialDateValue(e.occurredOn), partialDateFormat(e.occurredOn.precision))}</> : null}
              <span className="block text-muted">
                {e.fromStatus && e.fromStatus !== e.toStatus ? `${tStatus(e.fromStatus)} → ${tStatus(e.toStatus)}` : tStatus(e.toStatus)}
                {' · '}
                {t('recordedOn')} {format.dateTime(e.recordedAt, { dateStyle: 'medium' })}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
