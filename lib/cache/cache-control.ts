/**
 * How long shared caches (a CDN) may keep a public page: a few seconds, then a little longer
 * stale while they ask again; browsers always ask. The pages read no cookie and no session and
 * name their language in the path, so one address is one page for everyone: the locale cookie
 * the language routing sets on them holds the language of that same path. A change shows
 * through a CDN within s-maxage + stale-while-revalidate seconds at most, and within about a
 * second from this server (lib/cache/page-cache.ts). No imports: next.config.ts reads it too.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=25';
