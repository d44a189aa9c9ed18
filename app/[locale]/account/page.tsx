import type { Metadata } from 'next';
import { holdsRole } from '@/lib/auth/permissions';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionForm } from '@/components/forms/action-form';
import { RadioField, SelectField, TextField } from '@/components/forms/fields';
import { DoneBanner } from '@/components/people/done-banner';
import { MembershipList } from '@/components/people/membership-list';
import { TieLinkList } from '@/components/people/tie-link-list';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { getAccountView } from '@/lib/people/queries';
import { councilLabel } from '@/lib/people/labels';
import { claimStaffAction, updateAccountAction } from './actions';
import { accountDone } from './done';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'People.Account' });
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function AccountPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/account`);

  const db = await getDb();
  const [view, t, people, tCouncil, language, format, tAppeals] = await Promise.all([
    getAccountView(db, user, locale),
    getTranslations({ locale, namespace: 'People.Account' }),
    getTranslations({ locale, namespace: 'People' }),
    getTranslations({ locale, namespace: 'Council' }),
    getTranslations({ locale, namespace: 'LanguageName' }),
    getFormatter({ locale }),
    getTranslations({ locale, namespace: 'Appeals' }),
  ]);
  const done = accountDone((await searchParams).done);
  const organises = holdsRole(user.grants, 'organiser', 'admin');
  const staffOrOrganiser = organises || holdsRole(user.grants, 'council_staff');

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <DoneBanner message={done ? t(done) : null} />
      <p className="mt-4 text-lg">
        {t('signedInAs')} <strong data-testid="account-email">{user.email}</strong>.{' '}
        <a href={`/${locale}/sign-out`}>{t('signOut')}</a>
      </p>
      <p className="mt-2">
        <a href={`/${locale}/my-appeals`}>{tAppeals('Mine.title')}</a>
      </p>

      {user.bannedAt ? (
        <section role="alert" aria-labelledby="banned-heading" className="mt-6 max-w-prose border-4 border-[#d4351c] p-4">
          <h2 id="banned-heading" className="text-xl font-bold">
            {t('bannedTitle')}
          </h2>
          <p className="mt-1">{t('bannedBody')}</p>
          {view.bannedReason ? (
            <p className="mt-1">
              {t('bannedReason')} {view.bannedReason}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="roles-heading" className="mt-10">
        <h2 id="roles-heading" className="text-2xl font-bold">
          {t('rolesHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{user.emailVerified ? t('activist') : t('unconfirmed')}</p>
        <MembershipList
          memberships={view.memberships}
          labels={{
            council_staff: t('councilStaffOf'),
            organiser: t('organiserOf'),
            admin: t('admin'),
            reason: t('reason'),
            states: { pending: people('States.pending'), active: people('States.active'), revoked: people('States.revoked') },
          }}
          councilName={(c) => councilLabel(c, tCouncil)}
          formatDate={(d) => format.dateTime(d, { dateStyle: 'long' })}
        />
        {organises || staffOrOrganiser ? (
          <ul className="mt-4 list-disc space-y-1 pl-6">
            {organises ? (
              <>
                <li>
                  <a href={`/${locale}/organise/people`}>{t('organiseLink')}</a>
                </li>
                <li>
                  <a href={`/${locale}/organise/appeals`}>{tAppeals('Moderation.title')}</a>
                </li>
              </>
            ) : null}
            <li>
              <a href={`/${locale}/organise/ties`}>{t('tiesLink')}</a>
            </li>
            {holdsRole(user.grants, 'admin') ? (
              <li>
                <a href={`/${locale}/admin/mail`}>{t('mailLink')}</a>
              </li>
            ) : null}
          </ul>
        ) : null}
      </section>

      {view.staffTies.length > 0 ? (
        <section aria-labelledby="staff-ties-heading" className="mt-10">
          <h2 id="staff-ties-heading" className="text-2xl font-bold">
            {t('staffTiesHeading')}
          </h2>
          <p className="mt-2 max-w-prose">{t('staffTiesIntro')}</p>
          <TieLinkList ties={view.staffTies} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="profile-heading" className="mt-10">
        <h2 id="profile-heading" className="text-2xl font-bold">
          {t('profileHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{t('profileIntro')}</p>
        <ActionForm
          id="profile"
          action={updateAccountAction.bind(null, locale)}
          submitLabel={t('save')}
          errorSummaryTitle={people('errorSummaryTitle')}
          labelledBy="profile-heading"
          className="mt-4"
        >
          <TextField name="name" label={t('name')} hint={t('nameHint')} defaultValue={user.name} autoComplete="name" />
          <TextField name="city" label={t('city')} hint={t('cityHint')} defaultValue={user.city} autoComplete="address-level2" />
          <SelectField
            name="locale"
            label={t('language')}
            hint={t('languageHint')}
            defaultValue={user.locale ?? locale}
            options={routing.locales.map((l) => ({ value: l, label: language(l) }))}
          />
        </ActionForm>
      </section>

      <section aria-labelledby="claim-heading" className="mt-10">
        <h2 id="claim-heading" className="text-2xl font-bold">
          {t('claimHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{t('claimIntro')}</p>
        {view.claimableCouncils.length === 0 ? (
          <p className="mt-2 max-w-prose">{t('claimNone')}</p>
        ) : (
          <ActionForm
            id="claim"
            action={claimStaffAction.bind(null, locale)}
            submitLabel={t('claimSubmit')}
            errorSummaryTitle={people('errorSummaryTitle')}
            labelledBy="claim-heading"
            className="mt-4"
          >
            <RadioField
              name="councilId"
              legend={t('claimCouncil')}
              defaultValue={view.claimableCouncils.length === 1 ? String(view.claimableCouncils[0]!.id) : undefined}
              options={view.claimableCouncils.map((c) => ({ value: String(c.id), label: councilLabel(c, tCouncil) }))}
            />
          </ActionForm>
        )}
      </section>
    </>
  );
}
