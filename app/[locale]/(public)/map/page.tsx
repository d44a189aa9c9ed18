import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LineSample, TieMap } from '@/components/map/tie-map';
import { StatusLabel } from '@/components/ties/status-label';
import { routing } from '@/i18n/routing';
import { cachedMapData, requestReader } from '@/lib/cache/public-queries';
import { drawMap } from '@/lib/map/draw-map';
import type { MapLineGroup, MapPlace, MapTie } from '@/lib/map/map-data';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const GROUPS: readonly MapLineGroup[] = ['inForce', 'closed', 'blocked'];
const TH = 'border-b-2 border-ink py-2 pr-4 text-left align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 text-left align-top';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Map' });
  return { title: t('metaTitle'), description: t('metaDescription') };
}

export default async function MapPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  const asked = [(await searchParams).campaign ?? []].flat()[0]?.trim() ?? '';
  const data = await cachedMapData(await requestReader(), { campaignSlug: asked || undefined, locale });
  const campaign = data.campaigns.find((c) => c.slug === asked);
  const map = drawMap(data.drawn);
  const t = await getTranslations({ locale, namespace: 'Map' });
  const format = await getFormatter({ locale });

  const counts: Record<MapLineGroup, number> = { inForce: 0, closed: 0, blocked: 0 };
  for (const tie of data.drawn) counts[tie.group] += 1;
  const groupCount = { inForce: 'countInForce', closed: 'countClosed', blocked: 'countBlocked' } as const;
  const legend = { inForce: 'legendInForce', closed: 'legendClosed', blocked: 'legendBlocked' } as const;
  const description = `${t('mapDescription', { count: data.drawn.length })} ${GROUPS.map((g) => t(groupCount[g], { count: format.number(counts[g]) })).join('; ')}.`;

  const councilCell = (tie: MapTie) => (tie.councilSlug ? <a href={`/${locale}/councils/${tie.councilSlug}`}>{tie.place.name}</a> : tie.place.name);
  const partnerCell = (p: MapPlace) => <a href={`/${locale}/places/${p.slug}`}>{p.name}</a>;
  const unlocated = (p: MapPlace) => (p.at ? null : <span className="text-muted"> ({t('noLocation')})</span>);

  return (
    <>
      <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>

      <form method="get" action={`/${locale}/map`} className="mt-6 flex flex-wrap items-end gap-3 border-l-4 border-rule pl-4">
        <div>
          <label htmlFor="campaign" className="block font-bold">
            {t('filterLabel')}
          </label>
          <select id="campaign" name="campaign" defaultValue={campaign?.slug ?? ''} className="mt-1 block border-2 border-ink bg-white px-2 py-1.5">
            <option value="">{t('allCampaigns')}</option>
            {data.campaigns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
          {t('filterSubmit')}
        </button>
      </form>
      {asked && !campaign ? (
        <p role="status" className="mt-4 max-w-prose border-l-4 border-ink pl-4 font-bold">
          {t('unknownCampaign')}
        </p>
      ) : null}

      <figure className="mt-6">
        <TieMap map={map} title={`${t('mapTitle')}: ${campaign?.name ?? t('allCampaigns')}`} description={description} />
        <figcaption className="mt-4">
          <h2 className="text-xl font-bold">{t('legendHeading')}</h2>
          <ul className="mt-2 space-y-1">
            {GROUPS.map((g) => (
              <li key={g} className="flex items-center gap-3">
                <LineSample group={g} />
                <span>
                  {t(legend[g])} ({format.number(counts[g])})
                </span>
              </li>
            ))}
            <li className="flex items-center gap-3">
              <svg width="48" height="12" viewBox="0 0 48 12" aria-hidden="true" className="inline-block shrink-0">
                <circle cx="24" cy="6" r="4" fill="#0b0c0c" />
              </svg>
              <span>{t('legendDot')}</span>
            </li>
          </ul>
        </figcaption>
      </figure>

      {data.drawn.length === 0 ? (
        <p className="mt-8">{t('noTies')}</p>
      ) : (
        <div role="region" aria-labelledby="map-table-caption" tabIndex={0} className="mt-10 max-w-full overflow-x-auto">
          <table id="map-table" className="w-full border-collapse">
            <caption id="map-table-caption" className="mb-2 text-left text-xl font-bold">
              {t('tableCaption')} ({format.number(data.drawn.length)})
            </caption>
            <thead>
              <tr>
                <th scope="col" className={TH}>
                  {t('council')}
                </th>
                <th scope="col" className={TH}>
                  {t('partner')}
                </th>
                <th scope="col" className={TH}>
                  {t('status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.drawn.map((tie) => (
                <tr key={tie.id}>
                  <th scope="row" className={`${TD} font-normal`}>
                    {councilCell(tie)}
                  </th>
                  <td className={TD}>{partnerCell(tie.partner)}</td>
                  <td className={TD}>
                    <StatusLabel status={tie.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.missing.length > 0 ? (
        <section aria-labelledby="missing-heading" className="mt-12">
          <h2 id="missing-heading" className="text-2xl font-bold">
            {t('missingHeading')} ({format.number(data.missing.length)})
          </h2>
          <p className="mt-2 max-w-prose">{t('missingIntro')}</p>
          <ul id="map-missing" className="mt-4 space-y-2">
            {data.missing.map((tie) => (
              <li key={tie.id}>
                {councilCell(tie)}
                {unlocated(tie.place)} – {partnerCell(tie.partner)}
                {unlocated(tie.partner)} <StatusLabel status={tie.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
