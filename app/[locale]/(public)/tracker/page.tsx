import { CampaignAppealCounts } from '@/components/appeals/appeal-count';
import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { FilterErrorSummary } from '@/components/tracker/filter-error-summary';
import { TrackerFilters } from '@/components/tracker/tracker-filters';
import { TrackerPagination } from '@/components/tracker/tracker-pagination';
import { TrackerTable } from '@/components/tracker/tracker-table';
import { routing } from '@/i18n/routing';
import { countryName } from '@/lib/i18n/country-name';
import { cachedSearchTies, cachedTieFilterOptions, requestReader } from '@/lib/cache/public-queries';
import { DEFAULT_PER_PAGE, parseTieFilters, tieFiltersHref } from '@/lib/ties/tie-filters';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Tracker' });
  return { title: t('metaTitle'), description: t('metaDescription') };
}

export default async function TrackerPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  // Parameters that are wrong are named in an error summary; the rest of the view still shows.
  const { filters, errors } = parseTieFilters(await searchParams);
  const reader = await requestReader();
  const [result, options] = await Promise.all([cachedSearchTies(reader, filters, { locale }), cachedTieFilterOptions(reader, locale)]);
  const t = await getTranslations({ locale, namespace: 'Tracker' });

  const path = `/${locale}/tracker`;
  const showsOnlyInForce = !filters.closed && filters.status.length === 0 && !filters.group;
  const jsonHref = tieFiltersHref('/api/v1/ties', filters);
  // The download is the whole view, not the page being read.
  const csvHref = tieFiltersHref('/api/v1/ties.csv', filters, { page: 1, perPage: DEFAULT_PER_PAGE });

  return (
    <>
      <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-balance sm:text-5xl">{t('heading')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>

      <FilterErrorSummary errors={errors} />

      <div className="mt-8">
        <TrackerFilters
          action={path}
          filters={filters}
          errors={errors}
          options={options}
          partnerCountryNames={{ RUS: countryName('RU', locale, 'Russia'), BLR: countryName('BY', locale, 'Belarus') }}
        />
      </div>

      <section aria-labelledby="results-heading" className="mt-10">
        <h2 id="results-heading" className="text-2xl font-bold">
          {t('resultsHeading')}
        </h2>
        <p className="mt-2 text-lg" data-total={result.total}>
          <strong>{t('results', { count: result.total })}</strong>
          {showsOnlyInForce ? (
            <>
              {'. '}
              {t('showingInForce')} <a href={tieFiltersHref(path, filters, { closed: true, page: 1 })}>{t('includeClosed')}</a>
            </>
          ) : (
            '.'
          )}
        </p>
        {/* Confirmed and only listed, counted apart (lib/ties/figures.ts), each a view of its own. */}
        <p className="mt-1" data-confirmed={result.confirmationCounts.confirmed} data-unconfirmed={result.confirmationCounts.unconfirmed}>
          <a href={tieFiltersHref(path, filters, { confirmation: 'confirmed', page: 1 })}>
            {t('confirmationConfirmed')}: <strong>{result.confirmationCounts.confirmed}</strong>
          </a>
          {' · '}
          <a href={tieFiltersHref(path, filters, { confirmation: 'unconfirmed', page: 1 })}>
            {t('confirmationUnconfirmed')}: <strong>{result.confirmationCounts.unconfirmed}</strong>
          </a>
        </p>
        <p className="mt-1 max-w-prose text-sm text-muted">{t('confirmationHint')}</p>
        {result.total === 0 ? <p className="mt-2">{t('noResults')}</p> : null}
        {result.total > 0 && result.rows.length === 0 ? (
          <p className="mt-2">
            {t('pageBeyondEnd')} <a href={tieFiltersHref(path, filters, { page: result.pageCount })}>{t('lastPage')}</a>
          </p>
        ) : null}
        {result.rows.length > 0 ? <TrackerTable rows={result.rows} filters={filters} path={path} locale={locale} /> : null}
        <TrackerPagination filters={filters} pageCount={result.pageCount} path={path} />
      </section>

      <CampaignAppealCounts locale={locale} />

      <section aria-labelledby="data-heading" className="mt-10">
        <h2 id="data-heading" className="text-xl font-bold">
          {t('dataHeading')}
        </h2>
        <p className="mt-1">{t('dataIntro')}</p>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          <li>
            <a href={jsonHref} type="application/json">
              {t('json')}
            </a>
          </li>
          <li>
            <a href={csvHref} type="text/csv" download>
              {t('csv')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
