import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CouncilAppealCount } from '@/components/appeals/appeal-count';
import { WriteToCouncilLink } from '@/components/appeals/write-to-council-link';
import { CouncilTie } from '@/components/council/council-tie';
import { NotFoundView } from '@/components/council/not-found-view';
import { OtherSpellings, hasOtherSpellings } from '@/components/council/other-spellings';
import { ReviewClaimBlock } from '@/components/council/review-claim';
import { CouncilFigures } from '@/components/council/council-figures';
import { routing } from '@/i18n/routing';
import { webAddress } from '@/lib/sources/web-address';
import { cachedCouncilPage, requestReader } from '@/lib/cache/public-queries';
import type { CouncilPage as CouncilPageData } from '@/lib/ties/council-page';

type Props = { params: Promise<{ locale: string; slug: string }> };

// Metadata and the page read the same data: once per data version (lib/cache/public-queries.ts).
const loadCouncilPage = async (slug: string, locale: string) => cachedCouncilPage(await requestReader(), slug, { locale });

function tieName(page: CouncilPageData, tieId: number): string | null {
  const tie = page.ties.find((t) => t.id === tieId);
  return tie ? `${page.place.name} – ${tie.partner.name}` : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  await connection();
  const t = await getTranslations({ locale, namespace: 'Council' });
  const page = await loadCouncilPage(slug, locale);
  if (!page) return { title: t('notFoundTitle'), robots: { index: false } };
  const title = page.council.name?.text ?? t('councilOf', { place: page.place.name });
  const description = t('description', { place: page.place.name, count: page.ties.length });
  return { title, description, openGraph: { title, description, type: 'website', locale } };
}

export default async function CouncilPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  const t = await getTranslations({ locale, namespace: 'Council' });
  const page = await loadCouncilPage(slug, locale);
  if (!page) return <NotFoundView title={t('notFoundTitle')} body={t('notFoundBody')} />;

  const { council, place } = page;
  const website = webAddress(council.website);
  return (
    <>
      <p className="text-lg text-muted">{t('eyebrow')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl" lang={council.name?.lang === locale ? undefined : council.name?.lang}>
        {council.name?.text ?? t('councilOf', { place: place.name })}
      </h1>

      <dl aria-label={t('facts')} className="mt-6 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-bold">{t('place')}</dt>
        <dd>
          <a href={`/${locale}/places/${place.slug}`}>{place.name}</a>
        </dd>
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
            <dd>{place.region.name}</dd>
          </>
        ) : null}
        <dt className="font-bold">{t('country')}</dt>
        <dd>{place.country.name}</dd>
        {hasOtherSpellings(place.spellings, place.name) ? (
          <>
            <dt className="font-bold">{t('spellings')}</dt>
            <dd>
              <OtherSpellings spellings={place.spellings} except={place.name} />
            </dd>
          </>
        ) : null}
        {website ? (
          <>
            <dt className="font-bold">{t('website')}</dt>
            <dd>
              <a href={website} rel="noopener noreferrer">
                {website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="ties" className="mt-12">
        <h2 id="ties" className="text-2xl font-bold sm:text-3xl">
          {t('tiesHeading')}
        </h2>
        <p className="mt-2 max-w-prose text-lg">{t('tiesCount', { count: page.ties.length })}</p>
        {page.ties.length > 0 ? <CouncilFigures figures={page.figures} /> : null}
        <div className="mt-6 space-y-12">
          {page.ties.map((tie) => (
            <CouncilTie key={tie.id} tie={tie} />
          ))}
        </div>
      </section>

      {page.conflicts.length > 0 ? (
        <section aria-labelledby="conflicts" className="mt-12">
          <h2 id="conflicts" className="text-2xl font-bold sm:text-3xl">
            {t('conflictsHeading')}
          </h2>
          <p className="mt-2 mb-4 max-w-prose">{t('conflictsIntro')}</p>
          <div className="space-y-6">
            {page.conflicts.map((claim) => {
              const names = claim.tieIds.map((id) => tieName(page, id)).filter((n): n is string => n !== null);
              return <ReviewClaimBlock key={claim.id} claim={claim} headingLevel={3} heading={names.length ? names.join('; ') : place.name} />;
            })}
          </div>
        </section>
      ) : null}

      {page.ambiguities.length > 0 ? (
        <section aria-labelledby="questions" className="mt-12">
          <h2 id="questions" className="text-2xl font-bold sm:text-3xl">
            {t('ambiguitiesHeading')}
          </h2>
          <p className="mt-2 mb-4 max-w-prose">{t('ambiguitiesIntro')}</p>
          <div className="space-y-6">
            {page.ambiguities.map((claim, i) => (
              <ReviewClaimBlock key={claim.id} claim={claim} headingLevel={3} heading={t('question', { count: i + 1 })} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="next" className="mt-12 border-t-2 border-ink pt-6">
        <h2 id="next" className="text-2xl font-bold sm:text-3xl">
          {t('nextHeading')}
        </h2>
        {/* What can be asked is decided from the figures (lib/ties/figures.ts): a letter for ties in
            force that no source says were already ended; nothing now for occupied councils (not
            closed); nothing left only when every tie is closed. */}
        {page.askable > 0 ? (
          <>
            <p className="mt-2 max-w-prose text-lg" data-next="ask">
              {t('nextAskable', { count: page.askable })}
            </p>
            {page.figures.listedNotConfirmed > 0 ? <p className="mt-2 max-w-prose">{t('nextListedNote')}</p> : null}
            <p className="mt-4">
              <WriteToCouncilLink locale={locale} councilSlug={council.slug} />
            </p>
          </>
        ) : null}
        {page.endedClaims.length > 0 ? (
          <p className="mt-2 max-w-prose text-lg" data-next="ended-claim">
            {t('nextEndedClaim', { country: page.endedClaims[0]!.country.name })}
          </p>
        ) : null}
        {page.figures.blocked > 0 && page.askable === 0 ? (
          <p className="mt-2 max-w-prose text-lg" data-next="blocked">
            {t('nextBlocked')}
          </p>
        ) : null}
        {page.situation === 'closed' || page.situation === 'none' ? (
          <p className="mt-2 max-w-prose text-lg" data-next="nothing">
            {t('nextNothing')}
          </p>
        ) : null}
        <CouncilAppealCount councilId={council.id} locale={locale} />
        <p className="mt-4 max-w-prose">{t('nextSources')}</p>
      </section>
    </>
  );
}
