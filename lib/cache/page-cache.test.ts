import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_RENDER_HEADER, clearPageCache, hasScript, isCacheablePageRequest, pageKey, servePublicPage, withoutFrameworkScripts } from './page-cache';
import type { PublicDataVersion } from './public-data-version';
import { SIGNAL_MAX_AGE_MS, currentSignal, publishVersion, resetVersionSignal } from './version-signal';

// What Next renders for a page without client components of its own: its runtime's scripts,
// the flight data (every client reference loads the framework's chunk list "$2"), preloads.
const flight = (rows: string) => `<script>self.__next_f.push([1,${JSON.stringify(rows)}])</script>`;
const FRAMEWORK_ROWS = '2:"/_next/static/chunks/a.js"\n3:I[39756,["$2"],"default"]\nd:I[97367,["$2"],"OutletBoundary"]\n';
const page = (body: string, rows = FRAMEWORK_ROWS) =>
  `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/chunks/x.css"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>` +
  `<script src="/_next/static/chunks/a.js" async=""></script><title>T</title></head>` +
  `<body><main>${body}</main><script type="application/ld+json">{"@type":"Dataset"}</script>` +
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${flight(rows)}</body></html>`;

describe('withoutFrameworkScripts', () => {
  it('drops the runtime, its preloads and the hydration data, and keeps the page, its styles and JSON-LD', () => {
    const html = withoutFrameworkScripts(page('<h1>Tracker</h1><form method="get"><button>Filter</button></form>'));
    expect(html).not.toMatch(/<script(?![^>]*ld\+json)/);
    expect(html).not.toContain('as="script"');
    expect(html).not.toContain('__next_f');
    expect(html).toContain('<h1>Tracker</h1><form method="get"><button>Filter</button></form>');
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/x.css"/>');
    expect(html).toContain('<script type="application/ld+json">{"@type":"Dataset"}</script>');
  });

  it('leaves a page with a client component of its own as it is', () => {
    const withForm = page('<form></form>', `${FRAMEWORK_ROWS}9:I[51234,["$2","/_next/static/chunks/sign-in-form.js"],"SignInForm"]\n`);
    expect(withoutFrameworkScripts(withForm)).toBe(withForm);
    expect(hasScript(withForm)).toBe(true);
    expect(hasScript(withoutFrameworkScripts(page('<p>x</p>')))).toBe(false);
  });
});

describe('which requests the page cache answers', () => {
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => new Request(`http://127.0.0.1:3100${path}`, { method, headers });

  it('answers GET and HEAD of the public pages in every language, whatever their query', () => {
    for (const path of ['/uk', '/en', '/en/tracker', '/uk/tracker?country=UKR&closed=1', '/en/councils/kharkiv-ukr', '/uk/places/gomel-blr', '/en/sources/12?page=2', '/en/stats', '/en/map', '/en/data']) {
      expect(isCacheablePageRequest(get(path)), path).toBe(true);
    }
    expect(isCacheablePageRequest(get('/en/tracker', {}, 'HEAD'))).toBe(true);
  });

  it('leaves everything else to Next: other pages, other methods, the router’s requests, its own renders', () => {
    for (const path of ['/', '/de/tracker', '/en/appeals?council=x', '/en/account', '/en/organise/ties/1', '/en/sign-in', '/en/councils/x/opengraph-image-abc', '/en/tracker/more', '/api/v1/ties']) {
      expect(isCacheablePageRequest(get(path)), path).toBe(false);
    }
    expect(isCacheablePageRequest(get('/en/tracker', {}, 'POST'))).toBe(false);
    expect(isCacheablePageRequest(get('/en/tracker', { rsc: '1' }))).toBe(false);
    expect(isCacheablePageRequest(get('/en/tracker', { 'next-router-prefetch': '1' }))).toBe(false);
    expect(isCacheablePageRequest(get('/en/tracker', { [PAGE_RENDER_HEADER]: '1' }))).toBe(false);
  });

  it('keys a page by its path and its parameters in any order', () => {
    expect(pageKey(new URL('http://x/en/tracker?status=severed&country=UKR&status=active'))).toBe(pageKey(new URL('http://x/en/tracker?country=UKR&status=active&status=severed')));
    expect(pageKey(new URL('http://x/en/tracker?country=UKR'))).not.toBe(pageKey(new URL('http://x/en/tracker?country=POL')));
    expect(pageKey(new URL('http://x/en/tracker'))).toBe('/en/tracker');
  });

  it('leaves out of the key every parameter the page does not read', () => {
    expect(pageKey(new URL('http://x/en/tracker?utm_source=mail&country=UKR&x=1'))).toBe('/en/tracker?country=UKR');
    expect(pageKey(new URL('http://x/en/stats?campaign=ukraine-2022&fbclid=abc'))).toBe('/en/stats?campaign=ukraine-2022');
    expect(pageKey(new URL('http://x/en/map?campaign=europe-2025&page=3'))).toBe('/en/map?campaign=europe-2025');
    expect(pageKey(new URL('http://x/en/sources/12?page=2&campaign=x'))).toBe('/en/sources/12?page=2');
    expect(pageKey(new URL('http://x/uk/councils/kharkiv-ukr?page=2&utm_medium=x'))).toBe('/uk/councils/kharkiv-ukr');
    expect(pageKey(new URL('http://x/en?q=kharkiv'))).toBe('/en');
  });
});

