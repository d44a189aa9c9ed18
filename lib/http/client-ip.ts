import { type BlockList, isIP } from 'node:net';
import { env } from '../env';
import { parseTrustedProxies } from './trusted-proxies';

type HeaderBag = { get(name: string): string | null };

/**
 * Where the app keeps the address of the TCP peer of a request. Next.js hands route handlers,
 * server actions and proxy.ts no socket, and `next start` leaves a client's own X-Forwarded-For
 * as it came (it only fills one in when there is none: measured on 16.4.6), so the address a
 * client sends proves nothing. lib/http/server-hook.ts writes this header from the socket when a
 * request arrives, over any value a client sent, before Next.js sees the request.
 */
export const SOCKET_ADDRESS_HEADER = 'x-untwin-socket-address';

/** Which forwarded addresses to believe: none by default (then the socket address counts). */
export type ClientIpOptions = {
  /** The header the trusted proxies append the address they saw to (X-Forwarded-For). */
  header: string;
  /** Proxies (addresses and networks) whose forwarded header is believed. */
  trustedProxies: BlockList | null;
  /** Or: the number of proxies every request passes through, each appending one entry. */
  trustedHops: number;
};

/**
 * The client's address, for rate limits, or null when it cannot be known (a request that came
 * in before the server hook was installed, or a forwarded entry that is not an address): callers
 * treat every such request as one client, which sends less mail, never more.
 *
 * - Nothing configured: the socket address.
 * - TRUSTED_PROXIES: while the nearest hop (the socket, then each X-Forwarded-For entry from the
 *   right) is a trusted proxy, step one further left; the first untrusted hop is the client.
 *   Entries left of it were written by the client and are ignored.
 * - TRUSTED_PROXY_HOPS = n: the n-th entry from the right (each of the n proxies appended one).
 *   A request with fewer entries did not pass through them all: its socket address counts.
 */
export function clientIp(headers: HeaderBag, options: ClientIpOptions = clientIpOptions()): string | null {
  const socket = address(headers.get(SOCKET_ADDRESS_HEADER));
  if (socket === null) return null;
  if (!options.trustedProxies && options.trustedHops === 0) return socket;
  const forwarded = (headers.get(options.header) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The hops from the client to us, nearest last: what each proxy appended, then the socket.
  const hops = [...forwarded, socket];
  if (options.trustedHops > 0) {
    const index = hops.length - 1 - options.trustedHops;
    return index < 0 ? socket : address(hops[index]!);
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = address(hops[i]!);
    // A hop that is no address was not written by a proxy we trust: nobody can be told apart.
    if (hop === null) return null;
    if (!isTrusted(options.trustedProxies!, hop) || i === 0) return hop;
  }
  return socket;
}

/** An address as a proxy or the socket writes it: IPv4-mapped IPv6 as IPv4, brackets and ports off. */
function address(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(value) ? value.toLowerCase() : null;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

let cached: { key: string; options: ClientIpOptions } | undefined;

/** The configured options (lib/env.ts), parsed once per configuration. */
export function clientIpOptions(): ClientIpOptions {
  const { CLIENT_IP_HEADER, TRUSTED_PROXIES, TRUSTED_PROXY_HOPS } = env();
  const key = `${CLIENT_IP_HEADER} ${TRUSTED_PROXIES ?? ''} ${TRUSTED_PROXY_HOPS}`;
  if (cached?.key !== key) {
    let trustedProxies: BlockList | null;
    try {
      trustedProxies = parseTrustedProxies(TRUSTED_PROXIES ?? '');
    } catch (e) {
      throw new Error(`TRUSTED_PROXIES: ${e instanceof Error ? e.message : String(e)}`);
    }
    cached = { key, options: { header: CLIENT_IP_HEADER, trustedProxies, trustedHops: TRUSTED_PROXY_HOPS } };
  }
  return cached.options;
}
