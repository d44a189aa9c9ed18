import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { NotFoundView } from '@/components/council/not-found-view';
import { partialDateValues } from '@/components/partial-date-text';
import { StatusLabel } from '@/components/ties/status-label';
import { routing } from '@/i18n/routing';
import { cachedSourcePage, requestReader } from '@/lib/cache/public-queries';
import { languageName } from '@/lib/i18n/language-name';
import { readSeedDocumentText } from '@/lib/sources/seed-document-text';
import { webAddress } from '@/lib/sources/web-address';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** Ids are positive integers; anything else is an unknown source, not an error. */
function sourceId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

function pageNumber(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}

/** The first and last pages and a few around the current one; null marks a gap. */
function pageWindow(current: number, count: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= 2) pages.push(n);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

// Metadata and the page read the same data once per request.
const loadSourcePage = async (id: number, locale: string, page: number) => cachedSourcePage(await requestReader(), id, { locale, page });

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  await connection();
  const t = await getTranslations({ locale, namespace: 'Source' });
  const numericId = sourceId(id);
  const page = numericId === null ? null : await loadSourcePage(numericId, locale, pageNumber((await searchParams).page));
  if (!page) return { title: t('notFoundTitle'), robots: { index: false } };
  return { title: page.source.title, description: t('description') };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request from the database; `next build` must never open it.
  await connection();
  const t = await getTranslations({ locale, namespace: 'Source' });
  const numericId = sourceId(id);
  const data = numericId === null ? null : await loadSourcePage(numericId, locale, pageNumber((await searchParams).page));
  if (!data) return <NotFoundView title={t('notFoundTitle')} body={t('notFoundBody')} />;
  const format = await getFormatter({ locale });
  const timeline = await getTranslations({ locale, namespace: 'Timeline' });
  const { source, citing } = data;
  const url = webAddress(source.url);
  const text = source.seedDocument ? await readSeedDocumentText(source.seedDocument) : null;
  const lang = source.language ?? undefined;
  const pageHref = (n: number) => `/${locale}/sources/${source.id}${n > 1 ? `?page=${n}` : ''}#ties`;

  return (
    <>
      <p className="text-lg text-muted">{t('eyebrow')}</p>
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl" lang={lang}>
        {source.title}
      </h1>

      <dl aria-label={t('facts')} className="mt-6 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-bold">{t('publisher')}</dt>
        <dd>{source.publisher ?? t('notStated')}</dd>
        <dt className="font-bold">{t('published')}</dt>
        <dd>{source.publishedOn ? timeline.rich('on', partialDateValues(format, source.publishedOn)) : t('notStated')}</dd>
        {source.language ? (
          <>
            <dt className="font-bold">{t('language')}</dt>
            <dd>{languageName(source.language, locale)}</dd>
          </>
        ) : null}
        {url ? (
          <>
            <dt className="font-bold">{t('address')}</dt>
            <dd className="break-all">
              <a href={url} rel="noopener noreferrer">
                {url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {source.seedDocument ? <p className="mt-4 max-w-prose">{t('seedDocument')}</p> : null}

      <section aria-labelledby="ties" className="mt-12">
        <h2 id="ties" className="text-2xl font-bold sm:text-3xl">
          {t('citingHeading')}
        </h2>
        <p className="mt-2 max-w-prose text-lg">{t('citingCount', { count: citing.total })}</p>
        {citing.ties.some((tie) => !tie.counts) ? <p className="mt-1 max-w-prose">{t('countingNote')}</p> : null}
        {citing.ties.length > 0 ? (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left text-muted">
                {t('citingCaption')}
                {citing.pageCount > 1 ? ` (${t('page', { count: citing.page })})` : null}
              </caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">
                    {t('tie')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {citing.ties.map((tie) => (
                  <tr key={tie.id} className="border-b border-rule align-baseline" data-counts={tie.counts ? 'true' : 'false'}>
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <a href={tie.councilSlug ? `/${locale}/councils/${tie.councilSlug}#tie-${tie.id}` : `/${locale}/places/${tie.partner.slug}`}>
                        {tie.place.name} – {tie.partner.name}
                      </a>{' '}
                      <span className="text-sm text-muted">
                        ({tie.place.country.name} – {tie.partner.country.name})
                      </span>
                    </th>
                    <td className="py-2">
                      <StatusLabel status={tie.status} />
                      {tie.counts ? null : <span className="block text-sm font-bold">{t('withdrawnFact')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {citing.pageCount > 1 ? (
          <nav aria-label={t('pages')} className="mt-4">
            <ul className="flex flex-wrap gap-x-3 gap-y-2">
              {citing.page > 1 ? (
                <li>
                  <a href={pageHref(citing.page - 1)} rel="prev">
                    {t('previous')}
                  </a>
                </li>
              ) : null}
              {pageWindow(citing.page, citing.pageCount).map((n, i) =>
                n === null ? (
                  <li key={`gap-${i}`} aria-hidden="true">
                    …
                  </li>
                ) : (
                  <li key={n}>
                    <a
                      href={pageHref(n)}
                      aria-label={t('page', { count: n })}
                      aria-current={n === citing.page ? 'page' : undefined}
                      className={n === citing.page ? 'font-bold no-underline' : undefined}
                    >
                      {n}
                    </a>
                  </li>
                ),
              )}
              {citing.page < citing.pageCount ? (
                <li>
                  <a href={pageHref(citing.page + 1)} rel="next">
                    {t('next')}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      {source.seedDocument ? (
        // Not a landmark itself: the scrollable text below is the region the heading names.
        <section className="mt-12">
          <h2 id="text" className="text-2xl font-bold sm:text-3xl">
            {t('textHeading')}
          </h2>
          {text === null ? (
            <p className="mt-2">{t('textMissing')}</p>
          ) : (
            <div
              lang={lang}
              // Focusable so a keyboard user can scroll it; labelled by the heading.
              tabIndex={0}
              role="region"
              aria-labelledby="text"
              className="mt-4 max-h-[40rem] max-w-prose overflow-y-auto border border-rule bg-surface p-4 text-base leading-relaxed break-words whitespace-pre-wrap"
            >
              {text}
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
