import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from './proxy';

/** What proxy.ts hands Next.js as the request's headers (NextResponse.next({ request })). */
const forwardedRequestHeader = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

describe('proxy.ts', () => {
  it('gives every page a strict script policy with a fresh nonce, and hands Next.js the same nonce', async () => {
    const first = await proxy(new NextRequest('http://localhost:3000/en/sign-in'));
    const policy = first.headers.get('content-security-policy');
    expect(policy).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(forwardedRequestHeader(first, 'content-security-policy')).toBe(policy);
    const second = await proxy(new NextRequest('http://localhost:3000/en/sign-in'));
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonceOf(policy));
    // The developer pages too, without the locale routing.
    const dev = await proxy(new NextRequest('http://localhost:3000/dev/mailbox'));
    expect(dev.headers.get('content-security-policy')).toContain("'strict-dynamic'");
    expect(forwardedRequestHeader(dev, 'content-security-policy')).toBe(dev.headers.get('content-security-policy'));
  });

  it('sets no cookie on a page', async () => {
    for (const path of ['/en', '/uk/tracker', '/en/councils/kharkiv-ukr']) {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { 'accept-language': 'en' } }));
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it('refuses a form post that says it is bigger than a server action may be, before Next.js reads it', async () => {
    const response = await proxy(
      new NextRequest('http://localhost:3000/en/sign-in', { method: 'POST', headers: { 'content-length': String(200 * 1024 * 1024), 'next-action': 'x' }, body: 'x' }),
    );
    expect(response.status).toBe(413);
  });
});
