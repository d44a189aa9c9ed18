import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { NotFoundView } from '@/components/council/not-found-view';
import { PlaceSpellingsTable } from '@/components/council/place-spellings-table';
import { partialDateValues } from '@/components/partial-date-text';
import { ConfirmationShort } from '@/components/ties/confirmation-note';
import { CountryClaimShort } from '@/components/ties/country-claim-note';
import { StatusLabel } from '@/components/ties/status-label';
import { routing } from '@/i18n/routing';
import { cachedPlacePage, requestReader } from '@/lib/cache/public-queries';
import { sentenceStart } from '@/lib/places/unnamed-place';

type Props = { params: Promise<{ locale: string; slug: string }> };

// Metadata and the page read the same data: once per data version (lib/cache/public-queries.ts).
const loadPlacePage = async (slug: string, locale: string) => cachedPlacePage(await requestReader(), slug, { locale });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  await connection();
  const t = await getTranslations({ locale, namespace: 'Place' });
  const page = await loadPlacePage(slug, locale);
  if (!page) return { title: t('notFoundTitle'), robots: { index: false } };
  const title = `${sentenceStart(page.place.name)}, ${page.place.country.name}`;
  const description = t('description', { place: page.place.name });
  // A partner the source does not name has nothing to find: its page is for the links to it.
  return { title, description, openGraph: { title, description, type: 'website', locale }, ...(page.place.unnamed ? { robots: { index: false } } : {}) };
}

/** The "mirror" view: every partner of a place and where each tie stands. */
export default async function PlacePage({ params }: Props) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  const t = await getTranslations({ locale, namespace: 'Place' });
  const page = await loadPlacePage(slug, locale);
  if (!page) return <NotFoundView title={t('notFoundTitle')} body={t('notFoundBody')} />;
  const format = await getFormatter({ locale });
  const timeline = await getTranslations({ locale, namespace: 'Timeline' });
  const unnamed = await getTranslations({ locale, namespace: 'Unnamed' });
  const figures = await getTranslations({ locale, namespace: 'Figures' });
  const { place, ties, counts } = page;

  return (
    <>
      <p className="text-lg text-muted">{t('eyebrow')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">{place.unnamed ? sentenceStart(place.name) : place.name}</h1>
      {place.unnamed ? (
        <p className="mt-4 max-w-prose text-lg" data-unnamed-place>
          {unnamed('note')}
        </p>
      ) : null}

      <dl aria-label={t('facts')} className="mt-6 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-bold">{t('country')}</dt>
        <dd>{place.country.name}</dd>
        {place.parent ? (
          <>
            <dt className="font-bold">{t('partOf')}</dt>
            <dd>
              <a href={`/${locale}/places/${place.parent.slug}`}>{place.parent.name}</a>
            </dd>
          </>
        ) : null}
        {place.region ? (
          <>
            <dt className="font-bold">{t('region')}</dt>
            <dd>
              <a href={`/${locale}/places/${place.region.slug}`}>{place.region.name}</a>
            </dd>
          </>
        ) : null}
        {place.councilSlug ? (
          <>
            <dt className="font-bold">{t('council')}</dt>
            <dd>
              <a href={`/${locale}/councils/${place.councilSlug}`}>{t('councilLink', { place: place.name })}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="partners" className="mt-12">
        <h2 id="partners" className="text-2xl font-bold sm:text-3xl">
          {t('tiesHeading')}
        </h2>
        <p className="mt-2 max-w-prose text-lg">
          {t('tiesCount', { count: counts.total })}
          {counts.total > 0 ? (
            <>
              {' '}
              {t('inForceCount', { count: counts.inForce })} <strong>{t('severedCount', { count: counts.severed })}</strong>
            </>
          ) : null}
        </p>
        {counts.inForce > 0 ? (
          <p className="mt-1 max-w-prose" data-confirmed={counts.figures.confirmedInForce} data-unconfirmed={counts.figures.listedNotConfirmed}>
            {figures('confirmedInForce')}: <strong>{counts.figures.confirmedInForce}</strong>. {figures('listedNotConfirmed')}:{' '}
            <strong>{counts.figures.listedNotConfirmed}</strong>.
          </p>
        ) : null}
        {ties.length > 0 ? (
          <div className="mt-6 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left text-muted">{t('tiesCaption', { place: place.name })}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">
                    {t('partner')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('partnerCountry')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('since')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('status')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('lastChange')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ties.map((tie) => (
                  <tr
                    key={tie.id}
                    data-partner={tie.other.slug}
                    data-confirmed={tie.confirmation.confirmed ? 'true' : 'false'}
                    className="border-b border-rule align-baseline"
                  >
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {tie.other.councilSlug ? (
                        <a href={`/${locale}/councils/${tie.other.councilSlug}#tie-${tie.id}`}>{tie.other.unnamed ? sentenceStart(tie.other.name) : tie.other.name}</a>
                      ) : tie.other.unnamed ? (
                        <span className="italic">{sentenceStart(tie.other.name)}</span>
                      ) : (
                        <a href={`/${locale}/places/${tie.other.slug}`}>{tie.other.name}</a>
                      )}
                    </th>
                    <td className="py-2 pr-4">{tie.other.country.name}</td>
                    <td className="py-2 pr-4 text-sm">
                      {tie.signedOn ? timeline.rich('on', partialDateValues(format, tie.signedOn)) : <span className="text-muted">{t('sinceUnknown')}</span>}
                    </td>
                    <td className="py-2 pr-4">
                      <StatusLabel status={tie.status} />
                      <span className="block">
                        <ConfirmationShort confirmation={tie.confirmation} />
                      </span>
                      <CountryClaimShort claims={tie.countryClaims} />
                    </td>
                    <td className="py-2 text-sm">
                      {tie.lastEventOn ? timeline.rich('on', partialDateValues(format, tie.lastEventOn)) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {place.spellings.length > 0 ? (
        <section aria-labelledby="names" className="mt-12">
          <h2 id="names" className="text-2xl font-bold sm:text-3xl">
            {t('spellingsHeading')}
          </h2>
          <PlaceSpellingsTable spellings={place.spellings} caption={t('spellingsCaption', { place: place.name })} />
        </section>
      ) : null}
    </>
  );
}