describe('servePublicPage, against a server that renders pages', () => {
  let server: http.Server;
  let origin: string;
  const renders: { path: string; marked: boolean }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      renders.push({ path: req.url ?? '', marked: req.headers[PAGE_RENDER_HEADER] === '1' });
      // A cookie makes a page private; a client component of its own makes it need its scripts.
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...(req.url === '/en/data' ? { 'set-cookie': 'session=1' } : {}) });
      const rows = req.url === '/en/map' ? `${FRAMEWORK_ROWS}9:I[51234,["$2","/_next/static/chunks/map.js"],"Map"]\n` : FRAMEWORK_ROWS;
      res.end(page(`<p>render ${renders.length} of ${req.url}</p>`, rows));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    clearPageCache();
    resetVersionSignal();
    renders.length = 0;
    status = 200;
  });

  const version = (counter: number): PublicDataVersion => ({ epoch: 'e1', counter, names: 0 });
  // What the locale routing answers for a page it lets through.
  const routed = () => new Response(null, { headers: { 'x-middleware-next': '1', link: '<http://x/uk/tracker>; rel="alternate"; hreflang="uk"' } });
  const serve = (path: string, method = 'GET') => servePublicPage(new Request(`http://example.org${path}`, { method }), routed(), origin);

  it('renders a page once per data version and serves those bytes, without scripts, until the version moves', async () => {
    publishVersion(version(1));
    const first = await serve('/en/tracker?country=UKR');
    expect(first?.headers.get('x-untwin-page-cache')).toBe('miss');
    const html = await first!.text();
    expect(html).toContain('<p>render 1 of /en/tracker?country=UKR</p>');
    expect(html).not.toContain('__next_f');
    expect(renders).toEqual([{ path: '/en/tracker?country=UKR', marked: true }]);

    const again = await serve('/en/tracker?country=UKR');
    expect(again?.headers.get('x-untwin-page-cache')).toBe('hit');
    expect(await again!.text()).toBe(html);
    expect(renders).toHaveLength(1);
    // The routing's headers of this request, and what a CDN needs to know: no cookie, and a
    // policy that runs no script (there is none).
    expect(again?.headers.get('set-cookie')).toBeNull();
    expect(again?.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(hasScript(html)).toBe(false);
    expect(again?.headers.get('link')).toContain('hreflang="uk"');
    expect(again?.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(again?.headers.get('vary')).toContain('rsc');

    publishVersion(version(2));
    const after = await serve('/en/tracker?country=UKR');
    expect(after?.headers.get('x-untwin-page-cache')).toBe('miss');
    expect(await after!.text()).toContain('<p>render 2 of /en/tracker?country=UKR</p>');
  });

  it('renders a page once for requests that arrive together', async () => {
    publishVersion(version(1));
    const all = await Promise.all(Array.from({ length: 5 }, () => serve('/en/stats')));
    expect(renders).toHaveLength(1);
    expect(new Set(await Promise.all(all.map((r) => r!.text()))).size).toBe(1);
  });

  it('answers HEAD without a body', async () => {
    publishVersion(version(1));
    const head = await serve('/en', 'HEAD');
    expect(head?.status).toBe(200);
    expect(await head!.text()).toBe('');
  });

  it('steps aside when the version is not known or too old, and when the render fails', async () => {
    expect(await serve('/en/tracker')).toBeNull();
    publishVersion(version(1), Date.now() - SIGNAL_MAX_AGE_MS - 1);
    expect(currentSignal()).toBeNull();
    expect(await serve('/en/tracker')).toBeNull();
    expect(renders).toHaveLength(0);

    publishVersion(version(1));
    status = 500;
    expect(await serve('/en/tracker')).toBeNull();
    status = 200;
    expect(await (await serve('/en/tracker'))!.text()).toContain('render 2');
  });

  it('does not keep a page that sets a cookie', async () => {
    publishVersion(version(1));
    expect(await serve('/en/data')).toBeNull();
  });

  it('does not keep a page that needs scripts of its own, and renders it only once a version to find out', async () => {
    publishVersion(version(1));
    expect(await serve('/en/map')).toBeNull();
    expect(await serve('/en/map')).toBeNull();
    expect(renders.filter((r) => r.path === '/en/map')).toHaveLength(1);
  });

  it('renders a page from its key: parameters it does not read neither split nor reach it', async () => {
    publishVersion(version(1));
    await serve('/en/tracker?utm_source=mail&country=UKR');
    const again = await serve('/en/tracker?country=UKR&fbclid=x');
    expect(again?.headers.get('x-untwin-page-cache')).toBe('hit');
    expect(renders).toEqual([{ path: '/en/tracker?country=UKR', marked: true }]);
  });

  it('leaves a redirect or a rewrite of the locale routing alone', async () => {
    publishVersion(version(1));
    const redirect = new Response(null, { status: 307, headers: { location: '/uk' } });
    expect(await servePublicPage(new Request('http://example.org/en'), redirect, origin)).toBeNull();
    expect(renders).toHaveLength(0);
  });

  it('does not take the signal back to an older version', () => {
    publishVersion(version(3));
    publishVersion(version(2));
    expect(currentSignal()?.version.counter).toBe(3);
    publishVersion({ epoch: 'e2', counter: 0, names: 0 });
    expect(currentSignal()?.version.epoch).toBe('e2');
  });
});
