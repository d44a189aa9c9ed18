import { connection } from 'next/server';
import { cachedAtVersion } from '@/lib/cache/public-cache';
import { requestReader } from '@/lib/cache/public-queries';
import { env } from '@/lib/env';
import { OPEN_DATA_CACHE_CONTROL, cachedResponse } from '@/lib/http/cached-response';
import { invalidParametersResponse } from '@/lib/http/problem-response';
import { publicTieRecords } from '@/lib/ties/public-tie-records';
import { searchTies } from '@/lib/ties/search-ties';
import { parseTieFilters, tieFiltersHref, tieFiltersToSearchParams } from '@/lib/ties/tie-filters';

/**
 * The ties of public campaigns as JSON, with the tracker's filters (lib/ties/tie-filters.ts) and
 * paging: `{ data, page, perPage, total, links }`, each tie in the dataset's export format.
 */
export async function GET(request: Request): Promise<Response> {
  // Read per request from the database; `next build` must never open it.
  await connection();
  const { filters, errors } = parseTieFilters(new URL(request.url).searchParams);
  if (errors.length > 0) {
    // The same address is always as wrong: caches may keep the answer like any other.
    return invalidParametersResponse(errors, { 'Cache-Control': OPEN_DATA_CACHE_CONTROL });
  }
  // The body is made once per data version and view (one address per view: the canonical query).
  const reader = await requestReader();
  const body = await cachedAtVersion(reader, `api/v1/ties?${tieFiltersToSearchParams(filters)}`, async () => {
    const result = await searchTies(reader.db, filters, { locale: 'en' });
    const data = await publicTieRecords(
      reader.db,
      result.rows.map((r) => r.id),
    );
    const link = (page: number) => new URL(tieFiltersHref('/api/v1/ties', filters, { page }), env().APP_URL).toString();
    return JSON.stringify({
      data,
      page: result.page,
      perPage: result.perPage,
      total: result.total,
      links: {
        self: link(result.page),
        first: link(1),
        prev: result.page > 1 ? link(Math.min(result.page - 1, result.pageCount)) : null,
        next: result.page < result.pageCount ? link(result.page + 1) : null,
        last: link(result.pageCount),
      },
    });
  });
  return cachedResponse(request, body, { 'Content-Type': 'application/json; charset=utf-8' });
}
