/**
 * Runs once when a Next.js server starts (`next start`, `next dev`). It starts the mail queue,
 * which every enqueue needs, and with MAIL_WORKER=inline (the default) the mail worker, in the
 * app's own process: with PGlite nothing else may open the database. With MAIL_WORKER=off the
 * worker runs as `npm run worker` instead (PostgreSQL only).
 *
 * Not on the edge runtime (no database there), and not while `next build` renders pages: the
 * build must never open the database. Failures are logged by startAppMail, never thrown, so the
 * site still serves pages when mail cannot start.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME and NEXT_PHASE are set by Next.js itself, not configuration (lib/env.ts).
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startAppMail } = await import('./lib/mail/worker');
    await startAppMail();
  }
}
