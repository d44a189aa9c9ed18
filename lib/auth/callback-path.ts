import { type Locale, routing } from '../../i18n/routing';
import { env } from '../env';

/**
 * Where a person goes after signing in: only a path on this site. Anything else (another host,
 * a protocol-relative `//evil.example`, a backslash trick, a `javascript:` URL) is refused, so a
 * crafted sign-in link cannot send someone away from the site after they trusted it.
 * Absolute URLs are accepted only at one of `origins` (Auth.js passes them back absolute).
 */
export function safeCallbackPath(raw: unknown, origins: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const allowed = new Set(origins.map((o) => new URL(o).origin));
  const [home] = allowed;
  if (!home) return null;
  if (raw.startsWith('/') && (raw.startsWith('//') || raw.startsWith('/\\'))) return null;
  // Browsers read a backslash as a slash and drop tabs and newlines: judge what they would see.
  if (/[\\\u0000-\u001f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, home);
  } catch {
    return null;
  }
  if (!allowed.has(url.origin)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The language of one of our paths (`/en/tracker` -> 'en'), or null when it has none. */
export function localeOfPath(path: string | null | undefined): Locale | null {
  const first = path?.split(/[/?#]/)[1];
  return (routing.locales as readonly string[]).includes(first ?? '') ? (first as Locale) : null;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (routing.locales as readonly string[]).includes(value);
}

/** After signing in, with nowhere particular to go: the person's own page. */
export function defaultCallbackPath(locale: Locale): string {
  return `/${locale}/account`;
}

/** The language of the page an auth request will return to (its `callbackUrl`), if it says. */
export function callbackLocale(requestUrl: URL): Locale | null {
  return localeOfPath(safeCallbackPath(requestUrl.searchParams.get('callbackUrl'), [env().APP_URL, requestUrl.origin]));
}
