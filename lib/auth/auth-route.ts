import { NextRequest } from 'next/server';
import { env } from '../env';
import { problemResponse } from '../http/problem-response';
import { BODY_LIMITS, readBodyWithin } from '../http/read-body';
import { isSameOriginRequest } from '../http/same-origin';
import { AUTH_PAGES } from './auth';
import { callbackLocale, safeCallbackPath } from './callback-path';
import { EMAIL_PROVIDER_ID, confirmPagePath } from './sign-in-link';

type Handler = (request: NextRequest) => Promise<Response>;

const LOCALISED_PAGES = new Set<string>(Object.values(AUTH_PAGES));

/**
 * Where Auth.js sends the person, at our public address: Auth.js builds its redirects from the
 * request's URL, which Next.js rewrites to `localhost` for a loopback host (and which a Host
 * header could otherwise name), so every redirect is put back at APP_URL. And Auth.js sends
 * people to its pages by their unprefixed paths (AUTH_PAGES); when the request says which
 * language the person came from, they go straight there instead of through the proxy.
 */
function redirectAtAppUrl(response: Response, url: URL): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  const app = new URL(env().APP_URL);
  const target = new URL(location, app);
  target.protocol = app.protocol;
  target.host = app.host;
  const locale = callbackLocale(url);
  if (locale && LOCALISED_PAGES.has(target.pathname)) target.pathname = `/${locale}${target.pathname}`;
  if (target.toString() === location) return response;
  const headers = new Headers(response.headers);
  headers.set('location', target.toString());
  return new Response(response.body, { status: response.status, headers });
}

/** Headers through which a request could name another host than ours. */
const HOST_HEADERS = ['host', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/**
 * The request as Auth.js is given it: at the public address (APP_URL), whatever Host or
 * X-Forwarded-Host it arrived with, since Auth.js builds its redirects and page addresses from
 * the request's URL; and with its body read within its cap (an address and two tokens).
 */
async function atAppUrl(request: NextRequest): Promise<{ ok: true; request: NextRequest } | { ok: false; response: Response }> {
  const appUrl = new URL(env().APP_URL);
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, appUrl);
  const headers = new Headers(request.headers);
  for (const name of HOST_HEADERS) headers.delete(name);
  headers.set('host', appUrl.host);
  if (request.method === 'GET' || request.method === 'HEAD') return { ok: true, request: new NextRequest(url, { method: request.method, headers }) };
  const body = await readBodyWithin(request, BODY_LIMITS.auth);
  if (!body.ok) return body;
  return { ok: true, request: new NextRequest(url, { method: request.method, headers, body: body.bytes }) };
}

/**
 * The app's /api/auth/* route around Auth.js's handlers:
 * - a POST from another site (CSRF) is refused with 403 before Auth.js sees it;
 * - a body past its cap is refused with 413 before it is read;
 * - Auth.js sees the request at APP_URL, so no Host header can choose where it redirects;
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
      const pinned = await atAppUrl(request);
      if (!pinned.ok) return pinned.response;
      return redirectAtAppUrl(await handlers.GET(pinned.request), url);
    },
    async POST(request) {
      if (!isSameOriginRequest(request.headers, env().APP_URL)) {
        return problemResponse({ status: 403, title: 'Forbidden', detail: 'This request came from another site.' });
      }
      const pinned = await atAppUrl(request);
      if (!pinned.ok) return pinned.response;
      return redirectAtAppUrl(await handlers.POST(pinned.request), new URL(request.url));
    },
  };
}
