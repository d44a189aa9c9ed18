import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { partialDateValues } from '@/components/partial-date-text';
import { CampaignProgressBar } from '@/components/ties/campaign-progress-bar';
import { CouncilsHoldingTiesList } from '@/components/ties/councils-holding-ties';
import { FindYourCity } from '@/components/ties/find-your-city';
import { LatestChanges } from '@/components/ties/latest-changes';
import { HeadlineFigures } from '@/components/ties/headline-figures';
import { routing } from '@/i18n/routing';
import { cachedCampaigns, cachedCouncilsHoldingTies, cachedHeadlineNumbers, cachedStatusChanges, requestReader } from '@/lib/cache/public-queries';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: { absolute: `Untwin: ${t('homeTitle')}` } };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  const reader = await requestReader();
  const [headline, campaigns, councils, changes] = await Promise.all([
    cachedHeadlineNumbers(reader),
    cachedCampaigns(reader),
    cachedCouncilsHoldingTies(reader, { locale }),
    cachedStatusChanges(reader, { locale, limit: 8 }),
  ]);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const format = await getFormatter({ locale });

  return (
    <>
      <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg sm:text-xl">{t('intro')}</p>
      <FindYourCity locale={locale} />

      <section aria-labelledby="numbers" className="mt-12">
        <h2 id="numbers" className="text-2xl font-bold sm:text-3xl">
          {t('numbersHeading')}
        </h2>
        {headline.lastEventOn ? (
          <p className="mt-1 text-muted">{t.rich('lastEvent', partialDateValues(format, headline.lastEventOn))}</p>
        ) : null}
        <h3 className="mt-6 mb-3 text-xl font-bold">{t('allCampaigns')}</h3>
        <HeadlineFigures numbers={headline} />
      </section>

      <section aria-labelledby="campaigns" className="mt-12">
        <h2 id="campaigns" className="text-2xl font-bold sm:text-3xl">
          {t('campaignsHeading')}
        </h2>
        {campaigns.length === 0 ? <p className="mt-3">{t('noCampaigns')}</p> : null}
        <div className="mt-4 space-y-8">
          {campaigns.map((c) => (
            <section key={c.slug} aria-labelledby={`campaign-${c.slug}`} data-campaign={c.slug} className="border-l-4 border-rule pl-4">
              <h3 id={`campaign-${c.slug}`} className="text-xl font-bold">
                {(locale === 'uk' && c.nameUk) || c.name}
              </h3>
              <p className="mb-3 text-muted">{t('campaignTotal', { count: c.headline.total })}</p>
              <CampaignProgressBar numbers={c.headline} />
              <HeadlineFigures numbers={c.headline} size="small" />
            </section>
          ))}
        </div>
      </section>

      {changes.length > 0 ? (
        <section aria-labelledby="latest" className="mt-12">
          <h2 id="latest" className="text-2xl font-bold sm:text-3xl">
            {t('latestHeading')}
          </h2>
          <LatestChanges changes={changes} locale={locale} />
          <p className="mt-2">
            <a href="/feed.xml" className="underline underline-offset-2">
              {t('allChanges')}
            </a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="councils" className="mt-12">
        <h2 id="councils" className="text-2xl font-bold sm:text-3xl">
          {t('councilsHeading')}
        </h2>
        <p className="mt-2 mb-6 max-w-prose">
          {councils.length > 0 ? t('councilsIntro', { count: councils.length }) : t('noCouncils')}
        </p>
        <CouncilsHoldingTiesList councils={councils} />
      </section>
    </>
  );
}
