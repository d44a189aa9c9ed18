import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CouncilTie } from '@/components/council/council-tie';
import { TieCheckboxes } from '@/components/council-staff/tie-checkboxes';
import { ActionForm } from '@/components/forms/action-form';
import { RadioField, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { DoneBanner } from '@/components/people/done-banner';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { actorOf } from '@/lib/auth/session';
import { ANSWER_TYPES } from '@/lib/council-staff/answer-for-council';
import { getStaffWorkspace } from '@/lib/council-staff/queries';
import { documentUrl, isDocumentId } from '@/lib/documents/documents';
import { getCouncilPage } from '@/lib/ties/council-page';
import { answerFormAction, directoryFormAction } from './actions';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'CouncilStaff' });
  return { title: t('metaTitle'), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const H2 = 'text-2xl font-bold';

/**
 * A council's workspace: its staff (and the organisers of its campaigns) answer for the council,
 * upload its decisions, read the letters residents sent it through Untwin, see each tie as the
 * public sees it, and correct the council's directory entry. Anyone else gets a 403.
 */
export default async function CouncilWorkspacePage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/council/${slug}`);
  const db = await getDb();
  const work = await getStaffWorkspace(db, slug, locale);
  if (!work) notFound();
  const actor = actorOf(user);
  if (!can(actor, 'council.update_directory', work.target)) forbidden();
  const publicPage = await getCouncilPage(db, slug, { locale });

  const [t, tCouncil, people, format] = await Promise.all([
    getTranslations({ locale, namespace: 'CouncilStaff' }),
    getTranslations({ locale, namespace: 'Council' }),
    getTranslations({ locale, namespace: 'People' }),
    getFormatter({ locale }),
  ]);
  const query = await searchParams;
  const uploaded = one(query.uploaded);
  const uploadError = one(query.uploadError);
  const answered = Number(one(query.answered) ?? 0);
  const directory = one(query.directory);
  const title = work.council.name ?? tCouncil('councilOf', { place: work.council.place });
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 })
      : format.number(bytes / 1024 / 1024, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const canUpload = can(actor, 'document.upload', work.target);
  const answerTypes = ANSWER_TYPES.filter((type) => can(actor, `tie.${type}`, work.target));
  const uploadErrorKey = uploadError && t.has(`upload.errors.${uploadError}` as never) ? `upload.errors.${uploadError}` : 'upload.errors.other';
  const done =
    answered > 0 ? t('done.answered', { count: answered }) : directory !== undefined ? t('done.directory', { count: Number(directory) }) : uploaded && isDocumentId(uploaded) ? t('done.uploaded') : null;

  return (
    <>
      <p className="text-lg text-muted">{t('eyebrow')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">{title}</h1>
      <p className="mt-4 max-w-prose">
        {t('intro')} <a href={`/${locale}/councils/${work.council.slug}`}>{t('publicPage')}</a>
      </p>
      <nav aria-label={t('contents')} className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          <li><a href="#answer">{t('answer.heading')}</a></li>
          <li><a href="#documents">{t('upload.heading')}</a></li>
          <li><a href="#ties">{t('ties.heading')}</a></li>
          <li><a href="#letters">{t('letters.heading')}</a></li>
          <li><a href="#directory">{t('directory.heading')}</a></li>
        </ul>
      </nav>
      <DoneBanner message={done} />
      {uploadError ? (
        <div role="alert" data-testid="upload-error" className="mt-6 max-w-prose border-4 border-[#d4351c] p-4 font-bold">
          {t(uploadErrorKey as never)}
        </div>
      ) : null}

      <section id="answer" aria-labelledby="answer-heading" className="mt-10">
        <h2 id="answer-heading" className={H2}>{t('answer.heading')}</h2>
        <p className="mt-2 max-w-prose">{t('answer.intro')}</p>
        {work.ties.length === 0 || answerTypes.length === 0 ? (
          <p className="mt-2">{t('answer.nothing')}</p>
        ) : (
          <ActionForm
            id="answer-form"
            action={answerFormAction.bind(null, locale, work.council.slug, work.council.id)}
            submitLabel={t('answer.submit')}
            errorSummaryTitle={people('errorSummaryTitle')}
            labelledBy="answer-heading"
            className="mt-4"
          >
            <TieCheckboxes
              legend={t('answer.ties')}
              hint={t('answer.tiesHint')}
              ties={work.ties.map((tie) => ({
                id: tie.id,
                checked: work.ties.length === 1,
                label: (
                  <>
                    {work.council.place} – {tie.partner} ({tie.country}) <StatusLabel status={tie.status} />
                  </>
                ),
              }))}
            />
            <RadioField
              name="type"
              legend={t('answer.type')}
              options={answerTypes.map((type) => ({ value: type, label: t(`answer.types.${type}`), hint: t(`answer.hints.${type}`) }))}
            />
            <TextField name="occurredOn" label={t('answer.occurredOn')} hint={t('answer.occurredOnHint')} className="max-w-xs" />
            <TextArea name="note" label={t('answer.note')} hint={t('answer.noteHint')} rows={4} />
            <TextField name="sessionOn" label={t('answer.sessionOn')} hint={t('answer.sessionOnHint')} className="max-w-xs" />
            <fieldset className="space-y-4 border-l-4 border-rule pl-4">
              <legend className="text-lg font-bold">{t('answer.decisionHeading')}</legend>
              <p className="max-w-prose text-muted">{t('answer.decisionHint')}</p>
              <TextField name="decisionNumber" label={t('answer.decisionNumber')} className="max-w-xs" />
              <TextField name="decidedBy" label={t('answer.decidedBy')} hint={t('answer.decidedByHint')} />
              <TextField name="decisionUrl" type="url" label={t('answer.decisionUrl')} />
              <SelectField
                name="documentId"
                label={t('answer.document')}
                hint={work.documents.length === 0 ? t('answer.documentNone') : t('answer.documentHint')}
                placeholder="—"
                defaultValue={uploaded && work.documents.some((d) => d.id === uploaded) ? uploaded : undefined}
                options={work.documents.map((d) => ({
                  value: d.id,
                  label: `${d.filename ?? d.id} (${size(d.size)}, ${format.dateTime(d.createdAt, { dateStyle: 'medium' })})`,
                }))}
              />
            </fieldset>
          </ActionForm>
        )}
      </section>

      <section id="documents" aria-labelledby="documents-heading" className="mt-10">
        <h2 id="documents-heading" className={H2}>{t('upload.heading')}</h2>
        <p className="mt-2 max-w-prose">{t('upload.intro')}</p>
        {canUpload ? (
          <form
            method="post"
            encType="multipart/form-data"
            action={`/api/documents?${new URLSearchParams({ council: work.council.slug, locale })}`}
            className="mt-4 space-y-4"
            aria-labelledby="documents-heading"
          >
            <div>
              <label htmlFor="upload-file" className="block font-bold">
                {t('upload.file')}
              </label>
              <p id="upload-file-hint" className="text-muted">
                {t('upload.fileHint')}
              </p>
              <input id="upload-file" type="file" name="file" accept="application/pdf,.pdf" required aria-describedby="upload-file-hint" className="mt-1 block max-w-full" />
            </div>
            <button type="submit" className="bg-surface px-4 py-2 text-lg font-bold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]">
              {t('upload.submit')}
            </button>
          </form>
        ) : null}
        {work.documents.length > 0 ? (
          <ul className="mt-4 space-y-1" data-testid="documents">
            {work.documents.map((d) => (
              <li key={d.id}>
                <a href={documentUrl(d.id)}>{d.filename ?? d.id}</a>{' '}
                <span className="text-muted">
                  ({size(d.size)}, {format.dateTime(d.createdAt, { dateStyle: 'medium' })})
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section id="ties" aria-labelledby="ties-heading" className="mt-10">
        <h2 id="ties-heading" className={H2}>{t('ties.heading')}</h2>
        <p className="mt-2 max-w-prose">{t('ties.intro')}</p>
        <div className="mt-6 space-y-10">{publicPage?.ties.map((tie) => <CouncilTie key={tie.id} tie={tie} />)}</div>
      </section>

      <section id="letters" aria-labelledby="letters-heading" className="mt-10">
        <h2 id="letters-heading" className={H2}>{t('letters.heading')}</h2>
        <p className="mt-2 max-w-prose">{t('letters.intro', { count: work.letters.length })}</p>
        <ol className="mt-4 space-y-4" data-testid="letters">
          {work.letters.map((letter) => (
            <li key={letter.id} className="border-l-4 border-rule pl-4" data-letter={letter.id}>
              <details>
                <summary className="cursor-pointer">
                  <span className="font-bold underline">{letter.subject}</span>
                  <span className="block text-muted">
                    {[letter.signerName, letter.signerCity].filter(Boolean).join(', ') || t('letters.unsigned')}
                    {' · '}
                    {letter.sentAt ? t('letters.sentOn', { date: format.dateTime(letter.sentAt, { dateStyle: 'medium' }) }) : null}
                    {' · '}
                    {letter.state === 'delivered' ? t('letters.delivered') : t('letters.sent')}
                    {letter.tieIds.length > 0 ? (
                      <>
                        {' · '}
                        {letter.tieIds.map((id) => work.ties.find((tie) => tie.id === id)?.partner).filter(Boolean).join(', ')}
                      </>
                    ) : null}
                  </span>
                </summary>
                <div lang={letter.language} className="mt-2 max-w-prose whitespace-pre-line">
                  {letter.body}
                </div>
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section id="directory" aria-labelledby="directory-heading" className="mt-10">
        <h2 id="directory-heading" className={H2}>{t('directory.heading')}</h2>
        <p className="mt-2 max-w-prose">{t('directory.intro')}</p>
        <dl className="mt-4 grid max-w-2xl gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-bold">{t('directory.domains')}</dt>
          <dd>{work.council.emailDomains.join(', ') || '—'}</dd>
          <dt className="font-bold">{t('directory.languages')}</dt>
          <dd>{work.council.languages.join(', ') || '—'}</dd>
        </dl>
        <ActionForm
          id="directory-form"
          action={directoryFormAction.bind(null, locale, work.council.slug, work.council.id)}
          submitLabel={t('directory.submit')}
          errorSummaryTitle={people('errorSummaryTitle')}
          labelledBy="directory-heading"
          className="mt-4"
        >
          <TextArea name="contactEmails" label={t('directory.contactEmails')} hint={t('directory.contactEmailsHint')} defaultValue={work.council.contactEmails.join('\n')} />
          <TextField name="website" type="url" label={t('directory.website')} defaultValue={work.council.website} />
          <TextField name="headName" label={t('directory.headName')} defaultValue={work.council.headName} />
          <TextArea name="postalAddress" label={t('directory.postalAddress')} hint={t('directory.postalAddressHint')} defaultValue={work.council.postalAddress ?? ''} />
        </ActionForm>
      </section>
    </>
  );
}
