/**
 * CSRF defence for everything that changes state: a browser request from another site is
 * refused. Browsers send `Sec-Fetch-Site` and `Origin` on every POST; a request carrying neither
 * is not from a browser (curl, a server), where CSRF does not apply.
 */
type HeaderBag = { get(name: string): string | null };

export function allowedOrigins(headers: HeaderBag, appUrl: string): Set<string> {
  const origins = new Set([new URL(appUrl).origin]);
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (host) {
    const proto = headers.get('x-forwarded-proto') ?? (appUrl.startsWith('https:') ? 'https' : 'http');
    origins.add(`${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`);
  }
  return origins;
}

export function isSameOriginRequest(headers: HeaderBag, appUrl: string): boolean {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if (site === 'same-origin' || site === 'none') return origin === null || allowedOrigins(headers, appUrl).has(origin);
  if (origin === null) return site === null; // cross-site fetch metadata without an Origin: refuse
  if (origin === 'null') return false; // sandboxed frames, data: URLs
  return allowedOrigins(headers, appUrl).has(origin);
}
