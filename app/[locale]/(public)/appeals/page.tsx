import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CampaignAppealCounts } from '@/components/appeals/appeal-count';
import { WriteToCouncilLink } from '@/components/appeals/write-to-council-link';
import { routing } from '@/i18n/routing';
import { cachedCouncilPage, requestReader } from '@/lib/cache/public-queries';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ council?: string | string[] }> };

/** A council slug as the council pages make them; anything else is ignored rather than echoed. */
const COUNCIL_SLUG = /^[a-z0-9][a-z0-9-]{0,120}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Appeals.About' });
  return { title: t('metaTitle'), description: t('metaDescription') };
}

/**
 * What an appeal is and how to write one, with the counters so far. Links from before the
 * appeal flow (`?council=`) lead straight to writing to that council.
 */
export default async function AppealsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // The counters are read per request from the database; `next build` must never open it.
  await connection();
  const t = await getTranslations({ locale, namespace: 'Appeals.About' });
  const raw = (await searchParams).council;
  const council = typeof raw === 'string' && COUNCIL_SLUG.test(raw) ? raw : null;
  // The letter is offered only for a council with a tie it can be asked to end (in force, and no
  // source says its country already ended such ties): the council page decides the same way.
  const councilPage = council ? await cachedCouncilPage(await requestReader(), council, { locale }) : null;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>
      {council && councilPage && councilPage.askable > 0 ? (
        <div className="mt-6 max-w-prose border-l-8 border-[#00703c] bg-surface p-4">
          <p className="text-lg">{t('forCouncil')}</p>
          <p className="mt-4">
            <WriteToCouncilLink locale={locale} councilSlug={council} />
          </p>
        </div>
      ) : council && councilPage ? (
        <div className="mt-6 max-w-prose border-l-8 border-rule bg-surface p-4">
          <p className="text-lg">{t('nothingToAsk')}</p>
          <p className="mt-2">
            <a href={`/${locale}/councils/${councilPage.council.slug}`}>{t('councilPage')}</a>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="steps-heading" className="mt-10">
        <h2 id="steps-heading" className="text-2xl font-bold">
          {t('stepsHeading')}
        </h2>
        <ol className="mt-4 max-w-prose list-decimal space-y-2 pl-6 text-lg">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
          <li>{t('step4')}</li>
          <li>{t('step5')}</li>
        </ol>
        <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2 text-lg">
          <li>
            <a href={`/${locale}#find-city`}>{t('findCouncil')}</a>
          </li>
          <li>
            <a href={`/${locale}/tracker`}>{t('findInTracker')}</a>
          </li>
          <li>
            <a href={`/${locale}/my-appeals`}>{t('myAppeals')}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="after-heading" className="mt-10">
        <h2 id="after-heading" className="text-2xl font-bold">
          {t('afterHeading')}
        </h2>
        <ul className="mt-4 max-w-prose list-disc space-y-2 pl-6">
          <li>{t('after1')}</li>
          <li>{t('after2')}</li>
          <li>{t('after3')}</li>
        </ul>
      </section>

      <section aria-labelledby="rules-heading" className="mt-10">
        <h2 id="rules-heading" className="text-2xl font-bold">
          {t('rulesHeading')}
        </h2>
        <ul className="mt-4 max-w-prose list-disc space-y-2 pl-6">
          <li>{t('rule1')}</li>
          <li>{t('rule2')}</li>
          <li>{t('rule3')}</li>
        </ul>
      </section>

      <CampaignAppealCounts locale={locale} />
    </>
  );
}
