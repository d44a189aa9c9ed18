/**
 * Runs once when a Next.js server starts (`next start`, `next dev`), on its first request.
 *
 * First the server hook (lib/http/server-hook.ts): every later request carries its socket
 * address, the client's address the rate limits count (lib/http/client-ip.ts), and a page can
 * choose its own 404 or 403 (lib/http/response-status.ts).
 *
 * Then the mail queue, which every enqueue needs, and with MAIL_WORKER=inline (the default) the
 * mail worker, in the app's own process: with PGlite nothing else may open the database. With
 * MAIL_WORKER=off the worker runs as `npm run worker` instead (PostgreSQL only).
 *
 * Not on the edge runtime (no sockets, no database there), and not while `next build` renders
 * pages: the build must never open the database. Mail failures are logged by startAppMail,
 * never thrown, so the site still serves pages when mail cannot start.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME and NEXT_PHASE are set by Next.js itself, not configuration (lib/env.ts).
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { installServerHook } = await import('./lib/http/server-hook');
    installServerHook();
    // A TRUSTED_PROXIES that does not parse stops the server here, not at the first sign-in.
    const { clientIpOptions } = await import('./lib/http/client-ip');
    clientIpOptions();
    const { startAppMail } = await import('./lib/mail/worker');
    await startAppMail();
  }
}
