import { isIP } from 'node:net';

type HeaderBag = { get(name: string): string | null };

/**
 * The client's address, for rate limits. Next.js has no socket address in handlers, so it comes
 * from a header: the configured one (CLIENT_IP_HEADER, by default X-Forwarded-For, which
 * `next start` and every reverse proxy set). Of X-Forwarded-For we take the last entry, the one
 * the nearest proxy appended; entries a client wrote itself come before it and are ignored.
 */
export function clientIp(headers: HeaderBag, headerName = 'x-forwarded-for'): string | null {
  const raw = headers.get(headerName);
  if (!raw) return null;
  const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const last = parts.at(-1);
  if (!last) return null;
  const unwrapped = last.replace(/^\[(.*)\](?::\d+)?$/, '$1').replace(/^::ffff:/, '');
  return isIP(unwrapped) ? unwrapped : null;
}
