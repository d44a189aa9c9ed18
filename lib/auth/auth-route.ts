import type { NextRequest } from 'next/server';
import { env } from '../env';
import { problemResponse } from '../http/problem-response';
import { isSameOriginRequest } from '../http/same-origin';
import { AUTH_PAGES } from './auth';
import { callbackLocale, safeCallbackPath } from './callback-path';
import { EMAIL_PROVIDER_ID, confirmPagePath } from './sign-in-link';

type Handler = (request: NextRequest) => Promise<Response>;

const LOCALISED_PAGES = new Set<string>(Object.values(AUTH_PAGES));

/**
 * Auth.js sends people to its pages by their unprefixed paths (AUTH_PAGES); when the request
 * says which language the person came from, go straight there instead of through the proxy.
 */
function localiseRedirect(response: Response, url: URL): Response {
  const location = response.headers.get('location');
  const locale = callbackLocale(url);
  if (!location || !locale) return response;
  const target = new URL(location, env().APP_URL);
  if (!LOCALISED_PAGES.has(target.pathname)) return response;
  target.pathname = `/${locale}${target.pathname}`;
  const headers = new Headers(response.headers);
  headers.set('location', target.toString());
  return new Response(response.body, { status: response.status, headers });
}

/**
 * The app's /api/auth/* route around Auth.js's handlers:
 * - a POST from another site (CSRF) is refused with 403 before Auth.js sees it;
 * - a GET of the email callback (what a mail scanner does with an old-style link) never redeems
 *   the token: it is sent on to the confirm page, whose button POSTs it.
 */
export function authRoute(handlers: { GET: Handler; POST: Handler }): { GET: Handler; POST: Handler } {
  return {
    async GET(request) {
      const url = new URL(request.url);
      if (url.pathname.endsWith(`/callback/${EMAIL_PROVIDER_ID}`)) {
        const query = url.searchParams;
        const confirm = confirmPagePath(callbackLocale(url), {
          token: query.get('token') ?? '',
          email: query.get('email') ?? '',
          callbackPath: safeCallbackPath(query.get('callbackUrl'), [env().APP_URL, url.origin]),
        });
        return new Response(null, { status: 303, headers: { location: new URL(confirm, env().APP_URL).toString(), 'cache-control': 'no-store' } });
      }
      return localiseRedirect(await handlers.GET(request), url);
    },
    async POST(request) {
      if (!isSameOriginRequest(request.headers, env().APP_URL)) {
        return problemResponse({ status: 403, title: 'Forbidden', detail: 'This request came from another site.' });
      }
      return localiseRedirect(await handlers.POST(request), new URL(request.url));
    },
  };
}
