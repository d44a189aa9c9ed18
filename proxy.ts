import createMiddleware from 'next-intl/middleware';
import type { NextRequest } from 'next/server';
import { PATHNAME_HEADER, routing } from './i18n/routing';

const handleI18nRouting = createMiddleware(routing);

/**
 * Locale routing (`/` goes to /uk or /en by cookie, then Accept-Language) and the request's
 * path for server components (the language switcher and hreflang links need it).
 */
export default function proxy(request: NextRequest) {
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname);
  return handleI18nRouting(request);
}

export const config = {
  // Pages only: not API routes, Next's own files, or anything with a file extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
