import { describe, expect, it } from 'vitest';
import { OPEN_DATA_CACHE_CONTROL, cachedResponse, etagMatches, strongEtag } from './cached-response';

const get = (headers: Record<string, string> = {}) => new Request('http://localhost/api/v1/ties', { headers });

describe('cachedResponse', () => {
  it('sends the body with a strong ETag over it and cache headers a CDN honours', async () => {
    const res = cachedResponse(get(), '{"data":[]}', { 'Content-Type': 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"data":[]}');
    expect(res.headers.get('etag')).toBe(strongEtag('{"data":[]}'));
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.headers.get('cache-control')).toBe(OPEN_DATA_CACHE_CONTROL);
    expect(OPEN_DATA_CACHE_CONTROL).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  it('answers 304 with no body when the client has these bytes', async () => {
    const etag = strongEtag('a,b\r\n');
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = cachedResponse(get({ 'If-None-Match': ifNoneMatch }), 'a,b\r\n', { 'Content-Type': 'text/csv' });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe(OPEN_DATA_CACHE_CONTROL);
    }
  });

  it('sends the body again when the bytes changed', () => {
    const res = cachedResponse(get({ 'If-None-Match': strongEtag('old') }), 'new', {});
    expect(res.status).toBe(200);
  });

  it('gives different bodies different tags', () => {
    expect(strongEtag('a')).not.toBe(strongEtag('b'));
    expect(etagMatches(null, strongEtag('a'))).toBe(false);
  });
});
