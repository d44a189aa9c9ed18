import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { AppealComposer, type ComposerLabels } from '@/components/appeals/appeal-composer';
import { CouncilAppealCount } from '@/components/appeals/appeal-count';
import { StatusMessage } from '@/components/status/status-message';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { prepareAppeal } from '@/lib/appeals/draft';
import { requireUser } from '@/lib/auth/current-user';
import { composeAppealAction } from './actions';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

/** A council slug as the council pages make them; anything else is not looked up. */
const COUNCIL_SLUG = /^[a-z0-9][a-z0-9-]{0,120}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Appeals.New' });
  return { title: t('metaTitle'), robots: { index: false } };
}

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The address of this page with the same question, for coming back after signing in. */
function thisPage(locale: string, query: SearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of list(value)) search.append(key, v);
  const qs = search.toString();
  return `/${locale}/appeals/new${qs ? `?${qs}` : ''}`;
}

const COMPOSER_KEYS = [
  'errorSummaryTitle',
  'letterHeading',
  'letterIntro',
  'subject',
  'body',
  'bodyHint',
  'signerName',
  'signerNameHint',
  'signerCity',
  'signerCityHint',
  'preview',
  'previewHeading',
  'previewIntro',
  'to',
  'replyTo',
  'cc',
  'previewSubject',
  'htmlHeading',
  'htmlFrameTitle',
  'textHeading',
  'edit',
  'sendHeading',
  'sendIntro',
  'send',
  'sendModerated',
  'moderationNote',
  'noAddress',
  'addressesBounced',
  'elsewhereHeading',
  'elsewhereIntro',
  'copyHeading',
  'copyLabel',
  'copyButton',
  'copied',
  'copyFailed',
  'sentCopy',
  'mailtoHeading',
  'mailtoLink',
  'mailtoTruncated',
  'mailtoUnavailable',
  'mailtoNoAddress',
  'sentMailto',
  'printHeading',
  'printButton',
  'sentPrint',
  'pdfHeading',
  'pdfButton',
  'pdfReady',
  'pdfLink',
  'sentPdf',
  'printViewHeading',
  'printViewIntro',
  'printNow',
  'backToPreview',
] as const satisfies readonly (keyof ComposerLabels)[];

/**
 * Writing to a council: `?council=<slug>`, optionally `&tie=<id>…` and `&language=`. Step 1 (a
 * GET form, so it works without JavaScript) picks the ties and the language and writes the
 * letter from the record; step 2 edits it; step 3 previews it exactly as it will be sent, then
 * sends it or takes it elsewhere (the letter form: components/appeals/appeal-composer.tsx).
 */
