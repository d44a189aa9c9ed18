import { defineRouting } from 'next-intl/routing';

/** Ukrainian first: the first campaign and most of its readers are Ukrainian. */
export const routing = defineRouting({
  locales: ['uk', 'en'],
  defaultLocale: 'uk',
  // Always in the URL, so every page has one address per language (and hreflang can name it).
  localePrefix: 'always',
  // No cookie: the language is in every address, and a page that sets a cookie is one a CDN may
  // not keep. `/` (and Auth.js's unprefixed pages) follow Accept-Language instead.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** Set by proxy.ts on every page request: server components cannot read the URL otherwise. */
export const PATHNAME_HEADER = 'x-untwin-pathname';
/** The request's query string ('' or '?…'), so the language switcher keeps it. */
export const SEARCH_HEADER = 'x-untwin-search';
