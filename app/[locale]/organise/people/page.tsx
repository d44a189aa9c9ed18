import type { Metadata } from 'next';
import { holdsRole } from '@/lib/auth/permissions';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextArea, TextField } from '@/components/forms/fields';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusMessage } from '@/components/status/status-message';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { councilLabel } from '@/lib/people/labels';
import { getOrganiserScope, listBannedPeople, listMembers, listOpenInvitations, listPendingStaffClaims, type PersonMembership } from '@/lib/people/queries';
import {
  banPersonAction,
  decideClaimAction,
  inviteAdminAction,
  inviteOrganiserAction,
  inviteStaffAction,
  revokeMembershipAction,
  unbanPersonAction,
} from './actions';
import { peopleDone } from './done';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'People.Organise' });
  return { title: t('metaTitle'), robots: { index: false } };
}

const TH = 'border-b-2 border-ink py-2 pr-4 text-left font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';

export default async function OrganisePeoplePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/organise/people`);
  const [t, people, tCouncil, format] = await Promise.all([
    getTranslations({ locale, namespace: 'People.Organise' }),
    getTranslations({ locale, namespace: 'People' }),
    getTranslations({ locale, namespace: 'Council' }),
    getFormatter({ locale }),
  ]);

  if (!holdsRole(user.grants, 'organiser', 'admin')) {
    return <StatusMessage status={403} title={t('notAllowedTitle')} body={t('notAllowedBody')} />;
  }

  const db = await getDb();
  const scope = await getOrganiserScope(db, user.grants, locale);
  const [claims, members, invitations, banned] = await Promise.all([
    listPendingStaffClaims(db, scope, locale),
    listMembers(db, scope, locale),
    listOpenInvitations(db, scope, locale),
    listBannedPeople(db, scope),
  ]);
  const summaryTitle = people('errorSummaryTitle');
  const done = peopleDone((await searchParams).done);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const where = (m: Pick<PersonMembership, 'council' | 'campaign'>) => (m.council ? councilLabel(m.council, tCouncil) : (m.campaign?.name ?? '—'));

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <DoneBanner message={done ? t(done) : null} />
      <p className="mt-4 max-w-prose text-lg">
        {t('youOrganise')} {scope.isAdmin ? t('allCampaigns') : scope.campaigns.map((c) => c.name).join(', ')}
      </p>
      <p className="mt-2">
        <a href={`/${locale}/organise/ties`}>{t('tiesLink')}</a>
      </p>

      <section aria-labelledby="claims-heading" className="mt-10">
        <h2 id="claims-heading" className="text-2xl font-bold">
          {t('claimsHeading')}
        </h2>
        {claims.length === 0 ? (
          <p className="mt-2">{t('claimsNone')}</p>
        ) : (
          <>
            <p className="mt-2 max-w-prose">{t('claimsIntro')}</p>
            <ul className="mt-4 space-y-6" data-testid="staff-claims">
              {claims.map((claim) => (
                <li key={claim.id} className="border-l-4 border-rule pl-4" data-email={claim.person.email}>
                  <h3 id={`claim-${claim.id}`} className="text-lg font-bold">
                    {claim.person.name ? `${claim.person.name} <${claim.person.email}>` : claim.person.email}
                  </h3>
                  <p>
                    {t('council')}: {claim.council ? councilLabel(claim.council, tCouncil) : '—'}. {t('requestedOn')}: {date(claim.createdAt)}
                  </p>
                  <div className="mt-2 grid gap-6 sm:grid-cols-2">
                    <ActionForm
                      id={`claim-${claim.id}-approve`}
                      action={decideClaimAction.bind(null, locale)}
                      hidden={{ membershipId: claim.id, decision: 'approve' }}
                      submitLabel={t('approve')}
                      errorSummaryTitle={summaryTitle}
                      labelledBy={`claim-${claim.id}`}
                    />
                    <ActionForm
                      id={`claim-${claim.id}-reject`}
                      action={decideClaimAction.bind(null, locale)}
                      hidden={{ membershipId: claim.id, decision: 'reject' }}
                      submitLabel={t('reject')}
                      errorSummaryTitle={summaryTitle}
                      variant="warning"
                      labelledBy={`claim-${claim.id}`}
                    >
                      <TextArea name="reason" label={t('rejectReason')} hint={t('rejectReasonHint')} rows={2} />
                    </ActionForm>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="invite-heading" className="mt-10">
        <h2 id="invite-heading" className="text-2xl font-bold">
          {t('inviteHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{t('inviteIntro')}</p>
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          <div>
            <h3 id="invite-staff-heading" className="text-xl font-bold">
              {t('inviteStaffHeading')}
            </h3>
            {scope.councils.length === 0 ? (
              <p className="mt-2">{t('noCouncils')}</p>
            ) : (
              <ActionForm
                id="invite-staff"
                action={inviteStaffAction.bind(null, locale)}
                submitLabel={t('sendInvitation')}
                errorSummaryTitle={summaryTitle}
                labelledBy="invite-staff-heading"
                className="mt-2"
              >
                <TextField name="email" type="email" label={t('email')} autoComplete="off" />
                <SelectField
                  name="councilId"
                  label={t('council')}
                  placeholder={t('choose')}
                  options={scope.councils.map((c) => ({ value: String(c.id), label: councilLabel(c, tCouncil) }))}
                />
              </ActionForm>
            )}
          </div>
          <div>
            <h3 id="invite-organiser-heading" className="text-xl font-bold">
              {t('inviteOrganiserHeading')}
            </h3>
            <ActionForm
              id="invite-organiser"
              action={inviteOrganiserAction.bind(null, locale)}
              submitLabel={t('sendInvitation')}
              errorSummaryTitle={summaryTitle}
              labelledBy="invite-organiser-heading"
              className="mt-2"
            >
              <TextField name="email" type="email" label={t('email')} autoComplete="off" />
              <SelectField
                name="campaignId"
                label={t('campaign')}
                placeholder={scope.campaigns.length === 1 ? undefined : t('choose')}
                options={scope.campaigns.map((c) => ({ value: String(c.id), label: c.name }))}
              />
            </ActionForm>
          </div>
          {scope.isAdmin ? (
            <div>
              <h3 id="invite-admin-heading" className="text-xl font-bold">
                {t('inviteAdminHeading')}
              </h3>
              <p className="mt-1">{t('inviteAdminIntro')}</p>
              <ActionForm
                id="invite-admin"
                action={inviteAdminAction.bind(null, locale)}
                submitLabel={t('sendInvitation')}
                errorSummaryTitle={summaryTitle}
                labelledBy="invite-admin-heading"
                className="mt-2"
              >
                <TextField name="email" type="email" label={t('email')} autoComplete="off" />
              </ActionForm>
            </div>
          ) : null}
        </div>

        <h3 className="mt-8 text-xl font-bold">{t('invitationsHeading')}</h3>
        {invitations.length === 0 ? (
          <p className="mt-2">{t('invitationsNone')}</p>
        ) : (
          <table className="mt-2 w-full border-collapse" data-testid="invitations">
            <thead>
              <tr>
                <th scope="col" className={TH}>{t('email')}</th>
                <th scope="col" className={TH}>{t('role')}</th>
                <th scope="col" className={TH}>{t('where')}</th>
                <th scope="col" className={TH}>{t('sentOn')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td className={TD}>{i.email}</td>
                  <td className={TD}>{people(`Roles.${i.role}`)}</td>
                  <td className={TD}>{i.role === 'admin' ? '—' : where(i)}</td>
                  <td className={TD}>{date(i.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="members-heading" className="mt-10">
        <h2 id="members-heading" className="text-2xl font-bold">
          {t('membersHeading')}
        </h2>
        {members.length === 0 ? (
          <p className="mt-2">{t('membersNone')}</p>
        ) : (
          <table className="mt-2 w-full border-collapse" data-testid="members">
            <thead>
              <tr>
                <th scope="col" className={TH}>{t('person')}</th>
                <th scope="col" className={TH}>{t('role')}</th>
                <th scope="col" className={TH}>{t('where')}</th>
                <th scope="col" className={TH}>
                  <span className="sr-only">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} data-email={m.person.email} data-role={m.role}>
                  <td className={TD}>
                    {m.person.email}
                    {m.person.name ? <span className="block text-muted">{m.person.name}</span> : null}
                  </td>
                  <td className={TD}>{people(`Roles.${m.role}`)}</td>
                  <td className={TD}>{m.role === 'admin' ? '—' : where(m)}</td>
                  <td className={TD}>
                    {m.person.id === user.id ? null : (
                      <details>
                        <summary className="cursor-pointer text-link underline">{t('remove')}</summary>
                        <ActionForm
                          id={`remove-${m.id}`}
                          action={revokeMembershipAction.bind(null, locale)}
                          hidden={{ membershipId: m.id, role: m.role }}
                          submitLabel={t('remove')}
                          errorSummaryTitle={summaryTitle}
                          variant="warning"
                          className="mt-2"
                        >
                          <TextArea name="reason" label={t('removeReason')} rows={2} />
                        </ActionForm>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="ban-heading" className="mt-10">
        <h2 id="ban-heading" className="text-2xl font-bold">
          {t('banHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{t('banIntro')}</p>
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          <ActionForm id="ban" action={banPersonAction.bind(null, locale)} submitLabel={t('ban')} errorSummaryTitle={summaryTitle} variant="warning">
            <TextField name="email" type="email" label={t('banEmail')} autoComplete="off" />
            <TextArea name="reason" label={t('banReason')} rows={2} />
          </ActionForm>
          <ActionForm id="unban" action={unbanPersonAction.bind(null, locale)} submitLabel={t('unban')} errorSummaryTitle={summaryTitle} variant="secondary">
            <TextField name="email" type="email" label={t('unbanEmail')} autoComplete="off" />
          </ActionForm>
        </div>
        <h3 className="mt-8 text-xl font-bold">{t('bannedListHeading')}</h3>
        {banned.length === 0 ? (
          <p className="mt-2">{t('bannedNone')}</p>
        ) : (
          <table className="mt-2 w-full border-collapse" data-testid="banned">
            <thead>
              <tr>
                <th scope="col" className={TH}>{t('email')}</th>
                <th scope="col" className={TH}>{t('bannedOn')}</th>
                <th scope="col" className={TH}>{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {banned.map((b) => (
                <tr key={b.email}>
                  <td className={TD}>{b.email}</td>
                  <td className={TD}>{date(b.bannedAt)}</td>
                  <td className={TD}>{b.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
