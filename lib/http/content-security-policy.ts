/**
 * The Content-Security-Policy of every response, in one place.
 *
 * Pages that run scripts (every page Next.js renders: its runtime hydrates them) get a strict
 * policy: a fresh nonce per response, which proxy.ts also hands Next.js in the request's own
 * Content-Security-Policy header, so Next.js puts it on each script it writes; 'strict-dynamic'
 * lets those scripts load the framework's chunks, and nothing else runs. A nonce can never be
 * kept in cached HTML, so the public pages the page cache serves (lib/cache/page-cache.ts) carry
 * no script at all and are sent with `script-src 'none'`. Everything else (API answers, feeds,
 * files, and the 404 page of addresses the proxy does not see) gets that script-free policy
 * too, from next.config.ts.
 *
 * Styles: Tailwind's stylesheet from our origin, and inline `style` attributes (React writes
 * some); a nonce in style-src would turn 'unsafe-inline' off, so styles have none.
 */
export type ScriptPolicy = { nonce: string } | 'none';

export function contentSecurityPolicy(scripts: ScriptPolicy, options: { development?: boolean } = {}): string {
  const scriptSrc =
    scripts === 'none'
      ? "'none'"
      : // 'self' only speaks to browsers too old for 'strict-dynamic' (which then ignore it);
        // React needs eval for its error overlays in development, never in production.
        `'nonce-${scripts.nonce}' 'strict-dynamic' 'self'${options.development ? " 'unsafe-eval'" : ''}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For responses that must run no script. */
export const SCRIPT_FREE_POLICY = contentSecurityPolicy('none');

/** 128 random bits, base64: unguessable, and of the form Next.js reads back from the header. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
