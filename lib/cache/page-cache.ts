import { routing } from '../../i18n/routing';
import { SCRIPT_FREE_POLICY } from '../http/content-security-policy';
import { TIE_FILTER_PARAMS } from '../ties/tie-filters';
import { PUBLIC_PAGE_CACHE_CONTROL } from './cache-control';
import { currentSignal } from './version-signal';

/**
 * Whole public pages, kept as rendered HTML per public data version and served by proxy.ts
 * without rendering them again: the tracker, the home page, council, place and source pages,
 * stats, map and open data, in every language, for every query string. They read no
 * cookie and no session (the header's account link is a plain link) and the language is in the
 * path, so one address is one page for everyone.
 *
 * The first request for an address at a version renders it the ordinary way, through a request
 * to this same server (marked, so that it is not answered from here); the others get those
 * bytes until the version moves (lib/cache/version-signal.ts), from whichever process the change
 * came. When the version is not known (no public page rendered yet, or the database not
 * answering) this steps aside and pages render as usual.
 *
 * The kept copy has no JavaScript: public pages work without it (forms are plain GET forms,
 * links plain links), so the framework's runtime, its hydration data and preloads are left out,
 * and the copy is served with a Content-Security-Policy that runs no script at all (a nonce
 * cannot be kept in cached HTML). A page that ships a client component of its own would need
 * its scripts: it is not kept, and Next.js renders it per request, with a nonce.
 *
 * Nor does a kept page set a cookie (a CDN may keep it too), and its key is its path and the
 * query parameters it reads: `?utm_source=…` or `?x=1` is the same page, rendered once.
 */

// Not /appeals: with `?council=` it sends the reader on to write (a redirect, per person).
const PUBLIC_PAGE = new RegExp(`^/(?:${routing.locales.join('|')})(?:/(?:tracker|stats|map|data)|/(?:councils|places|sources)/[^/]+)?$`);

/** Marks the request that renders a page for the cache. */
export const PAGE_RENDER_HEADER = 'x-untwin-page-render';


/** Requests the client router makes for its own payloads: never answered with HTML. */
const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action'];

/**
 * A page as rendered, as UTF-8 bytes ready to send. Kept uncompressed: Next drops the
 * Content-Encoding of a response from proxy.ts and compresses every response itself.
 */
type Page = { tag: string; status: number; html: Uint8Array } | { tag: string; uncacheable: true };

const MAX_BYTES = 64 * 1024 * 1024;
const pages = new Map<string, Page>();
let bytes = 0;
const rendering = new Map<string, Promise<Page | null>>();

/** Whether this request may be answered from the cache at all. */
export function isCacheablePageRequest(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.headers.has(PAGE_RENDER_HEADER) || ROUTER_HEADERS.some((h) => request.headers.has(h))) return false;
  return PUBLIC_PAGE.test(new URL(request.url).pathname);
}

/**
 * The query parameters each public page reads (by the segment after the locale): any other
 * leaves the page as it is. The tracker reads its filters (lib/ties/tie-filters.ts), stats and
 * the map a campaign, a source its page of ties.
 */
function paramsReadBy(pathname: string): readonly string[] {
  switch (pathname.split('/')[2]) {
    case 'tracker':
      return TIE_FILTER_PARAMS;
    case 'stats':
    case 'map':
      return ['campaign'];
    case 'sources':
      return ['page'];
    default:
      return [];
  }
}

/**
 * One key per page: the path and the parameters the page reads, in a fixed order (pages read
 * them by name). It is also the address the page is rendered from, so what is kept never
 * depends on a parameter the key leaves out.
 */
