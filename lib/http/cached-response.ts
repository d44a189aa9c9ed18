import { createHash } from 'node:crypto';

/**
 * A response a CDN may keep: a minute in browsers, five in shared caches, and a stale copy for
 * ten more while it asks again. The strong ETag is a hash of the body, so a client that already
 * has these bytes gets a 304 with no body.
 */
export const OPEN_DATA_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x", and * matches all. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function cachedResponse(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = strongEtag(body);
  const common = {
    ETag: etag,
    'Cache-Control': OPEN_DATA_CACHE_CONTROL,
    Vary: 'Accept-Encoding',
    // Open data: any web page may read it.
    'Access-Control-Allow-Origin': '*',
  };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...common, ...headers } });
}
