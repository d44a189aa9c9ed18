import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CouncilFigures } from '@/components/council/council-figures';
import { BarChart } from '@/components/stats/bar-chart';
import { CampaignFilter } from '@/components/stats/campaign-filter';
import { DataTable } from '@/components/stats/data-table';
import { ProgressChart, ProgressLegend, type Series } from '@/components/stats/progress-chart';
import { SurveyFigures } from '@/components/stats/survey-figures';
import { routing } from '@/i18n/routing';
import {
  cachedCampaignFigures,
  cachedFunnel,
  cachedProgress,
  cachedRankByCountry,
  cachedRankByRegion,
  cachedStatsCampaigns,
  requestReader,
} from '@/lib/cache/public-queries';
import { type CountryRanking, PROGRESS_STAGES, type ProgressStage } from '@/lib/ties/stats';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The oblasts' country: the region ranking is the Ukraine 2022 article's "record-breaking oblasts". */
const REGION_COUNTRY = 'UKR';

const LINES: Record<ProgressStage, Series['line']> = { appealed: 'dotted', pledged: 'dashed', severed: 'solid' };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Stats' });
  return { title: t('metaTitle'), description: t('metaDescription') };
}

export default async function StatsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  const reader = await requestReader();
  const campaigns = await cachedStatsCampaigns(reader, { locale });
  const asked = [(await searchParams).campaign ?? []].flat()[0]?.trim() ?? '';
  // Only public campaigns can be picked: a draft's slug in the address shows all public ones.
  const campaign = campaigns.find((c) => c.slug === asked);
  const scope = { campaignSlug: campaign?.slug };

  const [funnel, progress, partnerCountries, councilCountries, regions, figures] = await Promise.all([
    cachedFunnel(reader, scope),
    cachedProgress(reader, scope),
    cachedRankByCountry(reader, { ...scope, side: 'partner', locale }),
    cachedRankByCountry(reader, { ...scope, side: 'council', locale }),
    cachedRankByRegion(reader, { ...scope, country: REGION_COUNTRY, locale }),
    cachedCampaignFigures(reader, { ...scope, locale }),
  ]);
  const t = await getTranslations({ locale, namespace: 'Stats' });
  const status = await getTranslations({ locale, namespace: 'TieStatus' });
  const format = await getFormatter({ locale });
  const n = (value: number) => format.number(value);
  const share = (value: number) => (funnel.total === 0 ? '–' : format.number(value / funnel.total, { style: 'percent', maximumFractionDigits: 1 }));
  const monthName = (month: string) => format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const listed = (items: { label: string; value: number }[]) => items.map((i) => `${i.label}: ${n(i.value)}`).join('; ');

  const funnelBars = funnel.stages.map((s) => ({ key: s.status, label: status(s.status), value: s.reached }));
  const series: Series[] = PROGRESS_STAGES.map((stage) => ({ key: stage, label: status(stage), values: progress.cumulative[stage], line: LINES[stage] }));
  const changedMonths = progress.months.flatMap((month, i) =>
    i === 0 || PROGRESS_STAGES.some((s) => progress.cumulative[s][i] !== progress.cumulative[s][i - 1]) ? [{ month, i }] : [],
  );
  const undated = PROGRESS_STAGES.map((stage) => ({
    stage,
    count: (funnel.stages.find((s) => s.status === stage)?.reached ?? 0) - progress.dated[stage],
  })).filter((u) => u.count > 0);

  // In force is always shown split: confirmed by a dated source, and only listed (lib/ties/figures.ts).
  const countryColumns = (first: string) => [
    { key: 'name', label: first },
    { key: 'ties', label: t('ties'), numeric: true },
    { key: 'confirmedInForce', label: t('confirmedInForce'), numeric: true },
    { key: 'listedNotConfirmed', label: t('listedNotConfirmed'), numeric: true },
    { key: 'pledged', label: t('pledged'), numeric: true },
    { key: 'severed', label: t('severed'), numeric: true },
  ];
  const countryRows = (rows: CountryRanking[]) =>
    rows.map((c) => ({ key: c.code, cells: [c.name, n(c.ties), n(c.confirmedInForce), n(c.listedNotConfirmed), n(c.pledged), n(c.severed)] }));

  return (
    <>
      <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>

      <CampaignFilter action={`/${locale}/stats`} campaigns={campaigns} selected={campaign?.slug} />
      {asked && !campaign ? (
        <p role="status" className="mt-4 max-w-prose border-l-4 border-ink pl-4 font-bold">
          {t('unknownCampaign')}
        </p>
      ) : null}
      <p className="mt-4 text-lg" data-total={funnel.total}>
        <strong>{campaign?.name ?? t('allCampaigns')}</strong>: {t('scopeTotal', { count: funnel.total })}
      </p>
      {funnel.total > 0 ? <CouncilFigures figures={funnel.figures} label={t('standingLabel')} /> : null}

      <section aria-labelledby="funnel-heading" className="mt-12">
        <h2 id="funnel-heading" className="text-2xl font-bold sm:text-3xl">
          {t('funnelHeading')}
        </h2>
        <p className="mt-2 mb-6 max-w-prose">{t('funnelIntro')}</p>
        <BarChart
          title={t('funnelChartTitle')}
          description={`${t('funnelChartDescription')} ${listed(funnelBars)}.`}
          bars={funnelBars}
        />
        <DataTable
          id="funnel-table"
          caption={t('funnelCaption')}
          columns={[
            { key: 'stage', label: t('stage') },
            { key: 'reached', label: t('reached'), numeric: true },
            { key: 'now', label: t('now'), numeric: true },
            { key: 'share', label: t('share'), numeric: true },
          ]}
          rows={funnel.stages.map((s) => ({ key: s.status, cells: [status(s.status), n(s.reached), n(s.now), share(s.reached)] }))}
        />

        <h3 className="mt-10 text-xl font-bold">{t('sideHeading')}</h3>
        <p className="mt-2 max-w-prose">{t('sideIntro')}</p>
        <DataTable
          id="side-outcomes-table"
          caption={t('sideCaption')}
          columns={[
            { key: 'outcome', label: t('outcome') },
            { key: 'now', label: t('now'), numeric: true },
            { key: 'ever', label: t('ever'), numeric: true },
          ]}
          rows={funnel.sideOutcomes.map((s) => ({ key: s.status, cells: [status(s.status), n(s.now), n(s.ever)] }))}
        />
      </section>

      <section aria-labelledby="progress-heading" className="mt-12">
        <h2 id="progress-heading" className="text-2xl font-bold sm:text-3xl">
          {t('progressHeading')}
        </h2>
        <p className="mt-2 mb-6 max-w-prose">{t('progressIntro')}</p>
        {progress.months.length === 0 ? (
          <p>{t('noProgress')}</p>
        ) : (
          <>
            <figure>
              <ProgressChart
                title={t('progressChartTitle')}
                description={`${t('progressChartDescription', { date: monthName(progress.months.at(-1)!) })} ${listed(
                  series.map((s) => ({ label: s.label, value: s.values.at(-1) ?? 0 })),
                )}.`}
                months={progress.months}
                series={series}
              />
              <ProgressLegend series={series} label={t('progressLegend')} />
            </figure>
            <DataTable
              id="progress-table"
              caption={t('progressCaption')}
              columns={[{ key: 'month', label: t('month') }, ...series.map((s) => ({ key: s.key, label: s.label, numeric: true }))]}
              rows={changedMonths.map(({ month, i }) => ({
                key: month,
                cells: [
                  <time key="month" dateTime={month}>
                    {monthName(month)}
                  </time>,
                  ...PROGRESS_STAGES.map((s) => n(progress.cumulative[s][i] ?? 0)),
                ],
              }))}
            />
          </>
        )}
        {undated.length > 0 ? (
          <ul className="mt-4 max-w-prose space-y-1 text-muted">
            {undated.map((u) => (
              <li key={u.stage}>
                <span className="font-bold">{status(u.stage)}</span>: {t('undated', { count: u.count })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="rankings-heading" className="mt-12">
        <h2 id="rankings-heading" className="text-2xl font-bold sm:text-3xl">
          {t('rankingsHeading')}
        </h2>

        <h3 className="mt-6 text-xl font-bold">{t('byRegion')}</h3>
        <p className="mt-2 max-w-prose">{t('byRegionIntro')}</p>
        {regions.regions.length === 0 ? (
          <p className="mt-2">{t('noRegions')}</p>
        ) : (
          <DataTable
            id="region-table"
            caption={t('regionCaption')}
            columns={[
              { key: 'region', label: t('region') },
              { key: 'places', label: t('places') },
              { key: 'ties', label: t('ties'), numeric: true },
              { key: 'confirmedInForce', label: t('confirmedInForce'), numeric: true },
              { key: 'listedNotConfirmed', label: t('listedNotConfirmed'), numeric: true },
              { key: 'pledged', label: t('pledged'), numeric: true },
              { key: 'severed', label: t('severed'), numeric: true },
            ]}
            rows={regions.regions.map((r) => ({
              key: r.slug,
              cells: [
                r.name,
                <ul key="places" className="flex flex-wrap gap-x-3">
                  {r.places.map((p) => (
                    <li key={p.slug}>
                      <a href={p.councilSlug ? `/${locale}/councils/${p.councilSlug}` : `/${locale}/places/${p.slug}`}>{p.name}</a>
                    </li>
                  ))}
                </ul>,
                n(r.ties),
                n(r.confirmedInForce),
                n(r.listedNotConfirmed),
                n(r.pledged),
                n(r.severed),
              ],
            }))}
          />
        )}
        {regions.tiesWithoutRegion > 0 ? <p className="mt-2 max-w-prose text-muted">{t('withoutRegion', { count: regions.tiesWithoutRegion })}</p> : null}

        <h3 className="mt-10 text-xl font-bold">{t('byPartnerCountry')}</h3>
        {partnerCountries.length === 0 ? (
          <p className="mt-2">{t('noTies')}</p>
        ) : (
          <DataTable
            id="partner-country-table"
            caption={t('partnerCountryCaption')}
            columns={countryColumns(t('partnerCountry'))}
            rows={countryRows(partnerCountries)}
          />
        )}

        <h3 className="mt-10 text-xl font-bold">{t('byCouncilCountry')}</h3>
        {councilCountries.length === 0 ? (
          <p className="mt-2">{t('noTies')}</p>
        ) : (
          <DataTable
            id="council-country-table"
            caption={t('councilCountryCaption')}
            columns={countryColumns(t('councilCountry'))}
            rows={countryRows(councilCountries)}
          />
        )}
      </section>

      <section aria-labelledby="figures-heading" className="mt-12">
        <h2 id="figures-heading" className="text-2xl font-bold sm:text-3xl">
          {t('figuresHeading')}
        </h2>
        <p className="mt-2 max-w-prose">{t('figuresIntro')}</p>
        {figures.length === 0 ? <p className="mt-2">{t('noFigures')}</p> : figures.map((c) => <SurveyFigures key={c.slug} campaign={c} />)}
      </section>
    </>
  );
}
