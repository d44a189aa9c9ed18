import { BlockList, isIP } from 'node:net';

/**
 * TRUSTED_PROXIES as a BlockList: addresses and CIDR networks, IPv4 and IPv6, separated by
 * commas or spaces. Throws on anything else, so a typo fails at start-up instead of trusting
 * nothing (or everything).
 */
export function parseTrustedProxies(value: string): BlockList | null {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [ip, prefix, extra] = entry.split('/');
    const family = isIP(ip ?? '');
    if (extra !== undefined || family === 0) throw new Error(`"${entry}" is not an IP address or a CIDR network`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    // An IPv4 proxy that reaches a dual-stack socket shows as ::ffff:a.b.c.d: clientIp unwraps it.
    if (prefix === undefined) {
      list.addAddress(ip!, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new Error(`"${entry}" has no valid prefix length`);
    list.addSubnet(ip!, bits, type);
  }
  return list;
}