export function pageKey(url: URL): string {
  const read = new Set(paramsReadBy(url.pathname));
  const params = [...url.searchParams]
    .filter(([name]) => read.has(name))
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/**
 * The page for this request from the cache (rendering it first if this version has not got it),
 * or null to let Next render it as usual. `routed` is the locale routing's answer to the
 * request: only a request it lets through is served here, with its hreflang links added.
 */
export async function servePublicPage(request: Request, routed: Response, origin = internalOrigin()): Promise<Response | null> {
  if (!routed.headers.has('x-middleware-next') || routed.headers.has('x-middleware-rewrite')) return null;
  if (!isCacheablePageRequest(request) || !origin) return null;
  const signal = currentSignal();
  if (!signal) return null;
  const url = new URL(request.url);
  const key = pageKey(url);

  let page = pages.get(key);
  let state = 'hit';
  if (!page || page.tag !== signal.tag) {
    state = 'miss';
    const renderKey = `${signal.tag} ${key}`;
    let pending = rendering.get(renderKey);
    if (!pending) {
      pending = render(new URL(key, origin), signal.tag).finally(() => rendering.delete(renderKey));
      rendering.set(renderKey, pending);
    }
    const rendered = await pending;
    if (!rendered) return null;
    page = rendered;
    keep(key, rendered);
  } else {
    // Most recently used last: the first page is the one to drop when full.
    pages.delete(key);
    pages.set(key, page);
  }

  if ('uncacheable' in page) return null;

  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL,
    // As Next says of its pages: the router's own requests get another answer from the same address.
    Vary: `${ROUTER_HEADERS.slice(0, 4).join(', ')}, Accept-Encoding`,
    'Content-Security-Policy': SCRIPT_FREE_POLICY,
    'X-Untwin-Page-Cache': state,
  });
  const link = routed.headers.get('link');
  if (link) headers.set('link', link);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(page.html), { status: page.status, headers });
}

async function render(url: URL, tag: string): Promise<Page | null> {
  try {
    const response = await fetch(url, { headers: { [PAGE_RENDER_HEADER]: '1', 'accept-encoding': 'identity' }, redirect: 'manual', cache: 'no-store' });
    const type = response.headers.get('content-type') ?? '';
    const html = await response.text();
    // Only what every visitor may get: a page (or a page saying the council is unknown, 404) as
    // HTML, setting no cookie.
    if ((response.status !== 200 && response.status !== 404) || !type.startsWith('text/html') || response.headers.getSetCookie().length > 0) return null;
    const kept = withoutFrameworkScripts(html);
    if (hasScript(kept)) return { tag, uncacheable: true };
    return { tag, status: response.status, html: new TextEncoder().encode(kept) };
  } catch {
    return null;
  }
}

function keep(key: string, page: Page): void {
  const old = pages.get(key);
  if (old) bytes -= size(old);
  pages.delete(key);
  pages.set(key, page);
  bytes += size(page);
  for (const [k, p] of pages) {
    if (bytes <= MAX_BYTES) break;
    pages.delete(k);
    bytes -= size(p);
  }
}

const size = (page: Page) => ('uncacheable' in page ? 0 : page.html.byteLength);

/** This server, as seen from itself: `next start` sets PORT (and the address it listens on). */
function internalOrigin(): string | null {
  // Next.js's own run-time facts, not configuration (lib/env.ts).
  const listening = process.env.__NEXT_PRIVATE_ORIGIN;
  if (listening) {
    const u = new URL(listening);
    // Listening on every address: ask the loopback one.
    if (u.hostname === '0.0.0.0' || u.hostname === '[::]' || u.hostname === '::') u.hostname = '127.0.0.1';
    return u.origin;
  }
  return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const SCRIPT_PRELOAD = /<link\b[^>]*\bas="script"[^>]*\/?>/g;
const FLIGHT_CHUNK = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g;
const CLIENT_REFERENCE = /^[0-9a-f]+:I\[\d+,(\[[^\]]*\])/gm;

/**
 * The page without the framework's scripts, when every client component it refers to is the
 * framework's own (they all load the same chunks); otherwise the page as it is. Data in scripts
 * that are not JavaScript (JSON-LD) stays.
 */
export function withoutFrameworkScripts(html: string): string {
  const flight = [...html.matchAll(FLIGHT_CHUNK)].map((m) => JSON.parse(m[1]!) as string).join('');
  const chunkLists = new Set([...flight.matchAll(CLIENT_REFERENCE)].map((m) => m[1]));
  if (chunkLists.size > 1) return html;
  return html.replace(SCRIPT, (tag, attributes: string) => (/\btype="application\/ld\+json"/.test(attributes) ? tag : '')).replace(SCRIPT_PRELOAD, '');
}

/** Does the HTML hold a script that would run (JSON-LD is data, and never runs)? */
export function hasScript(html: string): boolean {
  return [...html.matchAll(SCRIPT)].some((m) => !/\btype="application\/ld\+json"/.test(m[1]!));
}

/** For tests: forget every page. */
export function clearPageCache(): void {
  pages.clear();
  rendering.clear();
  bytes = 0;
}
