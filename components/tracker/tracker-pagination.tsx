import { useTranslations } from 'next-intl';
import { type TieFilters, tieFiltersHref } from '@/lib/ties/tie-filters';

/** The pages around the current one, the first and the last; gaps between them shown as "…". */
export function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && p - last > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

/** Plain links that keep the view's filters and sort. */
export function TrackerPagination({ filters, pageCount, path }: { filters: TieFilters; pageCount: number; path: string }) {
  const t = useTranslations('Tracker');
  if (pageCount <= 1) return null;
  const page = Math.min(filters.page, pageCount);
  const link = 'inline-block min-w-10 px-2 py-1 text-center';
  return (
    <nav aria-label={t('pagination')} className="mt-6">
      <ul className="flex flex-wrap items-baseline gap-x-1 gap-y-2">
        {page > 1 ? (
          <li>
            <a href={tieFiltersHref(path, filters, { page: page - 1 })} rel="prev" className={`${link} font-bold`}>
              <span aria-hidden="true">← </span>
              {t('previous')}
            </a>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <a
                href={tieFiltersHref(path, filters, { page: p })}
                aria-label={t('pageNumber', { count: p })}
                aria-current={p === filters.page ? 'page' : undefined}
                className={p === filters.page ? `${link} bg-ink font-bold text-white visited:text-white hover:text-white` : link}
              >
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a href={tieFiltersHref(path, filters, { page: page + 1 })} rel="next" className={`${link} font-bold`}>
              {t('next')}
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
