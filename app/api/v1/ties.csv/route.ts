import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { OPEN_DATA_CACHE_CONTROL, cachedResponse } from '@/lib/http/cached-response';
import { invalidParametersResponse } from '@/lib/http/problem-response';
import { searchTies } from '@/lib/ties/search-ties';
import { tiesToCsv } from '@/lib/ties/tie-csv';
import { parseTieFilters } from '@/lib/ties/tie-filters';

/**
 * The rows of /api/v1/ties as CSV, for spreadsheets: the same filters and order, and every
 * matching row unless the address asks for a page (`page` or `perPage`).
 */
export async function GET(request: Request): Promise<Response> {
  // Read per request from the database; `next build` must never open it.
  await connection();
  const params = new URL(request.url).searchParams;
  const { filters, errors } = parseTieFilters(params);
  if (errors.length > 0) {
    // The same address is always as wrong: caches may keep the answer like any other.
    return invalidParametersResponse(errors, { 'Cache-Control': OPEN_DATA_CACHE_CONTROL });
  }
  const paged = params.has('page') || params.has('perPage');
  const result = await searchTies(await getDb(), filters, { locale: 'en', allRows: !paged });
  return cachedResponse(request, tiesToCsv(result.rows), {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': 'attachment; filename="untwin-ties.csv"',
  });
}
