import { z } from 'zod';

/**
 * Every environment variable the app reads, validated once. Documented in the README with its
 * default; nothing else in the code reads process.env for configuration.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(z.url().optional());

/** An IPv4 or IPv6 address, maybe with a /prefix: the shape only. */
const IP_OR_NETWORK = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string. Without it the app uses embedded PGlite. */
  DATABASE_URL: optionalUrl.optional(),
  /** Where PGlite keeps its files when DATABASE_URL is not set. */
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
  /** A PostgreSQL server for the test suite's second engine (a scratch database is made per file). */
  TEST_DATABASE_URL: optionalUrl.optional(),
  /** The public address of the app, for absolute links in mail, feeds and sitemaps. */
  APP_URL: z.url().default('http://localhost:3000'),

  // --- Identity (lib/auth) ---
  /** Secret that signs Auth.js cookies and hashes link tokens. Required in production; dev and tests use a fixed one. */
  AUTH_SECRET: optionalString,
  /** Rate limits on sign-in links per hour (lib/limits/rules.ts): per address from one client address… */
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  /** …per address from all clients, past which only a client's first request gets a link… */
  SIGN_IN_CEILING_PER_ADDRESS: z.coerce.number().int().positive().default(10),
  /** …and per client address. */
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),

  // --- The client's address (lib/http/client-ip.ts) ---
  /** Proxies whose forwarded header is believed: IP addresses and CIDR networks. Unset: none, the socket address counts. */
  // The form here (client bundles import this file, so no node:net); lib/http/client-ip.ts checks
  // each address and prefix exactly when the server starts (instrumentation.ts).
  TRUSTED_PROXIES: optionalString.refine((value) => !value || value.split(/[\s,]+/).filter(Boolean).every((entry) => IP_OR_NETWORK.test(entry)), {
    message: 'must be IP addresses or CIDR networks (192.0.2.10, 10.0.0.0/8, fd00::/8), separated by commas',
  }),
  /** Or the number of proxies every request passes through (each appends one forwarded entry). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().nonnegative().max(10).default(0),
  /** The header those proxies append the client's address to ('x-forwarded-for', or 'x-real-ip' from one proxy). */
  CLIENT_IP_HEADER: z.string().trim().toLowerCase().default('x-forwarded-for'),

  // --- Mail (lib/mail) ---
  /** Resend API key. Without it, mail goes to the dev mailbox (/dev/mailbox). */
  RESEND_API_KEY: optionalString,
  /** Resend API address; tests point it at the fake server (lib/testing/fake-resend.ts). */
  RESEND_BASE_URL: optionalUrl.optional(),
  /** Signing secret of the Resend webhook (`whsec_…`): /api/webhooks/resend refuses every delivery without it. */
  RESEND_WEBHOOK_SECRET: optionalString,
  /** The sender of every email: "Name <address>". */
  MAIL_FROM: z.string().trim().min(3).default('Untwin <no-reply@untwin.localhost>'),
  /** Provider requests per second, across every worker (Resend's default limit is 2). */
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().default(2),
  /** Attempts before a message is marked failed (an admin can retry it). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  /** 'inline': the app process runs the mail worker (default); 'off': run `npm run worker` instead. */
  MAIL_WORKER: z.enum(['inline', 'off']).default('inline'),
  /** Show /dev/mailbox in a production build (only ever without RESEND_API_KEY): 'on' or unset. */
  DEV_MAILBOX: z.enum(['on', 'off']).default('off'),

  // --- Appeals (lib/appeals/rules.ts) ---
  /** The rate ladder per activist: at least this many seconds between two appeals… */
  APPEAL_MIN_SECONDS_BETWEEN: z.coerce.number().int().positive().default(2),
  /** …at most this many in any hour… */
  APPEAL_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(6),
  /** …and this many in any 24 hours. */
  APPEAL_LIMIT_PER_DAY: z.coerce.number().int().positive().default(20),
  /** Letters the app sends to one council in a day (UTC) before the rest wait for that day's digest. */
  COUNCIL_DAILY_CAP: z.coerce.number().int().nonnegative().default(10),
  /** How many of a person's appeals an organiser approves before the next ones go out unreviewed. */
  APPEALS_BEFORE_TRUST: z.coerce.number().int().nonnegative().default(1),

  // --- Notifications (lib/notifications) ---
  /** How often the worker looks for ties whose status changed, in seconds. */
  NOTIFY_SCAN_SECONDS: z.coerce.number().int().positive().default(60),
  /** Changes to one council within this many seconds of the first go to each subscriber as one mail. */
  NOTIFY_GROUP_SECONDS: z.coerce.number().int().nonnegative().default(3600),
  /** Follow requests (confirmation mails) per address per hour, and per client address per hour. */
  FOLLOW_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(3),
  FOLLOW_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
}).refine((e) => !(e.TRUSTED_PROXIES && e.TRUSTED_PROXY_HOPS > 0), {
  message: 'set TRUSTED_PROXIES or TRUSTED_PROXY_HOPS, not both',
  path: ['TRUSTED_PROXY_HOPS'],
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`Invalid environment variables:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}
