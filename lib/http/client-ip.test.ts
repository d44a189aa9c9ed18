import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '../env';
import { type ClientIpOptions, SOCKET_ADDRESS_HEADER, clientIp, clientIpOptions } from './client-ip';
import { parseTrustedProxies } from './trusted-proxies';

const headers = (socket: string | null, forwardedFor?: string, extra: Record<string, string> = {}) =>
  new Headers({ ...(socket === null ? {} : { [SOCKET_ADDRESS_HEADER]: socket }), ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }), ...extra });

const none: ClientIpOptions = { header: 'x-forwarded-for', trustedProxies: null, trustedHops: 0 };
const proxies = (list: string): ClientIpOptions => ({ ...none, trustedProxies: parseTrustedProxies(list) });
const hops = (n: number): ClientIpOptions => ({ ...none, trustedHops: n });

describe('clientIp', () => {
  it('is the socket address when no proxy is trusted: a client-sent X-Forwarded-For changes nothing', () => {
    expect(clientIp(headers('203.0.113.5'), none)).toBe('203.0.113.5');
    expect(clientIp(headers('203.0.113.5', '198.51.100.1'), none)).toBe('203.0.113.5');
    expect(clientIp(headers('203.0.113.5', '198.51.100.1, 198.51.100.2'), none)).toBe('203.0.113.5');
    // As Node reports an IPv4 client on a dual-stack socket.
    expect(clientIp(headers('::ffff:127.0.0.1', '10.9.9.9'), none)).toBe('127.0.0.1');
    expect(clientIp(headers('2001:DB8::1'), none)).toBe('2001:db8::1');
  });

  it('is unknown without the socket address (a request the server hook did not see)', () => {
    expect(clientIp(headers(null, '198.51.100.1'), none)).toBeNull();
    expect(clientIp(headers(null, '198.51.100.1'), proxies('127.0.0.1'))).toBeNull();
  });

  it('believes X-Forwarded-For only as far as the trusted proxies wrote it', () => {
    const behindProxy = proxies('10.0.0.0/8, 192.0.2.10');
    // The proxy appended the client's address; what the client wrote itself comes before it.
    expect(clientIp(headers('10.1.2.3', '203.0.113.9'), behindProxy)).toBe('203.0.113.9');
    expect(clientIp(headers('10.1.2.3', '6.6.6.6, 203.0.113.9'), behindProxy)).toBe('203.0.113.9');
    // Two trusted hops (a CDN in 10/8, then the proxy): the first untrusted one from the right.
    expect(clientIp(headers('192.0.2.10', '6.6.6.6, 203.0.113.9, 10.4.4.4'), behindProxy)).toBe('203.0.113.9');
    // A client that reaches the app directly gets no say, whatever it sends.
    expect(clientIp(headers('203.0.113.77', '10.1.1.1'), behindProxy)).toBe('203.0.113.77');
    // A proxy with nothing to forward: it is the client.
    expect(clientIp(headers('10.1.2.3'), behindProxy)).toBe('10.1.2.3');
    // Garbage where the client's address should be: nobody can be told apart.
    expect(clientIp(headers('10.1.2.3', 'not-an-address'), behindProxy)).toBeNull();
    expect(clientIp(headers('::ffff:10.1.2.3', '[2001:db8::7]:4711'), behindProxy)).toBe('2001:db8::7');
  });

  it('takes the n-th entry from the right with a hop count, and the socket when there are too few', () => {
    expect(clientIp(headers('10.0.0.2', '6.6.6.6, 203.0.113.9'), hops(1))).toBe('203.0.113.9');
    expect(clientIp(headers('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.1'), hops(2))).toBe('203.0.113.9');
    expect(clientIp(headers('203.0.113.50'), hops(1))).toBe('203.0.113.50');
    expect(clientIp(headers('203.0.113.50', '6.6.6.6'), hops(2))).toBe('203.0.113.50');
    // One proxy that sets X-Real-IP instead.
    expect(clientIp(headers('10.0.0.2', undefined, { 'x-real-ip': '203.0.113.9' }), { ...hops(1), header: 'x-real-ip' })).toBe('203.0.113.9');
  });
});

describe('the configuration', () => {
  afterEach(() => {
    for (const k of ['TRUSTED_PROXIES', 'TRUSTED_PROXY_HOPS', 'CLIENT_IP_HEADER']) delete process.env[k];
    resetEnvCache();
  });

  it('trusts nobody by default', () => {
    resetEnvCache();
    expect(clientIpOptions()).toEqual({ header: 'x-forwarded-for', trustedProxies: null, trustedHops: 0 });
  });

  it('reads TRUSTED_PROXIES and TRUSTED_PROXY_HOPS, and refuses nonsense or both at once', () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1, fd00::/8';
    resetEnvCache();
    expect(clientIp(headers('fd00::5', '203.0.113.9'))).toBe('203.0.113.9');
    expect(clientIp(headers('::ffff:127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
    process.env.TRUSTED_PROXIES = '10.0.0.0/33';
    resetEnvCache();
    expect(() => clientIpOptions()).toThrow(/TRUSTED_PROXIES/);
    process.env.TRUSTED_PROXIES = 'proxy.internal';
    resetEnvCache();
    expect(() => clientIpOptions()).toThrow(/TRUSTED_PROXIES/);
    process.env.TRUSTED_PROXIES = '10.0.0.1';
    process.env.TRUSTED_PROXY_HOPS = '1';
    resetEnvCache();
    expect(() => clientIpOptions()).toThrow(/not both/);
    delete process.env.TRUSTED_PROXIES;
    resetEnvCache();
    expect(clientIp(headers('10.0.0.2', '203.0.113.9'))).toBe('203.0.113.9');
  });
});
