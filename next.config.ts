import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { routing } from './i18n/routing';
import { PUBLIC_PAGE_CACHE_CONTROL } from './lib/cache/cache-control';
import { SCRIPT_FREE_POLICY } from './lib/http/content-security-policy';
import { BODY_LIMITS } from './lib/http/read-body';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// No page may be framed, sniffed, or leak full URLs to other sites. The Content-Security-Policy
// here runs no script: pages get their own, with a nonce, from proxy.ts (it replaces this one),
// so this is the policy of everything else (lib/http/content-security-policy.ts).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: SCRIPT_FREE_POLICY },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Ignored by browsers over plain HTTP, so harmless in development.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (`npm run typecheck`) before it builds; doing
  // it again inside `next build` costs half a minute on a small machine and checks less.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WebAssembly and data files from its package folder at run time; pdfkit
  // (letters as PDF) reads its font metrics and fontkit's tables from its own folder too.
  serverExternalPackages: ['@electric-sql/pglite', 'pdfkit'],
  experimental: {
    // `forbidden()` answers a refusal with 403 and app/[locale]/forbidden.tsx, not a 200 page.
    authInterrupts: true,
    // What a server action may send (Next.js answers 413 past it), and what Next.js buffers of a
    // request body for proxy.ts: the same cap (lib/http/read-body.ts), not Next's 10 MB.
    serverActions: { bodySizeLimit: BODY_LIMITS.action },
    proxyClientMaxBodySize: BODY_LIMITS.action,
  },
  async headers() {
    // The public pages (lib/cache/page-cache.ts lists the same ones): a CDN may keep them for a
    // few seconds. Not `/` (it redirects by Accept-Language), nor anything signed in,
    // nor /appeals (its counters change with every appeal sent).
    const locale = `:locale(${routing.locales.join('|')})`;
    const cacheable = [`/${locale}`, `/${locale}/:page(tracker|stats|map|data)`, `/${locale}/:kind(councils|places|sources)/:slug`];
    return [
      { source: '/:path*', headers: securityHeaders },
      ...cacheable.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: PUBLIC_PAGE_CACHE_CONTROL }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
