import createMiddleware from 'next-intl/middleware';
import { type NextRequest, NextResponse } from 'next/server';
import { env } from './lib/env';
import { isSameOriginRequest } from './lib/http/same-origin';
import { PATHNAME_HEADER, SEARCH_HEADER, routing } from './i18n/routing';
import { servePublicPage } from './lib/cache/page-cache';

const handleI18nRouting = createMiddleware(routing);

/**
 * Locale routing (`/` goes to /uk or /en by cookie, then Accept-Language), the request's path
 * for server components (the language switcher and hreflang links need it), and the public
 * pages kept per data version (lib/cache/page-cache.ts).
 */
export default async function proxy(request: NextRequest) {
  // CSRF: a form post or server action from another site is refused before any page code runs.
  if (request.method !== 'GET' && request.method !== 'HEAD' && !isSameOriginRequest(request.headers, env().APP_URL)) {
    return new NextResponse('This request came from another site.', { status: 403 });
  }
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname);
  request.headers.set(SEARCH_HEADER, request.nextUrl.search);
  const routed = handleI18nRouting(request);
  // Public pages are served from the page cache while the public data has not changed.
  return (await servePublicPage(request, routed)) ?? routed;
}

export const config = {
  // Pages only: not API routes, Next's own files, the developer pages under /dev (no locale), or
  // anything with a file extension.
  matcher: ['/((?!api|_next|_vercel|dev(?:/|$)|.*\\..*).*)'],
};