export default async function NewAppealPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const query = await searchParams;
  const user = await requireUser(locale, thisPage(locale, query));

  const [t, tLanguage, format] = await Promise.all([
    getTranslations({ locale, namespace: 'Appeals.New' }),
    getTranslations({ locale, namespace: 'Appeals.LetterLanguage' }),
    getFormatter({ locale }),
  ]);
  const rawCouncil = list(query.council)[0];
  const councilSlug = rawCouncil && COUNCIL_SLUG.test(rawCouncil) ? rawCouncil : null;
  if (!councilSlug) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('noCouncilTitle')}</h1>
        <p className="mt-4 max-w-prose text-lg">{t('noCouncilBody')}</p>
        <p className="mt-4 text-lg">
          <a href={`/${locale}/tracker`}>{(await getTranslations({ locale, namespace: 'Appeals.About' }))('findInTracker')}</a>
        </p>
      </>
    );
  }

  const chosenTies = list(query.tie).filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  // Step 1 posted with no tie ticked: said so, and the letter stays about every tie.
  const noneChosen = list(query.chosen)[0] === '1' && chosenTies.length === 0;
  const rawLanguage = list(query.language)[0];
  const db = await getDb();
  // Every tie the letter could be about (for the choice), then the letter about the chosen ones.
  const all = await prepareAppeal(db, { councilSlug, language: rawLanguage, user, locale });
  const prepared = chosenTies.length > 0 ? await prepareAppeal(db, { councilSlug, tieIds: chosenTies, language: rawLanguage, user, locale }) : all;

  const back = (
    <p className="mt-6 text-lg">
      <a href={`/${locale}/councils/${councilSlug}`}>{t('backToCouncil')}</a>
    </p>
  );
  if (!all.ok || !prepared.ok) {
    const code = !all.ok ? all.code : !prepared.ok ? prepared.code : 'not_found';
    if (code !== 'no_ties_in_force') {
      return (
        <StatusMessage status={404} title={t('notFoundTitle')} body={t('notFoundBody')}>
          {all.ok ? back : null}
        </StatusMessage>
      );
    }
    // The council exists and is found: it has nothing left to appeal about.
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('noTiesTitle')}</h1>
        <p className="mt-4 max-w-prose text-lg">{t('noTiesBody')}</p>
        {back}
      </>
    );
  }

  const councilName = prepared.council.name ?? (await getTranslations({ locale, namespace: 'Council' }))('councilOf', { place: prepared.council.place });
  const inLetter = new Set(prepared.ties.map((tie) => tie.id));
  const labels = Object.fromEntries(COMPOSER_KEYS.map((key) => [key, t(key)])) as ComposerLabels;

  return (
    <>
      <p className="text-lg text-muted">{t('eyebrow')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">{councilName}</h1>
      <p className="mt-4 text-lg">
        {t('campaign')}: {prepared.campaign.name}
      </p>
      <CouncilAppealCount councilId={prepared.council.id} locale={locale} />
      {user.name ? null : (
        <p data-testid="no-name" className="mt-6 max-w-prose border-l-8 border-brand bg-surface p-4">
          {t('noName')} <a href={`/${locale}/account`}>{t('noNameLink')}</a>
        </p>
      )}

      {prepared.opensAgainAt ? (
        <p role="status" data-testid="opens-again" className="mt-6 max-w-prose border-l-8 border-[#d4351c] bg-surface p-4 font-bold">
          {t('opensAgain', { date: format.dateTime(prepared.opensAgainAt, { dateStyle: 'long' }) })}
        </p>
      ) : null}
      {prepared.blockedReason ? (
        <p data-testid="no-usable-address" data-reason={prepared.blockedReason} className="mt-6 max-w-prose border-l-8 border-brand bg-surface p-4">
          {prepared.blockedReason === 'all_addresses_suppressed' ? t('addressesBounced') : t('noAddress')}
        </p>
      ) : null}

      <section aria-labelledby="about-heading" className="mt-10">
        <h2 id="about-heading" className="text-2xl font-bold">
          {t('aboutHeading')}
        </h2>
        {noneChosen ? (
          <div role="alert" aria-labelledby="about-error-title" className="mt-4 border-4 border-[#d4351c] p-4" data-error-code="invalid_input">
            <h3 id="about-error-title" className="text-lg font-bold">
              {t('errorSummaryTitle')}
            </h3>
            <ul className="mt-2 list-disc pl-6">
              <li>
                <a href={`#tie-${all.ties[0]?.id}`} className="font-bold text-[#d4351c] visited:text-[#d4351c]">
                  {t('noTieChosen')}
                </a>
              </li>
            </ul>
          </div>
        ) : null}
        <form method="get" action={`/${locale}/appeals/new`} className="mt-4 space-y-6">
          <input type="hidden" name="council" value={prepared.council.slug} />
          <input type="hidden" name="chosen" value="1" />
          <fieldset id="about-tieIds" aria-describedby="about-ties-hint">
            <legend className="text-lg font-bold">{t('tiesLegend')}</legend>
            <p id="about-ties-hint" className="text-muted">
              {t('tiesHint')}
            </p>
            <div className="mt-2 space-y-2">
              {all.ties.map((tie) => (
                <div key={tie.id} className="flex items-start gap-2">
                  <input id={`tie-${tie.id}`} type="checkbox" name="tie" value={tie.id} defaultChecked={inLetter.has(tie.id)} className="mt-1 size-5 shrink-0 accent-ink" />
                  <label htmlFor={`tie-${tie.id}`}>
                    {prepared.council.place} – {tie.partnerName} <StatusLabel status={tie.status} />
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset id="about-language" aria-describedby="about-language-hint">
            <legend className="text-lg font-bold">{t('languageLegend')}</legend>
            <p id="about-language-hint" className="text-muted">
              {t('languageHint')}
            </p>
            <div className="mt-2 space-y-2">
              {prepared.languages.map((language) => (
                <div key={language} className="flex items-start gap-2">
                  <input
                    id={`language-${language}`}
                    type="radio"
                    name="language"
                    value={language}
                    defaultChecked={language === prepared.letter.language}
                    className="mt-1 size-5 shrink-0 accent-ink"
                  />
                  <label htmlFor={`language-${language}`} lang={language}>
                    {tLanguage.has(language as Parameters<typeof tLanguage.has>[0]) ? tLanguage(language as Parameters<typeof tLanguage>[0]) : language}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <p className="max-w-prose text-muted">{t('regenerateHint')}</p>
          <button type="submit" className="bg-surface px-4 py-2 text-lg font-bold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]">
            {t('regenerate')}
          </button>
        </form>
      </section>

      <AppealComposer
        // A new choice of ties or language is a new letter: the form starts again from it.
        key={`${prepared.letter.language}:${[...inLetter].join(',')}`}
        action={composeAppealAction.bind(null, locale, { councilSlug: prepared.council.slug, councilId: prepared.council.id, campaignId: prepared.campaign.id })}
        initial={{
          tieIds: prepared.ties.map((tie) => String(tie.id)),
          language: prepared.letter.language,
          subject: prepared.letter.subject,
          body: prepared.letter.body,
          signerName: user.name ?? '',
          signerCity: user.city ?? '',
        }}
        labels={labels}
      />
      {back}
    </>
  );
}
