import createMiddleware from 'next-intl/middleware';
import { type NextRequest, NextResponse } from 'next/server';
import { env } from './lib/env';
import { contentSecurityPolicy, newNonce } from './lib/http/content-security-policy';
import { BODY_LIMITS, bodyTooLargeResponse } from './lib/http/read-body';
import { isSameOriginRequest } from './lib/http/same-origin';
import { PATHNAME_HEADER, SEARCH_HEADER, routing } from './i18n/routing';
import { servePublicPage } from './lib/cache/page-cache';

const handleI18nRouting = createMiddleware(routing);

/**
 * Every page request: locale routing (`/` goes to /uk or /en by Accept-Language), the request's
 * path for server components (the language switcher and hreflang links need it), the public
 * pages kept per data version (lib/cache/page-cache.ts), and a Content-Security-Policy with a
 * fresh script nonce (lib/http/content-security-policy.ts).
 */
export default async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    // CSRF: a form post or server action from another site is refused before any page code runs.
    if (!isSameOriginRequest(request.headers, env().APP_URL)) {
      return new NextResponse('This request came from another site.', { status: 403 });
    }
    // A server action's body is capped by Next.js (next.config.ts); one that says up front it is
    // bigger is refused before Next.js buffers any of it.
    if (Number(request.headers.get('content-length') ?? 0) > BODY_LIMITS.action) return bodyTooLargeResponse(BODY_LIMITS.action);
  }

  // Next.js reads the nonce from the request's own policy header and puts it on its scripts.
  const policy = contentSecurityPolicy({ nonce: newNonce() }, { development: env().NODE_ENV === 'development' });
  request.headers.set('content-security-policy', policy);

  let response: Response;
  if (isDeveloperPage(request.nextUrl.pathname)) {
    response = NextResponse.next({ request: { headers: request.headers } });
  } else {
    request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname);
    request.headers.set(SEARCH_HEADER, request.nextUrl.search);
    const routed = handleI18nRouting(request);
    // Public pages are served from the page cache (script-free, with a policy that says so)
    // while the public data has not changed.
    response = (await servePublicPage(request, routed)) ?? routed;
  }
  if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', policy);
  return response;
}

/** /dev/mailbox: no locale, but scripts and so a nonce like every other page. */
function isDeveloperPage(pathname: string): boolean {
  return pathname === '/dev' || pathname.startsWith('/dev/');
}

export const config = {
  // Pages only: not API routes, Next's own files, or anything with a file extension (their
  // policy, script-free, comes from next.config.ts).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
